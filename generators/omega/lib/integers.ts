// Exact integer helpers on BigInt: gcd, modular powers, primality, factorisation, and uniform
// random integers of any size drawn from an Rng (no floats anywhere near the answers).
import type { Rng } from '../../../src/core/rng.js';

export function absBig(a: bigint): bigint {
  return a < 0n ? -a : a;
}

export function gcdBig(a: bigint, b: bigint): bigint {
  a = absBig(a);
  b = absBig(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function gcdNum(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Non-negative remainder (Python's %), the convention OMEGA's "mod" answers use. */
export function modBig(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

export function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  if (mod === 1n) return 0n;
  let result = 1n;
  let b = modBig(base, mod);
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
    e >>= 1n;
  }
  return result;
}

const SMALL_PRIMES = primesUpTo(2000).map(BigInt);
/** Miller–Rabin bases that make the test deterministic below 3.3·10^24; beyond that, 20 bases. */
const MR_BASES = [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n, 41n, 43n, 47n, 53n, 59n, 61n, 67n, 71n];

export function isPrime(n: bigint): boolean {
  if (n < 2n) return false;
  for (const p of SMALL_PRIMES) {
    if (n === p) return true;
    if (n % p === 0n) return false;
  }
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  outer: for (const a of MR_BASES) {
    let x = modPow(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    for (let r = 1; r < s; r++) {
      x = (x * x) % n;
      if (x === n - 1n) continue outer;
    }
    return false;
  }
  return true;
}

/** Sieve of Eratosthenes. */
export function primesUpTo(n: number): number[] {
  const composite = new Uint8Array(n + 1);
  const out: number[] = [];
  for (let i = 2; i <= n; i++) {
    if (composite[i]) continue;
    out.push(i);
    for (let j = i * i; j <= n; j += i) composite[j] = 1;
  }
  return out;
}

/** The least prime ≥ n. */
export function nextPrime(n: bigint): bigint {
  let c = n < 2n ? 2n : n;
  while (!isPrime(c)) c++;
  return c;
}

/** Prime factorisation as [prime, exponent] pairs in increasing prime order. */
export function factorize(n: bigint): [bigint, number][] {
  n = absBig(n);
  const found = new Map<bigint, number>();
  const add = (p: bigint) => found.set(p, (found.get(p) ?? 0) + 1);
  for (const p of SMALL_PRIMES) {
    if (p * p > n) break;
    while (n % p === 0n) {
      add(p);
      n /= p;
    }
  }
  const stack = n > 1n ? [n] : [];
  while (stack.length > 0) {
    const m = stack.pop()!;
    if (m === 1n) continue;
    if (isPrime(m)) {
      add(m);
      continue;
    }
    const d = pollardBrent(m);
    stack.push(d, m / d);
  }
  return [...found.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** A non-trivial factor of a composite m (Brent's variant of Pollard's rho). */
function pollardBrent(m: bigint): bigint {
  if (m % 2n === 0n) return 2n;
  for (let c = 1n; ; c++) {
    let y = 2n,
      r = 1,
      q = 1n,
      g = 1n,
      x = 0n,
      ys = 0n;
    const f = (v: bigint) => (v * v + c) % m;
    while (g === 1n) {
      x = y;
      for (let i = 0; i < r; i++) y = f(y);
      for (let k = 0; k < r && g === 1n; k += 64) {
        ys = y;
        for (let i = 0; i < Math.min(64, r - k); i++) {
          y = f(y);
          q = (q * absBig(x - y)) % m;
        }
        g = gcdBig(q, m);
      }
      r *= 2;
    }
    if (g === m) {
      do {
        ys = f(ys);
        g = gcdBig(absBig(x - ys), m);
      } while (g === 1n);
    }
    if (g !== m) return g;
  }
}

/** Uniform integer in [lo, hi] of any size. */
export function randomBigInt(rng: Rng, lo: bigint, hi: bigint): bigint {
  if (hi < lo) throw new RangeError(`randomBigInt: empty range [${lo}, ${hi}]`);
  const span = hi - lo + 1n;
  if (span <= 0x100000000n) return lo + BigInt(rng.int(0, Number(span) - 1));
  const bits = span.toString(2).length;
  const words = Math.ceil(bits / 32);
  const mask = (1n << BigInt(bits)) - 1n;
  for (;;) {
    let v = 0n;
    for (let i = 0; i < words; i++) v = (v << 32n) | BigInt(rng.uint32());
    v &= mask;
    if (v < span) return lo + v;
  }
}

/** ⌈10^digits⌉ for a real digit budget, exactly enough for drawing "about d digits". */
export function tenTo(digits: number): bigint {
  const whole = Math.floor(digits);
  const frac = digits - whole;
  const scale = BigInt(Math.ceil(10 ** frac * 1000));
  return (10n ** BigInt(whole) * scale + 999n) / 1000n;
}

/** A uniform integer in [1, ⌈10^digits⌉]: a number carrying about `digits` digits of entropy. */
export function integerWithDigits(rng: Rng, digits: number): bigint {
  return randomBigInt(rng, 1n, tenTo(Math.max(digits, 0.3)));
}

/** A random prime in [lo, hi] (the next prime after a uniform draw, retried if it overshoots). */
export function randomPrime(rng: Rng, lo: bigint, hi: bigint): bigint | undefined {
  for (let i = 0; i < 50; i++) {
    const p = nextPrime(randomBigInt(rng, lo, hi));
    if (p <= hi) return p;
  }
  return undefined;
}

/** Number of decimal digits of |n|. */
export function digitCount(n: bigint): number {
  return absBig(n).toString().length;
}

/**
 * All x in [0, p^e) with x^a + c ≡ 0 (mod p^e), ascending: roots mod p by trial, then lifted one
 * power at a time by trying every x + t·p^j (t < p), which needs no Hensel non-degeneracy.
 * Returns undefined if the root set grows past `limit` (degenerate cases such as p | c).
 */
export function powerRootsMod(a: bigint, c: bigint, p: bigint, e: number, limit = 200_000): bigint[] | undefined {
  let mod = p;
  let roots: bigint[] = [];
  for (let x = 0n; x < p; x++) if (modBig(modPow(x, a, p) + c, p) === 0n) roots.push(x);
  for (let j = 1; j < e; j++) {
    const next = mod * p;
    const lifted: bigint[] = [];
    for (const r of roots) {
      for (let t = 0n; t < p; t++) {
        const x = r + t * mod;
        if (modBig(modPow(x, a, next) + c, next) === 0n) lifted.push(x);
      }
      if (lifted.length > limit) return undefined;
    }
    roots = lifted;
    mod = next;
  }
  return roots.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}
