// Names for states, cities, attractions, restaurants and listings, drawn from word lists.
// Constraints that keep TravelPlanner's own (substring-based) evaluator exact on our worlds:
// within a table of one city no name contains another, no city name contains another, and no
// name holds a comma, a semicolon, a parenthesis, "from" or "to " (the plan syntax's separators).
import type { Rng } from '../../../src/core/rng.js';

const CITY_HEADS = [
  'Ash',
  'Bel',
  'Bram',
  'Cal',
  'Cor',
  'Dun',
  'El',
  'Fair',
  'Glen',
  'Hal',
  'Hart',
  'Kes',
  'Lan',
  'Mar',
  'Mill',
  'Nor',
  'Oak',
  'Pem',
  'Quin',
  'Red',
  'Ros',
  'Sal',
  'Stan',
  'Thorn',
  'Val',
  'Wen',
  'Whit',
  'Wil',
  'Yar',
  'Ard',
  'Bran',
  'Carr',
  'Dal',
  'Elm',
  'Fen',
  'Gar',
  'Hol',
  'Kel',
  'Lyn',
  'Mor',
  'Pax',
  'Rid',
  'Sher',
  'Tam',
  'Ux',
  'Brock',
  'Cran',
  'Dex',
  'Ever',
  'Gran',
  'Hap',
  'Ing',
  'Jas',
  'Kirk',
  'Lock',
  'Nash',
  'Orm',
  'Pell',
  'Sum',
] as const;
const CITY_TAILS = [
  'ford',
  'ton',
  'bury',
  'field',
  'wood',
  'ham',
  'ville',
  'port',
  'mouth',
  'dale',
  'brook',
  'haven',
  'ridge',
  'stead',
  'wick',
  'more',
  'by',
  'chester',
  'gate',
  'well',
  'crest',
  'land',
  'mere',
  'view',
  'stone',
  'ley',
] as const;
const CITY_FORMS = [
  '{}',
  '{}',
  '{}',
  '{}',
  'Port {}',
  '{} Falls',
  '{} Springs',
  'New {}',
  'Lake {}',
  'Fort {}',
  'Mount {}',
  '{} City',
  'St. {}',
] as const;

const STATE_HEADS = [
  'Vel',
  'Cor',
  'Tal',
  'Mar',
  'Sen',
  'Dor',
  'Kal',
  'Lor',
  'Ner',
  'Ost',
  'Pal',
  'Ran',
  'Sol',
  'Tor',
  'Ver',
  'Wes',
  'Ar',
  'Bel',
  'Cas',
  'Fal',
] as const;
const STATE_TAILS = [
  'mora',
  'andia',
  'essa',
  'onia',
  'avia',
  'ador',
  'ington',
  'ara',
  'ida',
  'ota',
  'ansas',
  'ico',
  'ana',
  'eria',
] as const;
const STATE_FORMS = ['{}', '{}', '{}', 'North {}', 'South {}', 'West {}', 'New {}'] as const;

const PLACE_WORDS = [
  'Riverside',
  'Granite',
  'Old Mill',
  'Lantern',
  'Cedar',
  'Heritage',
  'Founders',
  'Lakeshore',
  'Pioneer',
  'Sunset',
  'Willow',
  'Harbor',
  'Maple',
  'Copper',
  'Eagle',
  'Silver',
  'Juniper',
  'Bluebell',
  'Highland',
  'Prairie',
  'Canyon',
  'Meadow',
  'Ironwood',
  'Orchard',
  'Beacon',
  'Liberty',
  'Union',
  'Stonegate',
  'Foxglove',
  'Falcon',
  'Northgate',
  'Thistle',
  'Aspen',
  'Magnolia',
  'Redwood',
  'Summit',
  'Crescent',
  'Pinecrest',
  'Marigold',
  'Wildflower',
] as const;
const ATTRACTION_KINDS = [
  'Museum',
  'Park',
  'Botanical Garden',
  'Art Gallery',
  'Zoo',
  'Aquarium',
  'Historic District',
  'Lighthouse',
  'Nature Preserve',
  'Observatory',
  'Trail',
  'Science Center',
  'Memorial',
  'Farmers Market',
  'Playhouse',
  'Sculpture Garden',
  'State Park',
  'Boardwalk',
  'Carousel',
  'History Center',
  'Arboretum',
  'Overlook',
] as const;
const STREETS = [
  'Main',
  'Oak',
  'Pine',
  'Maple',
  'Cedar',
  'Elm',
  'Lake',
  'Hill',
  'Park',
  'River',
  'Church',
  'Market',
  'Mill',
  'Spring',
  'Ridge',
  'Bridge',
] as const;
const STREET_KINDS = ['St', 'Ave', 'Rd', 'Blvd', 'Dr', 'Ln'] as const;

const RESTAURANT_HEADS = [
  'Copper Kettle',
  'Blue Lantern',
  'Golden Dragon',
  'Silver Spoon',
  'Olive Branch',
  'Saffron',
  'Harbor Light',
  'Maple Leaf',
  'Rustic Table',
  'Urban Roots',
  'Red Brick',
  'Smoky Barrel',
  'Sunny Side',
  'Wild Thyme',
  'Green Leaf',
  'Iron Skillet',
  'Corner Stone',
  'Crescent Moon',
  'Juniper Berry',
  'Lucky Star',
  'Old Oak',
  'Painted Pony',
  'Salt and Pepper',
  'Twin Pines',
  'Velvet Fig',
  'White Heron',
  'Yellow Door',
  'Brass Anchor',
  'Cobblestone',
  'Driftwood',
  'Firefly',
  'Hearthstone',
  'Lemon Grove',
  'Mango Tree',
  'Night Owl',
  'Paper Crane',
  'Quiet Creek',
  'Rosemary',
  'Stone Bridge',
  'Tin Cup',
  'Blue Agave',
  'Black Pepper',
  'Honey Bee',
  'Jade Garden',
] as const;
const RESTAURANT_KINDS = [
  'Kitchen',
  'Bistro',
  'Cafe',
  'Grill',
  'Diner',
  'Eatery',
  'Tavern',
  'Bakery',
  'Brasserie',
  'Cantina',
  'Trattoria',
  'Noodle House',
  'Smokehouse',
  'Taproom',
  'Canteen',
  'Table',
  'Oven',
  'Pantry',
  'Steakhouse',
  'Bar',
] as const;

const LISTING_ADJECTIVES = [
  'Cozy',
  'Sunny',
  'Spacious',
  'Bright',
  'Quiet',
  'Charming',
  'Modern',
  'Rustic',
  'Elegant',
  'Stylish',
  'Airy',
  'Lovely',
  'Renovated',
  'Classic',
  'Homey',
] as const;
const LISTING_UNITS: Record<'entire' | 'private' | 'shared', readonly string[]> = {
  entire: [
    'Studio',
    'Loft',
    '1BR Apartment',
    '2BR Apartment',
    '3BR House',
    'Cottage',
    'Townhouse',
    'Bungalow',
    'Guesthouse',
    'Condo',
  ],
  private: ['Bedroom', 'Private Room', 'Guest Room', 'Suite', 'Room with Bath', 'Attic Room'],
  shared: ['Shared Room', 'Bunk Bed', 'Sofa Bed', 'Hostel Bed'],
};
const LISTING_FEATURES = [
  'near the Park',
  'with Balcony',
  'by the River',
  'in Old Town',
  'with Garden View',
  'near Downtown',
  'with Rooftop',
  'by the Lake',
  'near the Station',
  'with Fireplace',
  'on Main Street',
  'with Free Parking',
  'near the Museum',
  'with Patio',
  'by the Harbor',
  'in the Arts District',
] as const;

const fill = (form: string, word: string) => form.replace('{}', word);

/** A name is unusable if it would confuse the plan syntax ("from A to B", "Name, City", "a;b", "(State)"). */
export function isSafeName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    !/[,;()\n\t"]/.test(name) &&
    !lower.includes('from') &&
    !/\bto\b/.test(lower) &&
    !lower.includes('flight') &&
    !lower.includes('taxi') &&
    !lower.includes('self-driving') &&
    name.trim() === name
  );
}

/**
 * Adds a name drawn by `draw` to `taken` unless it, or a name already taken, contains the other
 * (case-insensitively). Gives up after `tries` draws and returns undefined.
 */
function drawDistinct(draw: () => string, taken: string[], tries = 200): string | undefined {
  for (let t = 0; t < tries; t++) {
    const name = draw();
    if (!isSafeName(name) || /(.)\1\1/i.test(name)) continue;
    const lower = name.toLowerCase();
    if (
      taken.some((other) => {
        const o = other.toLowerCase();
        return o.includes(lower) || lower.includes(o);
      })
    )
      continue;
    taken.push(name);
    return name;
  }
  return undefined;
}

export function drawNames(count: number, draw: () => string, what: string, taken: string[] = []): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = drawDistinct(draw, taken);
    if (name === undefined) throw new Error(`travel world: ran out of distinct ${what} names after ${out.length}`);
    out.push(name);
  }
  return out;
}

export const stateName = (rng: Rng) => fill(rng.pick(STATE_FORMS), rng.pick(STATE_HEADS) + rng.pick(STATE_TAILS));
export const cityName = (rng: Rng) => fill(rng.pick(CITY_FORMS), rng.pick(CITY_HEADS) + rng.pick(CITY_TAILS));
export const attractionName = (rng: Rng) => `${rng.pick(PLACE_WORDS)} ${rng.pick(ATTRACTION_KINDS)}`;
export const restaurantName = (rng: Rng) =>
  rng.bool(0.15) ? `The ${rng.pick(RESTAURANT_HEADS)}` : `${rng.pick(RESTAURANT_HEADS)} ${rng.pick(RESTAURANT_KINDS)}`;

export function listingName(rng: Rng, kind: 'entire' | 'private' | 'shared'): string {
  return `${rng.pick(LISTING_ADJECTIVES)} ${rng.pick(LISTING_UNITS[kind])} ${rng.pick(LISTING_FEATURES)}`;
}

export function streetAddress(rng: Rng, city: string, stateAbbrev: string): string {
  return `${rng.int(1, 9899)} ${rng.pick(STREETS)} ${rng.pick(STREET_KINDS)}, ${city}, ${stateAbbrev} ${String(rng.int(10000, 99999))}, USA`;
}

/** A two-letter abbreviation for addresses, unique in the world. */
export function stateAbbreviations(states: readonly string[]): string[] {
  const used = new Set<string>();
  return states.map((s) => {
    const letters = s.replace(/[^A-Za-z]/g, '').toUpperCase();
    for (let i = 1; i < letters.length; i++) {
      const ab = letters[0]! + letters[i]!;
      if (!used.has(ab)) {
        used.add(ab);
        return ab;
      }
    }
    for (let c = 65; c < 91; c++) {
      const ab = letters[0]! + String.fromCharCode(c);
      if (!used.has(ab)) {
        used.add(ab);
        return ab;
      }
    }
    throw new Error('travel world: no state abbreviation left');
  });
}

/** City names the prompt's worked example uses; the world never contains them. */
export const EXAMPLE_CITIES = ['Marlow Bay', 'Quenby'] as const;
