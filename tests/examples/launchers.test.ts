// The nightly launchers in examples/ are documentation users copy: the GitHub workflows must pass
// GitHub's workflow schema (SchemaStore's, in tests/fixtures/schemas), the Kubernetes manifest must
// be a well-formed Job, the Slurm script valid bash, and every `bench` command must use real flags.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { Command } from 'commander';
import { registerRun } from '../../src/cli/run.js';
import { registerGate } from '../../src/cli/gate.js';
import { registerReport } from '../../src/cli/report.js';
import { registerLeaderboard } from '../../src/cli/leaderboard.js';
import { registerDoctor } from '../../src/cli/doctor.js';
import { ROOT } from '../helpers/cli.js';

const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
const WORKFLOWS = ['examples/nightly-checkpoints.yml', 'examples/ci-gate.yml'];

function knownFlags(): Map<string, Set<string>> {
  const program = new Command();
  for (const register of [registerRun, registerGate, registerReport, registerLeaderboard, registerDoctor])
    register(program);
  return new Map(
    program.commands.map((c) => [
      c.name(),
      new Set(c.options.flatMap((o) => [o.long, o.short].filter(Boolean) as string[])),
    ]),
  );
}

/** Every `bench <command> …` (npx bench, or a shell function named bench) with its flags. */
function benchCommands(script: string): { command: string; flags: string[]; line: string }[] {
  const joined = script.replace(/\\\n\s*/g, ' ');
  return joined.split('\n').flatMap((line) => {
    const m = /(?:^|[\s;(])(?:npx )?bench (run|gate|report|leaderboard|doctor)\b(.*)$/.exec(line);
    if (!m) return [];
    return [{ command: m[1]!, flags: m[2]!.match(/(?<=\s)--?[a-z][\w-]*/g) ?? [], line }];
  });
}

function expectRealFlags(script: string, what: string): number {
  const known = knownFlags();
  const cmds = benchCommands(script);
  for (const c of cmds)
    for (const f of c.flags) expect(known.get(c.command), `${what}: ${f} in: ${c.line}`).toContain(f);
  return cmds.length;
}

describe('examples: nightly launchers', () => {
  const schema = JSON.parse(read('tests/fixtures/schemas/github-workflow.json'));
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

  it.each(WORKFLOWS)('%s passes the GitHub workflow schema', (file) => {
    const ok = validate(parse(read(file)));
    expect(validate.errors ?? [], file).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check catches a broken workflow', () => {
    const wf = parse(read('examples/nightly-checkpoints.yml'));
    wf.jobs.evaluate['runs-on'] = 42;
    delete wf.jobs.promote.steps;
    expect(validate(wf)).toBe(false);
  });

  it('the nightly workflow is scheduled, installs genbench from git, caches, caps, serves, gates, uploads, summarizes', () => {
    const text = read('examples/nightly-checkpoints.yml');
    const wf = parse(text);
    expect(wf.on.schedule[0].cron).toMatch(/^\S+ \S+ \S+ \S+ \S+$/);
    expect(wf.env.GENBENCH_GIT).toMatch(/^git\+https:\/\/.*\.git(#.+)?$/);
    const steps = wf.jobs.evaluate.steps as { uses?: string; run?: string; with?: Record<string, unknown> }[];
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npm install --no-save "$GENBENCH_GIT"');
    expect(steps.some((s) => s.uses?.startsWith('actions/cache') && s.with?.path === '~/.npm')).toBe(true);
    expect(steps.some((s) => s.uses?.startsWith('actions/cache/restore') && s.with?.path === 'results')).toBe(true);
    expect(steps.some((s) => s.uses?.startsWith('actions/cache/save') && s.with?.path === 'results')).toBe(true);
    expect(wf.jobs.evaluate['runs-on']).toEqual(expect.arrayContaining(['self-hosted', 'gpu']));
    expect(runs).toMatch(/bench run .*-n "\$ITEMS_PER_TASK".*--model "vllm:\$CHECKPOINTS\/checkpoint-\*"/s);
    expect(runs).toMatch(/bench gate .*--candidate "series:\$SERIES@latest"/s);
    expect(runs).toContain('$GITHUB_STEP_SUMMARY');
    expect(
      steps.some((s) => s.uses?.startsWith('actions/upload-artifact') && String(s.with?.path).includes('site')),
    ).toBe(true);
    // The frozen baseline is updated only by hand, behind an environment, as a pull request.
    expect(wf.jobs.promote.environment).toBeTruthy();
    expect(wf.jobs.promote.steps.map((s: { run?: string }) => s.run ?? '').join('\n')).toMatch(
      /--save-baseline[\s\S]*gh pr create/,
    );
    expect(expectRealFlags(text, 'nightly-checkpoints.yml')).toBeGreaterThanOrEqual(6);
  });

  it('no example installs genbench from the npm registry (it is not published there)', () => {
    for (const f of [
      ...WORKFLOWS,
      'examples/nightly-checkpoints.sbatch',
      'examples/nightly-checkpoints-k8s.yaml',
      'README.md',
    ]) {
      expect(read(f), f).not.toMatch(/npm (install|i)( --no-save)? genbench\b/);
    }
    expect(read('README.md')).toMatch(/npm install --no-save "git\+https:\/\/github\.com\/[^"]+\/genbench\.git/);
  });

  it('the Slurm script is valid bash, asks for a GPU and uses real flags', () => {
    const text = read('examples/nightly-checkpoints.sbatch');
    execFileSync('bash', ['-n', join(ROOT, 'examples/nightly-checkpoints.sbatch')]);
    expect(text).toMatch(/^#SBATCH --gres=gpu:\d+$/m);
    expect(text).toMatch(/git clone .*"\$GENBENCH_GIT"/);
    expect(expectRealFlags(text, 'nightly-checkpoints.sbatch')).toBeGreaterThanOrEqual(5);
  });

  it('the Kubernetes manifest is a CronJob whose Job has the required fields and a GPU', () => {
    const text = read('examples/nightly-checkpoints-k8s.yaml');
    const m = parse(text);
    expect(m).toMatchObject({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: expect.any(String) } });
    expect(m.spec.schedule).toMatch(/^\S+ \S+ \S+ \S+ \S+$/);
    const pod = m.spec.jobTemplate.spec.template.spec;
    expect(['Never', 'OnFailure']).toContain(pod.restartPolicy);
    expect(pod.containers).toHaveLength(1);
    const c = pod.containers[0];
    expect(c).toMatchObject({ name: expect.any(String), image: expect.any(String) });
    expect(c.resources.limits['nvidia.com/gpu']).toBeGreaterThanOrEqual(1);
    const mounts = new Set(c.volumeMounts.map((v: { name: string }) => v.name));
    for (const v of pod.volumes) expect(mounts).toContain(v.name);
    const script = c.args.join('\n');
    execFileSync('bash', ['-n', '-c', script]);
    expect(expectRealFlags(script, 'nightly-checkpoints-k8s.yaml')).toBeGreaterThanOrEqual(5);
  });
});
