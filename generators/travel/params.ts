// Params of travel/sole-planning, declared once: parsing with defaults, errors that name the
// field, and the table `bench list travel/sole-planning` prints. The parsed params are plain JSON
// (they are hashed into item ids).
import { custom, defineParams, intRange, integer, oneOf, subsetOf } from '../../src/core/params.js';
import { ParamError } from '../../src/core/types.js';
import { QUERYABLE_CUISINES } from './world/types.js';
import {
  CONSTRAINT_TYPES,
  HOUSE_RULE_VALUES,
  LEVELS,
  ROOM_TYPE_VALUES,
  TRIP_DAYS,
  type ConstraintType,
  type Level,
  type RoomTypeValue,
} from './query/types.js';

export const MAX_DECOYS = 8;

export const travelSchema = defineParams(
  {
    days: oneOf(TRIP_DAYS, { default: 3, doc: 'Trip length in days.' }),
    level: oneOf(LEVELS, {
      default: 'easy',
      doc: 'Query difficulty: how many constraints the query adds to the budget.',
    }),
    worldSeed: custom({
      type: 'an integer or a short string',
      default: 1,
      parse: (raw) => parseWorldSeed(raw),
      doc: 'The world: a pure function of this seed and states.',
    }),
    states: integer({ min: 4, max: 30, default: 10, doc: 'States in the world.' }),
    decoys: integer({
      min: 0,
      max: MAX_DECOYS,
      default: 1,
      doc: 'Cities shown in the reference information beyond those a plan needs.',
    }),
    slackPercent: intRange({
      min: 0,
      max: 500,
      default: [10, 30],
      doc: "The budget is the reference plan's cost plus a percentage drawn from this range, rounded up to $100.",
    }),
    cuisines: subsetOf(QUERYABLE_CUISINES, {
      doc: "Cuisines a query may ask for (held-out values are left out of the ID region's lists).",
    }),
    hardCuisines: intRange({
      min: 1,
      max: QUERYABLE_CUISINES.length,
      default: [4, 4],
      doc: 'How many cuisines a hard query asks for, [min, max] (upstream: 4; [2, 3] varies a 4-cuisine list).',
    }),
    houseRules: subsetOf(HOUSE_RULE_VALUES, { doc: 'House rules a query may ask for.' }),
    roomTypes: subsetOf(ROOM_TYPE_VALUES, { doc: 'Room types a query may ask for.' }),
    constraintTypes: subsetOf(CONSTRAINT_TYPES, { doc: 'Constraint types a medium or hard query may draw.' }),
  },
  { check: checkDrawable },
);

export type TravelParams = ReturnType<typeof travelSchema.parse>;

export function parseTravelParams(raw: unknown): TravelParams {
  return travelSchema.parse(raw);
}

function parseWorldSeed(raw: unknown): number | string {
  if (
    (typeof raw === 'string' && raw.length > 0 && raw.length <= 100) ||
    (typeof raw === 'number' && Number.isSafeInteger(raw))
  )
    return raw;
  throw new ParamError('worldSeed', `expected an integer or a short string; got ${JSON.stringify(raw)}`);
}

/** Reject params under which the sampler could never draw a query of the level. */
interface Drawable {
  level: Level;
  constraintTypes: ConstraintType[];
  cuisines: string[];
  hardCuisines: [number, number];
  roomTypes: RoomTypeValue[];
}

function checkDrawable(p: Drawable): void {
  const types = p.constraintTypes;
  if (p.level === 'medium' && !types.some((t) => t !== 'transportation')) {
    throw new ParamError(
      'constraintTypes',
      "a medium query draws one of 'house rule', 'cuisine', 'room type'; allow at least one of them",
    );
  }
  if (p.level === 'hard' && types.length < 3)
    throw new ParamError('constraintTypes', `a hard query draws 3 constraint types; got only ${types.length}`);
  if (p.level === 'easy') return;
  const needCuisines = p.level === 'hard' ? p.hardCuisines[1] : 2;
  if (types.includes('cuisine') && p.cuisines.length < needCuisines) {
    throw new ParamError(
      'cuisines',
      `a ${p.level} query asks for ${needCuisines} cuisines; list at least ${needCuisines} (got ${p.cuisines.length})`,
    );
  }
  if (types.includes('room type') && !p.roomTypes.some((r) => r === 'private room' || r === 'entire room')) {
    throw new ParamError(
      'roomTypes',
      "groups of more than 2 may only ask for 'private room' or 'entire room' (as upstream); list at least one of them",
    );
  }
}
