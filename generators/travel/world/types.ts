// The records of a synthetic TravelPlanner world. Field meanings follow TravelPlanner's
// `database/` tables (database/README.md); money is whole US dollars, as in those tables.

export type RoomType = 'Entire home/apt' | 'Private room' | 'Shared room';
export const ROOM_TYPES: readonly RoomType[] = ['Entire home/apt', 'Private room', 'Shared room'];

/** The prohibitions a listing can carry, spelled as in TravelPlanner's `house_rules` column. */
export type HouseRule = 'No parties' | 'No smoking' | 'No children under 10' | 'No pets' | 'No visitors';
export const HOUSE_RULES: readonly HouseRule[] = [
  'No parties',
  'No smoking',
  'No children under 10',
  'No pets',
  'No visitors',
];

/** The 8 frequent cuisine labels and the 7 rarer ones a query may ask for (§2.2). */
export const COMMON_CUISINES = ['Seafood', 'Tea', 'Fast Food', 'BBQ', 'Bakery', 'Desserts', 'Cafe', 'Pizza'] as const;
export const QUERYABLE_CUISINES = [
  'American',
  'Mediterranean',
  'Indian',
  'Chinese',
  'Italian',
  'French',
  'Mexican',
] as const;
export type Cuisine = (typeof COMMON_CUISINES)[number] | (typeof QUERYABLE_CUISINES)[number];

export interface Attraction {
  name: string;
  /** Decimal degrees as printed (7 places), derived from the city's position. */
  latitude: string;
  longitude: string;
  address: string;
  phone: string;
  website: string;
  city: string;
}

export interface Restaurant {
  name: string;
  /** Per person per meal. */
  averageCost: number;
  cuisines: Cuisine[];
  /** 0.0..5.0 as printed. */
  rating: string;
  city: string;
}

export interface Accommodation {
  name: string;
  /** Per night, per room or unit. */
  price: number;
  roomType: RoomType;
  /** Never empty: TravelPlanner's loader drops rows with an empty field (see README). */
  houseRules: HouseRule[];
  minimumNights: number;
  maximumOccupancy: number;
  reviewRate: number;
  city: string;
}

export interface City {
  name: string;
  state: string;
  /** Position in the world's city list; flight numbers and streams are keyed by it. */
  index: number;
  /** Position on the plane, in km. */
  x: number;
  y: number;
  /** No road data at all for this city (TravelPlanner has such cities: every drive is "no valid information"). */
  noRoad: boolean;
  attractions: Attraction[];
  restaurants: Restaurant[];
  accommodations: Accommodation[];
}

export interface State {
  name: string;
  cities: string[];
}

export interface Flight {
  /** 'F' and 7 digits, unique in the world. */
  number: string;
  /** Per person. */
  price: number;
  depTime: string;
  arrTime: string;
  /** "2 hours 24 minutes", as TravelPlanner's ActualElapsedTime. */
  elapsed: string;
  /** YYYY-MM-DD */
  date: string;
  origin: string;
  dest: string;
  /** Miles, whole. */
  distance: number;
}

/** One row of the distance matrix (self-driving and taxi share it, as upstream). */
export interface Drive {
  origin: string;
  dest: string;
  /** Road distance in tenths of a km; null when the matrix has no data for the pair. */
  kmTenths: number | null;
  minutes: number | null;
  /** Data present and under a day: only then does a cost exist (upstream: a duration with "day" is "no valid information"). */
  valid: boolean;
}
