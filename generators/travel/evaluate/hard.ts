// The 5 hard checks of TravelPlanner (evaluation/hard_constraint.py). Each returns undefined when
// the query does not ask for it ("not applicable"). Differences from the code: the "parties"
// rule is checked (upstream compares against the misspelt 'parities' and never fails it), and a
// meal in the origin city skips only itself for Cuisine (upstream skipped the rest of the day).
import { allowsHouseRule, allowsTransport, matchesRoomType } from '../query/constraints.js';
import { fail, PASS, type CheckResult } from './checks.js';
import type { PlanContext } from './commonsense.js';
import { sameCity } from './resolve.js';

export function budget(ctx: PlanContext, total: number): CheckResult {
  return total <= ctx.query.budget ? PASS : fail(`the plan costs $${total}, over the budget of $${ctx.query.budget}`);
}

export function roomRule(ctx: PlanContext): CheckResult | undefined {
  const value = ctx.query.local_constraint['house rule'];
  if (value === null) return undefined;
  for (const [i, d] of ctx.days.entries()) {
    const stay = d.accommodation?.record;
    if (stay && !allowsHouseRule(stay, value))
      return fail(`day ${i + 1} accommodation ${stay.name} does not allow ${value}`);
  }
  return PASS;
}

export function cuisine(ctx: PlanContext): CheckResult | undefined {
  const wanted = ctx.query.local_constraint.cuisine;
  if (!wanted || wanted.length === 0) return undefined;
  const served = new Set<string>();
  for (const d of ctx.days) {
    for (const { item } of d.meals) {
      const r = item.record;
      if (!r || sameCity(r.city, ctx.query.org)) continue;
      for (const c of wanted) if ((r.cuisines as readonly string[]).includes(c)) served.add(c);
    }
  }
  const missing = wanted.filter((c) => !served.has(c));
  return missing.length ? fail(`no meal outside ${ctx.query.org} serves ${missing.join(', ')}`) : PASS;
}

export function roomType(ctx: PlanContext): CheckResult | undefined {
  const value = ctx.query.local_constraint['room type'];
  if (value === null) return undefined;
  for (const [i, d] of ctx.days.entries()) {
    const stay = d.accommodation?.record;
    if (stay && !matchesRoomType(stay.roomType, value))
      return fail(`day ${i + 1} accommodation ${stay.name} is a ${stay.roomType}, not a ${value}`);
  }
  return PASS;
}

export function transportation(ctx: PlanContext): CheckResult | undefined {
  const value = ctx.query.local_constraint.transportation;
  if (value === null) return undefined;
  for (const [i, d] of ctx.days.entries()) {
    const kind = d.transport?.parsed.kind;
    if (kind && !allowsTransport(kind, value))
      return fail(`day ${i + 1} uses ${kind === 'flight' ? 'a flight' : 'self-driving'}; the query says ${value}`);
  }
  return PASS;
}
