import { describe, it, expect } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { World, worldFor } from '../../../generators/travel/world/world.js';
import {
  decodeFlightNumber,
  encodeFlightNumber,
  slotCapacity,
} from '../../../generators/travel/world/flight-numbers.js';
import { formatDriveDuration, formatKm, selfDrivingCost, taxiCost } from '../../../generators/travel/world/geometry.js';
import { isSafeName } from '../../../generators/travel/world/names.js';
import { HOUSE_RULES, QUERYABLE_CUISINES } from '../../../generators/travel/world/types.js';

const world = worldFor({ seed: 1, states: 10 });

describe('travel world: determinism', () => {
  it('the same spec builds the same world, a different seed a different one', () => {
    const a = new World({ seed: 5, states: 8 });
    const b = new World({ seed: 5, states: 8 });
    expect(JSON.stringify(b.cities)).toBe(JSON.stringify(a.cities));
    expect(b.flightsBetween(0, 3, 12)).toEqual(a.flightsBetween(0, 3, 12));
    expect(b.driveBetween(2, 5)).toEqual(a.driveBetween(2, 5));
    const c = new World({ seed: 6, states: 8 });
    expect(c.cities.map((x) => x.name)).not.toEqual(a.cities.map((x) => x.name));
  });
});

describe('travel world: records follow the calibrated distributions', () => {
  const cities = world.cities;
  it('has states with enough cities for 5- and 7-day trips', () => {
    expect(world.states).toHaveLength(10);
    expect(world.states.filter((s) => s.cities.length >= 4).length).toBeGreaterThanOrEqual(2);
    for (const s of world.states) expect(s.cities.length).toBeGreaterThanOrEqual(3);
  });

  it('per city: 12–20 attractions, 20–50 restaurants, 6–18 listings, all fields in range', () => {
    for (const c of cities) {
      expect(c.attractions.length).toBeGreaterThanOrEqual(12);
      expect(c.attractions.length).toBeLessThanOrEqual(20);
      expect(c.restaurants.length).toBeGreaterThanOrEqual(20);
      expect(c.restaurants.length).toBeLessThanOrEqual(50);
      expect(c.accommodations.length).toBeGreaterThanOrEqual(6);
      expect(c.accommodations.length).toBeLessThanOrEqual(18);
      for (const r of c.restaurants) {
        expect(r.averageCost).toBeGreaterThanOrEqual(10);
        expect(r.averageCost).toBeLessThanOrEqual(110);
        expect(new Set(r.cuisines).size).toBe(r.cuisines.length);
        expect(r.cuisines.length).toBeGreaterThanOrEqual(2);
        expect(r.cuisines.length).toBeLessThanOrEqual(5);
      }
      for (const a of c.accommodations) {
        expect(a.price).toBeGreaterThanOrEqual(51);
        expect(a.price).toBeLessThanOrEqual(1195);
        expect(a.houseRules.length).toBeGreaterThan(0); // upstream's loader drops rows with an empty field
        expect(a.maximumOccupancy).toBeGreaterThanOrEqual(1);
        expect(a.maximumOccupancy).toBeLessThanOrEqual(11);
        if (a.roomType === 'Shared room') expect(a.maximumOccupancy).toBe(1);
      }
    }
  });

  it('queryable cuisines are rarer than the common labels; each house rule is on roughly a third of listings', () => {
    const all = cities.flatMap((c) => c.restaurants.flatMap((r) => r.cuisines));
    const count = (label: string) => all.filter((x) => x === label).length;
    const rare = QUERYABLE_CUISINES.map(count);
    expect(Math.max(...rare)).toBeLessThan(count('Seafood'));
    const listings = cities.flatMap((c) => c.accommodations);
    for (const rule of HOUSE_RULES) {
      const share = listings.filter((a) => a.houseRules.includes(rule)).length / listings.length;
      expect(share).toBeGreaterThan(0.2);
      expect(share).toBeLessThan(0.5);
    }
    const shared = listings.filter((a) => a.roomType === 'Shared room').length / listings.length;
    expect(shared).toBeLessThan(0.06);
  });

  it('names are safe for the plan syntax, unique and substring-free within each table and across cities', () => {
    const clashes: string[] = [];
    const noneContains = (names: string[]) => {
      const lower = names.map((n) => n.toLowerCase());
      for (let i = 0; i < lower.length; i++)
        for (let j = 0; j < lower.length; j++)
          if (i !== j && lower[j]!.includes(lower[i]!)) clashes.push(`${names[i]} in ${names[j]}`);
    };
    noneContains(cities.map((c) => c.name));
    for (const c of cities) {
      if (!isSafeName(c.name)) clashes.push(`unsafe ${c.name}`);
      for (const table of [c.attractions, c.restaurants, c.accommodations]) {
        for (const r of table) if (!isSafeName(r.name)) clashes.push(`unsafe ${r.name}`);
        noneContains(table.map((r) => r.name));
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('travel world: distance matrix and flights', () => {
  it('drive costs equal upstream float arithmetic on the printed distance: int(km * 0.05) and int(km)', () => {
    let checked = 0;
    const mismatches: string[] = [];
    for (let i = 0; i < world.cities.length; i++)
      for (let j = 0; j < world.cities.length; j++) {
        const d = world.driveBetween(i, j);
        if (d.kmTenths === null) continue;
        const km = Number(formatKm(d.kmTenths).replace(' km', '').replace(/,/g, '')); // as eval() reads it upstream
        if (selfDrivingCost(d.kmTenths) !== Math.trunc(km * 0.05) || taxiCost(d.kmTenths) !== Math.trunc(km))
          mismatches.push(formatKm(d.kmTenths));
        if (d.valid !== !formatDriveDuration(d.minutes!).includes('day'))
          mismatches.push(`validity of ${d.origin}-${d.dest}`);
        checked++;
      }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('drive distances are nearly symmetric and at least the straight line', () => {
    for (let i = 0; i < 20; i++)
      for (let j = i + 1; j < 20; j++) {
        const ab = world.driveBetween(i, j);
        const ba = world.driveBetween(j, i);
        if (ab.kmTenths === null) {
          expect(ba.kmTenths).toBeNull();
          continue;
        }
        expect(Math.abs(ab.kmTenths - ba.kmTenths!) / ab.kmTenths).toBeLessThan(0.03);
        const a = world.cities[i]!,
          b = world.cities[j]!;
        expect(ab.kmTenths / 10).toBeGreaterThanOrEqual(Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2));
      }
  });

  it('some pairs have no valid drive (no road data, or over a day), as upstream', () => {
    let invalid = 0;
    for (let i = 0; i < world.cities.length; i++)
      for (let j = 0; j < world.cities.length; j++) if (i !== j && !world.driveBetween(i, j).valid) invalid++;
    expect(invalid).toBeGreaterThan(0);
  });

  it('flights: prices in $21–995 tracking distance, times consistent with the elapsed time, dates of the slot', () => {
    const rows = [];
    for (let i = 0; i < 15; i++) for (let j = 0; j < 15; j++) if (i !== j) rows.push(...world.flightsBetween(i, j, 9));
    expect(rows.length).toBeGreaterThan(50);
    for (const f of rows) {
      expect(f.price).toBeGreaterThanOrEqual(21);
      expect(f.price).toBeLessThanOrEqual(995);
      expect(f.date).toBe('2022-03-09');
      const [h, m] = f.elapsed.split(' hours ').map((s) => parseInt(s, 10));
      const mins = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
      expect((mins(f.depTime) + h! * 60 + m!) % 1440).toBe(mins(f.arrTime));
    }
    const short = rows.filter((f) => f.distance < 300).map((f) => f.price);
    const long = rows.filter((f) => f.distance > 1500).map((f) => f.price);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    if (short.length && long.length) expect(mean(long)).toBeGreaterThan(mean(short));
  });

  it('flight numbers decode to their slot, name exactly one flight, and unknown numbers name none', () => {
    const rng = Rng.fromKey('flight-numbers');
    const n = world.cities.length;
    const seen = new Set<string>();
    for (let t = 0; t < 2000; t++) {
      const slot = { origin: rng.int(0, n - 1), dest: rng.int(0, n - 1), day: rng.int(1, 31), k: rng.int(0, 3) };
      const num = encodeFlightNumber(slot, n, 12345);
      expect(num).toMatch(/^F\d{7}$/);
      expect(decodeFlightNumber(num, n, 12345)).toEqual(slot);
      seen.add(`${JSON.stringify(slot)}`);
    }
    for (let i = 0; i < 10; i++)
      for (const f of world.flightsBetween(i, i + 1, 3)) expect(world.flightByNumber(f.number)).toEqual(f);
    expect(world.flightByNumber('F12')).toBeUndefined();
    expect(world.flightByNumber('nonsense')).toBeUndefined();
    expect(slotCapacity(n)).toBeLessThan(10_000_000);
    let misses = 0;
    for (let t = 0; t < 200; t++)
      if (!world.flightByNumber(`F${String(rng.int(0, 9_999_999)).padStart(7, '0')}`)) misses++;
    expect(misses).toBeGreaterThan(150);
  });
});
