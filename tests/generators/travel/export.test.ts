import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planRecord, queryRecord, writeWorldDatabase } from '../../../generators/travel/export/travelplanner.js';
import { worldFor } from '../../../generators/travel/world/world.js';
import { parseEntity, parseTransport, splitAttractions } from '../../../generators/travel/plan/entities.js';
import { items, truthOf } from './helpers.js';

/** RFC 4180 rows (quoted fields, doubled quotes), enough for the exported tables. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const SPEC = { seed: 'export', states: 4 };
const dir = mkdtempSync(join(tmpdir(), 'travel-export-'));
const world = worldFor(SPEC);
const ITEMS = [
  ...items({ days: 3, level: 'medium', worldSeed: 'export', states: 4 }, 8),
  ...items({ days: 5, level: 'hard', worldSeed: 'export', states: 4 }, 4),
];
const table = (path: string) => {
  const [header, ...rows] = parseCsv(readFileSync(join(dir, 'database', path), 'utf8'));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
};

describe("travel export: TravelPlanner's database layout", () => {
  let flights = 0;
  let tables: Record<
    'flights' | 'accommodations' | 'restaurants' | 'attractions' | 'distance',
    Record<string, string>[]
  >;
  beforeAll(async () => {
    flights = (await writeWorldDatabase(world, dir)).flights;
    tables = {
      flights: table('flights/clean_Flights_2022.csv'),
      accommodations: table('accommodations/clean_accommodations_2022.csv'),
      restaurants: table('restaurants/clean_restaurant_2022.csv'),
      attractions: table('attractions/attractions.csv'),
      distance: table('googleDistanceMatrix/distance.csv'),
    };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every table with the columns TravelPlanner loads, and every record', () => {
    expect(Object.keys(tables.flights[0]!)).toEqual([
      'Flight Number',
      'Price',
      'DepTime',
      'ArrTime',
      'ActualElapsedTime',
      'FlightDate',
      'OriginCityName',
      'DestCityName',
      'Distance',
    ]);
    expect(Object.keys(tables.accommodations[0]!)).toEqual([
      '',
      'NAME',
      'room type',
      'price',
      'minimum nights',
      'review rate number',
      'house_rules',
      'maximum occupancy',
      'city',
    ]);
    expect(Object.keys(tables.restaurants[0]!)).toEqual([
      '',
      'Name',
      'City',
      'Cuisines',
      'Average Cost',
      'Aggregate Rating',
    ]);
    expect(Object.keys(tables.attractions[0]!)).toEqual([
      'Name',
      'Latitude',
      'Longitude',
      'Address',
      'Phone',
      'Website',
      'City',
    ]);
    expect(Object.keys(tables.distance[0]!)).toEqual(['origin', 'destination', 'cost', 'duration', 'distance']);
    expect(tables.flights).toHaveLength(flights);
    expect(tables.accommodations).toHaveLength(world.cities.reduce((s, c) => s + c.accommodations.length, 0));
    expect(tables.restaurants).toHaveLength(world.cities.reduce((s, c) => s + c.restaurants.length, 0));
    expect(tables.attractions).toHaveLength(world.cities.reduce((s, c) => s + c.attractions.length, 0));
    expect(tables.distance).toHaveLength(world.cities.length * (world.cities.length - 1));
    // pandas' dropna() removes rows with an empty cell: only distance rows may have them.
    const empty = [tables.flights, tables.accommodations, tables.restaurants, tables.attractions].flatMap((t) =>
      t.flatMap((r) => Object.entries(r).filter(([k, v]) => k && v === '')),
    );
    expect(empty).toEqual([]);
  });

  it('writes the city list without a trailing newline (upstream unpacks every line)', () => {
    const text = readFileSync(join(dir, 'database/background/citySet_with_states.txt'), 'utf8');
    expect(text.endsWith('\n')).toBe(false);
    const lines = text.split('\n').map((l) => l.split('\t'));
    expect(lines).toHaveLength(world.cities.length);
    for (const [i, [city, state]] of lines.entries())
      expect([city, state]).toEqual([world.cities[i]!.name, world.cities[i]!.state]);
    expect(existsSync(join(dir, 'database/background/stateSet.txt'))).toBe(true);
  });

  it("every entity of every reference plan resolves uniquely under upstream's own lookups (substring name, exact city)", () => {
    const unique = (rows: Record<string, string>[], nameKey: string, cityKey: string, text: string) => {
      const e = parseEntity(text)!;
      return rows.filter((r) => r[nameKey]!.includes(e.name) && r[cityKey] === e.city).length;
    };
    for (const p of ITEMS) {
      for (const d of truthOf(p).referencePlan) {
        for (const m of [d.breakfast, d.lunch, d.dinner])
          if (m !== '-') expect(unique(tables.restaurants, 'Name', 'City', m), m).toBe(1);
        for (const a of splitAttractions(d.attraction))
          expect(unique(tables.attractions, 'Name', 'City', a), a).toBe(1);
        if (d.accommodation !== '-') expect(unique(tables.accommodations, 'NAME', 'city', d.accommodation)).toBe(1);
        if (d.transportation === '-') continue;
        const t = parseTransport(d.transportation);
        if (t.kind === 'flight') {
          expect(
            tables.flights.filter(
              (r) => r['Flight Number'] === t.number && r.OriginCityName === t.from && r.DestCityName === t.to,
            ),
          ).toHaveLength(1);
        } else {
          const row = tables.distance.find((r) => r.origin === t.from && r.destination === t.to)!;
          expect(row.duration).not.toContain('day');
          expect(d.transportation).toContain(`distance: ${row.distance}`);
        }
      }
    }
  });

  it('queries carry the dataset fields and plans are submission lines', () => {
    const p = ITEMS[0]!;
    const q = queryRecord(truthOf(p));
    expect(Object.keys(q)).toEqual([
      'org',
      'dest',
      'days',
      'visiting_city_number',
      'date',
      'people_number',
      'local_constraint',
      'budget',
      'query',
      'level',
      'reference_information',
    ]);
    const entries = JSON.parse(q.reference_information as string) as { Description: string; Content: string }[];
    expect(entries.map((e) => e.Description)).toContain(`Accommodations in ${truthOf(p).route[0]}`);
    // The prompt shows exactly these entries.
    for (const e of entries)
      expect(p.messages[0]!.content as string).toContain(`Description: ${e.Description}\nContent:\n${e.Content}`);
    expect(planRecord(1, truthOf(p))).toEqual({
      idx: 1,
      query: truthOf(p).query.query,
      plan: truthOf(p).referencePlan,
    });
  });
});
