// travel/sole-planning: TravelPlanner's sole-planning mode over a synthetic, self-consistent
// world. A query is sampled as TravelPlanner sampled its queries, the reference planner finds
// the cheapest plan meeting every constraint, the budget is set from that plan's cost with a
// seeded slack, and the model gets the query and the reference information (the candidate
// cities' records, decoys included). See generators/travel/README.md.
import type { Rng } from '../../src/core/rng.js';
import type { Generator, Problem } from '../../src/core/types.js';
import { parseTravelParams, travelSchema, type TravelParams } from './params.js';
import { worldFor, WORLD_VERSION, type World } from './world/world.js';
import { sampleTrip, type SampledTrip } from './query/sample.js';
import { queryText } from './query/text.js';
import type { TravelQuery } from './query/types.js';
import { planTrip, type LegKind, type PlannedTrip } from './planner/planner.js';
import { renderTextPlan, toJsonPlan } from './plan/render.js';
import type { JsonPlanDay } from './plan/types.js';
import type { CostBreakdown } from './evaluate/cost.js';
import { evaluatePlan, finalPass } from './evaluate/evaluate.js';
import { TRAVEL_VERIFIER_VERSION, verifyTravelTruth } from './evaluate/truth-verify.js';
import { parsePlan } from './plan/parse.js';
import { referenceEntries, renderReferenceInfo, type ReferenceEntry } from './reference-info.js';
import { buildPrompt } from './prompt.js';
import { randomPlan } from './random-plan.js';
import { travelMetrics } from './metrics.js';
import { travelPlannerExporter } from './export/exporter.js';

export type { TravelParams } from './params.js';

/** Ground truth: enough to rebuild the world, re-check any plan, and read the reference plan. */
export interface TravelTruth {
  /** The world's spec; `worldFor` (or the TravelPlanner export) rebuilds it exactly. */
  world: { seed: number | string; states: number; version: number };
  /** The query in TravelPlanner's dataset fields, structured constraints included. */
  query: TravelQuery;
  /** Cities the reference information lists, and those a plan may visit. */
  candidates: string[];
  destinations: string[];
  /** The reference planner's plan (TravelPlanner's JSON day list) and its cost under the cost model. */
  referencePlan: JsonPlanDay[];
  referenceCost: CostBreakdown;
  route: string[];
  nights: number[];
  transport: LegKind[];
  /** Budget = ⌈referenceCost.total × (100 + slackPercent) / 100⌉ rounded up to $100. */
  slackPercent: number;
}

/** Draws per stream before the sampler moves to a forked stream; the cap on all draws. */
const DRAWS_PER_STREAM = 200;
const MAX_DRAWS = 4000;

function drawFeasibleTrip(
  world: World,
  p: TravelParams,
  rng: Rng,
): { trip: SampledTrip; plan: PlannedTrip; stream: Rng } {
  let stream = rng;
  for (let draws = 0, round = 0; draws < MAX_DRAWS; round++) {
    for (let k = 0; k < DRAWS_PER_STREAM && draws < MAX_DRAWS; k++, draws++) {
      const trip = sampleTrip(world, p, stream);
      if (!trip) continue;
      const plan = planTrip(world, trip.request, trip.scope);
      if (plan) return { trip, plan, stream };
    }
    stream = rng.fork(`travel:resample:${round + 1}`);
  }
  throw new Error(
    `travel/sole-planning: no feasible ${p.days}-day ${p.level} query in ${MAX_DRAWS} draws in world ${p.worldSeed}; loosen the constraint lists or use more states`,
  );
}

/** ⌈cost × (100 + slack) / 100⌉ rounded up to the next $100, in integers. */
export function budgetFor(cost: number, slackPercent: number): number {
  return Math.ceil((cost * (100 + slackPercent)) / 10_000) * 100;
}

export function generateTravel(p: TravelParams, rng: Rng): Problem {
  const world = worldFor({ seed: p.worldSeed, states: p.states });
  const { trip, plan, stream } = drawFeasibleTrip(world, p, rng);
  const slackPercent = stream.int(p.slackPercent[0], p.slackPercent[1]);
  const withBudget = { ...trip.request, budget: budgetFor(plan.cost.total, slackPercent) };
  const query: TravelQuery = { ...withBudget, query: queryText(withBudget, stream) };
  const entries: ReferenceEntry[] = referenceEntries(world, query, trip.scope);
  const info = renderReferenceInfo(entries);
  const reference = renderTextPlan(plan.days);

  // The planner and the evaluator are separate code: the reference must pass every check at the planner's price.
  const check = evaluatePlan(world, query, parsePlan(reference));
  if (!finalPass(check) || check.cost?.total !== plan.cost.total) {
    throw new Error(
      `travel/sole-planning: reference plan failed its own evaluation (${JSON.stringify(check.failures)}; cost ${check.cost?.total} vs ${plan.cost.total})`,
    );
  }

  const lc = query.local_constraint;
  const truth: TravelTruth = {
    world: { seed: p.worldSeed, states: p.states, version: WORLD_VERSION },
    query,
    candidates: trip.scope.candidates,
    destinations: trip.scope.destinations,
    referencePlan: toJsonPlan(plan.days),
    referenceCost: plan.cost,
    route: plan.route,
    nights: plan.nights,
    transport: plan.transport,
    slackPercent,
  };
  return {
    messages: [{ role: 'user', content: buildPrompt(info, query.query) }],
    truth,
    reference,
    difficulty: {
      days: query.days,
      level: query.level,
      people: query.people_number,
      visits: query.visiting_city_number,
      constraints: [lc['house rule'], lc.cuisine, lc['room type'], lc.transportation].filter((x) => x !== null).length,
      houseRule: lc['house rule'] ?? '-',
      cuisines: lc.cuisine?.join('+') ?? '-',
      roomType: lc['room type'] ?? '-',
      transportation: lc.transportation ?? '-',
      decoys: p.decoys,
      candidates: trip.scope.candidates.length,
      referenceEntries: entries.length,
      referenceChars: info.length,
      worldSeed: String(p.worldSeed),
      slackPercent,
    },
    dedupKey: dedupKey(p, query, trip.scope.candidates),
    verify: (response) => verifyTravelTruth(truth, response),
    randomAnswer: (r) => randomPlan(world, trip.request, trip.scope, r),
  };
}

/** Same world, trip, group, constraints and listed cities ⇒ same instance (the budget follows from them). */
function dedupKey(p: TravelParams, q: TravelQuery, candidates: readonly string[]): string {
  const lc = q.local_constraint;
  return [
    'travel',
    `w=${p.worldSeed}/${p.states}`,
    `${q.org}>${q.dest}`,
    q.date[0],
    `d=${q.days}`,
    `p=${q.people_number}`,
    `hr=${lc['house rule'] ?? '-'}`,
    `c=${lc.cuisine ? [...lc.cuisine].sort().join('+') : '-'}`,
    `rt=${lc['room type'] ?? '-'}`,
    `t=${lc.transportation ?? '-'}`,
    `cand=${[...candidates].sort().join('+')}`,
  ].join('|');
}

export const solePlanning: Generator<TravelParams> = {
  name: 'travel/sole-planning',
  version: '2',
  family: 'travel',
  description:
    'TravelPlanner sole-planning over a seeded synthetic world: 3/5/7-day trips, easy/medium/hard constraints, min-cost reference plans.',
  parseParams: parseTravelParams,
  params: travelSchema,
  generate: generateTravel,
  verifierVersion: TRAVEL_VERIFIER_VERSION,
  verify: verifyTravelTruth,
  // TravelPlanner's six numbers and the per-check rates (the site's check tables show these).
  summarizeDetails: travelMetrics,
  exporters: { travelplanner: travelPlannerExporter },
};
