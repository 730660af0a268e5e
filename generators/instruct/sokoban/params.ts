// Params of instruct/sokoban, declared once: parsing with defaults, errors that name the field,
// and the table `bench list instruct/sokoban` prints. Parsed params are plain JSON (they are
// hashed into item ids).
import { boolean, custom, defineParams, integer, oneOf } from '../../../src/core/params.js';
import { ParamError } from '../../../src/core/types.js';
import type { Protocol } from './prompt.js';
import { PROMPT_VARIANTS, VARIANTS, normalizeLabel } from './variants.js';

export type Start = 'initial' | 'plan';
export const PROTOCOLS: readonly Protocol[] = ['closed-loop', 'single-shot'];
export const STARTS: readonly Start[] = ['initial', 'plan'];

/** Field order is the parsed params' key order (hashed into item ids): the optional fields come last. */
export const sokobanSchema = defineParams(
  {
    variant: oneOf(VARIANTS, { default: 'base', doc: 'The action vocabulary answers are scored in.' }),
    size: integer({ min: 4, max: 12, default: 6, doc: 'Side of the square room, walls included.' }),
    boxes: integer({ min: 1, max: 3, default: 1, doc: 'Boxes (and targets) in the room.' }),
    protocol: oneOf(PROTOCOLS, {
      default: 'closed-loop',
      doc: 'One action per turn with the new board shown, or the whole plan in one answer.',
    }),
    maxTurns: integer({
      min: 1,
      max: 200,
      default: 30,
      doc: 'Turns of the closed loop; actions allowed in a single-shot answer. Rooms whose optimal plan is longer are redrawn.',
    }),
    searchDepth: integer({
      min: 1,
      max: 300,
      default: 30,
      doc: 'Longest reverse play when placing the boxes, in moves.',
    }),
    playerWalk: boolean({ default: true, doc: "RAGEN's short random walk of the player after reverse play." }),
    start: oneOf(STARTS, {
      default: 'initial',
      doc: "'plan': show a uniformly drawn state along the optimal plan instead of the start (state/next-action pairs).",
    }),
    labels: custom({
      type: 'a list of four distinct labels',
      parse: (raw) => parseLabels(raw),
      doc: 'The four labels (Up, Down, Left, Right) of variant: custom.',
    }),
    promptVariant: oneOf(PROMPT_VARIANTS, {
      doc: 'The vocabulary the prompt shows, when it differs from variant (a Fake control).',
    }),
  },
  {
    check(p) {
      if (p.variant === 'custom' && p.labels === undefined)
        throw new ParamError(
          'labels',
          'variant: custom needs four labels, for Up, Down, Left and Right, e.g. [go-up, go-down, go-left, go-right]',
        );
      if (p.variant !== 'custom' && p.labels !== undefined)
        throw new ParamError('labels', 'applies only with variant: custom');
    },
  },
);

export type SokobanParams = ReturnType<typeof sokobanSchema.parse>;

export function parseSokobanParams(raw: unknown): SokobanParams {
  const parsed = sokobanSchema.parse(raw);
  // Showing the scored vocabulary is no control at all; keep the params canonical.
  if (parsed.promptVariant === parsed.variant) delete parsed.promptVariant;
  return parsed;
}

/** Four distinct short labels without spaces, separators or angle brackets (they must survive the answer parser). */
function parseLabels(raw: unknown): string[] {
  const shape =
    'expected a list of four distinct labels for Up, Down, Left and Right, each 1..24 characters without spaces, commas, semicolons, |, < or >';
  if (!Array.isArray(raw) || raw.length !== 4) throw new ParamError('labels', `${shape}; got ${JSON.stringify(raw)}`);
  const labels = raw.map((l) => (typeof l === 'number' ? String(l) : l));
  for (const l of labels) {
    if (typeof l !== 'string' || l.length < 1 || l.length > 24 || /[\s,;|<>]|->/.test(l) || normalizeLabel(l) === '') {
      throw new ParamError('labels', `${shape}; got ${JSON.stringify(l)}`);
    }
  }
  if (new Set(labels.map((l: string) => normalizeLabel(l))).size !== 4)
    throw new ParamError(
      'labels',
      `${shape} (case and emoji variation selectors are ignored); got ${JSON.stringify(raw)}`,
    );
  return labels as string[];
}
