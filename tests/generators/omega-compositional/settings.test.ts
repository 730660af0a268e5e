// Contract checks for the seven compositional settings, and the ID/OOD split they rest on.
import { describe, expect, it } from 'vitest';
import { compositionalSettings } from '../../../generators/omega/compositional/index.js';
import { registry, familyOf } from '../../../generators/index.js';
import { contractTests, items, truthOf } from './helpers.js';

describe('omega compositional settings', () => {
  it('registers seven settings with parts a, b, composed under family omega-compositional', () => {
    expect(compositionalSettings).toHaveLength(7);
    for (const g of compositionalSettings) {
      expect(registry.get(g.name)).toBe(g);
      expect(g.name).toMatch(/^omega\/compositional\/[a-z_]+$/);
      expect(familyOf(g)).toBe('omega-compositional');
      expect(Object.keys(g.setting.parts)).toEqual(['a', 'b', 'composed']);
      expect(g.setting.testParts).toEqual(['composed']);
    }
  });

  it('ID parts draw the two skill families, the OOD part draws neither (the knob is the part)', () => {
    for (const g of compositionalSettings) {
      const sources = (part: string) => new Set(items(g, part, 1, 3).map((p) => truthOf(p).source));
      const a = sources('a');
      const b = sources('b');
      const c = sources('composed');
      expect(a.size).toBe(1);
      expect(b.size).toBe(1);
      expect([...a][0]).not.toBe([...b][0]);
      expect([...c][0]).toBe(`compositional/${g.setting.setting}`);
    }
  });

  it('composed items come in several sizes', () => {
    for (const g of compositionalSettings) {
      const sizes = new Set(
        items(g, 'composed', [1, 2, 3], 24).map((p) =>
          JSON.stringify(
            Object.entries(p.difficulty)
              .filter(([k]) => k !== 'part' && k !== 'test' && k !== 'level')
              .map(([, v]) => v)
              .slice(0, 2),
          ),
        ),
      );
      expect(sizes.size).toBeGreaterThan(1);
    }
  });

  for (const g of compositionalSettings) contractTests(g, 4);
});
