// Checkpoint identity: what a run records about the weights it evaluated, without reading them.
// The fingerprint covers file names and sizes, and full hashes of the small files that define the
// model (configs, the safetensors index, tokenizer files, ONNX graphs); weight shards are named
// and sized, never read whole.
import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';

export interface CheckpointInfo {
  /** Absolute path of the folder or file. */
  path: string;
  /** 16 hex digits over the manifest. */
  fingerprint: string;
  /** Training step, from the folder name or trainer_state.json; undefined when neither says. */
  step?: number;
  /** What the fingerprint covers: [relative name, size, sha256 prefix or null]. */
  manifest: [string, number, string | null][];
}

const STEP_PATTERNS = [
  /(?:^|[^a-z])global_step[-_]?(\d+)$/i,
  /(?:^|[^a-z])checkpoint[-_]?(\d+)$/i,
  /(?:^|[^a-z])step[-_]?(\d+)$/i,
  /(?:^|[^a-z])iter[-_]?(\d+)$/i,
];

/** The step in a folder name: 'step-1000', 'checkpoint-500', 'global_step200', 'iter_0001000'. */
export function stepFromName(name: string): number | undefined {
  const base = name.replace(/\.(gguf|onnx)$/i, '');
  for (const re of STEP_PATTERNS) {
    const m = re.exec(base);
    if (m) return Number(m[1]);
  }
  return undefined;
}

function stepFromTrainerState(dir: string): number | undefined {
  try {
    const state = JSON.parse(readFileSync(join(dir, 'trainer_state.json'), 'utf8')) as { global_step?: unknown };
    return typeof state.global_step === 'number' && Number.isInteger(state.global_step) && state.global_step >= 0
      ? state.global_step
      : undefined;
  } catch {
    return undefined;
  }
}

// Trainer state that does not change what the model answers.
const IGNORED = /^(optimizer|scheduler|rng_state|training_args|trainer_state|latest$|zero_to_fp32)/i;
// Small files that define the model: hashed in full when under the size cap.
const HASHED = /(\.json|\.onnx|tokenizer\.model|\.txt|\.jinja)$/i;
const HASH_CAP = 64 * 1024 * 1024;

/** Identity of a checkpoint folder or single file (.gguf, .onnx). Throws if the path does not exist. */
export function checkpointInfo(path: string): CheckpointInfo {
  const abs = resolve(path);
  const st = statSync(abs);
  const manifest: [string, number, string | null][] = [];
  if (st.isFile()) {
    manifest.push([basename(abs), st.size, headTailHash(abs, st.size)]);
  } else {
    walk(abs, '', 0, manifest);
  }
  manifest.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const fingerprint = createHash('sha256').update(JSON.stringify(manifest)).digest('hex').slice(0, 16);
  const step = stepFromName(basename(abs)) ?? (st.isDirectory() ? stepFromTrainerState(abs) : undefined);
  return step === undefined ? { path: abs, fingerprint, manifest } : { path: abs, fingerprint, step, manifest };
}

function walk(root: string, rel: string, depth: number, out: [string, number, string | null][]): void {
  for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
    const name = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.name.startsWith('.') || IGNORED.test(entry.name)) continue;
    // DeepSpeed keeps optimizer shards in global_stepN/ inside an HF checkpoint: not the weights.
    if (entry.isDirectory()) {
      if (depth < 1 && !/^global_step/i.test(entry.name)) walk(root, name, depth + 1, out);
      continue;
    }
    if (!entry.isFile()) continue;
    const size = statSync(join(root, name)).size;
    out.push([name, size, HASHED.test(entry.name) && size <= HASH_CAP ? fileHash(join(root, name)) : null]);
  }
}

function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
}

/** Large single files (a GGUF): the first and last MiB, where the header and the last tensors live. */
function headTailHash(path: string, size: number): string {
  if (size <= 2 * 1024 * 1024) return fileHash(path);
  const h = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1024 * 1024);
    readSync(fd, buf, 0, buf.length, 0);
    h.update(buf);
    readSync(fd, buf, 0, buf.length, size - buf.length);
    h.update(buf);
  } finally {
    closeSync(fd);
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * Why a Hugging Face checkpoint folder cannot be served yet, or undefined when it looks complete: a
 * live training run may be writing the newest folder right now. Checks config.json and that every
 * shard the safetensors (or PyTorch) index names is there.
 */
export function incompleteReason(path: string): string | undefined {
  let names: string[];
  try {
    if (!statSync(path).isDirectory()) return undefined;
    names = readdirSync(path);
  } catch (err) {
    return (err as Error).message;
  }
  if (!names.includes('config.json')) return 'no config.json';
  for (const index of names.filter((n) => /\.index\.json$/.test(n))) {
    let map: Record<string, string>;
    try {
      map =
        (JSON.parse(readFileSync(join(path, index), 'utf8')) as { weight_map?: Record<string, string> }).weight_map ??
        {};
    } catch {
      return `${index} is not readable JSON (still being written?)`;
    }
    const missing = [...new Set(Object.values(map))].filter((f) => !names.includes(f));
    if (missing.length)
      return `${index} names ${missing.length} missing file${missing.length === 1 ? '' : 's'} (${missing.slice(0, 2).join(', ')})`;
  }
  if (!names.some((n) => /\.(safetensors|bin|pt|gguf)$/.test(n) && !IGNORED.test(n))) return 'no weight files';
  return undefined;
}
