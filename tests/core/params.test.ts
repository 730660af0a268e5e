// The declared-params helper: parsing, defaults, every error with its field path, unknown keys with
// a suggestion, and the table rows `bench list <generator>` prints.
import { describe, expect, it } from 'vitest';
import {
  boolean,
  custom,
  defineParams,
  intRange,
  integer,
  list,
  number,
  object,
  oneOf,
  parsePath,
  pathText,
  record,
  string,
  subsetOf,
} from '../../src/core/params.js';
import { ParamError } from '../../src/core/types.js';

const schema = defineParams(
  {
    size: integer({ min: 1, max: 20, default: 6, doc: 'Side of the room.' }),
    rate: number({ min: 0, max: 0.4, default: 0, doc: 'A share.' }),
    mode: oneOf(['fast', 'slow'], { default: 'fast', doc: 'Speed.' }),
    cards: oneOf([4, 5, 6], { default: 4, doc: 'Cards.' }),
    walk: boolean({ default: true, doc: 'Walk first.' }),
    seed: string({ doc: 'A seed.' }),
    n: intRange({ min: 3, max: 64, single: true, default: [3, 8], doc: 'Variables.' }),
    kinds: subsetOf(['a', 'b', 'c'], { doc: 'Kinds.' }),
    levels: list(integer({ min: 1, max: 5, doc: '' }), { single: true, minLength: 1, default: 1, doc: 'Levels.' }),
    odd: custom({
      type: 'an odd integer',
      parse: (raw, field) => {
        if (typeof raw === 'number' && raw % 2 === 1) return raw;
        throw new ParamError(field, `expected an odd integer; got ${JSON.stringify(raw)}`);
      },
      doc: 'Odd.',
    }),
  },
  {
    check(p, raw) {
      if (raw.walk !== undefined && p.mode === 'slow') throw new ParamError('walk', 'applies only with mode: fast');
    },
  },
);

const errorOf = (raw: unknown, s: { parse(raw: unknown): unknown } = schema): ParamError => {
  try {
    s.parse(raw);
  } catch (err) {
    expect(err).toBeInstanceOf(ParamError);
    return err as ParamError;
  }
  throw new Error(`accepted ${JSON.stringify(raw)}`);
};

describe('defineParams: parsing and defaults', () => {
  it('fills defaults in field order, and leaves optional fields out (no undefined keys)', () => {
    const p = schema.parse(undefined);
    expect(p).toEqual({
      size: 6,
      rate: 0,
      mode: 'fast',
      cards: 4,
      walk: true,
      n: [3, 8],
      kinds: ['a', 'b', 'c'],
      levels: [1],
    });
    expect(Object.keys(p)).toEqual(['size', 'rate', 'mode', 'cards', 'walk', 'n', 'kinds', 'levels']);
    expect('seed' in p).toBe(false);
    expect(schema.parse(null)).toEqual(p);
  });

  it('parses given values: ranges, subsets in canonical order, single or listed levels, custom fields', () => {
    const p = schema.parse({
      size: 20,
      rate: 0.4,
      mode: 'slow',
      cards: 6,
      seed: 'x',
      n: 5,
      kinds: ['c', 'a'],
      levels: [2, 3],
      odd: 7,
    });
    expect(p).toMatchObject({
      size: 20,
      rate: 0.4,
      mode: 'slow',
      cards: 6,
      seed: 'x',
      n: [5, 5],
      kinds: ['a', 'c'],
      levels: [2, 3],
      odd: 7,
    });
    expect(schema.parse({ n: [4, 9] }).n).toEqual([4, 9]);
  });

  it('treats an explicit undefined like an absent key', () => {
    expect(schema.parse({ size: undefined, seed: undefined })).toEqual(schema.parse({}));
  });
});

describe('defineParams: errors name the field and what is accepted', () => {
  it("keeps the validators' wording", () => {
    expect(errorOf({ size: 30 }).message).toBe('size: expected an integer from 1 to 20; got 30');
    expect(errorOf({ size: 2.5 }).field).toBe('size');
    expect(errorOf({ rate: 0.5 }).message).toBe('rate: expected a number from 0 to 0.4; got 0.5');
    expect(errorOf({ mode: 'x' }).message).toBe("mode: expected one of 'fast', 'slow'; got \"x\"");
    expect(errorOf({ mode: 'fats' }).message).toBe(
      "mode: expected one of 'fast', 'slow'; got \"fats\". Did you mean 'fast'?",
    );
    expect(errorOf({ cards: 3 }).message).toBe('cards: expected 4, 5 or 6; got 3');
    expect(errorOf({ walk: 'yes' }).message).toBe('walk: expected true or false; got "yes"');
    expect(errorOf({ seed: '  ' }).message).toMatch(/^seed: expected a non-empty string/);
    expect(errorOf({ n: 2 }).message).toBe('n: expected an integer from 3 to 64, or a range [min, max] of them; got 2');
    expect(errorOf({ n: [9, 5] }).message).toBe('n: min 9 is above max 5: the range is empty');
    expect(errorOf({ kinds: [] }).message).toBe("kinds: expected a non-empty list of 'a', 'b', 'c'; got []");
    expect(errorOf({ kinds: ['d'] }).message).toBe("kinds: unknown value \"d\"; accepted: 'a', 'b', 'c'");
    expect(errorOf({ kinds: ['a', 'a'] }).message).toBe('kinds: values repeat in ["a","a"]');
    expect(errorOf({ levels: [1, 9] }).message).toBe(
      'levels: expected an integer from 1 to 5, or a non-empty list of them; got [1,9]',
    );
    expect(errorOf({ levels: [] }).field).toBe('levels');
    expect(errorOf({ odd: 2 }).message).toBe('odd: expected an odd integer; got 2');
  });

  it('rejects a non-mapping at the root as params, and unknown keys with a suggestion', () => {
    const root = errorOf('fast');
    expect(root.field).toBe('params');
    expect(root.path).toEqual([]);
    expect(root.message).toMatch(
      /^params: expected a mapping with the fields size, rate, mode, cards, walk, seed, n, kinds, levels, odd; got "fast"$/,
    );
    expect(errorOf({ szie: 3 }).message).toBe(
      "szie: unknown field. Did you mean 'size'? Accepted fields: size, rate, mode, cards, walk, seed, n, kinds, levels, odd",
    );
  });

  it('runs cross-field checks after the fields, with the raw mapping at hand', () => {
    expect(errorOf({ mode: 'slow', walk: true }).message).toBe('walk: applies only with mode: fast');
    expect(schema.parse({ mode: 'slow' }).walk).toBe(true);
  });

  it('gives nested paths: a.b, list[2].field, and the reason and path apart', () => {
    const nested = defineParams({
      tasks: record(object({ floor: number({ min: 0, max: 1, above: true, below: true, doc: '' }) }, { doc: '' }), {
        doc: '',
      }),
      steps: list(object({ at: integer({ min: 0, max: 9, doc: '' }) }, { doc: '' }), { doc: '' }),
    });
    const a = errorOf({ tasks: { 'gp-id': { floor: 1 } } }, nested);
    expect(a.field).toBe('tasks.gp-id.floor');
    expect(a.path).toEqual(['tasks', 'gp-id', 'floor']);
    expect(a.reason).toBe('expected a number > 0 and < 1; got 1');
    const b = errorOf({ steps: [{ at: 1 }, { at: 2 }, { at: 10 }] }, nested);
    expect(b.message).toBe('steps[2].at: expected an integer from 0 to 9; got 10');
    expect(b.path).toEqual(['steps', 2, 'at']);
    expect(errorOf({ tasks: { x: { flor: 0.2 } } }, nested).message).toMatch(
      /^tasks\.x\.flor: unknown field\. Did you mean 'floor'\?/,
    );
    expect(nested.parse({ steps: [{ at: 3 }] })).toEqual({ steps: [{ at: 3 }] });
  });

  it('field paths read back as YAML paths', () => {
    expect(pathText(['steps', 2, 'at'])).toBe('steps[2].at');
    expect(parsePath('steps[2].at')).toEqual(['steps', 2, 'at']);
    expect(parsePath('rule.K')).toEqual(['rule', 'K']);
    expect(parsePath('a[0][1]')).toEqual(['a', 0, 1]);
  });
});

describe('defineParams: the table', () => {
  it('has one row per field: name, type, default as a suite writes it, doc', () => {
    const rows = schema.table();
    expect(rows.map((r) => r.name)).toEqual(Object.keys(schema.fields));
    expect(rows[0]).toEqual({ name: 'size', type: 'an integer from 1 to 20', default: '6', doc: 'Side of the room.' });
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName.mode!.default).toBe('fast');
    expect(byName.n!.default).toBe('[3, 8]');
    expect(byName.kinds!.default).toBe('all');
    expect(byName.seed!.default).toBe('');
    expect(byName.odd!.type).toBe('an odd integer');
  });
});
