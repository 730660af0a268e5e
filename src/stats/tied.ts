// "Statistically tied" groups: per column of a table, the leader and every model whose paired
// comparison with the leader is not significant once the p-values of the whole table are
// Holm-adjusted together (a table tests many columns at once; an unadjusted 5% level would make
// some "winner" appear by chance in one column out of twenty).
import { holm } from './paired.js';

export interface TieColumn {
  key: string;
  /** Model → its estimate in this column (models without one are left out). */
  estimates: ReadonlyMap<string, number>;
}

export interface TieResult {
  /** The model with the highest estimate (ties in the estimate broken by name). */
  leader: string;
  /** The leader and every model not significantly worse than it, in estimate order. */
  tied: string[];
  /** Per compared model: raw and Holm-adjusted p-value of the comparison with the leader. */
  p: Map<string, { raw: number; adjusted: number }>;
  /** Models that could not be compared with the leader (no shared items). */
  incomparable: string[];
}

/**
 * `pValue(column, leader, other)` returns the two-sided p-value of the paired comparison, or NaN
 * when the two share no items. Tied means Holm-adjusted p > alpha.
 */
export function tiedGroups(
  columns: readonly TieColumn[],
  pValue: (column: string, leader: string, other: string) => number,
  alpha = 0.05,
): Map<string, TieResult> {
  const out = new Map<string, TieResult>();
  const tests: { column: string; model: string; p: number }[] = [];
  for (const col of columns) {
    const ranked = [...col.estimates]
      .filter(([, v]) => Number.isFinite(v))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    if (ranked.length === 0) continue;
    const leader = ranked[0]![0];
    const result: TieResult = { leader, tied: [leader], p: new Map(), incomparable: [] };
    out.set(col.key, result);
    for (const [model] of ranked.slice(1)) {
      const p = pValue(col.key, leader, model);
      if (Number.isFinite(p)) tests.push({ column: col.key, model, p });
      else result.incomparable.push(model);
    }
  }
  const adjusted = holm(tests.map((t) => t.p));
  tests.forEach((t, i) => out.get(t.column)!.p.set(t.model, { raw: t.p, adjusted: adjusted[i]! }));
  for (const col of columns) {
    const r = out.get(col.key);
    if (!r) continue;
    const order = [...col.estimates]
      .filter(([, v]) => Number.isFinite(v))
      .sort((a, b) => b[1] - a[1])
      .map(([m]) => m);
    r.tied = order.filter((m) => m === r.leader || (r.p.get(m)?.adjusted ?? 0) > alpha);
  }
  return out;
}
