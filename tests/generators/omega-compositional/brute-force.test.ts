// Independent recomputation of every composed answer at small sizes. Each test names the step of
// skill A and the step of skill B it checks, and the composed answer needs both.
import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/core/rational.js';
import { determinant } from '../../../generators/omega/lib/matrix.js';
import { chordFaces } from '../../../generators/omega/lib/polygon.js';
import { polynomialGcd, gcdValues, evalInt } from '../../../generators/omega/compositional/polynomial_gcd.js';
import { nGon, patternChords, regionCount } from '../../../generators/omega/compositional/n_gon.js';
import { circlesAlgebra } from '../../../generators/omega/compositional/circles_algebra.js';
import { parametricIntersection } from '../../../generators/omega/compositional/parametric_intersection.js';
import { matrixRank } from '../../../generators/omega/compositional/matrix_rank.js';
import { vertexColor, colourProbability } from '../../../generators/omega/compositional/vertex_color.js';
import { gridChips, isValidMaximal, maximalPlacements } from '../../../generators/omega/compositional/grid_chips.js';
import { inputsOf, items, truthOf } from './helpers.js';

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};
const m_plus_n = (q: Rational) => (q.num + q.den).toString();

/** Every ordered draw of `length` items from the expanded multiset, each equally likely, with its word. */
function orderedDraws(counts: number[], length: number): number[][] {
  const pool = counts.flatMap((c, t) => Array.from({ length: c }, () => t));
  const out: number[][] = [];
  const used = new Array(pool.length).fill(false);
  const word: number[] = [];
  const rec = () => {
    if (word.length === length) {
      out.push(word.slice());
      return;
    }
    for (let i = 0; i < pool.length; i++)
      if (!used[i]) {
        used[i] = true;
        word.push(pool[i]!);
        rec();
        word.pop();
        used[i] = false;
      }
  };
  rec();
  return out;
}

function perms(n: number): number[][] {
  if (n === 0) return [[]];
  return perms(n - 1).flatMap((p) => Array.from({ length: n }, (_, k) => [...p.slice(0, k), n - 1, ...p.slice(k)]));
}

describe('polynomial_gcd (A: polynomial elimination, B: Euclid)', () => {
  it('textbook: gcd(n² + 1, n + 1) is 1 or 2', () => {
    expect(gcdValues([1n, 0n, 1n], [1n, 1n])!.values).toEqual([1n, 2n]);
  });
  it('A step (every value divides Res(P, Q)) and B step (Euclid at each n) over three periods', () => {
    for (const p of items(polynomialGcd, 'composed', [1, 2, 3], 15)) {
      const x = inputsOf(p);
      const P = x.P.map(BigInt),
        Q = x.Q.map(BigInt),
        R = BigInt(x.resultant);
      const seen = new Set<bigint>();
      const period = R < 0n ? -R : R;
      for (let n = 1n; n <= 3n * period && n < 4000n; n++) {
        const d = gcd(evalInt(P, n), evalInt(Q, n)); // B: Euclid on the values
        expect(R % d).toBe(0n); // A: the resultant bounds every value
        seen.add(d);
      }
      expect([...seen].sort((a, b) => (a < b ? -1 : 1)).map(String)).toEqual(x.values);
      expect(truthOf(p).answer.value).toBe(x.values.reduce((s: bigint, v: string) => s + BigInt(v), 0n).toString());
    }
  });
});

describe('n_gon (A: regions of a rotated figure, B: pattern occurrences)', () => {
  it('A step: an empty figure is one region; a diameter and its quarter turn make four', () => {
    expect(regionCount(8, [], 3)).toBe(1);
    expect(regionCount(8, [[1, 5]], 2)).toBe(4);
  });
  it('B step: chords are exactly the regex matches of x.*y on contiguous substrings', () => {
    const word = [0, 2, 1, 0, 1, 1];
    const text = word.map((t) => 'abc'[t]).join('');
    let matches = 0;
    for (let i = 0; i < text.length; i++)
      for (let j = i + 1; j <= text.length; j++) if (/^a.*b$/.test(text.slice(i, j))) matches++;
    expect(patternChords(word, 0, 1)).toHaveLength(matches);
  });
  it('composed: expectation over all n! orderings of the letters matches', () => {
    for (const p of items(nGon, 'composed', 1, 3)) {
      const x = inputsOf(p);
      const counts = Object.values(x.multiset) as number[];
      const letters = counts.flatMap((c, t) => Array.from({ length: c }, () => t));
      let total = 0n;
      const all = perms(letters.length);
      for (const perm of all) {
        const w = perm.map((i) => letters[i]!);
        const chords = patternChords(w, 0, 1);
        total += BigInt(
          chordFaces(x.n, [
            ...chords,
            ...chords.map(
              ([a, b]) => [((a - 1 + x.rotation) % x.n) + 1, ((b - 1 + x.rotation) % x.n) + 1] as [number, number],
            ),
          ]).length,
        );
      }
      expect(m_plus_n(Rational.of(total, BigInt(all.length)))).toBe(truthOf(p).answer.value);
    }
  });
});

describe('circles_algebra (A: circle through three points, B: counting intersections)', () => {
  it('A step: the circle passes through A, B, C; B step: the Sturm count equals numeric sign changes', () => {
    for (const p of items(circlesAlgebra, 'composed', [1, 2, 3], 30)) {
      const x = inputsOf(p);
      const h = Rational.parse(x.center[0])!,
        k = Rational.parse(x.center[1])!,
        r2 = Rational.parse(x.radiusSquared)!;
      for (const [px, py] of x.points) {
        const dx = Rational.of(px).sub(h),
          dy = Rational.of(py).sub(k);
        expect(dx.mul(dx).add(dy.mul(dy)).eq(r2)).toBe(true);
      }
      const f = (t: number) => x.f.reduce((s: number, c: string, i: number) => s + Number(c) * t ** i, 0);
      const H = (t: number) => (t - h.toNumber()) ** 2 + (f(t) - k.toNumber()) ** 2 - r2.toNumber();
      const R = Math.sqrt(r2.toNumber());
      let changes = 0;
      const lo = h.toNumber() - R - 1e-3,
        hi = h.toNumber() + R + 1e-3,
        steps = 200_000;
      let prev = H(lo);
      for (let i = 1; i <= steps; i++) {
        const v = H(lo + ((hi - lo) * i) / steps);
        if (Math.sign(v) !== Math.sign(prev) && v !== 0) changes++;
        prev = v;
      }
      expect(changes).toBe(Number(truthOf(p).answer.value));
    }
  });
});

describe('parametric_intersection (A: fixed-letter distribution, B: solution count as the parameter moves)', () => {
  it('A step by enumerating every draw and shuffle; B step by Sturm counts; combined probability matches', () => {
    for (const p of items(parametricIntersection, 'composed', [1, 2], 8)) {
      const x = inputsOf(p);
      const letters = Object.keys(x.multiset);
      const counts = Object.values(x.multiset) as number[];
      const L = x.wordLength;
      const li = letters.indexOf(x.letter);
      const dist = new Array(L + 1).fill(0n);
      let total = 0n;
      for (const w of orderedDraws(counts, L))
        for (const s of perms(L)) {
          let fixed = 0;
          for (let i = 0; i < L; i++) if (w[i] === li && w[s[i]!] === li) fixed++;
          dist[fixed]++;
          total++;
        }
      expect(dist.map((c: bigint) => Rational.of(c, total).toString())).toEqual(x.distribution); // A
      const want = dist.reduce(
        (s: bigint, c: bigint, j: number) => (x.solutionCounts[j] === x.solutions ? s + c : s),
        0n,
      );
      expect(m_plus_n(Rational.of(want, total))).toBe(truthOf(p).answer.value); // A ∘ B
    }
  });
});

describe('matrix_rank (A: rank/invertibility, B: probability over draws and shuffles)', () => {
  it('determinant ≠ 0 over every ordered draw and shuffle gives the same probability', () => {
    for (const p of items(matrixRank, 'composed', [1, 2], 6)) {
      const x = inputsOf(p);
      const counts = Object.values(x.multiset) as number[];
      const L = x.wordLength;
      let hit = 0n,
        total = 0n;
      for (const w of orderedDraws(counts, L))
        for (const s of perms(L)) {
          const M = Array.from({ length: L }, (_, i) =>
            Array.from({ length: L }, (_, j) => (w[s[i]!] === w[j] ? 1n : 0n) - (i === j ? 1n : 0n)),
          );
          if (determinant(M) !== 0n) hit++; // A: invertibility
          total++; // B: the uniform sample space
        }
      expect(m_plus_n(Rational.of(hit, total))).toBe(truthOf(p).answer.value);
    }
  });
});

describe('vertex_color (A: colours under a rotation, B: probability no blue lands on blue)', () => {
  it('textbook: AIME 2024 I #11 (octagon, p = 1/2, rotations) is 115/256', () => {
    expect(colourProbability(8, { kind: 'independent', p: Rational.of(1, 2) }, 'rotations').toString()).toBe('115/256');
  });
  it('array-based brute force over all colourings matches', () => {
    for (const p of items(vertexColor, 'composed', 1, 12)) {
      const x = inputsOf(p);
      const n = x.n;
      let hit = Rational.ZERO,
        all = Rational.ZERO;
      for (let mask = 0; mask < 1 << n; mask++) {
        const blue = Array.from({ length: n }, (_, i) => ((mask >> i) & 1) === 1);
        const b = blue.filter(Boolean).length;
        let w: Rational;
        if (x.colouring.kind === 'arrangement') w = b === x.colouring.blue ? Rational.ONE : Rational.ZERO;
        else {
          const q = Rational.parse(x.colouring.p)!;
          w = Rational.ONE;
          for (let i = 0; i < n; i++) w = w.mul(blue[i] ? q : Rational.ONE.sub(q));
        }
        if (w.isZero()) continue;
        all = all.add(w);
        const maps: ((i: number) => number)[] = [];
        for (let k = 0; k < n; k++) {
          maps.push((i) => (i + k) % n);
          if (x.group === 'symmetries') maps.push((i) => (k - i + n) % n);
        }
        // A: after the move, every blue vertex sits where red was; B: i.e. no blue lands on a blue spot.
        if (maps.some((g) => blue.every((isBlue, i) => !isBlue || !blue[g(i)]))) hit = hit.add(w);
      }
      expect(m_plus_n(hit.div(all)!)).toBe(truthOf(p).answer.value);
    }
  });
});

describe('grid_chips (A: maximal placements, B: uniform probability over them)', () => {
  it('A step: the row/column construction finds exactly the placements a 3^9 brute force finds', () => {
    let count = 0;
    const g = new Uint8Array(9);
    for (let code = 0; code < 3 ** 9; code++) {
      let c = code;
      for (let i = 0; i < 9; i++) {
        g[i] = c % 3;
        c = Math.floor(c / 3);
      }
      if (isValidMaximal(3, g)) count++;
    }
    expect(maximalPlacements(3)).toHaveLength(count);
  });
  it('textbook: AIME 2024 II #5 counts 902 placements on a 5×5 grid', () => {
    expect(maximalPlacements(5)).toHaveLength(902);
  });
  it('B step: the probability is the share of matching placements among those with the given chips', () => {
    for (const p of items(gridChips, 'composed', [1, 2], 10)) {
      const x = inputsOf(p);
      const colour = (s: string) => (s === 'white' ? 1 : 2);
      const space = maximalPlacements(x.n).filter((g) =>
        x.given.every((c: any) => g[c.row * x.n + c.col] === colour(c.colour)),
      );
      const hits = space.filter((g) => g.filter((v) => v === 1).length === x.white).length;
      expect(m_plus_n(Rational.of(hits, space.length))).toBe(truthOf(p).answer.value);
    }
  });
});
