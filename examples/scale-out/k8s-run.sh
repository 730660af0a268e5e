#!/usr/bin/env bash
# Runs the shards as an Indexed Job, waits for them, then merges and builds the site.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
kubectl apply -f "$here/k8s-indexed-job.yaml"
# Complete or failed (some shard ran out of retries): merge either way; the merge names what is missing.
kubectl wait --for=condition=complete job/genbench-shards --timeout=48h &
kubectl wait --for=condition=failed job/genbench-shards --timeout=48h &
wait -n || true
kill %1 %2 2>/dev/null || true
kubectl delete job genbench-merge --ignore-not-found
kubectl apply -f "$here/k8s-merge-job.yaml"
kubectl wait --for=condition=complete job/genbench-merge --timeout=2h
kubectl logs job/genbench-merge
