// What each local constraint value means for a record, written once and used by the query
// sampler, the planner and the evaluator alike.
import type { Accommodation, HouseRule, RoomType } from '../world/types.js';
import type { HouseRuleValue, RoomTypeValue, TransportationValue } from './types.js';
import type { TransportKind } from '../plan/entities.js';

const FORBIDDING_RULE: Record<HouseRuleValue, HouseRule> = {
  parties: 'No parties',
  smoking: 'No smoking',
  'children under 10': 'No children under 10',
  visitors: 'No visitors',
  pets: 'No pets',
};

/** The listing rule that forbids what the travellers will do. */
export function forbiddingRule(value: HouseRuleValue): HouseRule {
  return FORBIDDING_RULE[value];
}

export function allowsHouseRule(listing: Accommodation, value: HouseRuleValue | null): boolean {
  return value === null || !listing.houseRules.includes(FORBIDDING_RULE[value]);
}

export function matchesRoomType(roomType: RoomType, value: RoomTypeValue | null): boolean {
  switch (value) {
    case null:
      return true;
    case 'not shared room':
      return roomType !== 'Shared room';
    case 'shared room':
      return roomType === 'Shared room';
    case 'private room':
      return roomType === 'Private room';
    case 'entire room':
      return roomType === 'Entire home/apt';
  }
}

export function allowsTransport(kind: TransportKind, value: TransportationValue | null): boolean {
  if (value === 'no flight') return kind !== 'flight';
  if (value === 'no self-driving') return kind !== 'self-driving';
  return true;
}
