// A small zebra-puzzle engine (our replacement for the ZebraLogic puzzles OMEGA loads from
// Hugging Face): attributes, clue kinds, and a propagating solver that counts solutions up to a
// limit, which the generator uses to add clues until the solution is unique and then to prune.
import type { Rng } from '../../../src/core/rng.js';

export interface Category {
  key: string;
  /** "Each person has a unique {label}:" */
  label: string;
  values: string[];
  /** How a clue refers to the person with this value. */
  describe: (v: string) => string;
}

const article = (v: string) => (/^[aeiou]/i.test(v) ? `an ${v}` : `a ${v}`);

export const CATEGORIES: Category[] = [
  {
    key: 'Name',
    label: 'name',
    values: ['Alice', 'Bob', 'Carol', 'David', 'Eric', 'Fiona', 'Grace'],
    describe: (v) => v,
  },
  {
    key: 'Color',
    label: 'favorite color',
    values: ['red', 'green', 'blue', 'yellow', 'white', 'purple', 'orange'],
    describe: (v) => `the person who loves ${v}`,
  },
  {
    key: 'Pet',
    label: 'pet',
    values: ['cat', 'dog', 'bird', 'fish', 'horse', 'rabbit', 'hamster'],
    describe: (v) => `the person who keeps ${article(v)}`,
  },
  {
    key: 'Drink',
    label: 'favorite drink',
    values: ['coffee', 'tea', 'milk', 'water', 'juice', 'soda', 'lemonade'],
    describe: (v) => `the ${v} drinker`,
  },
  {
    key: 'Hobby',
    label: 'hobby',
    values: ['painting', 'gardening', 'reading', 'cooking', 'hiking', 'chess', 'knitting'],
    describe: (v) => `the person who enjoys ${v}`,
  },
  {
    key: 'Car',
    label: 'car brand',
    values: ['Toyota', 'Ford', 'Honda', 'BMW', 'Tesla', 'Audi', 'Volvo'],
    describe: (v) => `the person who drives ${article(v)}`,
  },
  {
    key: 'Food',
    label: 'favorite food',
    values: ['pizza', 'sushi', 'tacos', 'pasta', 'curry', 'salad', 'stew'],
    describe: (v) => `the person who loves eating ${v}`,
  },
  {
    key: 'Music',
    label: 'favorite music genre',
    values: ['jazz', 'rock', 'pop', 'classical', 'hip hop', 'country', 'blues'],
    describe: (v) => `the ${v} fan`,
  },
];

/** An attribute value: attribute index and value index. */
export type Ref = readonly [number, number];

export type Clue =
  | { kind: 'found_at'; x: Ref; house: number }
  | { kind: 'not_at'; x: Ref; house: number }
  | { kind: 'same'; x: Ref; y: Ref }
  | { kind: 'not_same'; x: Ref; y: Ref }
  | { kind: 'left_of'; x: Ref; y: Ref }
  | { kind: 'somewhere_left'; x: Ref; y: Ref }
  | { kind: 'next_to'; x: Ref; y: Ref }
  | { kind: 'one_between'; x: Ref; y: Ref };

/** Does the clue hold when `house(ref)` gives every value's house (0-based)? */
export function clueHolds(c: Clue, house: (r: Ref) => number): boolean {
  switch (c.kind) {
    case 'found_at':
      return house(c.x) === c.house;
    case 'not_at':
      return house(c.x) !== c.house;
    case 'same':
      return house(c.x) === house(c.y);
    case 'not_same':
      return house(c.x) !== house(c.y);
    case 'left_of':
      return house(c.x) + 1 === house(c.y);
    case 'somewhere_left':
      return house(c.x) < house(c.y);
    case 'next_to':
      return Math.abs(house(c.x) - house(c.y)) === 1;
    case 'one_between':
      return Math.abs(house(c.x) - house(c.y)) === 2;
  }
}

const popcount = (m: number) => {
  let c = 0;
  while (m) {
    m &= m - 1;
    c++;
  }
  return c;
};
const lowBit = (m: number) => 31 - Math.clz32(m & -m);
const highBit = (m: number) => 31 - Math.clz32(m);

/**
 * Solutions of a puzzle with `houses` houses and `attrs` attributes, counted up to `limit`.
 * Domains are bitmasks of houses per (attribute, value); propagation applies each clue and the
 * all-different rule per attribute, then the search branches on the smallest domain.
 */
export function countSolutions(houses: number, attrs: number, clues: readonly Clue[], limit = 2): number {
  const full = (1 << houses) - 1;
  const idx = (r: Ref) => r[0] * houses + r[1];
  const start = new Array<number>(houses * attrs).fill(full);
  let found = 0;

  const propagate = (dom: number[]): boolean => {
    for (let changed = true; changed;) {
      changed = false;
      const set = (i: number, m: number): boolean => {
        if (m === dom[i]) return true;
        dom[i] = m;
        changed = true;
        return m !== 0;
      };
      for (const c of clues) {
        const i = idx(c.x);
        if (c.kind === 'found_at') {
          if (!set(i, dom[i]! & (1 << c.house))) return false;
          continue;
        }
        if (c.kind === 'not_at') {
          if (!set(i, dom[i]! & ~(1 << c.house))) return false;
          continue;
        }
        const j = idx(c.y);
        const dx = dom[i]!;
        const dy = dom[j]!;
        switch (c.kind) {
          case 'same':
            if (!set(i, dx & dy) || !set(j, dx & dy)) return false;
            break;
          case 'not_same':
            if (popcount(dx) === 1 && !set(j, dy & ~dx)) return false;
            if (popcount(dom[j]!) === 1 && !set(i, dom[i]! & ~dom[j]!)) return false;
            break;
          case 'left_of':
            if (!set(j, dy & (dx << 1) & full) || !set(i, dom[i]! & (dom[j]! >> 1))) return false;
            break;
          case 'somewhere_left': {
            if (!set(i, dx & ((1 << highBit(dy)) - 1))) return false;
            if (!set(j, dom[j]! & full & ~((2 << lowBit(dom[i]!)) - 1))) return false;
            break;
          }
          case 'next_to': {
            if (!set(j, dy & ((dx << 1) | (dx >> 1)) & full)) return false;
            if (!set(i, dom[i]! & ((dom[j]! << 1) | (dom[j]! >> 1)) & full)) return false;
            break;
          }
          case 'one_between': {
            if (!set(j, dy & ((dx << 2) | (dx >> 2)) & full)) return false;
            if (!set(i, dom[i]! & ((dom[j]! << 2) | (dom[j]! >> 2)) & full)) return false;
            break;
          }
        }
      }
      // All different within an attribute: singles claim their house; a house with one candidate takes it.
      for (let a = 0; a < attrs; a++) {
        for (let v = 0; v < houses; v++) {
          const m = dom[a * houses + v]!;
          if (m === 0) return false;
          if (popcount(m) !== 1) continue;
          for (let u = 0; u < houses; u++)
            if (u !== v && dom[a * houses + u]! & m) {
              if (!set(a * houses + u, dom[a * houses + u]! & ~m)) return false;
            }
        }
        for (let h = 0; h < houses; h++) {
          let only = -1;
          let n = 0;
          for (let v = 0; v < houses; v++)
            if (dom[a * houses + v]! & (1 << h)) {
              only = v;
              n++;
            }
          if (n === 0) return false;
          if (n === 1 && dom[a * houses + only] !== 1 << h && !set(a * houses + only, 1 << h)) return false;
        }
      }
    }
    return true;
  };

  const search = (dom: number[]) => {
    if (found >= limit || !propagate(dom)) return;
    let best = -1;
    for (let i = 0; i < dom.length; i++)
      if (popcount(dom[i]!) > 1 && (best < 0 || popcount(dom[i]!) < popcount(dom[best]!))) best = i;
    if (best < 0) {
      const house = (r: Ref) => lowBit(dom[idx(r)]!);
      if (clues.every((c) => clueHolds(c, house))) found++;
      return;
    }
    for (let m = dom[best]!; m; m &= m - 1) {
      const next = dom.slice();
      next[best] = m & -m;
      search(next);
      if (found >= limit) return;
    }
  };
  search(start);
  return found;
}

/** A random clue that is true of the solution (`house[a][v]` is the house of value v of attribute a). */
export function randomTrueClue(rng: Rng, house: number[][], houses: number): Clue {
  const attrs = house.length;
  const ref = (): Ref => [rng.int(0, attrs - 1), rng.int(0, houses - 1)];
  const h = (r: Ref) => house[r[0]]![r[1]]!;
  for (;;) {
    const kind = rng.pick([
      'found_at',
      'not_at',
      'same',
      'same',
      'not_same',
      'left_of',
      'somewhere_left',
      'next_to',
      'one_between',
    ] as const);
    const x = ref();
    if (kind === 'found_at') return { kind, x, house: h(x) };
    if (kind === 'not_at') {
      const other = rng.int(0, houses - 1);
      if (other !== h(x)) return { kind, x, house: other };
      continue;
    }
    const y = ref();
    if (x[0] === y[0]) continue; // two values of one attribute: trivially distinct houses
    const c = { kind, x, y } as Clue;
    if (clueHolds(c, h)) return c;
  }
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'];
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function clueText(c: Clue, cats: readonly Category[]): string {
  const d = (r: Ref) => cats[r[0]]!.describe(cats[r[0]]!.values[r[1]]!);
  switch (c.kind) {
    case 'found_at':
      return `${cap(d(c.x))} is in the ${ORDINALS[c.house]} house.`;
    case 'not_at':
      return `${cap(d(c.x))} is not in the ${ORDINALS[c.house]} house.`;
    case 'same':
      return `${cap(d(c.x))} is ${d(c.y)}.`;
    case 'not_same':
      return `${cap(d(c.x))} is not ${d(c.y)}.`;
    case 'left_of':
      return `${cap(d(c.x))} is directly left of ${d(c.y)}.`;
    case 'somewhere_left':
      return `${cap(d(c.x))} is somewhere to the left of ${d(c.y)}.`;
    case 'next_to':
      return `${cap(d(c.x))} and ${d(c.y)} are next to each other.`;
    case 'one_between':
      return `There is one house between ${d(c.x)} and ${d(c.y)}.`;
  }
}
