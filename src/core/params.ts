// Declared parameters: typed fields, each with a default and a one-line doc. One declaration gives
// the parser (defaults filled, errors that name the field path and what is accepted) and the
// table `bench list <generator>` prints. Defaults are raw values, parsed like given ones.
import { didYouMean } from './suggest.js';
import { ParamError } from './types.js';

export type ParamPath = readonly (string | number)[];

/** 'rule.K', 'tasks[2].floor'; the root is ''. */
export function pathText(path: ParamPath): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
}

/** The inverse of pathText, for mapping a field back to a YAML node. */
export function parsePath(text: string): (string | number)[] {
  return text
    .split(/\.|(?=\[)/)
    .filter((p) => p !== '')
    .map((p) => (/^\[\d+\]$/.test(p) ? Number(p.slice(1, -1)) : p));
}

/** How errors are worded; generators use PARAM_WORDS, the gate config its own "must be …" style. */
export interface ParamWords {
  mismatch(type: string, got: unknown): string;
  unknownKey(key: string, accepted: readonly string[]): string;
  /** A `required` field left out. */
  missing(type: string): string;
}

export const PARAM_WORDS: ParamWords = {
  mismatch: (type, got) => `expected ${type}; got ${JSON.stringify(got)}`,
  unknownKey: (key, accepted) => `unknown field.${didYouMean(key, accepted)} Accepted fields: ${accepted.join(', ')}`,
  missing: (type) => `required: ${type}`,
};

/** Hand-edited config (suite tasks, `gates:`): "must be … (got …)", "unknown key … Allowed: …". */
export const CONFIG_WORDS: ParamWords = {
  mismatch: (type, got) => `must be ${type} (got ${JSON.stringify(got)})`,
  unknownKey: (key, accepted) => `unknown key.${didYouMean(key, accepted)} Allowed: ${accepted.join(', ')}`,
  missing: (type) => `required: ${type}`,
};

/** Where a value sits while it is parsed. */
export interface ParamContext {
  path: ParamPath;
  words: ParamWords;
}

/** Throws the ParamError for `ctx`'s field. */
export function paramFail(ctx: ParamContext, message: string): never {
  throw new ParamError(pathText(ctx.path) || 'params', message, ctx.path);
}

const mismatch = (ctx: ParamContext, type: string, got: unknown, hint = ''): never =>
  paramFail(ctx, `${ctx.words.mismatch(type, got)}${hint ? `.${hint}` : ''}`);

/** One declared parameter. `optional` fields without a value stay absent (no undefined keys). */
export interface Field<T = unknown, Opt extends boolean = boolean> {
  /** What is accepted, as errors and the table say it: 'an integer from 1 to 20'. */
  readonly type: string;
  readonly doc: string;
  readonly optional: Opt;
  /** Must be given: no default, and leaving it out is an error. */
  readonly required?: boolean;
  /** The raw default (parsed like a given value); absent on optional fields. */
  readonly default?: unknown;
  /** The default as the table shows it, when the value itself would not read well. */
  readonly defaultText?: string;
  /** Nested fields address their own errors (`tasks.x.floor`); scalar list items do not. */
  readonly nested?: boolean;
  read(raw: unknown, ctx: ParamContext): T;
}

export type FieldValue<F> = F extends Field<infer T, boolean> ? T : never;
export type Fields = Record<string, Field<any, boolean>>;
type RequiredKeys<F extends Fields> = { [K in keyof F]: F[K] extends Field<any, false> ? K : never }[keyof F];
type OptionalKeys<F extends Fields> = Exclude<keyof F, RequiredKeys<F>>;
/** The parsed value of a set of fields: defaulted keys always present, optional ones maybe. */
export type ParsedFields<F extends Fields> = { [K in RequiredKeys<F>]: FieldValue<F[K]> } & {
  [K in OptionalKeys<F>]?: FieldValue<F[K]>;
} extends infer O
  ? { [K in keyof O]: O[K] }
  : never;

interface Common<I> {
  doc: string;
  default?: I;
  /** No default and not optional: leaving it out is an error (ParamWords.missing). */
  required?: true;
  defaultText?: string;
  /** Replaces the generated type text (errors and table). */
  type?: string;
}
/** A field constructed with a `default` (or `required`) is always filled; without one it is optional. */
type FieldFor<T, O> = O extends { default: unknown } | { required: true } ? Field<T, false> : Field<T, true>;

function field<T, O extends Common<unknown>>(
  o: O,
  type: string,
  read: (raw: unknown, ctx: ParamContext, type: string) => T,
  extra: Partial<Field<T>> = {},
): FieldFor<T, O> {
  const t = o.type ?? type;
  return {
    type: t,
    doc: o.doc,
    optional: !('default' in o) && !o.required,
    required: o.required,
    default: o.default,
    defaultText: o.defaultText,
    ...extra,
    read: (raw, ctx) => read(raw, ctx, t),
  } as FieldFor<T, O>;
}

const isInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export function integer<O extends Common<number> & { min: number; max: number }>(o: O): FieldFor<number, O> {
  return field(o, `an integer from ${o.min} to ${o.max}`, (raw, ctx, type) =>
    isInteger(raw) && raw >= o.min && raw <= o.max ? raw : mismatch(ctx, type, raw),
  );
}

/** A finite number; `above`/`below` make the bounds strict (> min, < max). */
export function number<
  O extends Common<number> & { min: number; max: number; above?: boolean; below?: boolean; what?: string },
>(o: O): FieldFor<number, O> {
  const bounds =
    o.above || o.below
      ? `${o.above ? '>' : '≥'} ${o.min} and ${o.below ? '<' : '≤'} ${o.max}`
      : `from ${o.min} to ${o.max}`;
  const type = `${o.what ? `${o.what}, ` : ''}a number ${bounds}`;
  return field(o, type, (raw, ctx, t) => {
    const ok =
      typeof raw === 'number' &&
      Number.isFinite(raw) &&
      (o.above ? raw > o.min : raw >= o.min) &&
      (o.below ? raw < o.max : raw <= o.max);
    return ok ? raw : mismatch(ctx, t, raw);
  });
}

export function boolean<O extends Common<boolean>>(o: O): FieldFor<boolean, O> {
  return field(o, 'true or false', (raw, ctx, type) => (typeof raw === 'boolean' ? raw : mismatch(ctx, type, raw)));
}

/** A non-blank string of at most `max` characters (100 by default). */
export function string<O extends Common<string> & { max?: number }>(o: O): FieldFor<string, O> {
  const max = o.max ?? 100;
  return field(o, `a non-empty string of at most ${max} characters`, (raw, ctx, type) =>
    typeof raw === 'string' && raw.trim() !== '' && raw.length <= max ? raw : mismatch(ctx, type, raw),
  );
}

const quoted = (values: readonly unknown[]) => values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v)));

/** One of the listed values: "one of 'a', 'b'" for strings, "4, 5 or 6" for numbers. */
export function oneOf<const V extends string | number, O extends Common<V> & { ignoreCase?: boolean }>(
  values: readonly V[],
  o: O,
): FieldFor<V, O> {
  const q = quoted(values);
  const type =
    values.every((v) => typeof v === 'number') && q.length > 1
      ? `${q.slice(0, -1).join(', ')} or ${q.at(-1)}`
      : `one of ${q.join(', ')}`;
  return field(o, type, (raw, ctx, t) => {
    const hit = values.find(
      (v) =>
        v === raw ||
        (o.ignoreCase && typeof v === 'string' && typeof raw === 'string' && v.toLowerCase() === raw.toLowerCase()),
    );
    if (hit !== undefined) return hit;
    const strings = values.filter((v): v is V & string => typeof v === 'string');
    return mismatch(ctx, t, raw, typeof raw === 'string' ? didYouMean(raw, strings) : '');
  });
}

/** A non-empty list of distinct values from `values`, returned in their order; all of them by default. */
export function subsetOf<const V extends string, O extends Omit<Common<readonly V[]>, 'default'>>(
  values: readonly V[],
  o: O,
): Field<V[], false> {
  const q = quoted(values).join(', ');
  return field(
    { ...o, default: values, defaultText: o.defaultText ?? 'all' },
    `a non-empty list of ${q}`,
    (raw, ctx, type) => {
      if (!Array.isArray(raw) || raw.length === 0) return mismatch(ctx, type, raw);
      for (const v of raw)
        if (!values.includes(v as V)) paramFail(ctx, `unknown value ${JSON.stringify(v)}; accepted: ${q}`);
      if (new Set(raw).size !== raw.length) paramFail(ctx, `values repeat in ${JSON.stringify(raw)}`);
      return values.filter((v) => raw.includes(v));
    },
  );
}

/** [min, max] of integers in bounds; with `single`, one integer n also stands for [n, n]. */
export function intRange<
  O extends Common<readonly [number, number] | number> & { min: number; max: number; single?: boolean },
>(o: O): FieldFor<[number, number], O> {
  const each = `an integer from ${o.min} to ${o.max}`;
  const type = o.single ? `${each}, or a range [min, max] of them` : `[min, max], each ${each}`;
  const ok = (v: unknown): v is number => isInteger(v) && v >= o.min && v <= o.max;
  return field(o, type, (raw, ctx, t): [number, number] => {
    if (o.single && ok(raw)) return [raw, raw];
    if (!Array.isArray(raw) || raw.length !== 2 || !ok(raw[0]) || !ok(raw[1])) return mismatch(ctx, t, raw);
    if (raw[0] > raw[1]) paramFail(ctx, `min ${raw[0]} is above max ${raw[1]}: the range is empty`);
    return [raw[0], raw[1]];
  });
}

/**
 * A list of `item`s; with `single`, one item alone is a list of one. A bad scalar item rejects the
 * list as a whole; nested items (mappings, lists) name their own path, `list[2].field`.
 */
export function list<T, O extends Common<unknown> & { single?: boolean; minLength?: number }>(
  item: Field<T>,
  o: O,
): FieldFor<T[], O> {
  const min = o.minLength ?? 0;
  const lists = `${min > 0 ? 'a non-empty list' : 'a list'} of them`;
  const type = o.single ? `${item.type}, or ${lists}` : `${min > 0 ? 'a non-empty list' : 'a list'}, each ${item.type}`;
  return field(
    o,
    type,
    (raw, ctx, t) => {
      const items = o.single && !Array.isArray(raw) ? [raw] : raw;
      if (!Array.isArray(items) || items.length < min) return mismatch(ctx, t, raw);
      return items.map((v, i) => {
        if (item.nested) return item.read(v, { ...ctx, path: [...ctx.path, i] });
        try {
          return item.read(v, { ...ctx, path: [...ctx.path, i] });
        } catch (err) {
          if (err instanceof ParamError) return mismatch(ctx, t, raw);
          throw err;
        }
      });
    },
    { nested: item.nested },
  );
}

/** A mapping from free keys to values of one field; `keyError` rejects a key with its own words. */
export function record<T, O extends Common<unknown> & { keyError?: (key: string) => string | undefined }>(
  value: Field<T>,
  o: O,
): FieldFor<Record<string, T>, O> {
  return field(
    o,
    `a mapping of names to ${value.type}`,
    (raw, ctx, type) => {
      if (!isMapping(raw)) return mismatch(ctx, type, raw);
      const out: Record<string, T> = {};
      for (const [key, v] of Object.entries(raw)) {
        const at = { ...ctx, path: [...ctx.path, key] };
        const bad = o.keyError?.(key);
        if (bad) paramFail(at, bad);
        out[key] = value.read(v, at);
      }
      return out;
    },
    { nested: true },
  );
}

/** A nested mapping with its own fields; `check` sees the parsed value and the raw mapping. */
export function object<
  F extends Fields,
  O extends Common<unknown> & {
    check?: (parsed: ParsedFields<F>, raw: Record<string, unknown>, ctx: ParamContext) => void;
  },
>(fields: F, o: O): FieldFor<ParsedFields<F>, O> {
  return field(
    o,
    `a mapping with the fields ${Object.keys(fields).join(', ')}`,
    (raw, ctx, type) => {
      if (!isMapping(raw)) return mismatch(ctx, type, raw);
      const parsed = readFields(fields, raw, ctx);
      o.check?.(parsed, raw, ctx);
      return parsed;
    },
    { nested: true },
  );
}

/** Anything a constructor above cannot say (General Points' `rule`): `parse` throws ParamErrors for `field`. */
export function custom<T, O extends Common<unknown> & { type: string }>(
  o: O & { parse: (raw: unknown, field: string, ctx: ParamContext) => T },
): FieldFor<T, O> {
  return field(o, o.type, (raw, ctx) => o.parse(raw, pathText(ctx.path) || 'params', ctx));
}

function isMapping(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

function readFields<F extends Fields>(fields: F, raw: Record<string, unknown>, ctx: ParamContext): ParsedFields<F> {
  const names = Object.keys(fields);
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(fields, key)) paramFail({ ...ctx, path: [...ctx.path, key] }, ctx.words.unknownKey(key, names));
  }
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(fields)) {
    const given = raw[name] !== undefined;
    if (!given && f.optional) continue;
    if (!given && f.required) paramFail({ ...ctx, path: [...ctx.path, name] }, ctx.words.missing(f.type));
    out[name] = f.read(given ? raw[name] : f.default, { ...ctx, path: [...ctx.path, name] });
  }
  return out as ParsedFields<F>;
}

/** One row of `bench list <generator>`. */
export interface ParamRow {
  name: string;
  type: string;
  /** '' for an optional field without a value. */
  default: string;
  doc: string;
}

export interface ParamSchema<T = unknown> {
  readonly fields: Fields;
  /** Absent or null raw params mean all defaults. */
  parse(raw: unknown): T;
  table(): ParamRow[];
}

export interface SchemaOptions<T> {
  /** Cross-field rules, after every field parsed; `raw` tells a given value from a default. */
  check?(parsed: T, raw: Record<string, unknown>): void;
  words?: ParamWords;
  /** The top level's type text when it is not a mapping. */
  type?: string;
}

export function defineParams<F extends Fields>(
  fields: F,
  opts: SchemaOptions<ParsedFields<F>> = {},
): ParamSchema<ParsedFields<F>> {
  const root = object(fields, {
    doc: '',
    type: opts.type,
    default: {},
    check: opts.check && ((p, raw) => opts.check!(p, raw)),
  });
  return {
    fields,
    parse: (raw) => root.read(raw ?? {}, { path: [], words: opts.words ?? PARAM_WORDS }),
    table: () => paramTable(fields),
  };
}

export function paramTable(fields: Fields): ParamRow[] {
  return Object.entries(fields).map(([name, f]) => ({
    name,
    type: f.type,
    doc: f.doc,
    default: f.defaultText ?? (f.required ? 'required' : f.optional ? '' : showValue(f.default)),
  }));
}

/** A default as a suite would write it: face10, [3, 8], true. */
export function showValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.map(showValue).join(', ')}]`;
  if (v && typeof v === 'object')
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${k}: ${showValue(x)}`)
      .join(', ')} }`;
  return String(v);
}
