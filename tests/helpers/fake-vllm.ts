// Helpers for tests that run the fake `vllm` (tests/fixtures/fake-vllm/vllm).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

export const FAKE_VLLM = join(ROOT, 'tests/fixtures/fake-vllm/vllm');

export interface FakeEvent {
  event: 'start' | 'request';
  pid: number;
  worker?: number;
  argv?: string[];
  cuda?: string;
  key?: string;
}

export function readEvents(file: string): FakeEvent[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as FakeEvent);
}

/** Alive and not a zombie waiting to be reaped. */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX] /.test(stat);
  } catch {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

export async function waitFor(what: string, cond: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A small Hugging Face-style checkpoint folder. */
export function makeCheckpoint(dir: string, weights = 'w'): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ architectures: ['FakeForCausalLM'], hidden_size: 8 }));
  writeFileSync(join(dir, 'model.safetensors'), weights.repeat(64));
  writeFileSync(join(dir, 'optimizer.pt'), 'optimizer state');
  return dir;
}

/** Kills whatever a failed test left running (only pids the fake recorded). */
export function cleanup(file: string): void {
  for (const e of readEvents(file))
    for (const pid of [e.pid, e.worker])
      if (pid && alive(pid)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
}
