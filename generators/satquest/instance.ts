// The CNF instance behind an item: n and m/n drawn from the params' ranges, then the matched
// SAT/UNSAT pair. It depends on the item's stream and on n and ratio only, never on the label,
// format or prompt, so tasks that share a seed pose the very same formulas: the label or format
// is then the only thing that changes between them, and their results pair item by item.
import type { Rng } from '../../src/core/rng.js';
import { clauseCount, hundredths, type SatQuestParams } from './params.js';
import { drawPair, type Formula } from './sampling.js';

export interface Instance {
  n: number;
  /** m/n in hundredths (m = ⌊n·ratio⌋). */
  ratioHundredths: number;
  /** The unsatisfiable formula and its satisfiable partner, both shuffled. */
  unsat: Formula;
  sat: Formula;
}

/**
 * A suite asks for the same instance under several labels and formats, and the rejection
 * sampling behind it is most of the generation time, so recent instances are memoised. The key
 * is a fingerprint of the stream's state plus the ranges, so a hit returns exactly what drawing
 * would: generation stays a pure function of (params, seed, index). Formulas are stored packed
 * (DIMACS-style Int8Array, 0 ends a clause): at most about 2 KB per instance at n = 64.
 */
const CACHE_SIZE = 4096;
interface Packed {
  n: number;
  ratioHundredths: number;
  unsat: Int8Array;
  sat: Int8Array;
}
const cache = new Map<string, Packed>();

export function drawInstance(params: SatQuestParams, rng: Rng): Instance {
  const key = `${fingerprint(rng)}|${params.n.join(',')}|${params.ratio.join(',')}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // re-insert: Map order is the LRU order
    cache.set(key, hit);
    return { n: hit.n, ratioHundredths: hit.ratioHundredths, unsat: unpack(hit.unsat), sat: unpack(hit.sat) };
  }
  const n = rng.int(params.n[0], params.n[1]);
  const ratioHundredths = drawRatio(params.ratio, rng);
  const pair = drawPair(n, clauseCount(n, ratioHundredths), rng);
  cache.set(key, { n, ratioHundredths, unsat: pack(pair.unsat), sat: pack(pair.sat) });
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return { n, ratioHundredths, unsat: pair.unsat, sat: pair.sat };
}

/** A fixed ratio as given; a range uniformly on its 0.1 grid. */
function drawRatio([lo, hi]: [number, number], rng: Rng): number {
  if (lo === hi) return hundredths(lo);
  return 10 * rng.int(Math.round(lo * 10), Math.round(hi * 10));
}

/** 128 bits derived from the stream's state, without drawing from it. */
function fingerprint(rng: Rng): string {
  const f = rng.fork('satquest:instance-key');
  return `${f.uint32()}.${f.uint32()}.${f.uint32()}.${f.uint32()}`;
}

function pack(clauses: Formula): Int8Array {
  return Int8Array.from(clauses.flatMap((c) => [...c, 0])); // |literal| ≤ 64 fits
}

function unpack(packed: Int8Array): Formula {
  const out: Formula = [];
  let clause: number[] = [];
  for (const l of packed) {
    if (l === 0) {
      out.push(clause);
      clause = [];
    } else clause.push(l);
  }
  return out;
}

/** For tests and benchmarks that time cold generation. */
export function clearInstanceCache(): void {
  cache.clear();
}
