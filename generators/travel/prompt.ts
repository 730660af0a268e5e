// The sole-planning prompt: TravelPlanner's planner instruction (agents/prompts.py), a worked
// 3-day example whose query and plan agree (upstream's example query names another route than
// its plan, issue #7), the reference information, and the query.
import { renderTextPlan } from './plan/render.js';
import type { PlanDay } from './plan/types.js';

const INSTRUCTION = `You are a proficient planner. Based on the provided information and query, please give me a detailed plan, including specifics such as flight numbers (e.g., F0123456), restaurant names, and accommodation names. Note that all the information in your plan should be derived from the provided data. You must adhere to the format given in the example. Additionally, all details should align with commonsense. The symbol '-' indicates that information is unnecessary. For example, in the provided sample, you do not need to plan after returning to the departure city. When you travel to two cities in one day, you should note it in the 'Current City' section as in the example (i.e., from A to B).
Write every restaurant, attraction and accommodation as "Name, City", end each attraction with ";", and give exactly one "Day N:" block for each day of the trip. (A JSON list of day objects with the keys days, current_city, transportation, breakfast, attraction, lunch, dinner, accommodation is accepted as well.)`;

const EXAMPLE_QUERY =
  'Please help me plan a trip from Marlow Bay to Quenby spanning 3 days from March 2nd to March 4th, 2022. The travel should be planned for a single person with a budget of $1,900.';

const EXAMPLE_PLAN: PlanDay[] = [
  {
    current_city: 'from Marlow Bay to Quenby',
    transportation: 'Flight Number: F0123456, from Marlow Bay to Quenby, Departure Time: 08:10, Arrival Time: 10:05',
    breakfast: '-',
    attraction: 'Harborfront Maritime Museum, Quenby;',
    lunch: '-',
    dinner: 'Tidewater Noodle House, Quenby',
    accommodation: 'Sunny Studio near the Old Pier, Quenby',
  },
  {
    current_city: 'Quenby',
    transportation: '-',
    breakfast: 'Morning Glory Bakery, Quenby',
    attraction: 'Quenby Botanical Conservatory, Quenby;Lighthouse Point Trail, Quenby;',
    lunch: 'Two Rivers Taqueria, Quenby',
    dinner: 'Ember and Oak Steakhouse, Quenby',
    accommodation: 'Sunny Studio near the Old Pier, Quenby',
  },
  {
    current_city: 'from Quenby to Marlow Bay',
    transportation: 'Flight Number: F0654321, from Quenby to Marlow Bay, Departure Time: 18:40, Arrival Time: 20:31',
    breakfast: 'Copper Pot Diner, Quenby',
    attraction: 'Old Town Clock Tower, Quenby;',
    lunch: 'Garden Gate Cafe, Quenby',
    dinner: '-',
    accommodation: '-',
  },
];

export function buildPrompt(referenceInfo: string, query: string): string {
  return `${INSTRUCTION}

***** Example *****
Query: ${EXAMPLE_QUERY}
Travel Plan:
${renderTextPlan(EXAMPLE_PLAN)}

***** Example Ends *****

Given information:
${referenceInfo}

Query: ${query}
Travel Plan:`;
}
