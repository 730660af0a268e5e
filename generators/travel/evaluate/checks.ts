// The names of the checks, in TravelPlanner's order and with its paper names, and the shape of
// one check's result. Everything that reports per-constraint results uses these keys.

export const COMMONSENSE_CHECKS = [
  'withinCurrentCity',
  'withinSandbox',
  'reasonableCityRoute',
  'diverseRestaurants',
  'nonConflictingTransportation',
  'diverseAttractions',
  'minimumNightsStay',
  'completeInformation',
] as const;
export type CommonsenseCheck = (typeof COMMONSENSE_CHECKS)[number];

export const HARD_CHECKS = ['budget', 'roomRule', 'cuisine', 'roomType', 'transportation'] as const;
export type HardCheck = (typeof HARD_CHECKS)[number];

export type CheckName = CommonsenseCheck | HardCheck;

/** The names TravelPlanner's eval.py reports (paper Tables 3–4). */
export const PAPER_NAMES: Record<CheckName, string> = {
  withinCurrentCity: 'Within Current City',
  withinSandbox: 'Within Sandbox',
  reasonableCityRoute: 'Reasonable City Route',
  diverseRestaurants: 'Diverse Restaurants',
  nonConflictingTransportation: 'Non-conf. Transportation',
  diverseAttractions: 'Diverse Attractions',
  minimumNightsStay: 'Minimum Nights Stay',
  completeInformation: 'Complete Information',
  budget: 'Budget',
  roomRule: 'Room Rule',
  cuisine: 'Cuisine',
  roomType: 'Room Type',
  transportation: 'Transportation',
};

export type Outcome = 'pass' | 'fail' | 'na';

/** A check's answer: passed, or failed with the reason a planner would need to fix it. */
export type CheckResult = { ok: true } | { ok: false; reason: string };
export const PASS: CheckResult = { ok: true };
export const fail = (reason: string): CheckResult => ({ ok: false, reason });
