// The scale-out launchers in examples/scale-out parse, map the scheduler's index to the shard,
// agree on the shard count, merge and build the site afterwards, and only use bench commands and
// flags that exist.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ROOT, bench } from '../helpers/cli.js';

const dir = join(ROOT, 'examples', 'scale-out');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');
function docs(f: string): any[] {
  const parsed = parseAllDocuments(read(f));
  for (const d of parsed) expect(d.errors, f).toEqual([]);
  return parsed.map((d) => d.toJS());
}
const bashSyntaxOk = (script: string) => execFileSync('bash', ['-n'], { input: script }).length === 0;

/** Every `bench <command> …` invocation (continuation lines joined) with its --flags. */
function invocations(text: string): { command: string; flags: string[] }[] {
  const joined = text.replace(/\\\n\s*/g, ' ');
  return [...joined.matchAll(/\bnpx bench (\w+)([^\n]*)/g)].map((m) => ({
    command: m[1]!,
    flags: [...m[2]!.matchAll(/(?:^|\s)(--[a-z][\w-]*)/g)].map((f) => f[1]!),
  }));
}

describe('Kubernetes Indexed Job', () => {
  const [pvc, job] = docs('k8s-indexed-job.yaml');
  const [merge] = docs('k8s-merge-job.yaml');

  it('runs one shard per completion index, into its own database on the shared volume', () => {
    expect(pvc.kind).toBe('PersistentVolumeClaim');
    expect(job).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job', spec: { completionMode: 'Indexed' } });
    const shards = Number(job.spec.template.spec.containers[0].env.find((e: any) => e.name === 'SHARDS').value);
    expect(job.spec.completions).toBe(shards);
    expect(job.spec.parallelism).toBe(shards);
    const script: string = job.spec.template.spec.containers[0].args[0];
    expect(script).toContain('--shard "${JOB_COMPLETION_INDEX}/${SHARDS}"');
    expect(script).toMatch(/OUT="\/results\/shard-\$\{JOB_COMPLETION_INDEX\}\.sqlite"/);
    expect(bashSyntaxOk(script)).toBe(true);
    // The model server is a native sidecar, so the pod completes when bench exits.
    expect(job.spec.template.spec.initContainers[0].restartPolicy).toBe('Always');
  });

  it('is followed by a merge and the site build over the same volume', () => {
    expect(merge.kind).toBe('Job');
    const script: string = merge.spec.template.spec.containers[0].args[0];
    expect(script).toMatch(/bench merge \/results\/shard-\*\.sqlite --into \/results\/genbench\.sqlite/);
    expect(script).toMatch(/bench leaderboard --db \/results\/genbench\.sqlite/);
    expect(merge.spec.template.spec.volumes[0].persistentVolumeClaim.claimName).toBe(pvc.metadata.name);
    expect(bashSyntaxOk(script)).toBe(true);
    expect(read('k8s-run.sh')).toMatch(
      /kubectl wait[^\n]*job\/genbench-shards[\s\S]*kubectl apply -f[^\n]*k8s-merge-job\.yaml/,
    );
  });
});

describe('Slurm job array', () => {
  it('maps SLURM_ARRAY_TASK_ID to the shard and queues the merge after every task', () => {
    const array = read('slurm-array.sbatch');
    const m = /#SBATCH --array=0-(\d+)/.exec(array);
    expect(m).not.toBeNull();
    expect(array).toContain('--shard "${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT}"');
    expect(read('slurm-submit.sh')).toMatch(/sbatch --dependency="afterany:\$\{jid\}"[^\n]*slurm-merge\.sbatch/);
    expect(read('slurm-merge.sbatch')).toMatch(
      /bench merge "\$RESULTS"\/shard-\*\.sqlite --into[\s\S]*bench leaderboard/,
    );
    for (const f of ['slurm-array.sbatch', 'slurm-merge.sbatch', 'slurm-submit.sh', 'k8s-run.sh'])
      expect(bashSyntaxOk(read(f)), f).toBe(true);
  });
});

describe('GitHub Actions matrix', () => {
  const [wf] = docs('github-matrix.yml');

  it('runs one job per shard and a merge job that needs them all, even when one failed', () => {
    const shards = Number(wf.env.SHARDS);
    expect(wf.jobs.shard.strategy.matrix.shard).toEqual([...Array(shards).keys()]);
    expect(wf.jobs.shard.strategy['fail-fast']).toBe(false);
    const run = wf.jobs.shard.steps.map((s: any) => s.run ?? '').join('\n');
    expect(run).toContain('--shard "${{ matrix.shard }}/$SHARDS"');
    expect(wf.jobs.merge.needs).toBe('shard');
    expect(wf.jobs.merge.if).toBe('always()');
    const steps: string = wf.jobs.merge.steps.map((s: any) => s.run ?? '').join('\n');
    expect(steps).toMatch(/bench merge shards\/shard-\*\.sqlite --into results\/genbench\.sqlite/);
    expect(steps).toMatch(/bench leaderboard --db results\/genbench\.sqlite/);
    for (const job of Object.values<any>(wf.jobs))
      for (const s of job.steps) expect(Boolean(s.uses) !== Boolean(s.run)).toBe(true);
  });
});

describe('every launcher', () => {
  it('uses only bench commands and flags that exist', async () => {
    const files = [
      'k8s-indexed-job.yaml',
      'k8s-merge-job.yaml',
      'slurm-array.sbatch',
      'slurm-merge.sbatch',
      'github-matrix.yml',
    ];
    const used = files.flatMap((f) => invocations(read(f)));
    expect(new Set(used.map((u) => u.command))).toEqual(new Set(['run', 'merge', 'report', 'leaderboard']));
    for (const command of new Set(used.map((u) => u.command))) {
      const help = await bench([command, '--help']);
      expect(help.code).toBe(0);
      for (const u of used.filter((x) => x.command === command))
        for (const flag of u.flags) expect(help.stdout, `bench ${command} ${flag}`).toContain(flag);
    }
  }, 120_000);
});
