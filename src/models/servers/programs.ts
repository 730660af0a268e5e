// The servers genbench can start, how to find each program and how to ask it to serve one
// checkpoint. Flags follow each server's own CLI: `vllm serve MODEL --tensor-parallel-size …`,
// `python -m sglang.launch_server --model-path … --tp-size …`, `llama-server -m FILE -c …`.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export type ServerKind = 'vllm' | 'sglang' | 'llamacpp';

export interface ServerSettings {
  tp?: number;
  dp?: number;
  maxModelLen?: number;
  gpuMemoryUtilization?: number;
  dtype?: string;
  /** Extra flags passed through to the server as written. */
  args: string[];
}

export interface ServerProgram {
  kind: ServerKind;
  label: string;
  /** The variable that overrides the command (a path, or a command line like 'python3 -m vllm.entrypoints.cli.main'). */
  envVar: string;
  install: string;
  /** The command the user has, or undefined with the reason. */
  find(env: Record<string, string | undefined>): { command: string[] } | { missing: string };
  argv(checkpoint: string, host: string, port: number, servedName: string, s: ServerSettings): string[];
}

/** An executable named `name` on PATH (or the path itself when it has a slash). */
export function whichSync(name: string, env: Record<string, string | undefined> = process.env): string | undefined {
  const candidates = name.includes('/')
    ? [name]
    : (env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((d) => join(d, name));
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      /* next */
    }
  }
  return undefined;
}

/** Splits an override command on whitespace ("python3 -m sglang.launch_server"); quotes are not interpreted. */
function overrideOf(env: Record<string, string | undefined>, envVar: string): string[] | undefined {
  const raw = env[envVar]?.trim();
  return raw ? raw.split(/\s+/) : undefined;
}

function findWith(
  env: Record<string, string | undefined>,
  envVar: string,
  fallback: () => string[] | undefined,
  what: string,
) {
  const override = overrideOf(env, envVar);
  const command = override ?? fallback();
  if (!command) return { missing: `${what} not found on PATH` };
  if (!whichSync(command[0]!, env))
    return { missing: `'${command[0]}' (from ${override ? envVar : 'PATH'}) is not an executable` };
  return { command };
}

const opt = (flag: string, v: string | number | undefined): string[] => (v === undefined ? [] : [flag, String(v)]);

export const PROGRAMS: Record<ServerKind, ServerProgram> = {
  vllm: {
    kind: 'vllm',
    label: 'vLLM',
    envVar: 'GENBENCH_VLLM',
    install: 'pip install vllm',
    find: (env) => findWith(env, 'GENBENCH_VLLM', () => (whichSync('vllm', env) ? ['vllm'] : undefined), 'vllm'),
    argv: (ckpt, host, port, name, s) => [
      'serve',
      ckpt,
      '--host',
      host,
      '--port',
      String(port),
      '--served-model-name',
      name,
      ...opt('--tensor-parallel-size', s.tp),
      ...opt('--data-parallel-size', s.dp),
      ...opt('--max-model-len', s.maxModelLen),
      ...opt('--gpu-memory-utilization', s.gpuMemoryUtilization),
      ...opt('--dtype', s.dtype),
      ...s.args,
    ],
  },
  sglang: {
    kind: 'sglang',
    label: 'SGLang',
    envVar: 'GENBENCH_SGLANG',
    install: 'pip install "sglang[all]"',
    find: (env) =>
      findWith(
        env,
        'GENBENCH_SGLANG',
        () => {
          const py = whichSync('python3', env) ? 'python3' : whichSync('python', env) ? 'python' : undefined;
          return py ? [py, '-m', 'sglang.launch_server'] : undefined;
        },
        'python3 (for python3 -m sglang.launch_server)',
      ),
    argv: (ckpt, host, port, name, s) => [
      '--model-path',
      ckpt,
      '--host',
      host,
      '--port',
      String(port),
      '--served-model-name',
      name,
      ...opt('--tp-size', s.tp),
      ...opt('--dp-size', s.dp),
      ...opt('--context-length', s.maxModelLen),
      ...opt('--mem-fraction-static', s.gpuMemoryUtilization),
      ...opt('--dtype', s.dtype),
      ...s.args,
    ],
  },
  llamacpp: {
    kind: 'llamacpp',
    label: 'llama.cpp',
    envVar: 'GENBENCH_LLAMA_SERVER',
    install: 'build llama.cpp (https://github.com/ggml-org/llama.cpp) or brew install llama.cpp',
    find: (env) =>
      findWith(
        env,
        'GENBENCH_LLAMA_SERVER',
        () => (whichSync('llama-server', env) ? ['llama-server'] : undefined),
        'llama-server',
      ),
    argv: (file, host, port, name, s) => [
      '-m',
      file,
      '--host',
      host,
      '--port',
      String(port),
      '--alias',
      name,
      ...opt('-c', s.maxModelLen),
      ...s.args,
    ],
  },
};
