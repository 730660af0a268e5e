// Params of travel/sole-planning: validation with errors that name the field and the accepted
// values, and defaults. The parsed params are plain JSON (they are hashed into item ids).
import { didYouMean } from '../../src/core/suggest.js';
import { ParamError } from '../../src/core/types.js';
import { QUERYABLE_CUISINES } from './world/types.js';
import {
  CONSTRAINT_TYPES, HOUSE_RULE_VALUES, LEVELS, ROOM_TYPE_VALUES, TRIP_DAYS,
  type ConstraintType, type HouseRuleValue, type Level, type RoomTypeValue, type TripDays,
} from './query/types.js';

export interface TravelParams {
  days: TripDays;
  level: Level;
  /** The world: its seed and its number of states (a world is a pure function of both). */
  worldSeed: number | string;
  states: number;
  /** Cities shown in the reference information beyond those a plan needs. */
  decoys: number;
  /** The budget is the reference plan's cost plus a percentage drawn from this range, rounded up to $100. */
  slackPercent: [number, number];
  /** Values a query may ask for (held-out values are left out of the ID region's lists). */
  cuisines: string[];
  /**
   * How many cuisines a hard query asks for, [min, max] (upstream: 4). With a list of only 4
   * cuisines, 4 of 4 never varies; [2, 3] asks for 10 different sets.
   */
  hardCuisines: [number, number];
  houseRules: HouseRuleValue[];
  roomTypes: RoomTypeValue[];
  /** Constraint types a medium or hard query may draw. */
  constraintTypes: ConstraintType[];
}

const FIELDS = ['days', 'level', 'worldSeed', 'states', 'decoys', 'slackPercent', 'cuisines', 'hardCuisines', 'houseRules', 'roomTypes', 'constraintTypes'];
export const MAX_DECOYS = 8;

export function parseTravelParams(raw: unknown): TravelParams {
  const obj = raw ?? {};
  if (typeof obj !== 'object' || Array.isArray(obj)) throw new ParamError('params', `expected a mapping with the fields ${FIELDS.join(', ')}`);
  const p = obj as Record<string, unknown>;
  for (const key of Object.keys(p)) {
    if (!FIELDS.includes(key)) throw new ParamError(key, `unknown field.${didYouMean(key, FIELDS)} Accepted fields: ${FIELDS.join(', ')}`);
  }
  const days = p.days ?? 3;
  if (!TRIP_DAYS.includes(days as TripDays)) throw new ParamError('days', `expected 3, 5 or 7; got ${JSON.stringify(days)}`);
  const level = p.level ?? 'easy';
  if (!LEVELS.includes(level as Level)) throw new ParamError('level', `expected 'easy', 'medium' or 'hard'; got ${JSON.stringify(level)}`);
  const worldSeed = p.worldSeed ?? 1;
  if (!(typeof worldSeed === 'string' && worldSeed.length > 0 && worldSeed.length <= 100) && !(typeof worldSeed === 'number' && Number.isSafeInteger(worldSeed))) {
    throw new ParamError('worldSeed', `expected an integer or a short string; got ${JSON.stringify(worldSeed)}`);
  }
  const states = integerIn(p.states ?? 10, 'states', 4, 30);
  const decoys = integerIn(p.decoys ?? 1, 'decoys', 0, MAX_DECOYS);
  const slack = p.slackPercent ?? [10, 30];
  if (!Array.isArray(slack) || slack.length !== 2) throw new ParamError('slackPercent', `expected [min, max] in percent, e.g. [10, 30]; got ${JSON.stringify(slack)}`);
  const slackMin = integerIn(slack[0], 'slackPercent', 0, 500);
  const slackMax = integerIn(slack[1], 'slackPercent', 0, 500);
  if (slackMax < slackMin) throw new ParamError('slackPercent', `min ${slackMin} is above max ${slackMax}`);

  const cuisines = listOf(p.cuisines, 'cuisines', QUERYABLE_CUISINES);
  const hard = p.hardCuisines ?? [4, 4];
  if (!Array.isArray(hard) || hard.length !== 2) throw new ParamError('hardCuisines', `expected [min, max] cuisines per hard query, e.g. [2, 3]; got ${JSON.stringify(hard)}`);
  const hardMin = integerIn(hard[0], 'hardCuisines', 1, QUERYABLE_CUISINES.length);
  const hardMax = integerIn(hard[1], 'hardCuisines', 1, QUERYABLE_CUISINES.length);
  if (hardMax < hardMin) throw new ParamError('hardCuisines', `min ${hardMin} is above max ${hardMax}`);
  const houseRules = listOf(p.houseRules, 'houseRules', HOUSE_RULE_VALUES);
  const roomTypes = listOf(p.roomTypes, 'roomTypes', ROOM_TYPE_VALUES);
  const constraintTypes = listOf(p.constraintTypes, 'constraintTypes', CONSTRAINT_TYPES);

  const parsed: TravelParams = {
    days: days as TripDays, level: level as Level, worldSeed, states, decoys, slackPercent: [slackMin, slackMax],
    cuisines, hardCuisines: [hardMin, hardMax], houseRules, roomTypes, constraintTypes,
  };
  checkDrawable(parsed);
  return parsed;
}

function integerIn(raw: unknown, field: string, min: number, max: number): number {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= min && raw <= max) return raw;
  throw new ParamError(field, `expected an integer from ${min} to ${max}; got ${JSON.stringify(raw)}`);
}

/** A non-empty list of distinct accepted values, kept in the canonical order; all of them by default. */
function listOf<T extends string>(raw: unknown, field: string, accepted: readonly T[]): T[] {
  if (raw === undefined) return [...accepted];
  const quoted = accepted.map((a) => `'${a}'`).join(', ');
  if (!Array.isArray(raw) || raw.length === 0) throw new ParamError(field, `expected a non-empty list of ${quoted}; got ${JSON.stringify(raw)}`);
  for (const v of raw) {
    if (!accepted.includes(v as T)) throw new ParamError(field, `unknown value ${JSON.stringify(v)}; accepted: ${quoted}`);
  }
  if (new Set(raw).size !== raw.length) throw new ParamError(field, `values repeat in ${JSON.stringify(raw)}`);
  return accepted.filter((a) => raw.includes(a));
}

/** Reject params under which the sampler could never draw a query of the level. */
function checkDrawable(p: TravelParams): void {
  const types = p.constraintTypes;
  if (p.level === 'medium' && !types.some((t) => t !== 'transportation')) {
    throw new ParamError('constraintTypes', "a medium query draws one of 'house rule', 'cuisine', 'room type'; allow at least one of them");
  }
  if (p.level === 'hard' && types.length < 3) throw new ParamError('constraintTypes', `a hard query draws 3 constraint types; got only ${types.length}`);
  if (p.level === 'easy') return;
  const needCuisines = p.level === 'hard' ? p.hardCuisines[1] : 2;
  if (types.includes('cuisine') && p.cuisines.length < needCuisines) {
    throw new ParamError('cuisines', `a ${p.level} query asks for ${needCuisines} cuisines; list at least ${needCuisines} (got ${p.cuisines.length})`);
  }
  if (types.includes('room type') && !p.roomTypes.some((r) => r === 'private room' || r === 'entire room')) {
    throw new ParamError('roomTypes', "groups of more than 2 may only ask for 'private room' or 'entire room' (as upstream); list at least one of them");
  }
}
