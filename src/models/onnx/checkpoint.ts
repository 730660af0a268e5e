// Finding and reading a Hugging Face style ONNX export: the Optimum layout (model.onnx at the top)
// and the transformers.js layout (onnx/model.onnx, onnx/model_fp16.onnx, ...), plus Optimum's
// older decoder_model_merged.onnx / decoder_model.onnx names. Every problem is one line naming the
// file, because the usual mistake is pointing at the wrong folder or a half-copied export.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, normalize, resolve } from 'node:path';
import { ModelError } from '../types.js';
import { DTYPE_SUFFIX, DTYPES, type Dtype } from './options.js';

/** A checkpoint's files, on disk or in memory (the built-in demo). Paths are relative and use '/'. */
export interface CheckpointFiles {
  /** How errors name the checkpoint: the folder as the user wrote it, or 'demo'. */
  label: string;
  /** Folder name shown in the model identity. */
  name: string;
  has(rel: string): boolean;
  read(rel: string): Uint8Array;
  /** The absolute path, for files ONNX Runtime should open itself (so external weight files load). */
  pathOf(rel: string): string | undefined;
  /** Size plus the first and last MiB: identifies a multi-GB weight file without reading it all. */
  digest(rel: string): string;
}

export function folderFiles(label: string, dir: string): CheckpointFiles {
  const root = resolve(dir);
  const full = (rel: string) => join(root, ...rel.split('/'));
  return {
    label,
    name: basename(root),
    has: (rel) => existsSync(full(rel)) && statSync(full(rel)).isFile(),
    read: (rel) => readFileSync(full(rel)),
    pathOf: (rel) => full(rel),
    digest: (rel) => {
      const fd = openSync(full(rel), 'r');
      try {
        const size = fstatSync(fd).size;
        const span = Math.min(size, 1 << 20);
        const head = Buffer.alloc(span);
        const tail = Buffer.alloc(span);
        readSync(fd, head, 0, span, 0);
        readSync(fd, tail, 0, span, size - span);
        return createHash('sha256').update(`${size}:`).update(head).update(tail).digest('hex');
      } finally {
        closeSync(fd);
      }
    },
  };
}

export function memoryFiles(label: string, files: Record<string, Uint8Array | string>): CheckpointFiles {
  const bytes = (rel: string) => {
    const v = files[rel];
    if (v === undefined) throw new Error(`no file ${rel}`);
    return typeof v === 'string' ? new TextEncoder().encode(v) : v;
  };
  return {
    label,
    name: label,
    has: (rel) => rel in files,
    read: bytes,
    pathOf: () => undefined,
    digest: (rel) => createHash('sha256').update(bytes(rel)).digest('hex'),
  };
}

type Json = Record<string, unknown>;

export interface Checkpoint {
  files: CheckpointFiles;
  config: Json;
  generationConfig: Json;
  tokenizerJson: Json;
  tokenizerConfig: Json;
  /** The Jinja chat template, if the export has one. */
  chatTemplate?: string;
  /** The chosen ONNX file, relative to the folder. */
  modelFile: string;
  /** Identifies the weights and every config file: part of the model identity (and so of the cache key). */
  fingerprint: string;
}

const REQUIRED = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;
const MODEL_DIRS = ['onnx/', ''] as const;
/** Decoder file stems, best first: the single with-past decoder, the merged one, the plain one. */
const STEMS = ['model', 'decoder_model_merged', 'decoder_model'] as const;

function fail(files: CheckpointFiles, what: string): ModelError {
  return new ModelError('config', `onnx checkpoint '${files.label}': ${what}`);
}

const LAYOUT_HINT =
  'expected a Hugging Face ONNX export: config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx';

export function openFolder(spec: string, dir: string): CheckpointFiles {
  const root = resolve(dir);
  if (!existsSync(root))
    throw new ModelError('config', `onnx checkpoint folder '${dir}' does not exist (${LAYOUT_HINT})`);
  if (!statSync(root).isDirectory())
    throw new ModelError(
      'config',
      `onnx checkpoint '${dir}' is a file, not a folder (${LAYOUT_HINT}); in '${spec}' name the folder`,
    );
  return folderFiles(dir, root);
}

function readJson(files: CheckpointFiles, rel: string, required: boolean): Json {
  if (!files.has(rel)) {
    if (required) throw fail(files, `missing ${rel} (${LAYOUT_HINT})`);
    return {};
  }
  const text = new TextDecoder().decode(files.read(rel));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw fail(files, `${rel} is not valid JSON (${(err as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw fail(files, `${rel} must hold a JSON object`);
  return value as Json;
}

/** The chat template: chat_template.jinja, then chat_template.json, then tokenizer_config.json (transformers' order). */
function chatTemplateOf(files: CheckpointFiles, tokenizerConfig: Json): string | undefined {
  if (files.has('chat_template.jinja')) return new TextDecoder().decode(files.read('chat_template.jinja'));
  const fromJson = files.has('chat_template.json')
    ? readJson(files, 'chat_template.json', true).chat_template
    : undefined;
  const raw = fromJson ?? tokenizerConfig.chat_template;
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'string') return raw;
  // Several named templates: [{ name, template }]; the default one answers chat prompts.
  if (Array.isArray(raw)) {
    const named = raw as { name?: unknown; template?: unknown }[];
    const pick = named.find((t) => t?.name === 'default') ?? named[0];
    if (typeof pick?.template === 'string') return pick.template;
  }
  throw fail(files, 'chat_template must be a string or a list of { name, template }');
}

/** The ONNX file to load: `file` if given, else the dtype's variant, else the best one present. */
export function chooseModelFile(
  files: CheckpointFiles,
  dtype: Dtype | 'auto',
  preferFp16: boolean,
  file?: string,
): string {
  if (file) {
    const rel = normalize(file).replace(/\\/g, '/').replace(/^\.\//, '');
    if (isAbsolute(file) || rel.startsWith('../'))
      throw fail(files, `file=${file} must be a path inside the checkpoint folder`);
    if (!files.has(rel)) throw fail(files, `missing ${rel} (named by file=)`);
    return rel;
  }
  const candidates = (d: Dtype) =>
    STEMS.flatMap((stem) => MODEL_DIRS.map((dir) => `${dir}${stem}${DTYPE_SUFFIX[d]}.onnx`));
  if (dtype !== 'auto') {
    const found = candidates(dtype).find((rel) => files.has(rel));
    if (found) return found;
    const present = DTYPES.filter((d) => candidates(d).some((rel) => files.has(rel)));
    throw fail(
      files,
      `missing onnx/model${DTYPE_SUFFIX[dtype]}.onnx for dtype=${dtype}${present.length ? ` (variants present: ${present.join(', ')})` : ` (${LAYOUT_HINT})`}`,
    );
  }
  const order: Dtype[] = preferFp16 ? ['fp16', 'fp32', ...DTYPES.filter((d) => d !== 'fp16' && d !== 'fp32')] : DTYPES;
  for (const d of order) {
    const found = candidates(d).find((rel) => files.has(rel));
    if (found) return found;
  }
  const withPast = MODEL_DIRS.map((dir) => `${dir}decoder_with_past_model.onnx`).find((rel) => files.has(rel));
  if (withPast)
    throw fail(
      files,
      `${withPast} alone is not supported: export the merged decoder (decoder_model_merged.onnx) or model.onnx`,
    );
  throw fail(files, `missing onnx/model.onnx (${LAYOUT_HINT})`);
}

export function readCheckpoint(
  files: CheckpointFiles,
  opts: { dtype: Dtype | 'auto'; file?: string; preferFp16: boolean },
): Checkpoint {
  for (const rel of REQUIRED) if (!files.has(rel)) throw fail(files, `missing ${rel} (${LAYOUT_HINT})`);
  const config = readJson(files, 'config.json', true);
  const tokenizerJson = readJson(files, 'tokenizer.json', true);
  const tokenizerConfig = readJson(files, 'tokenizer_config.json', true);
  const generationConfig = readJson(files, 'generation_config.json', false);
  const chatTemplate = chatTemplateOf(files, tokenizerConfig);
  const modelFile = chooseModelFile(files, opts.dtype, opts.preferFp16, opts.file);

  const h = createHash('sha256').update(`${modelFile}\0`);
  for (const rel of [...REQUIRED, 'generation_config.json', 'chat_template.jinja', 'chat_template.json']) {
    if (files.has(rel)) h.update(`${rel}\0`).update(files.read(rel)).update('\0');
  }
  // External weights sit next to the graph as <file>_data or <file>.data (Optimum, transformers.js).
  for (const rel of [modelFile, `${modelFile}_data`, `${modelFile}.data`, `${modelFile}_data_1`]) {
    if (files.has(rel)) h.update(`${rel}\0${files.digest(rel)}\0`);
  }
  return {
    files,
    config,
    generationConfig,
    tokenizerJson,
    tokenizerConfig,
    chatTemplate,
    modelFile,
    fingerprint: h.digest('hex'),
  };
}
