// TravelPlanner's cost model (evaluation/hard_constraint.py get_total_cost), in whole dollars:
// flights per person, self-driving per car of 5, taxis per car of 4, meals per person, and each
// listed night per room (⌈people / maximum occupancy⌉ rooms). Attractions are free; an entity
// the world does not know adds nothing (a plan with one fails Within Sandbox anyway).
import { selfDrivingCost, taxiCost } from '../world/geometry.js';
import type { ResolvedDay } from './resolve.js';

export interface CostBreakdown {
  total: number;
  transportation: number;
  meals: number;
  accommodation: number;
}

export const carsFor = (people: number, seats: number) => Math.ceil(people / seats);

export function planCost(days: readonly ResolvedDay[], people: number): CostBreakdown {
  let transportation = 0;
  let meals = 0;
  let accommodation = 0;
  for (const d of days) {
    const t = d.transport;
    if (t?.parsed.kind === 'flight' && t.flight) transportation += t.flight.price * people;
    else if (t?.drive?.valid && t.drive.kmTenths !== null) {
      if (t.parsed.kind === 'self-driving') transportation += selfDrivingCost(t.drive.kmTenths) * carsFor(people, 5);
      else if (t.parsed.kind === 'taxi') transportation += taxiCost(t.drive.kmTenths) * carsFor(people, 4);
    }
    for (const { item } of d.meals) if (item.record) meals += item.record.averageCost * people;
    const stay = d.accommodation?.record;
    if (stay) accommodation += stay.price * carsFor(people, stay.maximumOccupancy);
  }
  return { total: transportation + meals + accommodation, transportation, meals, accommodation };
}
