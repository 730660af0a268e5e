// One plan against one query: parse, resolve, run the 8 commonsense and 5 hard checks, price the
// plan, and return a Verdict whose `details` carry one pass/fail/na entry per check plus
// delivery (the shape is documented in the README; metrics.ts aggregates it per split).
import type { Verdict } from '../../../src/core/types.js';
import type { World } from '../world/world.js';
import type { TravelQuery } from '../query/types.js';
import { parsePlan } from '../plan/parse.js';
import { toJsonPlan } from '../plan/render.js';
import type { ParsedPlan, PlanDay } from '../plan/types.js';
import {
  COMMONSENSE_CHECKS,
  HARD_CHECKS,
  PAPER_NAMES,
  type CheckName,
  type CheckResult,
  type CommonsenseCheck,
  type HardCheck,
  type Outcome,
} from './checks.js';
import * as commonsense from './commonsense.js';
import { planCost, type CostBreakdown } from './cost.js';
import * as hard from './hard.js';
import { isPaddingDay, resolveDay } from './resolve.js';

export interface TravelDetails {
  delivered: boolean;
  format: 'text' | 'json' | null;
  level: TravelQuery['level'];
  days: number;
  people: number;
  budget: number;
  commonsense: Record<CommonsenseCheck, Outcome>;
  hard: Record<HardCheck, Outcome>;
  /** Hard checks run only on plans that pass Complete Information and Within Sandbox (as upstream). */
  hardEvaluated: boolean;
  /** The plan's cost under the cost model (null when nothing was delivered). */
  cost: CostBreakdown | null;
  /** Why each failing check failed. */
  failures: Partial<Record<CheckName, string>>;
}

type CommonsenseFn = (ctx: commonsense.PlanContext) => CheckResult;
const COMMONSENSE_FNS: Record<CommonsenseCheck, CommonsenseFn> = {
  withinCurrentCity: commonsense.withinCurrentCity,
  withinSandbox: commonsense.withinSandbox,
  reasonableCityRoute: commonsense.reasonableCityRoute,
  diverseRestaurants: commonsense.diverseRestaurants,
  nonConflictingTransportation: commonsense.nonConflictingTransportation,
  diverseAttractions: commonsense.diverseAttractions,
  minimumNightsStay: commonsense.minimumNightsStay,
  completeInformation: commonsense.completeInformation,
};

/** Whether a hard constraint applies to a query: budget always, the rest when the query sets them. */
export function applicableHard(query: TravelQuery): Record<HardCheck, boolean> {
  const lc = query.local_constraint;
  return {
    budget: true,
    roomRule: lc['house rule'] !== null,
    cuisine: !!lc.cuisine && lc.cuisine.length > 0,
    roomType: lc['room type'] !== null,
    transportation: lc.transportation !== null,
  };
}

/** Trailing padding days (upstream allows `{}` after the last day) are not part of the plan. */
export function trimPadding(days: readonly PlanDay[]): PlanDay[] {
  let end = days.length;
  while (end > 0 && isPaddingDay(days[end - 1]!)) end--;
  return days.slice(0, end);
}

export function evaluatePlan(world: World, query: TravelQuery, plan: ParsedPlan | undefined): TravelDetails {
  const applicable = applicableHard(query);
  const base = { level: query.level, days: query.days, people: query.people_number, budget: query.budget };
  const hardOutcomes = (passed: (k: HardCheck) => boolean) =>
    Object.fromEntries(HARD_CHECKS.map((k) => [k, applicable[k] ? (passed(k) ? 'pass' : 'fail') : 'na'])) as Record<
      HardCheck,
      Outcome
    >;

  if (!plan) {
    return {
      delivered: false,
      format: null,
      ...base,
      commonsense: Object.fromEntries(COMMONSENSE_CHECKS.map((k) => [k, 'fail'])) as Record<CommonsenseCheck, Outcome>,
      hard: hardOutcomes(() => false),
      hardEvaluated: false,
      cost: null,
      failures: { completeInformation: 'no plan was delivered' },
    };
  }

  const planDays = trimPadding(plan.days);
  const days = planDays.slice(0, query.days).map((d) => resolveDay(world, d));
  const ctx: commonsense.PlanContext = { world, query, planDays, days };
  const failures: Partial<Record<CheckName, string>> = {};
  const record = (name: CheckName, r: CheckResult | undefined): boolean => {
    if (r && !r.ok) failures[name] = r.reason;
    return !r || r.ok;
  };

  const cs = {} as Record<CommonsenseCheck, Outcome>;
  for (const k of COMMONSENSE_CHECKS) cs[k] = record(k, COMMONSENSE_FNS[k](ctx)) ? 'pass' : 'fail';
  const cost = planCost(days, query.people_number);
  const hardEvaluated = cs.completeInformation === 'pass' && cs.withinSandbox === 'pass';
  let hardResult: Record<HardCheck, Outcome>;
  if (hardEvaluated) {
    const results: Record<HardCheck, CheckResult | undefined> = {
      budget: hard.budget(ctx, cost.total),
      roomRule: hard.roomRule(ctx),
      cuisine: hard.cuisine(ctx),
      roomType: hard.roomType(ctx),
      transportation: hard.transportation(ctx),
    };
    hardResult = hardOutcomes((k) => record(k, results[k]));
  } else {
    hardResult = hardOutcomes(() => false);
  }
  return {
    delivered: true,
    format: plan.format,
    ...base,
    commonsense: cs,
    hard: hardResult,
    hardEvaluated,
    cost,
    failures,
  };
}

/** Final pass: delivered, every commonsense check and every applicable hard check passed. */
export function finalPass(d: TravelDetails): boolean {
  return (
    d.delivered &&
    COMMONSENSE_CHECKS.every((k) => d.commonsense[k] === 'pass') &&
    HARD_CHECKS.every((k) => d.hard[k] !== 'fail')
  );
}

/** How many parsed days a verdict keeps for display (a 40-day "plan" is not stored whole). */
const PARSED_DAYS_KEPT = 9;

export function verifyTravel(world: World, query: TravelQuery, response: string): Verdict {
  const plan = parsePlan(response);
  const details = evaluatePlan(world, query, plan);
  const passed = finalPass(details);
  const applicable = HARD_CHECKS.filter((k) => details.hard[k] !== 'na').length;
  const passes =
    COMMONSENSE_CHECKS.filter((k) => details.commonsense[k] === 'pass').length +
    HARD_CHECKS.filter((k) => details.hard[k] === 'pass').length;
  const verdict: Verdict = {
    correct: passed,
    // Partial credit for reward shaping: the share of checks passed. Accuracy uses `correct`.
    score: passes / (COMMONSENSE_CHECKS.length + applicable),
    formatOk: details.delivered,
    details: details as unknown as Record<string, unknown>,
  };
  if (plan) verdict.parsed = toJsonPlan(trimPadding(plan.days).slice(0, PARSED_DAYS_KEPT));
  if (!passed) verdict.reason = reasonOf(details);
  return verdict;
}

function reasonOf(d: TravelDetails): string {
  if (!d.delivered)
    return "no plan found: write one 'Day N:' block per day (Current City, Transportation, Breakfast, Attraction, Lunch, Dinner, Accommodation) or a JSON list of day objects";
  const parts = (Object.keys(d.failures) as CheckName[]).map((k) => `${PAPER_NAMES[k]}: ${d.failures[k]}`);
  if (!d.hardEvaluated)
    parts.push('hard constraints not evaluated (the plan must pass Complete Information and Within Sandbox first)');
  return parts.join('; ');
}
