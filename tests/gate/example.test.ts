// The example CI workflow is documentation users copy: it must stay valid YAML and use only
// flags `bench gate` has, with the model spec forms the providers accept.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Command } from 'commander';
import { registerGate } from '../../src/cli/gate.js';
import { parseModelSpec } from '../../src/models/spec.js';
import { ROOT } from '../helpers/cli.js';

describe('examples/ci-gate.yml', () => {
  it('is a workflow whose bench gate commands use real flags and both model forms', () => {
    const workflow = parse(readFileSync(join(ROOT, 'examples/ci-gate.yml'), 'utf8')) as {
      jobs: Record<string, { steps: { run?: string }[] }>;
    };
    const program = new Command();
    registerGate(program);
    const known = new Set(program.commands[0]!.options.flatMap((o) => [o.long, o.short].filter(Boolean) as string[]));
    const commands = Object.values(workflow.jobs)
      .flatMap((j) => j.steps.map((s) => s.run ?? ''))
      .map((script) => script.replace(/\\\n\s*/g, ' '))
      .flatMap((script) => script.split('\n').filter((l) => /\bnpx bench gate\b/.test(l)));
    expect(commands.length).toBe(3);
    for (const cmd of commands) {
      for (const flag of cmd.match(/(?<=\s)--?[a-z][\w-]*/g) ?? []) expect(known, `${flag} in: ${cmd}`).toContain(flag);
    }
    const candidates = commands.map((c) => /--candidate "([^"]+)"/.exec(c)?.[1]).filter(Boolean) as string[];
    const specs = candidates.map((c) => c.replace('$CHECKPOINT', 'checkpoints/step-2000'));
    expect(specs.map((s) => parseModelSpec(s).provider).sort()).toEqual(['onnx', 'openai-compatible']);
  });
});
