// The options of an onnx model spec. They ride on the spec string as a query, so no CLI flag is
// needed and every option is visible wherever the spec is (run rows, the leaderboard):
//
//   onnx:./checkpoints/step-1000?device=cuda&batch=16&dtype=fp16
//   onnx:demo                      the built-in demo checkpoint (write './demo' for a folder named demo)
import { didYouMean } from '../../core/suggest.js';
import { ModelError } from '../types.js';

export type DeviceChoice = 'cpu' | 'cuda' | 'auto';

/** transformers.js / Optimum file-name suffixes of the weight variants. */
export const DTYPE_SUFFIX = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
  q4f16: '_q4f16',
  bnb4: '_bnb4',
} as const;
export type Dtype = keyof typeof DTYPE_SUFFIX;
export const DTYPES = Object.keys(DTYPE_SUFFIX) as Dtype[];

export interface OnnxOptions {
  /** The checkpoint folder as written, or 'demo'. */
  path: string;
  device: DeviceChoice;
  /** CUDA device index (from 'device=cuda:1'). */
  deviceId: number;
  /** Rows per forward pass; 'auto' picks from the device and the KV-cache size. */
  batch: number | 'auto';
  /** Weight variant; 'auto' takes fp32 on CPU and fp16 on CUDA when present, else the first variant found. */
  dtype: Dtype | 'auto';
  /** An explicit ONNX file inside the folder, overriding dtype. */
  file?: string;
  /** ONNX Runtime intra-op threads (default: ONNX Runtime's choice, one per physical core). */
  threads?: number;
  /** How long the first request of a batch waits for company, in ms. */
  windowMs: number;
}

const KNOWN = ['device', 'batch', 'dtype', 'file', 'threads', 'window'] as const;

function bad(spec: string, what: string): ModelError {
  return new ModelError('config', `bad onnx model spec '${spec}': ${what}`);
}

function positiveInt(spec: string, key: string, raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < 1)
    throw bad(spec, `${key}=${raw}: expected a positive integer`);
  return n;
}

/** `rest` is what follows 'onnx:' in the spec. */
export function parseOnnxOptions(spec: string, rest: string): OnnxOptions {
  const q = rest.indexOf('?');
  const path = (q < 0 ? rest : rest.slice(0, q)).trim();
  if (!path) throw bad(spec, "the checkpoint path is empty (e.g. 'onnx:./checkpoints/step-1000' or 'onnx:demo')");
  const opts: OnnxOptions = { path, device: 'cpu', deviceId: 0, batch: 'auto', dtype: 'auto', windowMs: 5 };
  if (q < 0) return opts;
  const seen = new Set<string>();
  for (const part of rest.slice(q + 1).split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim();
    const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).trim());
    if (!(KNOWN as readonly string[]).includes(key)) {
      throw bad(spec, `unknown option '${key}'.${didYouMean(key, KNOWN)} Known: ${KNOWN.join(', ')}`);
    }
    if (seen.has(key)) throw bad(spec, `option '${key}' is given twice`);
    seen.add(key);
    if (!value) throw bad(spec, `option '${key}' needs a value, e.g. '${key}=${example(key)}'`);
    switch (key) {
      case 'device': {
        const m = /^(cpu|cuda|auto)(?::(\d+))?$/.exec(value);
        if (!m || (m[2] !== undefined && m[1] !== 'cuda'))
          throw bad(spec, `device=${value}: expected cpu, cuda, cuda:<index> or auto`);
        opts.device = m[1] as DeviceChoice;
        opts.deviceId = m[2] === undefined ? 0 : Number(m[2]);
        break;
      }
      case 'batch':
        opts.batch = value === 'auto' ? 'auto' : positiveInt(spec, key, value);
        break;
      case 'dtype':
        if (value !== 'auto' && !(DTYPES as string[]).includes(value)) {
          throw bad(spec, `dtype=${value}: expected auto or one of ${DTYPES.join(', ')}.${didYouMean(value, DTYPES)}`);
        }
        opts.dtype = value as Dtype | 'auto';
        break;
      case 'file':
        if (!/\.onnx$/i.test(value))
          throw bad(spec, `file=${value}: expected the path of an .onnx file inside the checkpoint folder`);
        opts.file = value;
        break;
      case 'threads':
        opts.threads = positiveInt(spec, key, value);
        break;
      case 'window': {
        const n = Number(value);
        if (!/^\d+(\.\d+)?$/.test(value) || n > 10_000)
          throw bad(spec, `window=${value}: expected milliseconds between 0 and 10000`);
        opts.windowMs = n;
        break;
      }
    }
  }
  if (opts.dtype !== 'auto' && opts.file) throw bad(spec, 'give dtype or file, not both');
  return opts;
}

function example(key: string): string {
  return (
    { device: 'cuda', batch: '8', dtype: 'fp16', file: 'onnx/model_q4.onnx', threads: '4', window: '5' }[key] ?? '1'
  );
}
