// `bench doctor`: what this machine can run models with — the inference servers genbench can
// start (vLLM, SGLang, llama.cpp), ONNX Runtime and its execution providers, and the GPUs.
// Read-only, every probe has a time limit, and it always exits 0: it informs, it does not gate.
import type { Command } from 'commander';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { terminalSafe } from '../core/escape.js';
import { PROGRAMS, whichSync, type ServerKind } from '../models/servers/index.js';
import { CUDA_INSTALL_COMMAND, cudaProviderLibrary, ortBinDir } from '../models/onnx/device.js';

export interface DoctorReport {
  servers: {
    kind: ServerKind;
    label: string;
    envVar: string;
    found: boolean;
    command?: string;
    version?: string;
    note?: string;
  }[];
  onnx: { installed: boolean; version?: string; providers: string[]; cuda: boolean; note?: string };
  gpus: string[];
}

function probe(cmd: string, args: string[], timeoutMs: number): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

function serverInfo(kind: ServerKind, env: NodeJS.ProcessEnv): DoctorReport['servers'][number] {
  const p = PROGRAMS[kind];
  const found = p.find(env);
  const base = { kind, label: p.label, envVar: p.envVar };
  if ('missing' in found)
    return { ...base, found: false, note: `${found.missing}; install: ${p.install}, or set ${p.envVar}` };
  const command = found.command.join(' ');
  if (kind === 'sglang') {
    // find_spec does not import sglang (which would take seconds and touch the GPU).
    const r = probe(
      found.command[0]!,
      [
        '-c',
        "import importlib.util as u, importlib.metadata as m, sys\nsys.exit(1) if u.find_spec('sglang') is None else print(m.version('sglang'))",
      ],
      15_000,
    );
    return r.ok
      ? { ...base, found: true, command, version: r.out.split('\n').pop() }
      : {
          ...base,
          found: false,
          command,
          note: `${found.command[0]} has no sglang module; install: ${p.install}, or set ${p.envVar}`,
        };
  }
  const r = probe(found.command[0]!, [...found.command.slice(1), '--version'], 30_000);
  const version = r.ok ? r.out.split('\n').filter(Boolean).pop()?.slice(0, 80) : undefined;
  return version
    ? { ...base, found: true, command, version }
    : { ...base, found: true, command, note: 'found; --version did not answer' };
}

function onnxInfo(): DoctorReport['onnx'] {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve('onnxruntime-node');
  } catch {
    return {
      installed: false,
      providers: [],
      cuda: false,
      note: 'onnxruntime-node is not installed (an optional dependency): npm install onnxruntime-node',
    };
  }
  let version: string | undefined;
  try {
    version = (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version?: string })
      .version;
  } catch {
    /* version unknown */
  }
  const cuda = existsSync(cudaProviderLibrary(ortBinDir()));
  const out: DoctorReport['onnx'] = { installed: true, providers: cuda ? ['cpu', 'cuda'] : ['cpu'], cuda };
  if (version) out.version = version;
  if (!cuda)
    out.note = `CUDA execution provider not installed (onnx: runs on the CPU); to add it: ${CUDA_INSTALL_COMMAND} (steps: src/models/onnx/README.md, "Devices and the CUDA execution provider")`;
  return out;
}

function gpus(env: NodeJS.ProcessEnv): string[] {
  if (!whichSync('nvidia-smi', env)) return [];
  const r = probe('nvidia-smi', ['--query-gpu=name,memory.total,driver_version', '--format=csv,noheader'], 10_000);
  return r.ok
    ? r.out
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
    : [];
}

export function doctorReport(env: NodeJS.ProcessEnv = process.env): DoctorReport {
  return {
    servers: (['vllm', 'sglang', 'llamacpp'] as const).map((k) => serverInfo(k, env)),
    onnx: onnxInfo(),
    gpus: gpus(env),
  };
}

export function formatDoctor(r: DoctorReport): string {
  const lines = ['Inference servers (vllm:, sglang:, llamacpp: model specs):'];
  for (const s of r.servers) {
    lines.push(
      `  ${s.found ? '✓' : '✗'} ${s.label.padEnd(10)} ${s.found ? `${s.command}${s.version ? ` (${s.version})` : ''}` : ''}${s.note ? `${s.found ? ' — ' : ''}${s.note}` : ''}`,
    );
  }
  lines.push('', 'ONNX Runtime (onnx: model specs):');
  if (!r.onnx.installed) lines.push(`  ✗ ${r.onnx.note}`);
  else {
    lines.push(
      `  ✓ onnxruntime-node${r.onnx.version ? ` ${r.onnx.version}` : ''}: execution providers ${r.onnx.providers.join(', ')}`,
    );
    if (r.onnx.note) lines.push(`  ✗ ${r.onnx.note}`);
  }
  lines.push('', 'GPUs (nvidia-smi):');
  lines.push(...(r.gpus.length ? r.gpus.map((g) => `  ${g}`) : ['  none found']));
  return `${terminalSafe(lines.join('\n'))}\n`;
}

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description('which inference servers, ONNX Runtime execution providers and GPUs this machine has (read-only)')
    .option('--json', 'print the findings as JSON')
    .action((flags: { json?: boolean }) => {
      const r = doctorReport();
      process.stdout.write(flags.json ? `${JSON.stringify(r, null, 2)}\n` : formatDoctor(r));
      process.exitCode = 0;
    });
}
