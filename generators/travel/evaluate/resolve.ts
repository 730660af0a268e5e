// Looking a plan's days up in the world: each string parsed once, each entity matched once.
// Matching is by exact name and city (case and spacing aside), where upstream matched any
// listing whose name merely contains the given text ("Subway" matched every Subway).
import { normalizeName, type World } from '../world/world.js';
import type { Accommodation, Attraction, Drive, Flight, Restaurant } from '../world/types.js';
import {
  parseCurrentCity,
  parseEntity,
  parseTransport,
  splitAttractions,
  type Entity,
  type Transport,
} from '../plan/entities.js';
import { isEmptyValue, MEAL_FIELDS, PADDING_SENTINEL, type MealField, type PlanDay } from '../plan/types.js';

export interface Resolved<R> {
  text: string;
  /** Lower-cased "name|city": two mentions of one record compare equal however they are spaced. */
  identity: string;
  entity?: Entity;
  record?: R;
}

export interface ResolvedTransport {
  text: string;
  parsed: Transport;
  /** The route: from the line itself, else from the day's "from A to B" (as upstream). */
  from?: string;
  to?: string;
  flight?: Flight;
  drive?: Drive;
}

export interface ResolvedDay {
  raw: PlanDay;
  /** [A, B] on a travel day, [C] otherwise; undefined when the city is missing. */
  cities?: string[];
  travel: boolean;
  transport?: ResolvedTransport;
  meals: { slot: MealField; item: Resolved<Restaurant> }[];
  attractions: Resolved<Attraction>[];
  accommodation?: Resolved<Accommodation>;
}

/** A day that carries nothing: `{}`, upstream's filler sentence, or every field empty. */
export function isPaddingDay(day: PlanDay): boolean {
  if (day.current_city?.trim() === PADDING_SENTINEL) return true;
  return Object.values(day).every((v) => isEmptyValue(v));
}

function resolveEntity<R>(text: string, find: (city: string, name: string) => R | undefined): Resolved<R> {
  const entity = parseEntity(text);
  const identity = entity ? `${normalizeName(entity.name)}|${normalizeName(entity.city)}` : `?|${normalizeName(text)}`;
  const out: Resolved<R> = { text, identity };
  if (entity) {
    out.entity = entity;
    const record = find(entity.city, entity.name);
    if (record) out.record = record;
  }
  return out;
}

export function resolveDay(world: World, day: PlanDay): ResolvedDay {
  const where = day.current_city !== undefined ? parseCurrentCity(day.current_city) : undefined;
  const out: ResolvedDay = { raw: day, travel: where?.travel ?? false, meals: [], attractions: [] };
  if (where) out.cities = where.cities;

  if (!isEmptyValue(day.transportation)) {
    const text = day.transportation!.trim();
    const parsed = parseTransport(text);
    const t: ResolvedTransport = { text, parsed };
    const from = parsed.from ?? (where?.travel ? where.cities[0] : undefined);
    const to = parsed.to ?? (where?.travel ? where.cities[1] : undefined);
    if (from !== undefined) t.from = from;
    if (to !== undefined) t.to = to;
    if (parsed.kind === 'flight' && parsed.number) {
      const f = world.flightByNumber(parsed.number);
      if (f) t.flight = f;
    } else if ((parsed.kind === 'self-driving' || parsed.kind === 'taxi') && from && to) {
      const d = world.drive(from, to);
      if (d) t.drive = d;
    }
    out.transport = t;
  }
  for (const slot of MEAL_FIELDS) {
    if (!isEmptyValue(day[slot]))
      out.meals.push({ slot, item: resolveEntity(day[slot]!.trim(), (c, n) => world.restaurant(c, n)) });
  }
  if (!isEmptyValue(day.attraction)) {
    out.attractions = splitAttractions(day.attraction!).map((a) => resolveEntity(a, (c, n) => world.attraction(c, n)));
  }
  if (!isEmptyValue(day.accommodation))
    out.accommodation = resolveEntity(day.accommodation!.trim(), (c, n) => world.accommodation(c, n));
  return out;
}

export const sameCity = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && normalizeName(a) === normalizeName(b);
