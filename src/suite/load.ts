// Suites: YAML files listing tasks. Every error names the file, the line and the field, and
// says what would be accepted, because a suite is usually edited by hand.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq } from 'yaml';
import type { Generator, Split } from '../core/types.js';
import { ParamError } from '../core/types.js';
import { undeclaredRole, type TaskRole } from '../core/role.js';
import { stableHash } from '../core/hash.js';
import { didYouMean } from '../core/suggest.js';
import { CONFIG_WORDS, parsePath } from '../core/params.js';
import { familyOf, getGenerator } from '../../generators/index.js';
import { packageRoot } from '../core/paths.js';
import { capToDistinct } from './distinct.js';
import { isModuleRef, loadGeneratorModule, loadGeneratorRef } from './plugins.js';
import { IncludeError, includedTasks, isInclude } from './include.js';
import { DEFAULT_FIELDS, TASK_FIELDS, TASK_TYPE } from './fields.js';
import { deepestLine } from './yaml-lines.js';

export interface SuiteTask {
  /** Unique within the suite. */
  id: string;
  generator: Generator<any>;
  family: string;
  split: Split;
  axis: string;
  /** Scored, or a control (shown, never averaged, never gates). */
  role: TaskRole;
  n: number;
  seed: number | string;
  /** As written in the suite (canonical JSON goes into item ids). */
  rawParams: Record<string, unknown>;
  /** After the generator's parseParams (defaults filled). */
  params: unknown;
  line: number;
  /** The n the suite asked for, when its region held fewer distinct problems (`n` is then the cap). */
  requestedN?: number;
}

export interface Suite {
  name: string;
  version: string;
  description: string;
  path: string;
  /** Hash of the parsed content: any change of tasks, params, seeds or counts changes it. */
  hash: string;
  tasks: SuiteTask[];
  /** Sections other tools read (e.g. `gates:` for bench gate), passed through untouched. */
  extra: Record<string, unknown>;
  /** Tasks capped at the distinct problems their region holds (issue 17), one line each. */
  warnings: string[];
}

export class SuiteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SuiteError';
  }
}

export function suitesDir(): string {
  return join(packageRoot(), 'suites');
}

export function shippedSuiteNames(): string[] {
  const dir = suitesDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => basename(f, extname(f)))
    .sort();
}

/** A suite name ('quick') resolves to the shipped file; anything with a slash or extension is a path. */
export function resolveSuitePath(nameOrPath: string): string {
  if (/[\\/]/.test(nameOrPath) || /\.ya?ml$/.test(nameOrPath)) {
    const p = isAbsolute(nameOrPath) ? nameOrPath : resolve(nameOrPath);
    if (!existsSync(p)) throw new SuiteError(`suite file ${nameOrPath} does not exist`);
    return p;
  }
  for (const ext of ['.yaml', '.yml']) {
    const p = join(suitesDir(), nameOrPath + ext);
    if (existsSync(p)) return p;
  }
  throw new SuiteError(
    `unknown suite '${nameOrPath}'.${didYouMean(nameOrPath, shippedSuiteNames())} Shipped suites: ${shippedSuiteNames().join(', ')}; or pass a path to a .yaml file.`,
  );
}

export { MAX_TASK_ITEMS } from './fields.js';

const TOP_KEYS = ['name', 'version', 'description', 'generators', 'tasks', 'defaults', 'gates'];

export function loadSuite(nameOrPath: string): Suite {
  const path = resolveSuitePath(nameOrPath);
  return parseSuite(readFileSync(path, 'utf8'), path);
}

/** `distinct: false` skips the cap at distinct problems (for the tool that writes suites/distinct.json). */
export function parseSuite(text: string, path: string, opts: { distinct?: boolean } = {}): Suite {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const fail = (line: number, field: string, msg: string): never => {
    throw new SuiteError(`${path}:${line}: ${field}: ${msg}`);
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new SuiteError(`${path}:${e.linePos?.[0]?.line ?? 1}: invalid YAML: ${e.message.split('\n')[0]}`);
  }
  const root = doc.contents;
  if (!isMap(root)) fail(1, 'suite', 'must be a mapping with name, version and tasks');
  let top: Record<string, unknown>;
  try {
    // The yaml library refuses documents whose aliases would expand without bound ("billion laughs").
    top = doc.toJS({ maxAliasCount: 1000 }) as Record<string, unknown>;
  } catch (err) {
    throw new SuiteError(`${path}:1: invalid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  // A missing key is reported at its parent's line.
  const lineOf = (...path: (string | number)[]) => deepestLine(doc, lines, path) ?? 1;

  for (const key of Object.keys(top)) {
    if (!TOP_KEYS.includes(key))
      fail(lineOf(key), key, `unknown key.${didYouMean(key, TOP_KEYS)} Allowed: ${TOP_KEYS.join(', ')}`);
  }
  const name = top.name;
  if (typeof name !== 'string' || !/^[\w.-]+$/.test(name))
    fail(lineOf('name'), 'name', 'required: a word such as "quick" (letters, digits, - _ .)');
  const version = top.version;
  if (typeof version !== 'string' && typeof version !== 'number')
    fail(lineOf('version'), 'version', 'required: a number or string, bumped when the suite changes');
  let defaults: ReturnType<typeof DEFAULT_FIELDS.parse>;
  try {
    defaults = DEFAULT_FIELDS.parse(top.defaults);
  } catch (err) {
    const at = err instanceof ParamError && err.path ? err.path : [];
    return fail(
      lineOf('defaults', ...at),
      ['defaults', ...at].join('.'),
      err instanceof ParamError ? err.reason : (err as Error).message,
    );
  }

  // Plug-in families first, so tasks can name their generators.
  if (top.generators !== undefined) {
    if (!Array.isArray(top.generators) || top.generators.some((g) => typeof g !== 'string')) {
      fail(
        lineOf('generators'),
        'generators',
        'must be a list of module paths (relative to this file) or packages, e.g. [./my-family]',
      );
    }
    (top.generators as string[]).forEach((ref, i) => {
      try {
        loadGeneratorModule(ref, path);
      } catch (err) {
        fail(lineOf('generators', i), `generators[${i}]`, (err as Error).message);
      }
    });
  }

  const tasksNode = doc.get('tasks', true);
  if (!isSeq(tasksNode) || tasksNode.items.length === 0)
    fail(lineOf('tasks'), 'tasks', 'required: a non-empty list of tasks');
  const rawTasks = top.tasks as Record<string, unknown>[];
  const seen = new Map<string, number>();
  // Include entries expand in place; their tasks' errors name the entry's line and the task id.
  const entries = rawTasks.flatMap((raw, i): { raw: Record<string, unknown>; i: number; from?: string }[] => {
    if (!isInclude(raw)) return [{ raw, i }];
    try {
      return includedTasks(raw).map((t) => ({ raw: { ...t }, i, from: String(raw.include) }));
    } catch (err) {
      const field = err instanceof IncludeError ? err.field : 'include';
      return fail(lineOf('tasks', i, field), `tasks[${i}].${field}`, (err as Error).message);
    }
  });
  const tasks: SuiteTask[] = entries.map(({ raw, i, from }) => {
    // A field's own line; the entry's for an included task (its fields are not in this file).
    const at = (field?: string) => (field && !from ? lineOf('tasks', i, field) : lineOf('tasks', i));
    const f = (field: string) =>
      from ? `tasks[${i}] (${from} task '${String(raw.id)}').${field}` : `tasks[${i}].${field}`;
    // An empty entry ('- ') is not a task with every field missing (parse reads null as all defaults).
    if (raw === null || raw === undefined) fail(at(), `tasks[${i}]`, CONFIG_WORDS.mismatch(TASK_TYPE, null));
    let fields: ReturnType<typeof TASK_FIELDS.parse>;
    try {
      fields = TASK_FIELDS.parse(raw);
    } catch (err) {
      if (!(err instanceof ParamError)) throw err;
      const key = err.path?.[0];
      return key === undefined
        ? fail(at(), `tasks[${i}]`, err.reason)
        : fail(at(String(key)), f(String(key)), err.reason);
    }
    const { id, split } = fields;
    if (seen.has(id)) fail(at('id'), f('id'), `duplicate task id '${id}' (first used on line ${seen.get(id)})`);
    seen.set(id, at('id'));
    let generator: Generator<any>;
    try {
      generator = isModuleRef(fields.generator)
        ? loadGeneratorRef(fields.generator, path)
        : getGenerator(fields.generator);
    } catch (err) {
      return fail(at('generator'), f('generator'), (err as Error).message);
    }
    const axis = fields.axis ?? (split === 'id' ? 'id' : 'ood');
    const role = fields.role ?? undeclaredRole(axis);
    const n = fields.n ?? defaults.n;
    if (n === undefined)
      fail(
        at(),
        f('n'),
        `${CONFIG_WORDS.missing(TASK_FIELDS.fields.n!.type)} (or a 'defaults: { n: … }' for the suite)`,
      );
    const seed = fields.seed ?? defaults.seed ?? 0;
    const rawParams = fields.params ?? {};
    let params: unknown;
    try {
      params = generator.parseParams(rawParams);
    } catch (err) {
      const field = (err as { field?: string }).field;
      const line = field && !from ? lineOf('tasks', i, 'params', ...parsePath(field)) : at('params');
      fail(line, f('params'), `${(err as Error).message.replace(/^[^:]*:\s*/, field ? `${field}: ` : '')}`);
    }
    return {
      id,
      generator,
      family: fields.family ?? familyOf(generator),
      split,
      axis,
      role,
      n: n!,
      seed,
      rawParams,
      params,
      line: at(),
    };
  });

  const extra: Record<string, unknown> = {};
  if (top.gates !== undefined) extra.gates = top.gates;
  const hash = stableHash(
    {
      name,
      version: String(version),
      tasks: tasks.map((t) => ({
        id: t.id,
        g: t.generator.name,
        v: t.generator.version,
        split: t.split,
        axis: t.axis,
        // Only a role the axis would not imply enters the hash, so suites written before roles keep theirs.
        ...(t.role === undeclaredRole(t.axis) ? {} : { role: t.role }),
        n: t.n,
        seed: t.seed,
        params: t.params,
      })),
    },
    16,
  );
  // After the hash: the cap follows from the file and the generator versions the hash holds.
  const warnings = opts.distinct === false ? [] : capToDistinct(tasks);
  return {
    name: name as string,
    version: String(version),
    description: String(top.description ?? ''),
    path,
    hash,
    tasks,
    extra,
    warnings,
  };
}
