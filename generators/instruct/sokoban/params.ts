// Params of instruct/sokoban: validation with errors that name the field and the accepted values,
// and defaults. The parsed params are plain JSON (they are hashed into item ids).
import { didYouMean } from '../../../src/core/suggest.js';
import { ParamError } from '../../../src/core/types.js';
import type { Protocol } from './prompt.js';
import { PROMPT_VARIANTS, VARIANTS, normalizeLabel, type VariantName } from './variants.js';

export type Start = 'initial' | 'plan';
export const PROTOCOLS: readonly Protocol[] = ['closed-loop', 'single-shot'];
export const STARTS: readonly Start[] = ['initial', 'plan'];

export interface SokobanParams {
  /** The vocabulary answers are scored in. */
  variant: VariantName;
  /** The vocabulary the prompt shows, present only when it differs from `variant` (a Fake control). */
  promptVariant?: VariantName;
  /** The four labels (Up, Down, Left, Right) of `variant: custom`. */
  labels?: string[];
  /** Side of the square room, walls included. */
  size: number;
  boxes: number;
  protocol: Protocol;
  /** Turns of the closed loop; actions allowed in a single-shot answer. Rooms whose optimal plan is longer are redrawn. */
  maxTurns: number;
  /** Longest reverse play when placing the boxes, in moves. */
  searchDepth: number;
  /** RAGEN's short random walk of the player after reverse play. */
  playerWalk: boolean;
  /** 'plan': show a uniformly drawn state along the optimal plan instead of the start (state/next-action training pairs). */
  start: Start;
}

const FIELDS = ['variant', 'promptVariant', 'labels', 'size', 'boxes', 'protocol', 'maxTurns', 'searchDepth', 'playerWalk', 'start'];
export const SIZE_RANGE = [4, 12] as const;
export const BOX_RANGE = [1, 3] as const;

export function parseSokobanParams(raw: unknown): SokobanParams {
  const obj = raw ?? {};
  if (typeof obj !== 'object' || Array.isArray(obj)) throw new ParamError('params', `expected a mapping with the fields ${FIELDS.join(', ')}`);
  const p = obj as Record<string, unknown>;
  for (const key of Object.keys(p)) {
    if (!FIELDS.includes(key)) throw new ParamError(key, `unknown field.${didYouMean(key, FIELDS)} Accepted fields: ${FIELDS.join(', ')}`);
  }

  const variant = oneOf(p.variant ?? 'base', 'variant', VARIANTS);
  const promptVariant = p.promptVariant === undefined ? undefined : oneOf(p.promptVariant, 'promptVariant', PROMPT_VARIANTS);
  if (variant === 'custom' && p.labels === undefined) throw new ParamError('labels', 'variant: custom needs four labels, for Up, Down, Left and Right, e.g. [go-up, go-down, go-left, go-right]');
  if (variant !== 'custom' && p.labels !== undefined) throw new ParamError('labels', 'applies only with variant: custom');
  const labels = p.labels === undefined ? undefined : parseLabels(p.labels);

  const parsed: SokobanParams = {
    variant,
    size: integerIn(p.size ?? 6, 'size', SIZE_RANGE[0], SIZE_RANGE[1]),
    boxes: integerIn(p.boxes ?? 1, 'boxes', BOX_RANGE[0], BOX_RANGE[1]),
    protocol: oneOf(p.protocol ?? 'closed-loop', 'protocol', PROTOCOLS),
    maxTurns: integerIn(p.maxTurns ?? 30, 'maxTurns', 1, 200),
    searchDepth: integerIn(p.searchDepth ?? 30, 'searchDepth', 1, 300),
    playerWalk: booleanField(p.playerWalk ?? true, 'playerWalk'),
    start: oneOf(p.start ?? 'initial', 'start', STARTS),
  };
  if (labels) parsed.labels = labels;
  // Showing the scored vocabulary is no control at all; keep the params canonical.
  if (promptVariant && promptVariant !== variant) parsed.promptVariant = promptVariant;
  return parsed;
}

function oneOf<T extends string>(raw: unknown, field: string, accepted: readonly T[]): T {
  if (typeof raw === 'string' && accepted.includes(raw as T)) return raw as T;
  const hint = typeof raw === 'string' ? didYouMean(raw, accepted) : '';
  throw new ParamError(field, `expected one of ${accepted.map((a) => `'${a}'`).join(', ')}; got ${JSON.stringify(raw)}.${hint}`);
}

function integerIn(raw: unknown, field: string, min: number, max: number): number {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= min && raw <= max) return raw;
  throw new ParamError(field, `expected an integer from ${min} to ${max}; got ${JSON.stringify(raw)}`);
}

function booleanField(raw: unknown, field: string): boolean {
  if (typeof raw === 'boolean') return raw;
  throw new ParamError(field, `expected true or false; got ${JSON.stringify(raw)}`);
}

/** Four distinct short labels without spaces, separators or angle brackets (they must survive the answer parser). */
function parseLabels(raw: unknown): string[] {
  const shape = 'expected a list of four distinct labels for Up, Down, Left and Right, each 1..24 characters without spaces, commas, semicolons, |, < or >';
  if (!Array.isArray(raw) || raw.length !== 4) throw new ParamError('labels', `${shape}; got ${JSON.stringify(raw)}`);
  const labels = raw.map((l) => (typeof l === 'number' ? String(l) : l));
  for (const l of labels) {
    if (typeof l !== 'string' || l.length < 1 || l.length > 24 || /[\s,;|<>]|->/.test(l) || normalizeLabel(l) === '') {
      throw new ParamError('labels', `${shape}; got ${JSON.stringify(l)}`);
    }
  }
  if (new Set(labels.map((l: string) => normalizeLabel(l))).size !== 4) throw new ParamError('labels', `${shape} (case and emoji variation selectors are ignored); got ${JSON.stringify(raw)}`);
  return labels as string[];
}
