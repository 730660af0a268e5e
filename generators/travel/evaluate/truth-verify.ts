// Verification from the stored truth alone: the truth names its world (seed, states, version),
// which is rebuilt (and cached) exactly, and carries the structured query the plan is checked
// against.
import type { Verdict } from '../../../src/core/types.js';
import { wrong } from '../../../src/core/verdict.js';
import { WORLD_VERSION, worldFor } from '../world/world.js';
import type { TravelQuery } from '../query/types.js';
import { verifyTravel } from './evaluate.js';

/** Bump when a verdict for the same truth and reply changes. */
export const TRAVEL_VERIFIER_VERSION = '1';

/** Largest world a truth may ask for (the params' own limit is far below). */
const MAX_STATES = 64;

export function verifyTravelTruth(truth: unknown, response: string): Verdict {
  const t = truth as { world?: { seed?: unknown; states?: unknown; version?: unknown }; query?: TravelQuery } | null;
  if (!t || typeof t !== 'object' || !t.world || typeof t.world !== 'object')
    return wrong('cannot verify: truth.world is missing', false);
  const { seed, states, version } = t.world;
  if (
    (typeof seed !== 'number' && typeof seed !== 'string') ||
    !Number.isInteger(states) ||
    (states as number) < 1 ||
    (states as number) > MAX_STATES
  ) {
    return wrong('cannot verify: truth.world needs a seed and a number of states', false);
  }
  if (version !== WORLD_VERSION)
    return wrong(
      `cannot verify: the truth was made in world version ${String(version)}, this genbench builds version ${WORLD_VERSION}`,
      false,
    );
  if (!t.query || typeof t.query !== 'object' || typeof t.query.days !== 'number')
    return wrong('cannot verify: truth.query is missing', false);
  return verifyTravel(worldFor({ seed, states: states as number }), t.query, response);
}
