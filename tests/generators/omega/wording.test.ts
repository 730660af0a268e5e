// Issue 17: article errors in generated prompts ("a equilateral triangle", "drives a Audi").
// Scans prompts of every OMEGA family at every level for "a" before a vowel-initial word and
// "an" before a consonant-initial one (single capital letters are point names: "point A").
import { describe, expect, it } from 'vitest';
import { omegaGenerators } from '../../../generators/omega/index.js';
import { items, promptOf } from './helpers.js';

/** Words whose spelling and sound disagree on the article. */
const SOUNDS_CONSONANT = /^(one|once|uni|use|usu|eu)/i;
const SOUNDS_VOWEL = /^(hour|honest)/i;

export function articleErrors(text: string): string[] {
  const bad: string[] = [];
  for (const m of text.matchAll(/(?<![\w.])(a|an|An) ([A-Za-z][\w-]*)/g)) {
    const [whole, art, word] = m as unknown as [string, string, string];
    if (/^[A-Z]$/.test(word)) continue; // a point name: "a triangle ABC", "point A"
    const vowel = /^[aeiou]/i.test(word);
    if (art.toLowerCase() === 'a' && vowel && !SOUNDS_CONSONANT.test(word)) bad.push(whole);
    if (art.toLowerCase() === 'an' && !vowel && !SOUNDS_VOWEL.test(word)) bad.push(whole);
  }
  return bad;
}

describe('articles in OMEGA prompts', () => {
  it('the checker itself catches the two reported errors and passes the right forms', () => {
    expect(articleErrors('Let ABC be a equilateral triangle; the person who drives a Audi')).toEqual([
      'a equilateral',
      'a Audi',
    ]);
    expect(articleErrors('an equilateral triangle, an Audi, a BMW, a unique car, point A in circle')).toEqual([]);
  });

  it('no family at any level writes "a" before a vowel or "an" before a consonant', () => {
    for (const g of omegaGenerators) {
      for (let level = 1; level <= g.omega.maxLevel; level++) {
        for (const p of items(g, level, 6, 'articles'))
          expect(articleErrors(promptOf(p)), `${g.name} level ${level}`).toEqual([]);
      }
    }
  });

  it('geometry_polygon says "an equilateral triangle", and zebra puzzles "drives an Audi"', () => {
    const texts = items('geometry_polygon', 1, 60, 'articles').map(promptOf).join('\n');
    expect(texts).toContain('be an equilateral triangle');
    const zebra = items('logic_zebralogic', 3, 60, 'articles').map(promptOf).join('\n');
    expect(zebra).toContain('drives an Audi');
  });
});
