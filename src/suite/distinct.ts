// Distinct items within a task (issue 17): a task's items are the first n indices whose problem
// (by `dedupKeyOf`) has not occurred at a lower index. Duplicate indices are skipped, never
// renumbered, so the id of every kept item is the id it always had. A task asking for more than
// its region holds is capped at what the region gave.
//
// Finding the duplicates needs the problems, which costs generation. Shipped suites read the
// answer from `suites/distinct.json` (written by `scripts/distinct-manifest.ts`, checked by
// tests/suite/distinct.test.ts), so `bench run` starts without generating anything; any other
// task is scanned once per process.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../core/rng.js';
import { canonicalJson, sha256, stableHash } from '../core/hash.js';
import { packageRoot } from '../core/paths.js';
import type { Problem } from '../core/types.js';
import type { SuiteTask } from './load.js';

/**
 * What makes two problems the same: the generator's `dedupKey`, else the prompt and the truth
 * together (an episode can open with the same prompt over a different hidden state).
 */
export function dedupKeyOf(problem: Problem): string {
  return problem.dedupKey ?? sha256(canonicalJson({ messages: problem.messages, truth: problem.truth ?? null }));
}

/** What a scan of a task's index stream found. */
export interface DistinctScan {
  /** Indices 0..scanned-1 were generated. */
  scanned: number;
  /** The duplicate indices among them, ascending. */
  skip: number[];
  /** The scan stopped because no new problem turned up for a long stretch: the region is spent. */
  exhausted: boolean;
}

/** The selection of one task: the item indices to use, and whether the region ran short. */
export interface Selection {
  indices: number[];
  /** Fewer indices than asked: the region holds no more distinct problems (by the stall rule). */
  capped: boolean;
}

/**
 * A scan gives up after this many consecutive draws bring nothing new: 10 × the distinct problems
 * found so far (at least 1,000). A region of R equally likely problems leaves one unseen with
 * probability about e^-10 at that point.
 */
export const stallLimit = (found: number) => Math.max(1000, 10 * found);

/** Identifies a task's index stream: generator, version, params and seed (not n). */
export function streamKey(task: Pick<SuiteTask, 'generator' | 'params' | 'seed'>): string {
  return stableHash({ g: task.generator.name, v: task.generator.version, p: task.params, s: String(task.seed) }, 24);
}

/** Generates items from index 0 until `want` distinct problems or the stall rule. */
export function scanTask(task: Pick<SuiteTask, 'generator' | 'params' | 'seed'>, want: number): DistinctScan {
  const keys = new Set<string>();
  const skip: number[] = [];
  let stall = 0;
  let i = 0;
  for (; keys.size < want; i++) {
    const key = dedupKeyOf(task.generator.generate(task.params, Rng.forItem(task.seed, i)));
    if (keys.has(key)) {
      skip.push(i);
      if (++stall >= stallLimit(keys.size)) return { scanned: i + 1, skip, exhausted: true };
    } else {
      keys.add(key);
      stall = 0;
    }
  }
  return { scanned: i, skip, exhausted: false };
}

/** The first `want` kept indices of a scan, or undefined when the scan does not reach that far. */
export function indicesFrom(scan: DistinctScan, want: number): Selection | undefined {
  const indices: number[] = [];
  const skip = new Set(scan.skip);
  for (let i = 0; i < scan.scanned && indices.length < want; i++) if (!skip.has(i)) indices.push(i);
  if (indices.length >= want) return { indices, capped: false };
  return scan.exhausted ? { indices, capped: true } : undefined;
}

export const MANIFEST_FILE = 'distinct.json';
let manifest: Map<string, DistinctScan> | undefined;
const scanned = new Map<string, DistinctScan>();

/** The shipped scans (`suites/distinct.json`), read once. */
export function shippedScans(): Map<string, DistinctScan> {
  if (!manifest) {
    const file = join(packageRoot(), 'suites', MANIFEST_FILE);
    const json = existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as { streams?: Record<string, DistinctScan> })
      : {};
    manifest = new Map(Object.entries(json.streams ?? {}));
  }
  return manifest;
}

/** The item indices of a task's first `want` distinct problems (cached per process). */
export function distinctIndices(task: Pick<SuiteTask, 'generator' | 'params' | 'seed'>, want: number): Selection {
  const key = streamKey(task);
  for (const scan of [scanned.get(key), shippedScans().get(key)]) {
    const sel = scan && indicesFrom(scan, want);
    if (sel) return sel;
  }
  const scan = scanTask(task, want);
  scanned.set(key, scan);
  return indicesFrom(scan, want)!;
}

/**
 * Caps every scored task of a suite at the distinct problems its region holds; returns one
 * warning per capped task. Training tasks are left alone (`trainItems` de-duplicates itself).
 */
export function capToDistinct(tasks: SuiteTask[]): string[] {
  const warnings: string[] = [];
  for (const task of tasks) {
    if (task.split === 'train') continue;
    const sel = distinctIndices(task, task.n);
    if (!sel.capped) continue;
    warnings.push(
      `task '${task.id}' asks for ${task.n} items but its region (${task.generator.name} ${canonicalJson(task.rawParams)}) holds only ${sel.indices.length} distinct problems: capped at ${sel.indices.length}`,
    );
    task.requestedN = task.n;
    task.n = sel.indices.length;
  }
  return warnings;
}
