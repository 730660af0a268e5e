// Writing plans and their parts in TravelPlanner's formats: the text template of its planner
// prompt ("Day N:" blocks) and its JSON day list. The oracle's answers are rendered here, so
// what it writes is exactly what the parser reads.
import { formatDriveDuration, formatKm, selfDrivingCost, taxiCost } from '../world/geometry.js';
import type { Drive, Flight } from '../world/types.js';
import { DAY_FIELDS, type JsonPlanDay, type PlanDay } from './types.js';

export function flightText(f: Flight): string {
  return `Flight Number: ${f.number}, from ${f.origin} to ${f.dest}, Departure Time: ${f.depTime}, Arrival Time: ${f.arrTime}`;
}

/** "Self-driving, from A to B, duration: …, distance: …, cost: …" (cost per car). */
export function driveText(mode: 'self-driving' | 'taxi', d: Drive): string {
  if (!d.valid || d.kmTenths === null || d.minutes === null)
    throw new Error(`no valid drive from ${d.origin} to ${d.dest}`);
  const cost = mode === 'self-driving' ? selfDrivingCost(d.kmTenths) : taxiCost(d.kmTenths);
  return `${mode === 'self-driving' ? 'Self-driving' : 'Taxi'}, from ${d.origin} to ${d.dest}, duration: ${formatDriveDuration(d.minutes)}, distance: ${formatKm(d.kmTenths)}, cost: ${cost}`;
}

export const entityText = (name: string, city: string) => `${name}, ${city}`;

/** "A, City;B, City;" with the trailing ';' of TravelPlanner's annotated plans. */
export function attractionsText(items: readonly { name: string; city: string }[]): string {
  return items.length ? items.map((a) => `${entityText(a.name, a.city)};`).join('') : '-';
}

const LABELS: Record<(typeof DAY_FIELDS)[number] | 'current_city', string> = {
  current_city: 'Current City',
  transportation: 'Transportation',
  breakfast: 'Breakfast',
  attraction: 'Attraction',
  lunch: 'Lunch',
  dinner: 'Dinner',
  accommodation: 'Accommodation',
};
export const TEXT_FIELD_ORDER = [
  'current_city',
  'transportation',
  'breakfast',
  'attraction',
  'lunch',
  'dinner',
  'accommodation',
] as const;

/** The planner prompt's text template. */
export function renderTextPlan(days: readonly PlanDay[]): string {
  return days
    .map((d, i) => [`Day ${i + 1}:`, ...TEXT_FIELD_ORDER.map((f) => `${LABELS[f]}: ${d[f] ?? '-'}`)].join('\n'))
    .join('\n\n');
}

export function toJsonPlan(days: readonly PlanDay[]): JsonPlanDay[] {
  return days.map((d, i) => ({
    days: i + 1,
    current_city: d.current_city ?? '-',
    transportation: d.transportation ?? '-',
    breakfast: d.breakfast ?? '-',
    attraction: d.attraction ?? '-',
    lunch: d.lunch ?? '-',
    dinner: d.dinner ?? '-',
    accommodation: d.accommodation ?? '-',
  }));
}

export function fieldLabel(f: keyof typeof LABELS): string {
  return LABELS[f];
}
