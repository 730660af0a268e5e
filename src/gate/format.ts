// Number and text formatting shared by the Markdown and JUnit reports.
import type { Check } from './checks.js';

export const pct = (x: number | null | undefined) =>
  typeof x === 'number' && Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—';
/** A difference in percentage points, signed. */
export const pts = (x: number | null | undefined) =>
  typeof x === 'number' && Number.isFinite(x) ? `${x >= 0 ? '+' : '-'}${Math.abs(x * 100).toFixed(1)}` : '—';
export const count = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '∞');
export const pValue = (p: number | undefined) =>
  p === undefined || !Number.isFinite(p) ? '—' : p < 0.001 ? '<0.001' : p.toPrecision(2);

export const KIND_LABEL: Record<Check['kind'], string> = {
  'non-inferiority': 'accuracy change',
  floor: 'accuracy floor',
  'gap-growth': 'ID − OOD gap growth',
};

/** '−2.0 pt [−4.1, +0.2]' for changes, '61.0% [55.2%, 66.5%]' for a floor's accuracy. */
export function estimateText(c: Check): string {
  if (c.kind === 'floor') return `${pct(c.estimate)} [${pct(c.interval.low)}, ${pct(c.interval.high)}]`;
  return `${pts(c.estimate)} pt [${pts(c.interval.low)}, ${pts(c.interval.high)}]`;
}

export function thresholdText(c: Check): string {
  if (c.threshold === null) return '—';
  if (c.kind === 'floor') return `≥ ${pct(c.threshold)}`;
  if (c.kind === 'gap-growth') return `≤ ${pts(c.threshold)} pt`;
  return `≥ ${pts(c.threshold)} pt`;
}

export const sideValue = (c: Check, v: number | null) =>
  v === null ? '—' : c.kind === 'gap-growth' ? `${pts(v)} pt` : pct(v);

const BOUND_WORD: Record<Check['kind'], { bad: string; good: string; what: string; change: string; limit: string }> = {
  'non-inferiority': { bad: 'below', good: 'above', what: 'the allowed change', change: 'drop', limit: 'margin' },
  floor: { bad: 'below', good: 'above', what: 'the floor', change: 'shortfall', limit: 'floor' },
  'gap-growth': { bad: 'above', good: 'below', what: 'the allowed growth', change: 'growth', limit: 'limit' },
};

/** '; errors: candidate 23 (counted as wrong), baseline 2 (left out)' — empty when there are none. */
export function errorsText(c: Check): string {
  const parts: string[] = [];
  if (c.errors.candidate > 0) parts.push(`candidate ${count(c.errors.candidate)} (counted as wrong)`);
  if (c.errors.baseline > 0) parts.push(`baseline ${count(c.errors.baseline)} (left out)`);
  return parts.length ? `; errors: ${parts.join(', ')}` : '';
}

const boundValue = (c: Check) => (c.kind === 'floor' ? pct(c.threshold) : `${pts(c.threshold)} pt`);

/**
 * One sentence on why a check came out as it did. `name` formats the scope name, which came from
 * a suite file: the Markdown report makes it a code span, JUnit escapes it as XML.
 */
export function explain(c: Check, alpha: number, name: (s: string) => string = (s) => s): string {
  const p = c.gating ? c.pAdjusted : c.pWorse;
  const head = `${KIND_LABEL[c.kind]} on ${c.scopeType} ${name(c.scope)}: ${estimateText(c)}${errorsText(c)}`;
  const w = BOUND_WORD[c.kind];
  switch (c.status) {
    case 'regression':
      return `${head}; the estimate is ${w.bad} ${w.what} ${boundValue(c)} and the ${w.change} is significant (p ${pValue(p)} < α ${alpha}).`;
    case 'pass':
      return `${head}; the whole interval is ${w.good} ${w.what} ${boundValue(c)}.`;
    case 'inconclusive': {
      const items = (what: string) =>
        Number.isFinite(c.itemsNeeded ?? Infinity)
          ? `about ${count(c.itemsNeeded!)} items would ${what} it (now ${count(c.items)})`
          : `cannot decide at this ${w.limit}: the estimate sits on the threshold (within rounding), so no item count would decide it`;
      return c.material
        ? `${head}; the estimate is ${w.bad} ${w.what} ${boundValue(c)} but the ${w.change} is not significant (p ${pValue(p)}): ${items('decide')}.`
        : `${head}; the interval reaches ${w.bad} ${w.what} ${boundValue(c)}: ${items('decide')}.`;
    }
    default:
      return `${head} (shown only).`;
  }
}
