// A query in TravelPlanner's dataset fields (HF `osunlp/TravelPlanner`, §2.3), so a generated
// query can be written out and read by TravelPlanner's own tooling unchanged.

export type Level = 'easy' | 'medium' | 'hard';
export const LEVELS: readonly Level[] = ['easy', 'medium', 'hard'];

export type TripDays = 3 | 5 | 7;
export const TRIP_DAYS: readonly TripDays[] = [3, 5, 7];

/** What the travellers will do, which a listing's "No …" rule must not forbid. */
export type HouseRuleValue = 'parties' | 'smoking' | 'children under 10' | 'visitors' | 'pets';
export const HOUSE_RULE_VALUES: readonly HouseRuleValue[] = [
  'parties',
  'smoking',
  'children under 10',
  'visitors',
  'pets',
];

export type RoomTypeValue = 'shared room' | 'not shared room' | 'private room' | 'entire room';
export const ROOM_TYPE_VALUES: readonly RoomTypeValue[] = [
  'shared room',
  'not shared room',
  'private room',
  'entire room',
];

export type TransportationValue = 'no flight' | 'no self-driving';
export const TRANSPORTATION_VALUES: readonly TransportationValue[] = ['no flight', 'no self-driving'];

export type ConstraintType = 'house rule' | 'cuisine' | 'room type' | 'transportation';
export const CONSTRAINT_TYPES: readonly ConstraintType[] = ['house rule', 'cuisine', 'room type', 'transportation'];

export interface LocalConstraint {
  'house rule': HouseRuleValue | null;
  cuisine: string[] | null;
  'room type': RoomTypeValue | null;
  transportation: TransportationValue | null;
}

export interface TravelQuery {
  org: string;
  /** A city for 3-day trips, a state for 5- and 7-day trips. */
  dest: string;
  days: TripDays;
  visiting_city_number: 1 | 2 | 3;
  /** The trip's consecutive dates, YYYY-MM-DD. */
  date: string[];
  people_number: number;
  local_constraint: LocalConstraint;
  /** Whole dollars. */
  budget: number;
  query: string;
  level: Level;
}

export const visitsFor = (days: TripDays): 1 | 2 | 3 => (days === 3 ? 1 : days === 5 ? 2 : 3);
