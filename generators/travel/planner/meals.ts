// Cheapest restaurant choices for one city: exactly k distinct restaurants whose cuisines, as a
// mask over the requested cuisines, are exactly m. A knapsack over the city's restaurants with
// the table kept per item, so the chosen set can be read back.
import { byCodePoint } from '../world/geometry.js';
import type { Restaurant } from '../world/types.js';

export interface MealTable {
  /** The city's restaurants in the order the table indexes them (cost, then name). */
  restaurants: Restaurant[];
  maxK: number;
  masks: number;
  /** Cheapest total average cost for (k, mask), Infinity when impossible. */
  cost(k: number, mask: number): number;
  /** The restaurants achieving cost(k, mask). */
  choose(k: number, mask: number): Restaurant[];
}

export function cuisineMask(r: Restaurant, wanted: readonly string[]): number {
  let m = 0;
  wanted.forEach((c, i) => {
    if ((r.cuisines as readonly string[]).includes(c)) m |= 1 << i;
  });
  return m;
}

export function mealTable(restaurants: readonly Restaurant[], wanted: readonly string[], maxK: number): MealTable {
  const sorted = [...restaurants].sort((a, b) => a.averageCost - b.averageCost || byCodePoint(a.name, b.name));
  const n = sorted.length;
  const masks = 1 << wanted.length;
  const K = Math.min(maxK, n);
  const width = (K + 1) * masks;
  // dp[i] = best over the first i restaurants; layer i+1 derives from layer i.
  const dp = new Float64Array((n + 1) * width).fill(Infinity);
  dp[0] = 0;
  const itemMask = sorted.map((r) => cuisineMask(r, wanted));
  for (let i = 0; i < n; i++) {
    const from = i * width;
    const to = (i + 1) * width;
    const cost = sorted[i]!.averageCost;
    const im = itemMask[i]!;
    for (let k = 0; k <= K; k++) {
      for (let m = 0; m < masks; m++) {
        const v = dp[from + k * masks + m]!;
        if (v === Infinity) continue;
        const skip = to + k * masks + m;
        if (v < dp[skip]!) dp[skip] = v;
        if (k < K) {
          const take = to + (k + 1) * masks + (m | im);
          if (v + cost < dp[take]!) dp[take] = v + cost;
        }
      }
    }
  }
  const at = (i: number, k: number, m: number) => dp[i * width + k * masks + m]!;
  return {
    restaurants: sorted,
    maxK: K,
    masks,
    cost: (k, m) => (k <= K ? at(n, k, m) : Infinity),
    choose(k, m) {
      if (k > K || at(n, k, m) === Infinity) throw new Error(`mealTable: no choice of ${k} with mask ${m}`);
      const out: Restaurant[] = [];
      let kk = k;
      let mm = m;
      let value = at(n, k, m);
      for (let i = n; i > 0; i--) {
        if (at(i - 1, kk, mm) === value) continue; // item i-1 not needed
        // Item i-1 was taken: find the predecessor mask that leads here.
        const cost = sorted[i - 1]!.averageCost;
        const im = itemMask[i - 1]!;
        let found = -1;
        for (let pm = 0; pm < masks && found < 0; pm++)
          if ((pm | im) === mm && at(i - 1, kk - 1, pm) === value - cost) found = pm;
        if (found < 0) throw new Error('mealTable: broken back-pointer');
        out.push(sorted[i - 1]!);
        kk--;
        mm = found;
        value -= cost;
      }
      return out.reverse();
    },
  };
}
