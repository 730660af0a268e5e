// Checkpoint series: one spec that names many checkpoints of a training run.
//   vllm:./ckpts/checkpoint-*          every matching folder, in step order
//   onnx:./export/step-{step}          {step} matches the digits of the step
//   openai-compatible:run-{step}@URL   the server's /v1/models ids that match
// The pattern may only be in the last path segment; the series name defaults to the parent folder.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { checkpointInfo, incompleteReason, stepFromName } from './checkpoint.js';
import { parseModelSpec } from './spec.js';
import { ModelError } from './types.js';

export interface SeriesMember {
  spec: string;
  step?: number;
}
export interface SeriesExpansion {
  series: string;
  pattern: string;
  members: SeriesMember[];
  /** Matches left out: folders not complete yet (a run still writing them), or without a step. */
  skipped: { spec: string; reason: string }[];
}

const PATH_PROVIDERS = new Set(['vllm', 'sglang', 'llamacpp', 'onnx']);

/** Does this spec name a series (a '*' or '{step}' in a checkpoint path or model id)? */
export function isSeriesPattern(spec: string): boolean {
  const colon = spec.indexOf(':');
  if (colon < 0) return false;
  const provider = spec.slice(0, colon).toLowerCase();
  const rest = spec.slice(colon + 1);
  if (PATH_PROVIDERS.has(provider)) return /\*|\{step\}/.test(rest.split('?')[0]!);
  return provider === 'openai-compatible' && rest.includes('{step}');
}

function patternRegex(glob: string): RegExp {
  const body = glob
    .split(/(\{step\}|\*)/)
    .map((part) => (part === '{step}' ? '(\\d+)' : part === '*' ? '.*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

/** Step order. Members without a step are skipped (noted) unless none has one: then the pattern is wrong. */
function ordered(members: SeriesMember[], pattern: string, skipped: SeriesExpansion['skipped']): SeriesMember[] {
  const missing = members.filter((m) => m.step === undefined);
  if (missing.length && missing.length === members.length) {
    throw new ModelError(
      'config',
      `'${pattern}': no training step in ${missing
        .slice(0, 3)
        .map((m) => `'${m.spec}'`)
        .join(
          ', ',
        )}: name folders step-N, checkpoint-N, global_stepN or iter_N, add trainer_state.json, or use {step} in the pattern`,
    );
  }
  for (const m of missing) skipped.push({ spec: m.spec, reason: 'no training step in its name or trainer_state.json' });
  return members.filter((m) => m.step !== undefined).sort((a, b) => a.step! - b.step! || (a.spec < b.spec ? -1 : 1));
}

export async function expandSeries(
  spec: string,
  opts: { series?: string; timeoutMs?: number } = {},
): Promise<SeriesExpansion> {
  const trimmed = spec.trim();
  const colon = trimmed.indexOf(':');
  const provider = trimmed.slice(0, colon).toLowerCase();
  const rest = trimmed.slice(colon + 1);
  if (provider === 'openai-compatible') return expandServed(trimmed, opts);

  const q = rest.indexOf('?');
  const path = q < 0 ? rest : rest.slice(0, q);
  const query = q < 0 ? '' : rest.slice(q);
  const dir = dirname(path);
  const glob = basename(path);
  if (/\*|\{step\}/.test(dir))
    throw new ModelError(
      'config',
      `'${spec}': put '*' or '{step}' only in the last part of the path, e.g. 'vllm:./ckpts/checkpoint-*'`,
    );
  if (!existsSync(dir))
    throw new ModelError('config', `'${spec}': no folder '${dir}' (from ${process.cwd()}): check the path`);
  const re = patternRegex(glob);
  const members: SeriesMember[] = [];
  const skipped: SeriesExpansion['skipped'] = [];
  for (const name of readdirSync(dir).sort()) {
    const m = re.exec(name);
    if (!m || name.startsWith('.')) continue;
    const memberPath = dir === '.' ? (path.startsWith('./') ? `./${name}` : name) : `${dir}/${name}`;
    const member = `${provider}:${memberPath}${query}`;
    parseModelSpec(member); // a bad query fails here, once, not per checkpoint
    const incomplete = provider === 'vllm' || provider === 'sglang' ? incompleteReason(join(dir, name)) : undefined;
    if (incomplete) {
      skipped.push({ spec: member, reason: `not complete yet: ${incomplete}` });
      continue;
    }
    const step = m[1] !== undefined ? Number(m[1]) : (stepFromName(name) ?? checkpointInfo(join(dir, name)).step);
    members.push(step === undefined ? { spec: member } : { spec: member, step });
  }
  const series = opts.series ?? basename(resolve(dir));
  return { series, pattern: trimmed, members: ordered(members, trimmed, skipped), skipped };
}

async function expandServed(spec: string, opts: { series?: string; timeoutMs?: number }): Promise<SeriesExpansion> {
  const parsed = parseModelSpec(spec);
  const re = patternRegex(parsed.model);
  let ids: string[];
  try {
    const res = await fetch(`${parsed.baseURL}/models`, { signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = (await res.json()) as { data?: { id?: unknown }[] };
    ids = (body.data ?? []).map((d) => d.id).filter((id): id is string => typeof id === 'string');
  } catch (err) {
    throw new ModelError(
      'config',
      `'${spec}': cannot list the server's models at ${parsed.baseURL}/models (${(err as Error).message}): is the server up?`,
    );
  }
  const members: SeriesMember[] = [];
  const skipped: SeriesExpansion['skipped'] = [];
  for (const id of ids) {
    const m = re.exec(id);
    if (m)
      members.push({
        spec: spec.replace(parsed.model, id),
        step: m[1] !== undefined ? Number(m[1]) : stepFromName(id),
      });
  }
  const series = opts.series ?? (parsed.model.replace(/[-_]?\{step\}[-_]?|\*/g, '') || 'series');
  return { series, pattern: spec, members: ordered(members, spec, skipped), skipped };
}
