// Every built-in generator declares its parameters (src/core/params.ts), and the declaration is what
// parseParams uses: its defaults are parseParams({})'s, and every shipped task parses the same.
import { describe, expect, it } from 'vitest';
import { familyOf, registry } from '../../generators/index.js';
import { loadSuite, shippedSuiteNames } from '../../src/suite/load.js';

const builtIns = [...registry.values()];
/** OMEGA maps its declared `level` to `levels` (and settings nest the part's params): not the same shape. */
const sameShape = (name: string) => !name.startsWith('omega/');

describe('declared params', () => {
  it('every built-in generator declares params with a doc for each field', () => {
    for (const g of builtIns) {
      expect(g.params, g.name).toBeDefined();
      const rows = g.params!.table();
      expect(rows.length, g.name).toBeGreaterThan(0);
      for (const r of rows) expect(r.doc, `${g.name} ${r.name}`).not.toBe('');
    }
  });

  it('the declared defaults are parseParams({})', () => {
    for (const g of builtIns.filter((x) => sameShape(x.name)))
      expect(g.params!.parse({}), g.name).toEqual(g.parseParams({}));
    for (const g of builtIns.filter((x) => familyOf(x) === 'omega'))
      expect(g.params!.parse({}), g.name).toEqual({ level: [1] });
  });

  it('every shipped task parses through the declaration to its params', () => {
    let checked = 0;
    for (const name of shippedSuiteNames()) {
      for (const t of loadSuite(name).tasks) {
        if (!sameShape(t.generator.name)) continue;
        expect(t.generator.params!.parse(t.rawParams), `${name}/${t.id}`).toEqual(t.params);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
