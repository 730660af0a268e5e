// The fields of a suite task and of a suite's `defaults:`, declared once (src/core/params.ts):
// parsing, error text ("must be … (got …)", "required: …") and the field table come from here.
import { CONFIG_WORDS, custom, defineParams, integer, oneOf, paramFail, type ParamContext } from '../core/params.js';
import { TASK_ROLES } from '../core/role.js';
import { SPLITS, type Split } from '../core/types.js';

/** The most items one task may ask for. */
export const MAX_TASK_ITEMS = 10_000_000;

/** Parses a value `ok` accepts, as written (a type the constructors in src/core/params.ts do not name). */
const matching =
  <T>(type: string, ok: (v: unknown) => v is T) =>
  (raw: unknown, _field: string, ctx: ParamContext): T =>
    ok(raw) ? raw : paramFail(ctx, ctx.words.mismatch(type, raw));

const accepted = <T>(type: string, doc: string, ok: (v: unknown) => v is T) =>
  custom({ type, doc, parse: matching(type, ok) });
const required = <T>(type: string, doc: string, ok: (v: unknown) => v is T) =>
  custom({ type, doc, required: true, parse: matching(type, ok) });

const isString = (v: unknown): v is string => typeof v === 'string';
const isMapping = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const n = integer({
  min: 1,
  max: MAX_TASK_ITEMS,
  type: `a whole number of items from 1 to ${MAX_TASK_ITEMS.toLocaleString('en-US')}`,
  doc: 'How many items (fewer when the region holds fewer distinct problems).',
});
const seed = accepted(
  'an integer or a string',
  'Seed of the item stream (default 0).',
  (v): v is number | string => Number.isSafeInteger(v) || typeof v === 'string',
);

/** A task entry. Defaults that depend on the suite or other fields (axis, role, n, seed) are filled by the loader. */
/** What a `tasks:` entry must be. */
export const TASK_TYPE =
  "a mapping with id, generator, split, n (or an include entry such as 'include: instruct#core')";

export const TASK_FIELDS = defineParams(
  {
    id: required(
      'a unique task name (letters, digits, - _ . :)',
      'Unique within the suite.',
      (v): v is string => typeof v === 'string' && /^[\w.:-]+$/.test(v),
    ),
    generator: required(
      "a generator name such as 'instruct/general-points' (see 'bench list')",
      "A registered generator, or a plug-in module ('./my-family/index.js#myGenerator').",
      (v): v is string => typeof v === 'string' && v.trim() !== '',
    ),
    split: required(`one of ${SPLITS.join(', ')}`, 'train (for bench generate only), id or ood.', (v): v is Split =>
      SPLITS.includes(v as Split),
    ),
    axis: accepted(
      'a label such as rule, scale, format, difficulty',
      "What moves the task away from ID (default: 'id' for ID tasks, 'ood' otherwise).",
      isString,
    ),
    role: oneOf(TASK_ROLES, {
      type: TASK_ROLES.join(' or '),
      doc: "scored, or control: shown, never averaged, never gates (default: control when axis is 'control').",
    }),
    n,
    seed,
    params: accepted(
      'a mapping of generator parameters',
      "The generator's parameters (see 'bench list <generator>').",
      isMapping,
    ),
    family: accepted(
      'a family name',
      "The family the ID − OOD gap is reported under (default: the generator's).",
      isString,
    ),
  },
  {
    words: CONFIG_WORDS,
    type: TASK_TYPE,
  },
);

/** A suite's `defaults:`: the n and seed of tasks that do not set their own. */
export const DEFAULT_FIELDS = defineParams({ n, seed }, { words: CONFIG_WORDS, type: 'a mapping (n, seed)' });
