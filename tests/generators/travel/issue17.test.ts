// Issue 17: query values that never varied. In version 1 the 3- and 5-day hard tasks asked for
// all 4 of their 4 cuisines in every query, and "shared room" was never requested (the filter
// wanted listings sleeping the whole group; shared rooms sleep one). Reference plans stay valid.
import { describe, expect, it } from 'vitest';
import { solePlanning, type TravelTruth } from '../../../generators/travel/sole-planning.js';
import { ID_POOLS, detailsOf, items, truthOf, worldOf } from './helpers.js';

const hard3 = { days: 3, level: 'hard', ...ID_POOLS, hardCuisines: [2, 3] };

describe('travel/sole-planning: varied values (issue 17)', () => {
  const hardItems = items(hard3, 100, 1207);

  it('hard queries with hardCuisines [2, 3] ask for 2 or 3 of the 4 ID cuisines, in many different sets', () => {
    const sets = new Set<string>();
    for (const p of hardItems) {
      const c = truthOf(p).query.local_constraint.cuisine;
      if (!c) continue;
      expect([2, 3]).toContain(c.length);
      for (const x of c) expect(ID_POOLS.cuisines).toContain(x);
      sets.add([...c].sort().join('+'));
    }
    expect(sets.size).toBeGreaterThanOrEqual(5);
    // Upstream's default is unchanged: 4 cuisines per hard query.
    for (const p of items({ days: 3, level: 'hard' }, 15, 'default-hard')) {
      const c = truthOf(p).query.local_constraint.cuisine;
      if (c) expect(c).toHaveLength(4);
    }
  });

  it('"shared room" is requested where the world has a shared room the trip can use, and the reference plan stays in one', () => {
    const shared = hardItems.filter((p) => truthOf(p).query.local_constraint['room type'] === 'shared room');
    expect(shared.length).toBeGreaterThan(0);
    for (const p of shared) {
      const t: TravelTruth = truthOf(p);
      expect(p.verify(p.reference!).correct).toBe(true);
      expect(detailsOf(p, p.reference!).hard.roomType).toBe('pass');
      expect(t.query.people_number).toBeLessThanOrEqual(2);
      const world = worldOf(p);
      for (const day of t.referencePlan) {
        if (!day.accommodation || day.accommodation === '-') continue;
        const [name, city] = day.accommodation.split(', ');
        expect(world.city(city!)!.accommodations.find((a) => a.name === name)!.roomType).toBe('Shared room');
      }
    }
  });

  it('hardCuisines is validated', () => {
    const err = (raw: Record<string, unknown>) => {
      try {
        solePlanning.parseParams(raw);
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(err({ level: 'hard', hardCuisines: [3, 2] })).toMatch(/hardCuisines: min 3 is above max 2/);
    expect(err({ level: 'hard', hardCuisines: 4 })).toMatch(/hardCuisines: expected \[min, max\]/);
    expect(
      err({ level: 'hard', hardCuisines: [2, 5], cuisines: ['American', 'Chinese', 'Italian', 'Mexican'] }),
    ).toMatch(/cuisines: a hard query asks for 5 cuisines/);
    expect(solePlanning.parseParams({ level: 'hard' }).hardCuisines).toEqual([4, 4]);
  });
});
