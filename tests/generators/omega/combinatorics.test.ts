// Independent recomputation for the combinatorics families by brute force over labelled letters:
// every ordered draw of distinct letter tokens and every permutation, or every arrangement of
// the letters into the boxes, counted directly (small levels; the generators use exact
// per-pattern formulas and canonical enumeration instead).
import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/core/rational.js';
import { answerOf, inputsOf, items, promptOf } from './helpers.js';

const multisetOf = (p: { truth: unknown }) => inputsOf(p as never).multiset as Record<string, number>;
const tokens = (m: Record<string, number>) => Object.entries(m).flatMap(([l, c]) => Array.from({ length: c }, () => l));

function* orderedDraws<T>(pool: T[], k: number, prefix: T[] = [], used = new Set<number>()): Generator<T[]> {
  if (prefix.length === k) {
    yield prefix.slice();
    return;
  }
  for (let i = 0; i < pool.length; i++) {
    if (used.has(i)) continue;
    used.add(i);
    prefix.push(pool[i]!);
    yield* orderedDraws(pool, k, prefix, used);
    prefix.pop();
    used.delete(i);
  }
}

function perms(n: number): number[][] {
  if (n === 0) return [[]];
  return perms(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
}

/** P(event) by brute force: all ordered draws of letter tokens × all position permutations. */
function bruteProbability(
  m: Record<string, number>,
  L: number,
  event: (w: string[], s: string[]) => boolean,
): Rational {
  let hits = 0n;
  let total = 0n;
  const ps = perms(L);
  for (const w of orderedDraws(tokens(m), L)) {
    for (const p of ps) {
      const s = p.map((i) => w[i]!);
      total++;
      if (event(w, s)) hits++;
    }
  }
  return Rational.of(hits, total);
}

const fixedOf = (w: string[], s: string[], letter?: string) =>
  w.filter((x, i) => s[i] === x && (letter === undefined || x === letter)).length;

describe('combinatory_probability_*', () => {
  const events: Record<string, (i: Record<string, any>) => (w: string[], s: string[]) => boolean> = {
    no_fixed_points: () => (w, s) => fixedOf(w, s) === 0,
    no_specific_letter_fixed: (i) => (w, s) => fixedOf(w, s, i.letter) === 0,
    exactly_n_specific_fixed: (i) => (w, s) => fixedOf(w, s, i.letter) === i.n,
    at_least_n_specific_fixed: (i) => (w, s) => fixedOf(w, s, i.letter) >= i.n,
  };
  for (const [name, make] of Object.entries(events)) {
    it(`${name}: brute force over labelled letters and permutations gives m + n`, () => {
      for (const level of [1, 2]) {
        for (const p of items(`combinatory_probability_${name}`, level, 12)) {
          const i = inputsOf(p);
          expect(promptOf(p)).toContain(
            `choosing ${i.wordLength} letters from the multiset {${Object.entries(i.multiset)
              .map(([l, c]) => `${l}: ${c}`)
              .join(', ')}}`,
          );
          const prob = bruteProbability(i.multiset, i.wordLength, make(i));
          expect(prob.isZero() || prob.eq(Rational.ONE)).toBe(false);
          expect(answerOf(p).value).toBe((prob.num + prob.den).toString());
        }
      }
    });
  }

  // Issue 17: "no letter 'u' occupies any of their original positions" also read as "no copy of
  // 'u' stays put", a different event. The prompt now says the reading the key uses.
  it('no_specific_letter_fixed: the prompt states the position reading; the copy reading would give another answer', () => {
    let differs = 0;
    for (const p of items('combinatory_probability_no_specific_letter_fixed', 1, 20, 'reading')) {
      const i = inputsOf(p);
      const l = i.letter as string;
      expect(promptOf(p)).toContain(
        `what is the probability that no position that held a letter '${l}' before the shuffle holds a letter '${l}' after it? (Copies of a letter are interchangeable: a position counts by the letter it holds.)`,
      );
      const positions = bruteProbability(i.multiset, i.wordLength, (w, sh) => fixedOf(w, sh, l) === 0);
      expect(answerOf(p).value).toBe((positions.num + positions.den).toString());
      // The copy reading: no copy of the letter is moved to its own position (a permutation fixed point).
      let hits = 0n;
      let total = 0n;
      const ps = perms(i.wordLength);
      for (const w of orderedDraws(tokens(i.multiset), i.wordLength)) {
        for (const perm of ps) {
          total++;
          if (!perm.some((from, to) => from === to && w[to] === l)) hits++;
        }
      }
      const copies = Rational.of(hits, total);
      if (!copies.eq(positions)) differs++;
    }
    expect(differs).toBeGreaterThan(0);
  });

  it('every shuffle family words its event by positions, never "remains in the same position"', () => {
    for (const name of Object.keys(events)) {
      for (const p of items(`combinatory_probability_${name}`, 2, 5, 'reading')) {
        const text = promptOf(p);
        expect(text).toMatch(
          /what is the probability that (no position that held|exactly \d+ of the positions that held|at least \d+ of the positions that held|every position holds a different letter)/,
        );
        expect(text).not.toMatch(/occupies|remains? in the same position/);
      }
    }
  });

  it('the upstream example: {d: 2, p: 1, n: 1}, 2 letters, no fixed points is 5/12 (answer 17)', () => {
    expect(bruteProbability({ d: 2, p: 1, n: 1 }, 2, (w, s) => fixedOf(w, s) === 0).toString()).toBe('5/12');
  });
});

describe('combinatory_pattern_matching', () => {
  it('expected full matches of the pattern (JS RegExp) over all ordered draws, rounded, is accepted', () => {
    for (const level of [1, 2, 3]) {
      for (const p of items('combinatory_pattern_matching', level, 12)) {
        const i = inputsOf(p);
        const re = new RegExp(`^(?:${i.pattern})$`);
        let sum = 0n;
        let n = 0n;
        for (const w of orderedDraws(tokens(i.multiset), i.wordLength)) {
          n++;
          const s = w.join('');
          for (let a = 0; a < s.length; a++) for (let b = a + 1; b <= s.length; b++) if (re.test(s.slice(a, b))) sum++;
        }
        const exact = Rational.of(sum, n);
        expect(answerOf(p)).toMatchObject({ type: 'decimal', places: 2, exact: exact.toString() });
        expect(p.verify(`\\boxed{${(Number(sum) / Number(n)).toFixed(2)}}`).correct).toBe(true);
      }
    }
  });

  it('the upstream example: 2 letters from {x: 3, j: 1}, pattern x+j, expects 0.25', () => {
    // Of the 12 ordered draws, the 3 words 'xj' hold one match each: 3/12.
    let hits = 0;
    let n = 0;
    for (const w of orderedDraws(['x', 'x', 'x', 'j'], 2)) {
      n++;
      const s = w.join('');
      for (let a = 0; a < 2; a++) for (let b = a + 1; b <= 2; b++) if (/^(?:x+j)$/.test(s.slice(a, b))) hits++;
    }
    expect(hits / n).toBe(0.25);
  });
});

describe('combinatory_distribution', () => {
  /** Every way to deal the letter tokens into boxes in order, as a canonical string, deduplicated. */
  function bruteDistributions(m: Record<string, number>, sizes: number[], labeled: boolean): number {
    const toks = tokens(m);
    const seen = new Set<string>();
    for (const order of orderedDraws(toks, toks.length)) {
      let at = 0;
      const boxes = sizes.map((s) => {
        const b = order
          .slice(at, at + s)
          .sort()
          .join('');
        at += s;
        return b;
      });
      const key = labeled
        ? boxes.join('|')
        : sizes
            .map((s, i) => `${s}:${boxes[i]}`)
            .sort()
            .join('|');
      seen.add(key);
    }
    return seen.size;
  }

  it('levels 1–2: deduplicated brute-force deals agree, labelled and unlabelled', () => {
    let labeled = 0;
    for (const level of [1, 2]) {
      for (const p of items('combinatory_distribution', level, 12)) {
        const i = inputsOf(p);
        if (i.labeled) labeled++;
        expect(answerOf(p).value).toBe(String(bruteDistributions(i.multiset, i.sizes, i.labeled)));
      }
    }
    expect(labeled).toBeGreaterThan(0);
  });

  it('the upstream example: {f: 2, a: 2} into unlabelled boxes of sizes [1, 3] has 2 ways', () => {
    expect(bruteDistributions({ f: 2, a: 2 }, [1, 3], false)).toBe(2);
  });
});
