// A plan as the model wrote it: one object per day with TravelPlanner's keys. A field the answer
// does not give is absent (undefined), which the Complete Information check tells apart from '-'.

export const PLAN_FIELDS = [
  'current_city',
  'transportation',
  'breakfast',
  'attraction',
  'lunch',
  'dinner',
  'accommodation',
] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

/** The six fields a day must carry besides its city (upstream's "6 × days" of Complete Information). */
export const DAY_FIELDS = [
  'transportation',
  'breakfast',
  'attraction',
  'lunch',
  'dinner',
  'accommodation',
] as const satisfies readonly PlanField[];
export const MEAL_FIELDS = ['breakfast', 'lunch', 'dinner'] as const satisfies readonly PlanField[];
export type MealField = (typeof MEAL_FIELDS)[number];

export type PlanDay = Partial<Record<PlanField, string>>;

/** TravelPlanner's JSON day object (`days` is 1-based). */
export interface JsonPlanDay {
  days: number;
  current_city: string;
  transportation: string;
  breakfast: string;
  attraction: string;
  lunch: string;
  dinner: string;
  accommodation: string;
}

export interface ParsedPlan {
  format: 'text' | 'json';
  days: PlanDay[];
}

/** Upstream's filler for days after the trip; such a day is padding, not a day of the plan. */
export const PADDING_SENTINEL = "You don't need to fill in the information for this or later days.";

/** '-' and '' mean "nothing here" (upstream). */
export function isEmptyValue(v: string | undefined): boolean {
  if (v === undefined) return true;
  const t = v.trim();
  return t === '' || t === '-';
}
