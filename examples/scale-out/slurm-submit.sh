#!/usr/bin/env bash
# Submits the shard array and a merge that runs once every task ended (afterany: a failed shard
# is named by the merge; resubmit it with `sbatch --array=<i> slurm-array.sbatch` and merge again).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p logs
jid=$(sbatch --parsable "$here/slurm-array.sbatch")
sbatch --dependency="afterany:${jid}" "$here/slurm-merge.sbatch"
echo "shards: job ${jid}; merge queued after it"
