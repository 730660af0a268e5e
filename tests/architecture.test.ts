// The rooms of the house, checked: which folders may import which, SQL only in src/store, and no
// import circles between src/ folders. Known exceptions live in ALLOWED, each with its reason;
// remove an entry when its violation is fixed (a stale entry fails too).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ROOT } from './helpers/cli.js';

interface Import {
  from: string;
  to: string;
  line: number;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return /\.ts$/.test(name) && !/\.d\.ts$/.test(name) ? [rel] : [];
  });
}

const FILES = [...sourceFiles('src'), ...sourceFiles('generators')];
const text = new Map(FILES.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));

/** Relative imports of a file (static, re-exports and dynamic), as repo paths. */
function importsOf(file: string, src = text.get(file)!): Import[] {
  const out: Import[] = [];
  const re =
    /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
  for (const m of src.matchAll(re)) {
    const spec = m[3] ?? m[4]!;
    const to = relative(ROOT, resolve(ROOT, dirname(file), spec))
      .split(sep)
      .join('/')
      .replace(/\.js$/, '.ts');
    out.push({ from: file, to, line: src.slice(0, m.index! + m[0].search(/\S/)).split('\n').length, typeOnly: !!m[2] });
  }
  return out;
}
const IMPORTS = FILES.flatMap((f) => importsOf(f));

/** 'src/models/openai.ts' → 'src/models'; 'generators/omega/x.ts' → 'generators'. */
const room = (file: string) => (file.startsWith('src/') ? file.split('/').slice(0, 2).join('/') : file.split('/')[0]!);

/**
 * Known violations, each 'rule: file -> target' with why it is still here. Keep this list short
 * and shrinking; the lead owns removing entries when their owners land fixes.
 */
const ALLOWED: Record<string, string> = {
  // Fixtures that forge what another process or an older harness leaves behind, in an in-memory
  // store no second connection can open: a silent or dead lease holder, a truth written before a field.
  'store-access: tests/runner/hardening.test.ts': 'forges lease rows (heartbeat, pid, owner) through sqlOf',
  'store-access: tests/serve/rescore.test.ts': 'strips a field from stored truths (an older database) through sqlOf',
};

const SQL =
  /\.prepare\(|\bdb\.exec\(|\.pragma\(|\b(SELECT\s+[\w*(]+[\s\S]*\bFROM\b|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX))/;

/** A store's connection used directly: `.db.prepare(…)` and the like, `sqlOf(…)` or `Store.connection(…)`. */
const STORE_ACCESS = /\.db\.\w+\(|\bsqlOf\(|\bStore\.connection\(/;

/** 1-based lines of `src` that run or spell SQL (comments excluded). */
function sqlLines(src: string): number[] {
  return src.split('\n').flatMap((line, i) => (SQL.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line) ? [i + 1] : []));
}

const violations = (rule: string, found: string[]) => found.map((v) => `${rule}: ${v}`);

/** `details` (violation → where it comes from) is shown for unexpected violations. */
function check(rule: string, found: string[], details: Record<string, string> = {}): void {
  const all = violations(rule, found);
  const unexpected = all
    .filter((v) => !(v in ALLOWED))
    .map((v) => (details[v.slice(rule.length + 2)] ? `${v}  [${details[v.slice(rule.length + 2)]}]` : v));
  const stale = Object.keys(ALLOWED).filter((k) => k.startsWith(`${rule}: `) && !all.includes(k));
  expect(unexpected, `forbidden (fix it, or add it to ALLOWED in tests/architecture.test.ts with the reason)`).toEqual(
    [],
  );
  expect(stale, 'ALLOWED entries that no longer occur: remove them').toEqual([]);
}

describe('architecture', () => {
  it('reads the sources it checks', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(IMPORTS.some((i) => i.from === 'src/suite/load.ts' && i.to === 'generators/index.ts')).toBe(true);
  });

  it('generators import nothing from models, runner, store or cli', () => {
    const forbidden = ['src/models', 'src/runner', 'src/store', 'src/cli'];
    check(
      'generators',
      IMPORTS.filter((i) => room(i.from) === 'generators' && forbidden.includes(room(i.to))).map(
        (i) => `${i.from} -> ${i.to}`,
      ),
    );
  });

  it('src/core imports only src/core', () => {
    check(
      'core',
      IMPORTS.filter((i) => room(i.from) === 'src/core' && room(i.to) !== 'src/core').map(
        (i) => `${i.from} -> ${i.to}`,
      ),
    );
  });

  it('SQL lives only in src/store', () => {
    check(
      'sql',
      FILES.filter((f) => room(f) !== 'src/store').flatMap((f) => sqlLines(text.get(f)!).map((n) => `${f}:${n}`)),
    );
    expect(
      sqlLines(
        "const a = 1;\nstore.db.prepare('SELECT * FROM runs').all();\n// SELECT x FROM y in a comment\ndb.exec(`CREATE TABLE t (x)`);",
      ),
    ).toEqual([2, 4]);
  });

  it('tests and benchmarks reach the database through the store and read.ts, not its connection', () => {
    const outside = [...sourceFiles('tests'), ...sourceFiles('benchmarks')].filter(
      (f) => f !== 'tests/architecture.test.ts',
    );
    check(
      'store-access',
      outside.filter((f) => STORE_ACCESS.test(readFileSync(join(ROOT, f), 'utf8'))),
    );
    expect(
      ["store.db.prepare('x')", 's.db.exec(q)', 'sqlOf(store).exec(q)', 'Store.connection(s)'].every((l) =>
        STORE_ACCESS.test(l),
      ),
    ).toBe(true);
    expect(['flags.db', 'killAtRows.db)', "read.count(store, 'items')"].some((l) => STORE_ACCESS.test(l))).toBe(false);
  });

  it('no import circles between src/ folders (generators included)', () => {
    const cycles = folderCycles(IMPORTS);
    check(
      'cycle',
      cycles.map((c) => c.rooms),
      Object.fromEntries(cycles.map((c) => [c.rooms, c.via])),
    );
  });

  it('no runtime import circles between files (type-only imports are erased, so they do not count)', () => {
    const edges = graph(
      IMPORTS.filter((i) => !i.typeOnly),
      (f) => f,
    );
    check(
      'file-cycle',
      findCycles(edges).map((c) => c.join(' -> ')),
    );
  });

  it('the checks see what they claim to (synthetic sources)', () => {
    const fake = [
      ...importsOf(
        'src/a/x.ts',
        "import { y } from '../b/y.js';\nimport type { T } from '../c/t.js';\nexport { z } from './z.js';",
      ),
      ...importsOf('src/b/y.ts', "const m = await import('../a/x.js');"),
    ];
    expect(fake.map((i) => `${i.from}:${i.line} -> ${i.to}${i.typeOnly ? ' (type)' : ''}`)).toEqual([
      'src/a/x.ts:1 -> src/b/y.ts',
      'src/a/x.ts:2 -> src/c/t.ts (type)',
      'src/a/x.ts:3 -> src/a/z.ts',
      'src/b/y.ts:1 -> src/a/x.ts',
    ]);
    expect(folderCycles(fake)).toEqual([
      { rooms: 'src/a -> src/b -> src/a', via: 'src/a/x.ts:1 imports src/b/y.ts; src/b/y.ts:1 imports src/a/x.ts' },
    ]);
    expect(
      findCycles(
        graph(
          [
            { from: 'a', to: 'b', line: 1, typeOnly: false },
            { from: 'b', to: 'c', line: 1, typeOnly: false },
            { from: 'c', to: 'a', line: 1, typeOnly: false },
            { from: 'b', to: 'a', line: 1, typeOnly: false },
          ],
          (f) => f,
        ),
      ),
    ).toEqual([
      ['a', 'b', 'a'],
      ['a', 'b', 'c', 'a'],
    ]);
  });
});

/** node → node → the first import that makes the edge. */
function graph(imports: Import[], node: (file: string) => string): Map<string, Map<string, Import>> {
  const edges = new Map<string, Map<string, Import>>();
  for (const i of imports) {
    const a = node(i.from),
      b = node(i.to);
    if (a === b) continue;
    if (!edges.has(a)) edges.set(a, new Map());
    if (!edges.get(a)!.has(b)) edges.get(a)!.set(b, i);
  }
  return edges;
}

/** Folder cycles ('a -> b -> a'), each with the imports that make its edges. */
function folderCycles(imports: Import[]): { rooms: string; via: string }[] {
  const edges = graph(imports, room);
  return findCycles(edges).map((c) => ({
    rooms: c.join(' -> '),
    via: c
      .slice(0, -1)
      .map((r, k) => {
        const i = edges.get(r)!.get(c[k + 1]!)!;
        return `${i.from}:${i.line} imports ${i.to}`;
      })
      .join('; '),
  }));
}

/** Each elementary cycle once, as a path of rooms starting and ending at its smallest room. */
function findCycles(edges: Map<string, Map<string, Import>>): string[][] {
  const cycles = new Map<string, string[]>();
  const nodes = [...edges.keys()].sort();
  const walk = (start: string, at: string, path: string[]) => {
    for (const next of [...(edges.get(at)?.keys() ?? [])].sort()) {
      if (next === start) cycles.set(path.join('>'), [...path, start]);
      else if (next > start && !path.includes(next)) walk(start, next, [...path, next]);
    }
  };
  for (const n of nodes) walk(n, n, [n]);
  return [...cycles.values()];
}
