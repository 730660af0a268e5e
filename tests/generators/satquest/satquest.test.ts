// The satquest generator end to end: oracle answers verify (and brute force agrees with them),
// determinism, the matched pairs, format as the only change, the regions of the shipped suite,
// params errors, chance level, and de-duplication against eval items.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { Rng } from '../../../src/core/rng.js';
import { ParamError, messageText, type Problem } from '../../../src/core/types.js';
import { parseSuite } from '../../../src/suite/load.js';
import { taskItems, trainItems, dedupKeyOf } from '../../../src/suite/expand.js';
import { getGenerator } from '../../../generators/index.js';
import { COOKIES } from '../../../generators/satquest/names.js';
import { clearInstanceCache } from '../../../generators/satquest/instance.js';
import { FORMATS, LABELS, PROMPTS } from '../../../generators/satquest/params.js';
import { satquest, type SatQuestTruth } from '../../../generators/satquest/satquest.js';
// The suite's tasks are its family's 'all' set (suites/*.yaml include it).
import { family } from '../../../generators/satquest/index.js';
import {
  allClauses,
  assignmentIndex,
  bruteForce,
  falsifiedBy,
  formulaSat,
  isMcsBrute,
  isMusBrute,
  maxSatCost,
  setOf,
  subsetSat,
} from './brute-force.js';

const gen = satquest;
function items(params: Record<string, unknown>, count: number, seed: number | string = 7): Problem[] {
  const p = gen.parseParams(params);
  return Array.from({ length: count }, (_, i) => gen.generate(p, Rng.forItem(seed, i)));
}
const truthOf = (p: Problem) => p.truth as SatQuestTruth;
const userText = (p: Problem) => messageText(p.messages.at(-1)!);
const chosen = (bits: string) => [...bits].flatMap((b, i) => (b === '1' ? [i] : []));

/** The reference, re-checked by brute force from the truth alone. */
function referenceValid(t: SatQuestTruth): boolean {
  const bf = bruteForce(t.clauses, t.n);
  switch (t.label) {
    case 'SATDP_SAT':
      return t.reference === '1' && formulaSat(bf);
    case 'SATDP_UNSAT':
      return t.reference === '0' && !formulaSat(bf);
    case 'SATSP':
      return falsifiedBy(bf, assignmentIndex(t.reference)) === 0;
    case 'MaxSAT':
      return t.optimum === maxSatCost(bf) && falsifiedBy(bf, assignmentIndex(t.reference)) === t.optimum;
    case 'MCS':
      return isMcsBrute(bf, setOf(bf, chosen(t.reference)));
    case 'MUS':
      return isMusBrute(bf, setOf(bf, chosen(t.reference)));
  }
}

/** Reads the clauses back out of a prompt, format by format, without the generator's code. */
function parseClauses(text: string, format: string): number[][] {
  if (format === 'dimacs') {
    const lines = text.split('\n');
    const start = lines.findIndex((l) => l.startsWith('p cnf '));
    const m = Number(lines[start]!.split(' ')[3]);
    return lines.slice(start + 1, start + 1 + m).map((l) => l.split(' ').map(Number).slice(0, -1));
  }
  if (format === 'math') {
    const line = text.split('\n').find((l) => l.startsWith('('))!;
    return line.split(' \\land ').map((c) =>
      c
        .slice(1, -1)
        .split(' \\lor ')
        .map((lit) => {
          const v = Number(/x_\{?(\d+)\}?/.exec(lit)![1]);
          return lit.startsWith('\\neg ') ? -v : v;
        }),
    );
  }
  const dual = format === 'dualstory';
  return text
    .split('\n')
    .filter((l) => /^\d+\. \w+ (wants|dislikes): /.test(l))
    .map((l) => {
      const items = l.replace(/^\d+\. \w+ (wants|dislikes): /, '').split(dual ? ' + ' : ', ');
      return items.map((item) => {
        const [texture, ...rest] = item.split(' ');
        const v = COOKIES.indexOf(rest.join(' ')) + 1;
        expect(v).toBeGreaterThan(0);
        return (texture === 'crunchy') !== dual ? v : -v;
      });
    });
}

describe('oracle: every reference verifies, and brute force agrees with it', () => {
  for (const label of LABELS) {
    it(`${label}: all four formats, both templates, n 3..8 (RFT region)`, () => {
      for (const format of FORMATS) {
        for (const prompt of PROMPTS) {
          for (const p of items({ label, format, prompt }, 12, `${label}/${format}/${prompt}`)) {
            const t = truthOf(p);
            expect(p.verify(p.reference!).correct, `${label}/${format}/${prompt}: ${p.reference}`).toBe(true);
            expect(referenceValid(t)).toBe(true);
            expect(parseClauses(userText(p), format)).toEqual(t.clauses);
          }
        }
      }
    });
  }

  it('n 9..16 (near scale): 8 items per label, references checked by brute force', () => {
    for (const label of LABELS) {
      for (const p of items({ label, n: [9, 16] }, 8, 'near')) {
        expect(p.verify(p.reference!).correct).toBe(true);
        expect(referenceValid(truthOf(p))).toBe(true);
      }
    }
  });

  it('the far ladder: n 33..40 on the RFT ratio grid and n 64 at ratio 4 verify for every label', () => {
    for (const label of LABELS) {
      for (const p of [...items({ label, n: [33, 40] }, 2, 'far'), ...items({ label, n: 64, ratio: 4 }, 1, 'far')]) {
        const t = truthOf(p);
        expect(p.verify(p.reference!).correct).toBe(true);
        expect(t.clauses.every((c) => c.every((l) => l !== 0 && Math.abs(l) <= t.n))).toBe(true);
      }
    }
  });
});

describe('truth and difficulty', () => {
  it('truth is plain JSON that re-states the problem; difficulty carries the knobs', () => {
    for (const p of items({ label: 'MaxSAT', format: 'story' }, 20)) {
      const t = truthOf(p);
      expect(JSON.parse(JSON.stringify(t))).toEqual(t);
      expect(t.m).toBe(t.clauses.length);
      expect(t.m).toBe(Math.floor((t.n * Math.round(t.ratio * 100)) / 100));
      expect(t.answerLength).toBe(t.n);
      expect(t.satisfiable).toBe(false);
      expect(p.reference).toBe(`Answer: ${t.reference}`);
      expect(p.difficulty).toMatchObject({
        n: t.n,
        m: t.m,
        ratio: t.ratio,
        label: 'MaxSAT',
        format: 'story',
        prompt: 'eval',
      });
      expect(p.difficulty.literals).toBe(t.clauses.flat().length);
      expect(Number(p.difficulty.solverCalls)).toBeGreaterThan(0);
      expect(t.n >= 3 && t.n <= 8).toBe(true);
      expect(Math.round(t.ratio * 10) / 10).toBe(t.ratio); // on the 0.1 grid
      expect(t.ratio >= 2.1 && t.ratio <= 4.0).toBe(true);
    }
  });
});

describe('determinism and pairing', () => {
  it('the same (params, seed, index) gives the identical problem, with or without the instance cache', () => {
    const params = gen.parseParams({ label: 'MUS', format: 'dualstory', n: [10, 14] });
    for (let i = 0; i < 10; i++) {
      const a = gen.generate(params, Rng.forItem(42, i));
      clearInstanceCache();
      const b = gen.generate(params, Rng.forItem(42, i));
      const c = gen.generate(params, Rng.forItem(42, i));
      for (const x of [b, c]) {
        expect(x.messages).toEqual(a.messages);
        expect(x.truth).toEqual(a.truth);
        expect(x.reference).toBe(a.reference);
        expect(x.difficulty).toEqual(a.difficulty);
        expect(x.dedupKey).toBe(a.dedupKey);
      }
    }
    expect(userText(gen.generate(params, Rng.forItem(42, 0)))).not.toBe(
      userText(gen.generate(params, Rng.forItem(42, 1))),
    );
    expect(userText(gen.generate(params, Rng.forItem(42, 0)))).not.toBe(
      userText(gen.generate(params, Rng.forItem(43, 0))),
    );
  });

  it('SATDP_SAT and SATDP_UNSAT items with the same seed are one satisfiable and one unsatisfiable formula of the same shape', () => {
    const sat = items({ label: 'SATDP_SAT' }, 60, 'pair');
    const unsat = items({ label: 'SATDP_UNSAT' }, 60, 'pair');
    const shape = (cs: number[][]) =>
      cs
        .map((c) =>
          c
            .map(Math.abs)
            .sort((a, b) => a - b)
            .join(','),
        )
        .sort();
    for (let i = 0; i < 60; i++) {
      const s = truthOf(sat[i]!);
      const u = truthOf(unsat[i]!);
      expect(formulaSat(bruteForce(s.clauses, s.n))).toBe(true);
      expect(formulaSat(bruteForce(u.clauses, u.n))).toBe(false);
      expect(shape(s.clauses)).toEqual(shape(u.clauses));
      expect([s.reference, u.reference]).toEqual(['1', '0']);
      expect(sat[i]!.dedupKey).toBe(unsat[i]!.dedupKey);
    }
  });

  it('label, format and template change nothing else: the same formula per seed and index', () => {
    const byFormula = (label: string) => (['SATDP_SAT', 'SATSP'].includes(label) ? 'sat' : 'unsat');
    const base = new Map<string, number[][][]>();
    for (const label of LABELS) {
      for (const format of FORMATS) {
        for (const prompt of PROMPTS) {
          const clauses = items({ label, format, prompt, n: [5, 9] }, 5, 'same').map((p) => truthOf(p).clauses);
          const key = byFormula(label);
          if (!base.has(key)) base.set(key, clauses);
          expect(clauses, `${label}/${format}/${prompt}`).toEqual(base.get(key));
        }
      }
    }
  });
});

describe('params', () => {
  it('fills defaults (the RFT region) and canonicalises', () => {
    expect(gen.parseParams({})).toEqual({ label: 'SATSP', format: 'math', prompt: 'eval', n: [3, 8], ratio: [2.1, 4] });
    expect(gen.parseParams({ label: 'maxsat', format: 'DIMACS', n: 12, ratio: 4.26 })).toEqual({
      label: 'MaxSAT',
      format: 'dimacs',
      prompt: 'eval',
      n: [12, 12],
      ratio: [4.26, 4.26],
    });
    expect(gen.parseParams({ ratio: [4.0, 4.0] })).toEqual(gen.parseParams({ ratio: 4 }));
  });

  it('rejects bad params with a ParamError that names the field and what is accepted', () => {
    const bad: [unknown, string, RegExp][] = [
      ['x', 'params', /mapping/],
      [{ lable: 'SATSP' }, 'lable', /did you mean.*label/i],
      [{ label: 'SAT' }, 'label', /'SATDP_SAT'.*'MUS'/],
      [{ format: 'latex' }, 'format', /'math', 'dimacs', 'story', 'dualstory'/],
      [{ prompt: 'chat' }, 'prompt', /'eval', 'rft'/],
      [{ n: 2 }, 'n', /3 to 64/],
      [{ n: 65 }, 'n', /3 to 64/],
      [{ n: [9, 5] }, 'n', /empty/],
      [{ n: 4.5 }, 'n', /integer/],
      [{ ratio: 1.5 }, 'ratio', /2 to 4\.5/],
      [{ ratio: 5 }, 'ratio', /2 to 4\.5/],
      [{ ratio: 4.255 }, 'ratio', /two decimals/],
      [{ ratio: [2.15, 4] }, 'ratio', /multiples of 0\.1/],
      [{ ratio: [4, 3] }, 'ratio', /empty/],
      [{ format: 'story', n: 64, ratio: 4.5 }, 'ratio', /284 friends/],
    ];
    for (const [raw, field, message] of bad) {
      let err: unknown;
      try {
        gen.parseParams(raw);
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(raw)).toBeInstanceOf(ParamError);
      expect((err as ParamError).field, JSON.stringify(raw)).toBe(field);
      expect((err as Error).message, JSON.stringify(raw)).toMatch(message);
    }
  });

  it('is registered as "satquest" in family "satquest"', () => {
    expect(getGenerator('satquest')).toBe(satquest);
    expect(satquest.family).toBe('satquest');
  });
});

describe('the shipped suite: ID and OOD regions differ in the knob they claim', () => {
  const suite = {
    ...parseYaml(readFileSync(new URL('../../../suites/satquest.yaml', import.meta.url), 'utf8')),
    tasks: family.taskSets.all,
  } as unknown as {
    tasks: { id: string; split: string; axis: string; n: number; seed: number; params: Record<string, unknown> }[];
  };
  const parsed = suite.tasks.map((t) => ({ ...t, p: gen.parseParams(t.params) }));
  const id = parsed.filter((t) => t.split === 'id');
  const idLabels = new Set(id.map((t) => t.p.label));
  const idN = Math.max(...id.map((t) => t.p.n[1]));

  it('ID is the RFT region: math, SATSP and SATDP on both partners, n ≤ 8, ratio grid 2.1–4.0', () => {
    expect([...idLabels].sort()).toEqual(['SATDP_SAT', 'SATDP_UNSAT', 'SATSP']);
    for (const t of id) expect(t.p).toMatchObject({ format: 'math', prompt: 'eval', n: [3, 8], ratio: [2.1, 4] });
  });

  it('every OOD task changes exactly its own axis and keeps the rest at ID', () => {
    const ood = parsed.filter((t) => t.split === 'ood');
    expect(new Set(ood.map((t) => t.axis))).toEqual(new Set(['scale', 'type', 'format']));
    for (const t of ood) {
      const scale = t.p.n[0] > idN;
      const type = !idLabels.has(t.p.label);
      const format = t.p.format !== 'math';
      expect([scale, type, format].filter(Boolean), t.id).toHaveLength(1);
      expect({ scale, type, format }[t.axis as 'scale'], t.id).toBe(true);
      expect(t.p.ratio, t.id).toEqual([2.1, 4]);
      expect(t.p.prompt).toBe('eval');
      expect(t.n, t.id).toBeGreaterThanOrEqual(100);
    }
    const ladder = ood.filter((t) => t.axis === 'scale').map((t) => t.p.n);
    expect(Math.max(...ladder.map((r) => r[1]))).toBeGreaterThanOrEqual(40);
    expect(new Set(ood.filter((t) => t.axis === 'type').map((t) => t.p.label))).toEqual(
      new Set(['MaxSAT', 'MCS', 'MUS']),
    );
    expect(new Set(ood.filter((t) => t.axis === 'format').map((t) => t.p.format))).toEqual(
      new Set(['dimacs', 'story', 'dualstory']),
    );
  });

  it('the generated items show it: scale items have n > 8, ID items n ≤ 8', () => {
    for (const t of parsed) {
      const sample = Array.from({ length: 3 }, (_, i) => gen.generate(t.p, Rng.forItem(t.seed, i)));
      for (const p of sample) {
        const n = Number(p.difficulty.n);
        expect(n >= t.p.n[0] && n <= t.p.n[1]).toBe(true);
        if (t.axis === 'scale') expect(n).toBeGreaterThan(idN);
        else expect(n).toBeLessThanOrEqual(idN);
        expect(p.difficulty.format).toBe(t.p.format);
        expect(p.difficulty.label).toBe(t.p.label);
      }
    }
  });
});

describe('baselines and de-duplication', () => {
  it('the random answer scores near each label’s exact chance level', () => {
    const rng = Rng.forItem('chance', 0);
    for (const label of ['SATDP_SAT', 'SATDP_UNSAT', 'SATSP', 'MaxSAT'] as const) {
      let expected = 0;
      let hits = 0;
      const N = 400;
      for (const p of items({ label, n: [3, 6] }, N, 'chance')) {
        const t = truthOf(p);
        const bf = bruteForce(t.clauses, t.n);
        if (label.startsWith('SATDP')) expected += 0.5;
        else {
          const best = label === 'SATSP' ? 0 : maxSatCost(bf);
          let good = 0;
          for (let a = 0; a < 1 << t.n; a++) if (falsifiedBy(bf, a) === best) good++;
          expected += good / (1 << t.n);
        }
        const answer = p.randomAnswer!(rng);
        expect(answer).toMatch(new RegExp(`^Answer: [01]{${t.answerLength}}$`));
        if (p.verify(answer).correct) hits++;
      }
      const mean = expected / N;
      const sd = Math.sqrt((mean * (1 - mean)) / N);
      expect(Math.abs(hits / N - mean), `${label}: ${hits / N} vs ${mean}`).toBeLessThan(4 * sd + 0.01);
    }
  });

  it('dedupKey names the CNF pair (not label or format), and training items never repeat an eval pair', () => {
    const text =
      `name: t\nversion: 1\ntasks:\n` +
      `  - { id: a, generator: satquest, split: id, n: 40, seed: 1, params: { label: SATSP, n: 3, ratio: [3.0, 4.0] } }\n` +
      `  - { id: b, generator: satquest, split: ood, axis: format, n: 40, seed: 1, params: { label: MUS, format: story, n: 3, ratio: [3.0, 4.0] } }\n`;
    const s = parseSuite(text, 'x.yaml');
    const evalKeys = new Set(
      [...taskItems(s.tasks[0]!), ...taskItems(s.tasks[1]!)].map((it) => dedupKeyOf(it.problem)),
    );
    expect(evalKeys.size).toBeGreaterThan(20); // n = 3 repeats some pairs, but not most
    expect(evalKeys.size).toBeLessThanOrEqual(40); // both tasks share their pairs
    const train = [...trainItems(s, 40)];
    expect(train.length).toBeGreaterThan(20);
    for (const it of train) {
      expect(it.split).toBe('train');
      expect(evalKeys.has(dedupKeyOf(it.problem))).toBe(false);
    }
    expect(new Set(train.map((it) => dedupKeyOf(it.problem))).size).toBe(train.length);
    // The key is the canonical UNSAT formula: it ignores clause and literal order.
    const p = items({ label: 'SATDP_UNSAT' }, 1, 'k')[0]!;
    expect(p.dedupKey).toMatch(/^satquest\|n=\d+\|m=\d+\|[0-9a-f]{32}$/);
    expect(
      subsetSat(bruteForce(truthOf(p).clauses, truthOf(p).n), allClauses(bruteForce(truthOf(p).clauses, truthOf(p).n))),
    ).toBe(false);
  });
});
