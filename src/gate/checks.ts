// The checks of a gate, each on one scope (a split, a task, a family) with its own threshold:
//   non-inferiority: the candidate's accuracy change against −margin (paired, same items)
//   floor:           the candidate's accuracy against an absolute floor
//   gap-growth:      the change of a family's ID − OOD gap against the largest growth allowed
// This file computes the statistics; decide.ts turns them into pass / regression / inconclusive.
//
// Errors: a candidate's errored answer counts as a wrong answer (the candidate did not deliver
// it); a baseline's errored answer leaves its pair out (there is nothing to compare with). Both
// are counted per side on every check and shown. The accuracies each check shows (and which pairs
// count) come from the scoreboard (src/scoreboard/paired.ts, its micro weighting), so the gate's
// input is the number `bench report --weighting micro` shows.
import { normalQuantile, wilson, type Interval } from '../stats/proportion.js';
import { moverDifference } from '../stats/macro.js';
import type { GateConfig, GatedSplit } from './config.js';
import { GateConfigError } from './errors.js';
import { normalCdf } from '../stats/proportion.js';
import { changeInterval, designEffect, nonInferiorityP, regressionP, type PairedCounts } from './paired-score.js';
import { candidateAccuracy, pairedAccuracy, usablePairs, type Answer, type PairedItem } from '../scoreboard/paired.js';
import { outcomeKey, type GatePlan, type OutcomeMap, type PlannedTask } from './plan.js';
import {
  POWER,
  pairsToDetectDrop,
  pairsToShowNonInferiority,
  smallestScale,
  trialsToClearFloor,
} from './sample-size.js';

export type CheckKind = 'non-inferiority' | 'floor' | 'gap-growth';
export type CheckStatus = 'pass' | 'regression' | 'inconclusive' | 'info';

export interface Check {
  /** Stable id: 'change:ood', 'change:task:gp-id', 'floor:ood', 'gap:general-points'. */
  id: string;
  kind: CheckKind;
  scopeType: 'split' | 'task' | 'family';
  scope: string;
  /** Gating checks decide the verdict; the others are shown for context. */
  gating: boolean;
  /** Items with at least one usable answer, and the usable answers (pairs for paired checks). */
  items: number;
  answers: number;
  /** Planned answers left out because the baseline erred (0 for floors, which read only the candidate). */
  dropped: number;
  /** Errored answers of each side in the scope (the candidate's count as wrong answers). */
  errors: { baseline: number; candidate: number };
  /** Rao–Scott design effect applied (1 with one sample per item). */
  designEffect: number;
  /** Accuracy of each side on the scope (the ID − OOD gap for gap-growth); null where not used. */
  baseline: number | null;
  candidate: number;
  /** Change in accuracy, candidate accuracy, or gap growth: what the threshold applies to. */
  estimate: number;
  /** Two-sided 1 − 2α interval for the estimate (so each side is a one-sided α bound). */
  interval: Interval;
  /** −margin, the floor, or the largest growth allowed; null: shown only, nothing to decide. */
  threshold: number | null;
  /** Loss / gain counts (non-inferiority only). */
  loss?: number;
  gain?: number;
  /** One-sided p-value that the candidate got worse (vs. no change; vs. the floor for floors). */
  pWorse: number;
  /** pWorse after Holm's adjustment across the gating checks (set by decide). */
  pAdjusted?: number;
  /** The estimate is beyond the threshold on the bad side. */
  material: boolean;
  /** The whole interval is on the good side of the threshold. */
  shown: boolean;
  /** Items that would decide with 80% power, if the observed rates held: to show it, or to flag it. */
  itemsToShow: number;
  itemsToFlag: number;
  status: CheckStatus;
  /** For an inconclusive check: about how many items in the scope would decide it. */
  itemsNeeded?: number;
}

function pairTask(pt: PlannedTask, samples: number, base: OutcomeMap, cand: OutcomeMap): PairedItem[] {
  return pt.itemIds.map((id) => {
    const b: Answer[] = [],
      c: Answer[] = [];
    for (let s = 0; s < samples; s++) {
      b.push(base.get(outcomeKey(id, s)) ?? null);
      c.push(cand.get(outcomeKey(id, s)) ?? null);
    }
    return { b, c };
  });
}

interface ChangeStats {
  items: number;
  pairs: number;
  dropped: number;
  deff: number;
  loss: number;
  gain: number;
  baselineAcc: number;
  candidateAcc: number;
  counts: PairedCounts;
  samplesPerItem: number;
  errors: { baseline: number; candidate: number };
}

function changeStats(items: PairedItem[]): ChangeStats {
  // The accuracies (and which pairs count) are the scoreboard's; the paired statistics are ours.
  const acc = pairedAccuracy(items);
  let loss = 0,
    gain = 0;
  const diffs: number[][] = [];
  for (const it of items) {
    const d = usablePairs(it).map(({ b, c }) => {
      if (b && !c) loss++;
      if (!b && c) gain++;
      return +c - +b;
    });
    if (d.length) diffs.push(d);
  }
  const { pairs } = acc;
  const deff = designEffect(diffs);
  return {
    items: acc.items,
    pairs,
    dropped: acc.dropped,
    deff,
    loss,
    gain,
    baselineAcc: acc.baseline,
    candidateAcc: acc.candidate,
    counts: { n: pairs / deff, loss: loss / deff, gain: gain / deff },
    samplesPerItem: acc.items ? pairs / acc.items : 1,
    errors: acc.errors,
  };
}

/** Effective pairs → items, the other way round from the design effect. */
const toItems = (effective: number, deff: number, perItem: number) =>
  Number.isFinite(effective) ? Math.ceil((effective * deff) / perItem) : Infinity;

function nonInferiority(
  id: string,
  scopeType: Check['scopeType'],
  scope: string,
  items: PairedItem[],
  margin: number | null,
  alpha: number,
  gating: boolean,
): Check {
  const s = changeStats(items);
  const level = 1 - 2 * alpha;
  const { counts } = s;
  const m = margin ?? 0;
  const pLoss = s.pairs ? s.loss / s.pairs : 0,
    pGain = s.pairs ? s.gain / s.pairs : 0;
  return {
    id,
    kind: 'non-inferiority',
    scopeType,
    scope,
    gating,
    items: s.items,
    answers: s.pairs,
    dropped: s.dropped,
    errors: s.errors,
    designEffect: s.deff,
    baseline: s.baselineAcc,
    candidate: s.candidateAcc,
    estimate: s.pairs ? (s.gain - s.loss) / s.pairs : NaN,
    interval: changeInterval(counts, level),
    threshold: margin === null ? null : -margin,
    loss: s.loss,
    gain: s.gain,
    pWorse: regressionP(counts),
    // A drop of exactly the margin is still acceptable; the epsilon absorbs float noise.
    material: s.pairs > 0 && (s.loss - s.gain) / s.pairs > m + 1e-12,
    shown: s.pairs > 0 && nonInferiorityP(counts, m) < alpha,
    itemsToShow: toItems(pairsToShowNonInferiority(pLoss, pGain, m, alpha), s.deff, s.samplesPerItem),
    itemsToFlag: toItems(pairsToDetectDrop(pLoss, pGain, alpha), s.deff, s.samplesPerItem),
    status: 'info',
  };
}

function floorCheck(
  id: string,
  scopeType: Check['scopeType'],
  scope: string,
  items: PairedItem[],
  floor: number,
  alpha: number,
): Check {
  // Only the candidate's answers matter here; its errors are wrong answers (the scoreboard's count).
  const acc = candidateAccuracy(items);
  const clusters = items.filter((it) => it.c.length).map((it) => it.c.map((c) => +(c === true)));
  const k = acc.correct,
    n = acc.answers;
  const deff = designEffect(clusters);
  const kEff = k / deff,
    nEff = n / deff;
  const p = acc.accuracy;
  const level = 1 - 2 * alpha;
  const interval = n ? wilson(kEff, nEff, level) : { estimate: NaN, low: 0, high: 1 };
  // The score test that the Wilson interval inverts: significant below the floor ⇔ high < floor.
  const z = n ? (p - floor) / Math.sqrt((floor * (1 - floor)) / nEff) : 0;
  const perItem = clusters.length ? n / clusters.length : 1;
  const needed = toItems(trialsToClearFloor(p, floor, alpha), deff, perItem);
  return {
    id,
    kind: 'floor',
    scopeType,
    scope,
    gating: true,
    items: acc.items,
    answers: n,
    dropped: 0,
    errors: acc.errors,
    designEffect: deff,
    baseline: null,
    candidate: p,
    estimate: p,
    interval,
    threshold: floor,
    pWorse: n ? normalCdf(z) : 1,
    material: n > 0 && p < floor,
    shown: n > 0 && interval.low >= floor,
    itemsToShow: needed,
    itemsToFlag: needed,
    status: 'info',
  };
}

/**
 * One-sided p-value that the growth is not above 0, read off the same family of intervals that is
 * printed: the α′ at which the lower limit of the 1 − 2α′ interval reaches 0. So p < α exactly when
 * the printed interval lies above 0, and the verdict can never contradict the interval.
 */
export function pFromIntervals(intervalAt: (alpha: number) => Interval, estimate: number): number {
  if (estimate === 0 || !Number.isFinite(estimate)) return estimate === 0 ? 0.5 : 1;
  const tiny = 1e-12;
  // Above 0: the lower limit rises with α′ (narrower intervals); below 0 the upper limit falls.
  const crosses = estimate > 0 ? (a: number) => intervalAt(a).low > 0 : (a: number) => intervalAt(a).high < 0;
  if (crosses(tiny)) return estimate > 0 ? tiny : 1 - tiny;
  let lo = Math.log(tiny),
    hi = Math.log(0.5);
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (crosses(Math.exp(mid))) hi = mid;
    else lo = mid;
  }
  const a = Math.exp(hi);
  return estimate > 0 ? a : 1 - a;
}

function gapGrowth(
  family: string,
  idItems: PairedItem[],
  oodItems: PairedItem[],
  maxGrowth: number | null,
  alpha: number,
): Check {
  const level = 1 - 2 * alpha;
  const a = changeStats(idItems),
    o = changeStats(oodItems);
  // growth = (candidate gap) − (baseline gap) = (ID change) − (OOD change). ID and OOD items are
  // different items, so the two changes are independent: MOVER combines their score intervals
  // (Tango's, which keep their width when a side has no discordant items), and the p-value
  // inverts that same interval.
  const at = (f: number, lvl: number) =>
    moverDifference(changeInterval(scale(a.counts, f), lvl), changeInterval(scale(o.counts, f), lvl));
  const interval = at(1, level);
  const growth = interval.estimate;
  const pWorse = pFromIntervals((x) => at(1, 1 - 2 * x), growth);
  const t = maxGrowth ?? 0;
  const items = a.items + o.items;
  const toItems = (f: number) => (Number.isFinite(f) ? Math.ceil(items * Math.max(f, 1)) : Infinity);
  // Sample sizes for 80% power, if the observed rates held: at f times the items, the estimate
  // must clear the threshold (to show it) or 0 (to flag it) by the interval's own distance plus
  // z_β sampling standard errors of the estimate (the plain binomial ones: they describe how the
  // estimate varies, the interval is what the test uses).
  const zBeta = normalQuantile(POWER);
  const sd = (s: ChangeStats) =>
    s.pairs > 0 ? Math.max(0, (s.loss + s.gain) / s.pairs - ((s.loss - s.gain) / s.pairs) ** 2) / s.counts.n : 0;
  const se = Math.sqrt(sd(a) + sd(o));
  const itemsToShow =
    growth >= t - 1e-12
      ? Infinity
      : toItems(smallestScale((f) => at(f, level).high + (zBeta * se) / Math.sqrt(f) <= t));
  const itemsToFlag =
    growth <= 1e-12 ? Infinity : toItems(smallestScale((f) => at(f, level).low - (zBeta * se) / Math.sqrt(f) > 0));
  return {
    id: `gap:${family}`,
    kind: 'gap-growth',
    scopeType: 'family',
    scope: family,
    gating: maxGrowth !== null,
    items,
    answers: a.pairs + o.pairs,
    dropped: a.dropped + o.dropped,
    designEffect: Math.max(a.deff, o.deff),
    errors: { baseline: a.errors.baseline + o.errors.baseline, candidate: a.errors.candidate + o.errors.candidate },
    baseline: a.baselineAcc - o.baselineAcc,
    candidate: a.candidateAcc - o.candidateAcc,
    estimate: growth,
    interval: { estimate: growth, low: Math.max(-2, interval.low), high: Math.min(2, interval.high) },
    threshold: maxGrowth,
    pWorse,
    material: growth > t + 1e-12,
    shown: interval.high <= t,
    itemsToShow,
    itemsToFlag,
    status: 'info',
  };
}

const scale = (c: PairedCounts, f: number): PairedCounts => ({ n: c.n * f, loss: c.loss * f, gain: c.gain * f });

/** Every check of the plan: the gating ones the config asks for, and context rows. */
export function buildChecks(plan: GatePlan, base: OutcomeMap, cand: OutcomeMap, config: GateConfig): Check[] {
  const paired = new Map(plan.tasks.map((pt) => [pt.task.id, pairTask(pt, plan.samples, base, cand)]));
  const scored = plan.tasks.filter((pt) => pt.task.role !== 'control');
  const itemsOf = (pts: PlannedTask[]) => pts.flatMap((pt) => paired.get(pt.task.id)!);
  const { alpha } = config;
  const checks: Check[] = [];

  for (const split of ['id', 'ood'] as GatedSplit[]) {
    const pts = scored.filter((pt) => pt.task.split === split);
    const gated = config.splits.includes(split);
    if (pts.length === 0) {
      if (gated || config.floors[split] !== undefined) {
        throw new GateConfigError(
          `suite '${plan.suite.name}' has no scored ${split} tasks to gate: choose --split ${split === 'id' ? 'ood' : 'id'} or drop the ${split} floor`,
        );
      }
      continue;
    }
    checks.push(nonInferiority(`change:${split}`, 'split', split, itemsOf(pts), config.margin, alpha, gated));
    const floor = config.floors[split];
    if (floor !== undefined) checks.push(floorCheck(`floor:${split}`, 'split', split, itemsOf(pts), floor, alpha));
  }

  for (const pt of plan.tasks) {
    const id = pt.task.id;
    const override = config.tasks[id];
    if (pt.task.role === 'control') {
      // A control's score has no better direction (high Fake success means ignoring the prompt).
      checks.push(nonInferiority(`change:task:${id}`, 'task', id, paired.get(id)!, null, alpha, false));
      continue;
    }
    const gated = config.perTask || override?.margin !== undefined;
    checks.push(
      nonInferiority(`change:task:${id}`, 'task', id, paired.get(id)!, override?.margin ?? config.margin, alpha, gated),
    );
    if (override?.floor !== undefined)
      checks.push(floorCheck(`floor:task:${id}`, 'task', id, paired.get(id)!, override.floor, alpha));
  }

  const families = [...new Set(scored.map((pt) => pt.task.family))];
  for (const family of families) {
    const id = scored.filter((pt) => pt.task.family === family && pt.task.split === 'id');
    const ood = scored.filter((pt) => pt.task.family === family && pt.task.split === 'ood');
    if (id.length && ood.length)
      checks.push(gapGrowth(family, itemsOf(id), itemsOf(ood), config.maxGapGrowth ?? null, alpha));
  }
  if (!checks.some((c) => c.gating))
    throw new GateConfigError('nothing to gate: choose --split, --per-task, floors, task gates or maxGapGrowth');
  return checks;
}
