import { describe, it, expect } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { parsePlan, MAX_PLAN_DAYS } from '../../../generators/travel/plan/parse.js';
import { renderTextPlan, toJsonPlan } from '../../../generators/travel/plan/render.js';
import {
  parseCurrentCity,
  parseEntity,
  parseTransport,
  splitAttractions,
} from '../../../generators/travel/plan/entities.js';
import type { PlanDay } from '../../../generators/travel/plan/types.js';
import { items, REGIONS, truthOf } from './helpers.js';

const [item] = items(REGIONS.id3medium!, 1);
const plan: PlanDay[] = truthOf(item!).referencePlan.map(({ days: _d, ...rest }) => rest);

describe('travel plan parser: the accepted forms', () => {
  it('reads the text template back exactly', () => {
    expect(parsePlan(renderTextPlan(plan))).toEqual({ format: 'text', days: plan });
  });

  it('reads the JSON day list bare, fenced, and as a submission line', () => {
    const json = JSON.stringify(toJsonPlan(plan));
    for (const text of [
      json,
      `Here is the plan:\n\`\`\`json\n${json}\n\`\`\`\nEnjoy!`,
      JSON.stringify({ idx: 1, query: 'q', plan: toJsonPlan(plan) }),
    ]) {
      expect(parsePlan(text)).toEqual({ format: 'json', days: plan });
    }
  });

  it('accepts the key "day", lists of attractions, and padding days after the trip', () => {
    const rows = toJsonPlan(plan).map(({ days, ...r }) => ({
      day: days,
      ...r,
      attraction: r.attraction.split(';').filter(Boolean),
    }));
    const parsed = parsePlan(JSON.stringify([...rows, {}, {}]))!;
    expect(parsed.days.slice(0, plan.length)).toEqual(plan);
    expect(parsed.days.slice(plan.length)).toEqual([{}, {}]);
  });

  it('tolerates markdown decoration and prose around the plan', () => {
    const decorated = renderTextPlan(plan)
      .split('\n')
      .map((l) => (l.startsWith('Day') ? `### **${l}**` : l ? `- **${l.replace(': ', ':** ')}` : l))
      .join('\n');
    expect(parsePlan(`Let me think about the budget first.\n\n${decorated}\n\nHave a nice trip.`)!.days).toEqual(plan);
  });

  it('takes the last plan when a reply drafts one and then gives another', () => {
    const draft = renderTextPlan(plan.map((d) => ({ ...d, dinner: 'Draft Dinner, Nowhere' })));
    expect(parsePlan(`${draft}\n\nOn reflection, the final plan:\n${renderTextPlan(plan)}`)!.days).toEqual(plan);
    expect(parsePlan(`${JSON.stringify(toJsonPlan(plan))}\nfinal:\n${draft}`)!.format).toBe('text');
    expect(parsePlan(`${draft}\nfinal:\n${JSON.stringify(toJsonPlan(plan))}`)!.format).toBe('json');
  });

  it('keeps a missing field absent and an empty one as written', () => {
    const parsed = parsePlan('Day 1:\nCurrent City: from A to B\nTransportation: -\n\nDay 2:\nCurrent City: B')!;
    expect(parsed.days).toEqual([{ current_city: 'from A to B', transportation: '-' }, { current_city: 'B' }]);
  });
});

describe('travel plan parser: strings inside a plan', () => {
  it('entities split at the last comma, "(State)" and trailing periods dropped', () => {
    expect(parseEntity('Coco Bambu, Rockford')).toEqual({ name: 'Coco Bambu', city: 'Rockford' });
    expect(parseEntity('Pure luxury, one bdrm, Rockford(Illinois)')).toEqual({
      name: 'Pure luxury, one bdrm',
      city: 'Rockford',
    });
    expect(parseEntity('Books Monument, Charlotte.')).toEqual({ name: 'Books Monument', city: 'Charlotte' });
    expect(parseEntity('Subway')).toBeUndefined();
    expect(parseEntity(', Rockford')).toBeUndefined();
  });

  it('attractions count with or without a trailing ";" (upstream dropped the last piece)', () => {
    expect(splitAttractions('A, X;B, X;')).toEqual(['A, X', 'B, X']);
    expect(splitAttractions('A, X;B, X')).toEqual(['A, X', 'B, X']);
    expect(splitAttractions('A, X')).toEqual(['A, X']);
  });

  it('current city: "from A to B" or one city', () => {
    expect(parseCurrentCity('from St. Petersburg to Rockford')).toEqual({
      travel: true,
      cities: ['St. Petersburg', 'Rockford'],
    });
    expect(parseCurrentCity('from Rockford(Illinois) to Peoria(Illinois)')).toEqual({
      travel: true,
      cities: ['Rockford', 'Peoria'],
    });
    expect(parseCurrentCity('Rockford')).toEqual({ travel: false, cities: ['Rockford'] });
    expect(parseCurrentCity('-')).toBeUndefined();
  });

  it('transportation lines: kind, flight number and route', () => {
    expect(
      parseTransport(
        'Flight Number: F3573659, from St. Petersburg to Rockford, Departure Time: 15:40, Arrival Time: 17:04',
      ),
    ).toEqual({ kind: 'flight', number: 'F3573659', from: 'St. Petersburg', to: 'Rockford' });
    expect(parseTransport('Self-driving, from A to B, duration: 1 hour 2 mins, distance: 98.6 km, cost: 4')).toEqual({
      kind: 'self-driving',
      from: 'A',
      to: 'B',
    });
    expect(parseTransport('Taxi, from A to B')).toEqual({ kind: 'taxi', from: 'A', to: 'B' });
    expect(parseTransport('Flight Number: F3573659')).toEqual({ kind: 'flight', number: 'F3573659' });
    expect(parseTransport('by hot-air balloon').kind).toBe('unknown');
  });
});

describe('travel plan parser: garbage and half-plans', () => {
  it('never throws, and says "not delivered" when there is no plan', () => {
    const rng = Rng.fromKey('travel-garbage');
    const alphabet = '{}[]"\':,;-()\n \\DayCurrentCity:fromtoFlightNumber0123456789';
    const inputs: unknown[] = [
      undefined,
      null,
      42,
      {},
      '',
      '\u0000',
      '[]',
      '[{}]',
      '{"plan": []}',
      '['.repeat(100_000),
      '{'.repeat(50_000),
      'Day 1:'.repeat(50_000),
      '[{"days": 1}]',
    ];
    for (let i = 0; i < 300; i++)
      inputs.push(Array.from({ length: rng.int(0, 300) }, () => alphabet[rng.int(0, alphabet.length - 1)]).join(''));
    for (const input of inputs) {
      const parsed = parsePlan(input);
      if (parsed) expect(parsed.days.length).toBeLessThanOrEqual(MAX_PLAN_DAYS);
    }
    expect(parsePlan('')).toBeUndefined();
    expect(parsePlan('[]')).toBeUndefined();
    expect(parsePlan('[{}, {}]')).toBeUndefined();
    expect(parsePlan('I cannot plan this trip.')).toBeUndefined();
  });

  it('a truncated plan parses as the days it has; a 500-day "plan" is cut', () => {
    const text = renderTextPlan(plan);
    const half = parsePlan(text.slice(0, Math.floor(text.length / 2)))!;
    expect(half.days.length).toBeGreaterThan(0);
    expect(half.days.length).toBeLessThanOrEqual(plan.length);
    const long = Array.from({ length: 500 }, (_, i) => `Day ${i + 1}:\nCurrent City: X`).join('\n');
    expect(parsePlan(long)!.days).toHaveLength(MAX_PLAN_DAYS);
  });
});
