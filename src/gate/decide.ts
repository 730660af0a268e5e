// From statistics to a verdict.
//
// A check is a regression when the candidate is significantly worse (one-sided p < α after Holm's
// adjustment across all gating checks, so the chance of any false alarm stays ≤ α) AND the
// estimated change is beyond the threshold (significant and material). It passes when the whole
// 1 − 2α interval is on the good side of the threshold (a non-inferiority test at level α).
// Otherwise it is inconclusive, with the item count that would decide it.
//
// The gate passes only when every gating check passes (an intersection–union test: no adjustment
// needed for the chance of a false pass to stay ≤ α); any regression makes it a regression.
import { holm } from '../stats/paired.js';
import type { Check, CheckStatus } from './checks.js';
import { MAX_ITEMS } from './sample-size.js';
import type { Verdict } from './errors.js';

export function decide(checks: Check[], alpha: number): { verdict: Verdict; checks: Check[] } {
  const gating = checks.filter((c) => c.gating);
  const adjusted = holm(gating.map((c) => c.pWorse));
  gating.forEach((c, i) => (c.pAdjusted = adjusted[i]));
  for (const c of checks) {
    c.status = statusOf(c, c.gating ? c.pAdjusted! : c.pWorse, alpha);
    if (c.status === 'inconclusive') {
      // Never suggest fewer items than there are: the power estimate is rough near the edge.
      const needed = Math.max(c.items + 1, c.material ? c.itemsToFlag : c.itemsToShow);
      c.itemsNeeded = needed > MAX_ITEMS ? Infinity : needed;
    }
  }
  const verdict: Verdict = gating.some((c) => c.status === 'regression')
    ? 'regression'
    : gating.every((c) => c.status === 'pass')
      ? 'pass'
      : 'inconclusive';
  return { verdict, checks };
}

function statusOf(c: Check, p: number, alpha: number): CheckStatus {
  if (c.threshold === null) return 'info';
  if (c.material && p < alpha) return 'regression';
  if (c.shown) return 'pass';
  return 'inconclusive';
}
