// Brute force over all 2^n assignments, written independently of the engine, for n ≤ 16.
// Clause j is a pair of bit masks (positive and negative variables); assignment a satisfies it
// iff (a & pos) | (~a & neg) ≠ 0. For every assignment we keep the set of clauses it satisfies as
// 32-bit words, so every question about clause subsets becomes a scan over those sets.

export interface BruteForce {
  n: number;
  m: number;
  /** Words per clause set. */
  words: number;
  /** Row a (words [a·W, (a+1)·W)) holds the clauses assignment a satisfies (bit v-1 of a = variable v). */
  satisfied: Uint32Array;
}

export type ClauseSet = Uint32Array;

export function bruteForce(clauses: readonly (readonly number[])[], n: number): BruteForce {
  if (n > 16) throw new RangeError('bruteForce: n ≤ 16 only');
  const m = clauses.length;
  const words = Math.max(1, Math.ceil(m / 32));
  const pos = clauses.map((c) => c.filter((l) => l > 0).reduce((s, l) => s | (1 << (l - 1)), 0));
  const neg = clauses.map((c) => c.filter((l) => l < 0).reduce((s, l) => s | (1 << (-l - 1)), 0));
  const full = (1 << n) - 1;
  const satisfied = new Uint32Array((full + 1) * words);
  for (let a = 0; a <= full; a++) {
    for (let j = 0; j < m; j++) {
      if ((a & pos[j]!) | (~a & full & neg[j]!)) satisfied[a * words + (j >> 5)]! |= 1 << (j & 31);
    }
  }
  return { n, m, words, satisfied };
}

export function setOf(bf: BruteForce, indices: Iterable<number>): ClauseSet {
  const s = new Uint32Array(bf.words);
  for (const i of indices) s[i >> 5]! |= 1 << (i & 31);
  return s;
}

export function allClauses(bf: BruteForce): ClauseSet {
  return setOf(
    bf,
    Array.from({ length: bf.m }, (_, i) => i),
  );
}

export function indicesOf(set: ClauseSet): number[] {
  const out: number[] = [];
  for (let w = 0; w < set.length; w++) for (let b = 0; b < 32; b++) if (set[w]! & (1 << b)) out.push(w * 32 + b);
  return out;
}

/** Is the clause subset satisfiable? */
export function subsetSat(bf: BruteForce, set: ClauseSet): boolean {
  const W = bf.words;
  const rows = bf.satisfied.length / W;
  outer: for (let a = 0; a < rows; a++) {
    for (let w = 0; w < W; w++) if ((bf.satisfied[a * W + w]! & set[w]!) >>> 0 !== set[w]) continue outer; // >>> 0: & is signed
    return true;
  }
  return false;
}

export function formulaSat(bf: BruteForce): boolean {
  return subsetSat(bf, allClauses(bf));
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Clauses falsified by assignment a. */
export function falsifiedBy(bf: BruteForce, a: number): number {
  let sat = 0;
  for (let w = 0; w < bf.words; w++) sat += popcount32(bf.satisfied[a * bf.words + w]!);
  return bf.m - sat;
}

/** Least number of falsified clauses over all assignments. */
export function maxSatCost(bf: BruteForce): number {
  let best = bf.m;
  for (let a = 0; a < 1 << bf.n; a++) best = Math.min(best, falsifiedBy(bf, a));
  return best;
}

/** Assignment index of a bit string (bit i = variable i+1). */
export function assignmentIndex(bits: string): number {
  let a = 0;
  for (let i = 0; i < bits.length; i++) if (bits[i] === '1') a |= 1 << i;
  return a;
}

export function assignmentBits(a: number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += a & (1 << i) ? '1' : '0';
  return s;
}

function without(set: ClauseSet, j: number): ClauseSet {
  const s = set.slice();
  s[j >> 5]! &= ~(1 << (j & 31));
  return s;
}

function withClause(set: ClauseSet, j: number): ClauseSet {
  const s = set.slice();
  s[j >> 5]! |= 1 << (j & 31);
  return s;
}

/** MUS by the definition: unsatisfiable, and every one-smaller subset satisfiable. */
export function isMusBrute(bf: BruteForce, set: ClauseSet): boolean {
  if (subsetSat(bf, set)) return false;
  return indicesOf(set).every((j) => subsetSat(bf, without(set, j)));
}

/** MCS by the definition: the complement is satisfiable, and adding back any one clause is not. */
export function isMcsBrute(bf: BruteForce, set: ClauseSet): boolean {
  const all = allClauses(bf);
  const rest = all.map((w, i) => w & ~set[i]!) as ClauseSet;
  if (!subsetSat(bf, rest)) return false;
  return indicesOf(set).every((j) => !subsetSat(bf, withClause(rest, j)));
}

/** Every MCS: the complements of the maximal satisfied sets (small n only). */
export function allMcses(bf: BruteForce): ClauseSet[] {
  const W = bf.words;
  const rows: ClauseSet[] = [];
  const seen = new Set<string>();
  for (let a = 0; a < 1 << bf.n; a++) {
    const row = bf.satisfied.slice(a * W, (a + 1) * W);
    const key = row.join(',');
    if (!seen.has(key)) {
      seen.add(key);
      rows.push(row);
    }
  }
  const contains = (big: ClauseSet, small: ClauseSet) => small.every((w, i) => (big[i]! & w) >>> 0 === w);
  const maximal = rows.filter((r) => !rows.some((t) => t !== r && contains(t, r) && !contains(r, t)));
  const all = allClauses(bf);
  return maximal.map((r) => all.map((w, i) => w & ~r[i]!) as ClauseSet);
}

/** Every MUS, as the minimal hitting sets of all MCSes (tiny m only: exponential in m). */
export function allMuses(bf: BruteForce): ClauseSet[] {
  if (bf.m > 16) throw new RangeError('allMuses: m ≤ 16 only');
  const out: ClauseSet[] = [];
  for (let s = 1; s < 1 << bf.m; s++) {
    const set = setOf(bf, indicesOf(Uint32Array.of(s)));
    if (isMusBrute(bf, set)) out.push(set);
  }
  return out;
}
