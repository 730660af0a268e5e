// The natural-language query, from a bank of templates (TravelPlanner had GPT-4 write them from
// the query's fields; a template bank keeps them reproducible). Every constraint is stated as a
// requirement, since the evaluator checks it as one.
import type { Rng } from '../../../src/core/rng.js';
import { withCommas } from '../world/geometry.js';
import type { HouseRuleValue, RoomTypeValue, TravelQuery, TransportationValue } from './types.js';

const MONTH = 'March';

function ordinal(n: number): string {
  const s =
    n % 100 >= 11 && n % 100 <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${s}`;
}

const dayOf = (date: string) => Number(date.slice(8, 10));
const dollars = (n: number) => `$${withCommas(n)}`;
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];

function peoplePhrase(n: number, rng: Rng): string {
  if (n === 1) return rng.pick(['a single person', 'one person', 'one traveler']);
  return rng.pick([`${n} people`, `a group of ${n}`, `${NUMBER_WORDS[n] ?? n} people`]);
}

function listPhrase(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const HOUSE_RULE_SENTENCES: Record<HouseRuleValue, readonly string[]> = {
  parties: [
    'We plan to host a party, so every accommodation must allow parties.',
    'Our accommodations must permit parties.',
  ],
  smoking: [
    'Some of us smoke, so every accommodation must allow smoking.',
    'The accommodations must be smoking-friendly.',
  ],
  'children under 10': [
    'We are traveling with children under 10, so every accommodation must allow them.',
    'Our accommodations must welcome children under 10.',
  ],
  visitors: [
    'We expect visitors, so every accommodation must allow visitors.',
    'The accommodations must allow visitors.',
  ],
  pets: [
    'We will be accompanied by our pets, so we need pet-friendly accommodations.',
    'Every accommodation must allow pets.',
  ],
};
const ROOM_TYPE_SENTENCES: Record<RoomTypeValue, readonly string[]> = {
  'entire room': [
    'We want to stay in entire homes or apartments only.',
    'Every accommodation must be an entire room (entire home/apt).',
  ],
  'private room': ['We want private rooms only.', 'Every accommodation must be a private room.'],
  'shared room': ['We want to stay in shared rooms only.', 'Every accommodation must be a shared room.'],
  'not shared room': ['We do not want any shared rooms.', 'None of the accommodations may be a shared room.'],
};
const TRANSPORT_SENTENCES: Record<TransportationValue, readonly string[]> = {
  'no flight': [
    'Please note we do not want to take any flights, so the plan must not include them.',
    'The trip must not include any flights.',
  ],
  'no self-driving': [
    'We will not drive ourselves, so the plan must not include self-driving.',
    'Self-driving is not an option for us.',
  ],
};

export function queryText(q: Omit<TravelQuery, 'query'>, rng: Rng): string {
  const start = `${MONTH} ${ordinal(dayOf(q.date[0]!))}`;
  const end = `${MONTH} ${ordinal(dayOf(q.date[q.date.length - 1]!))}`;
  const people = peoplePhrase(q.people_number, rng);
  const budget = dollars(q.budget);
  const n = q.visiting_city_number;
  const where =
    q.days === 3
      ? q.dest
      : rng.pick([`${q.dest}, visiting ${NUMBER_WORDS[n]} cities`, `${q.dest}, covering ${n} cities there`]);
  const openings = [
    `Please help me plan a trip from ${q.org} to ${where} spanning ${q.days} days from ${start} to ${end}, 2022. The travel should be planned for ${people} with a budget of ${budget}.`,
    `Could you create a ${q.days}-day travel plan for ${people} departing from ${q.org} and heading to ${where}, from ${start} to ${end}, 2022? The budget is ${budget}.`,
    `We require a ${q.days}-day travel itinerary for ${people} leaving from ${q.org} and going to ${where}, from ${start} to ${end}, 2022. Our budget is up to ${budget}.`,
    `I am planning a ${q.days}-day trip from ${q.org} to ${where} for ${people}, from ${start} to ${end}, 2022, and can spend at most ${budget}.`,
  ];
  const parts = [rng.pick(openings)];
  const lc = q.local_constraint;
  if (lc['house rule']) parts.push(rng.pick(HOUSE_RULE_SENTENCES[lc['house rule']]));
  if (lc['room type']) parts.push(rng.pick(ROOM_TYPE_SENTENCES[lc['room type']]));
  if (lc.cuisine?.length) {
    const list = listPhrase(lc.cuisine);
    parts.push(
      rng.pick([
        `Our meals must include ${list} cuisines.`,
        `Each of ${list} cuisines must be served at one of our meals during the trip.`,
      ]),
    );
  }
  if (lc.transportation) parts.push(rng.pick(TRANSPORT_SENTENCES[lc.transportation]));
  return parts.join(' ');
}
