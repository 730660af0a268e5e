// The generator contract as code: a shape check (what a module must export to be loaded at all)
// and the behaviour check every generator passes, built-in or plug-in. Plain functions returning
// the problems found, so the registry loader, the contract test and a plug-in's own test share it.
import { Rng } from './rng.js';
import { canonicalJson } from './hash.js';
import type { Generator, Problem, Verdict } from './types.js';
import { familyOf, isPerCheckMetric, type FamilyDescriptor } from './family.js';

const NAME = /^[a-z0-9][\w.-]*(\/[\w.-]+)*$/i;

/**
 * What is wrong with `value` as a Generator (empty when nothing). Fields it does not know are
 * tolerated, so a generator written for a newer contract still loads.
 */
export function generatorShapeProblems(value: unknown): string[] {
  if (!value || typeof value !== 'object')
    return [`is ${value === null ? 'null' : typeof value}, not a generator object`];
  const g = value as Record<string, unknown>;
  const out: string[] = [];
  if (typeof g.name !== 'string' || !NAME.test(g.name))
    out.push("name must be a string such as 'my-family/task' (letters, digits, - _ . and /)");
  if (typeof g.version !== 'string' || !g.version) out.push("version must be a non-empty string such as '1'");
  if (typeof g.description !== 'string') out.push('description must be a string (one line for bench list)');
  if (typeof g.parseParams !== 'function') out.push('parseParams(raw) must be a function');
  if (typeof g.generate !== 'function') out.push('generate(params, rng) must be a function');
  if (typeof g.verifierVersion !== 'string' || !g.verifierVersion)
    out.push("verifierVersion must be a non-empty string such as '1' (bumped when verdicts change)");
  if (typeof g.verify !== 'function') out.push('verify(truth, response) must be a function');
  if (g.family !== undefined && typeof g.family !== 'string') out.push('family, when given, must be a string');
  if (g.summarizeDetails !== undefined && typeof g.summarizeDetails !== 'function')
    out.push('summarizeDetails, when given, must be a function');
  const env = g.environment as Record<string, unknown> | undefined;
  if (
    env !== undefined &&
    (typeof env !== 'object' || env === null || typeof env.start !== 'function' || typeof env.step !== 'function')
  ) {
    out.push('environment, when given, must have start(truth) and step(truth, state, reply)');
  }
  if (g.exporters !== undefined && (typeof g.exporters !== 'object' || g.exporters === null))
    out.push('exporters, when given, must be an object of functions');
  return out;
}

/** Answers no verifier may accept, and none may throw on. */
export const GARBAGE_RESPONSES: readonly string[] = [
  '',
  ' ',
  'garbage',
  '\u0000\u0001\u0002',
  '{"answer": null}',
  '[[[[',
  'NaN',
  '-1e309',
  '<think></think>',
  '\u202e\ud800',
  'x'.repeat(20_000),
];

export interface ContractOptions {
  /** Parsed params (default: `parseParams({})`). */
  params?: unknown;
  seed?: number | string;
  /** Items checked (default 3). */
  items?: number;
}

/**
 * The behaviour every generator owes the harness, as a list of failures (empty = passes):
 * same (params, seed, index) ⇒ same problem; the reference verifies; garbage is rejected and never
 * throws; `truth` survives JSON and the reference re-verifies against it through the pure
 * `verify(truth, response)`; `difficulty` has the same keys on every item.
 */
export function checkGenerator(gen: Generator<any>, opts: ContractOptions = {}): string[] {
  const shape = generatorShapeProblems(gen);
  if (shape.length > 0) return shape;
  const fail: string[] = [];
  const seed = opts.seed ?? 42;
  let params: unknown;
  try {
    params = opts.params ?? gen.parseParams({});
  } catch (err) {
    return [`parseParams({}) threw (${(err as Error).message}); pass params that work`];
  }
  let keys: string | undefined;
  for (let i = 0; i < (opts.items ?? 3); i++) {
    const at = `${gen.name} item ${i}`;
    let a: Problem, b: Problem;
    try {
      a = gen.generate(params, Rng.forItem(seed, i));
      b = gen.generate(params, Rng.forItem(seed, i));
    } catch (err) {
      fail.push(`${at}: generate threw: ${(err as Error).message}`);
      continue;
    }
    const same = (x: unknown, y: unknown) => canonicalJson(x) === canonicalJson(y);
    if (
      !same(a.messages, b.messages) ||
      !same(a.truth, b.truth) ||
      a.reference !== b.reference ||
      !same(a.difficulty, b.difficulty) ||
      a.dedupKey !== b.dedupKey
    ) {
      fail.push(`${at}: not deterministic (same seed and index gave a different problem)`);
    }
    if (!Array.isArray(a.messages) || a.messages.length === 0) fail.push(`${at}: messages must be a non-empty list`);
    if (!a.difficulty || typeof a.difficulty !== 'object') {
      fail.push(`${at}: difficulty must be an object of numbers and strings`);
    } else {
      const k = Object.keys(a.difficulty).sort().join(',');
      if (keys !== undefined && k !== keys) fail.push(`${at}: difficulty keys [${k}] differ from item 0's [${keys}]`);
      keys ??= k;
    }
    const run = (what: string, f: () => Verdict): Verdict | undefined => {
      try {
        const v = f();
        if (!v || typeof v.correct !== 'boolean' || typeof v.score !== 'number')
          fail.push(`${at}: ${what} returned no Verdict`);
        return v;
      } catch (err) {
        fail.push(`${at}: ${what} threw: ${(err as Error).message}`);
        return undefined;
      }
    };
    if (a.reference === undefined) fail.push(`${at}: no reference answer (baseline:oracle needs one)`);
    if (a.reference !== undefined && run('verify(reference)', () => a.verify(a.reference!))?.correct !== true) {
      fail.push(`${at}: the reference answer does not verify`);
    }
    for (const g of GARBAGE_RESPONSES) {
      if (run(`verify(${JSON.stringify(g.slice(0, 12))})`, () => a.verify(g))?.correct === true)
        fail.push(`${at}: garbage ${JSON.stringify(g.slice(0, 12))} verified as correct`);
    }
    let truth: unknown;
    try {
      truth = JSON.parse(JSON.stringify(a.truth));
      if (!same(truth, a.truth))
        fail.push(`${at}: truth does not survive JSON (functions, undefined, NaN or class instances?)`);
    } catch (err) {
      fail.push(`${at}: truth is not JSON: ${(err as Error).message}`);
    }
    // The pure verifier must work from stored truth alone, and agree with the problem's own.
    if (truth !== undefined && a.reference !== undefined) {
      if (run('verify(truth, reference)', () => gen.verify(truth, a.reference!))?.correct !== true)
        fail.push(`${at}: the reference does not verify against JSON truth`);
      for (const g of GARBAGE_RESPONSES.slice(0, 4)) {
        if (run(`verify(truth, ${JSON.stringify(g)})`, () => gen.verify(truth, g))?.correct === true)
          fail.push(`${at}: garbage ${JSON.stringify(g)} verified as correct against JSON truth`);
      }
    }
  }
  return fail;
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** What is wrong with `value` as a FamilyDescriptor (a plug-in's `family` export); empty when nothing. */
export function familyShapeProblems(value: unknown): string[] {
  if (!isRecord(value)) return ['must be an object with name, generators, views, metrics and taskSets'];
  const out: string[] = [];
  if (typeof value.name !== 'string' || !/^[a-z][\w-]*$/.test(value.name))
    out.push("name must be the family's include key, e.g. 'my-family'");
  if (!Array.isArray(value.generators) || value.generators.length === 0)
    out.push('generators must be a non-empty list');
  if (!isRecord(value.views) || Object.values(value.views).some((v) => !isRecord(v) || typeof v.label !== 'string'))
    out.push('views must map gap families to { label, curve?, matrix? }');
  if (!isRecord(value.metrics) || Object.values(value.metrics).some((d) => typeof d !== 'string'))
    out.push('metrics must map metric keys to one-line descriptions');
  if (!isRecord(value.taskSets) || Object.values(value.taskSets).some((t) => !Array.isArray(t)))
    out.push('taskSets must map set names to lists of tasks');
  return out;
}

/**
 * What a family declares must hold on its items: every view's knobs (the curve knob, its `where`
 * keys, the matrix knobs) appear in the `difficulty` of the items its task sets generate, and its
 * metrics are exactly the plain (undotted) keys its generators' summarizeDetails return.
 */
export function checkFamily(family: FamilyDescriptor, opts: { items?: number } = {}): string[] {
  const fail: string[] = [];
  const byName = new Map(family.generators.map((g) => [g.name, g]));
  const difficulties = new Map<string, { at: string; keys: Set<string> }[]>();
  const details = new Map<Generator<any>, unknown[]>();
  const seen = new Set<string>();
  for (const [set, tasks] of Object.entries(family.taskSets)) {
    for (const t of tasks) {
      const at = `${family.name}#${set} task ${t.id}`;
      const g = byName.get(t.generator);
      if (!g) {
        fail.push(`${at}: generator '${t.generator}' is not one of the family's generators`);
        continue;
      }
      const key = canonicalJson([t.generator, t.params ?? {}, t.seed]);
      if (seen.has(key)) continue;
      seen.add(key);
      try {
        const params = g.parseParams(t.params ?? {});
        for (let i = 0; i < (opts.items ?? 1); i++) {
          const p = g.generate(params, Rng.forItem(t.seed, i));
          const list = difficulties.get(familyOf(g)) ?? [];
          list.push({ at: `${at} item ${i}`, keys: new Set(Object.keys(p.difficulty ?? {})) });
          difficulties.set(familyOf(g), list);
          if (p.reference !== undefined) details.set(g, [...(details.get(g) ?? []), p.verify(p.reference).details]);
        }
      } catch (err) {
        fail.push(`${at}: ${(err as Error).message}`);
      }
    }
  }
  for (const [gap, view] of Object.entries(family.views)) {
    const knobs = [
      ...(view.curve ? [view.curve.knob, ...Object.keys(view.curve.where ?? {})] : []),
      ...(view.matrix ?? []),
    ];
    const items = difficulties.get(gap);
    if (!items) {
      fail.push(`view '${gap}': no task of the family's sets generates items of gap family '${gap}'`);
      continue;
    }
    for (const knob of new Set(knobs)) {
      const lacking = items.find((x) => !x.keys.has(knob));
      if (lacking)
        fail.push(
          `view '${gap}': knob '${knob}' is not in the difficulty of ${lacking.at} (keys: ${[...lacking.keys].join(', ')})`,
        );
    }
  }
  const returned = new Set<string>();
  for (const [g, ds] of details) {
    for (const k of Object.keys(g.summarizeDetails?.(ds) ?? {})) if (!isPerCheckMetric(k)) returned.add(k);
  }
  const declared = Object.keys(family.metrics);
  for (const k of declared)
    if (!returned.has(k)) fail.push(`metric '${k}' is declared but summarizeDetails never returns it`);
  for (const k of returned)
    if (!declared.includes(k))
      fail.push(`metric '${k}' is returned by summarizeDetails but not declared in the family's metrics`);
  return fail;
}
