// TravelPlanner's six numbers (evaluation/eval.py, paper Eq. 1–2) from verdict details: Delivery
// Rate, Commonsense Micro and Macro, Hard Micro and Macro, Final Pass Rate. N counts every item
// of a split; an undelivered plan passes nothing but stays in every denominator.
import {
  COMMONSENSE_CHECKS,
  HARD_CHECKS,
  type CommonsenseCheck,
  type HardCheck,
  type Outcome,
} from './evaluate/checks.js';

export interface TravelRates {
  n: number;
  delivery: number;
  commonsenseMicro: number;
  commonsenseMacro: number;
  hardMicro: number;
  hardMacro: number;
  finalPass: number;
  /** Passes and applicable counts per check, for the per-constraint table (paper Table 4). */
  perCheck: Record<CommonsenseCheck | HardCheck, { pass: number; applicable: number }>;
}

interface DetailsLike {
  delivered?: unknown;
  commonsense?: Record<string, unknown>;
  hard?: Record<string, unknown>;
}

const outcome = (v: unknown): Outcome => (v === 'pass' || v === 'na' ? v : 'fail');

/**
 * Rates over the `details` of a split's verdicts. A missing or malformed entry counts as an
 * undelivered plan (a model error still costs the model). Hard Micro divides by the hard
 * constraints that apply (budget always, plus each one the query sets), as upstream.
 */
export function travelRates(details: readonly unknown[]): TravelRates {
  const perCheck = Object.fromEntries(
    [...COMMONSENSE_CHECKS, ...HARD_CHECKS].map((k) => [k, { pass: 0, applicable: 0 }]),
  ) as TravelRates['perCheck'];
  let delivered = 0,
    csPass = 0,
    csAll = 0,
    hardPass = 0,
    hardApplicable = 0,
    hardAll = 0,
    final = 0;
  for (const raw of details) {
    const d = (raw && typeof raw === 'object' ? raw : {}) as DetailsLike;
    const isDelivered = d.delivered === true;
    if (isDelivered) delivered++;
    let allCs = isDelivered;
    for (const k of COMMONSENSE_CHECKS) {
      const o = isDelivered ? outcome(d.commonsense?.[k]) : 'fail';
      perCheck[k].applicable++;
      if (o === 'pass') {
        csPass++;
        perCheck[k].pass++;
      } else allCs = false;
    }
    let allHard = isDelivered;
    for (const k of HARD_CHECKS) {
      // Budget applies to every query; an undelivered plan fails it and whatever else its query set.
      const o = d.hard?.[k] === undefined && k === 'budget' ? 'fail' : outcome(d.hard?.[k] ?? 'na');
      if (o === 'na') continue;
      hardApplicable++;
      perCheck[k].applicable++;
      if (o === 'pass' && isDelivered) {
        hardPass++;
        perCheck[k].pass++;
      } else allHard = false;
    }
    if (allCs) csAll++;
    if (allHard) hardAll++;
    if (allCs && allHard) final++;
  }
  const n = details.length;
  const rate = (x: number, of: number) => (of > 0 ? x / of : NaN);
  return {
    n,
    delivery: rate(delivered, n),
    commonsenseMicro: rate(csPass, COMMONSENSE_CHECKS.length * n),
    commonsenseMacro: rate(csAll, n),
    hardMicro: rate(hardPass, hardApplicable),
    hardMacro: rate(hardAll, n),
    finalPass: rate(final, n),
    perCheck,
  };
}

/**
 * What the family reports (its Generator.summarizeDetails): the six rates, then per check
 * '<group>.<check>' its pass rate over the answers it applies to and '<group>.<check>.applicable'
 * how many those were (the per-constraint table, paper Table 4, shown in the site's drill-down).
 */
export function travelMetrics(details: readonly unknown[]): Record<string, number> {
  const r = travelRates(details);
  const out: Record<string, number> = {
    delivery: r.delivery,
    commonsenseMicro: r.commonsenseMicro,
    commonsenseMacro: r.commonsenseMacro,
    hardMicro: r.hardMicro,
    hardMacro: r.hardMacro,
    finalPass: r.finalPass,
  };
  const groups: [string, readonly (CommonsenseCheck | HardCheck)[]][] = [
    ['commonsense', COMMONSENSE_CHECKS],
    ['hard', HARD_CHECKS],
  ];
  for (const [group, checks] of groups) {
    for (const k of checks) {
      const c = r.perCheck[k];
      if (c.applicable === 0) continue;
      out[`${group}.${k}`] = c.pass / c.applicable;
      out[`${group}.${k}.applicable`] = c.applicable;
    }
  }
  return out;
}

/** Rates per split (or any grouping key), e.g. `ratesBy(rows, (r) => r.split)`. */
export function ratesBy<T>(
  rows: readonly T[],
  key: (row: T) => string,
  details: (row: T) => unknown,
): Record<string, TravelRates> {
  const groups = new Map<string, unknown[]>();
  for (const r of rows) {
    const k = key(r);
    const g = groups.get(k) ?? [];
    g.push(details(r));
    groups.set(k, g);
  }
  return Object.fromEntries([...groups].map(([k, ds]) => [k, travelRates(ds)]));
}
