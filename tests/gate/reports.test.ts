import { beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { gate, type GateResult } from '../../src/gate/gate.js';
import { mergeGates } from '../../src/gate/config.js';
import { code, renderMarkdown, text } from '../../src/gate/markdown.js';
import { renderJUnit, xmlEscape } from '../../src/gate/junit.js';
import { toySuite } from '../helpers/toy.js';
import { bucket, isOod, scripted } from './helpers.js';

const NASTY = 'mock:<script>alert(1)</script>|`x`&amp;\u0001\u001b[31m';

async function mixedResult(): Promise<GateResult> {
  // One regression (task 'hard'), one pass (ID), one inconclusive (the small task).
  const suite = toySuite([
    { id: 'easy', split: 'id', n: 200, max: 99 },
    { id: 'hard', split: 'ood', n: 400, max: 999 },
    { id: 'tiny|<b>', split: 'ood', n: 20, max: 99, seed: 3 },
  ]);
  const { result } = await gate({
    suite,
    store: Store.open(':memory:'),
    config: mergeGates({ splits: ['id'], perTask: true }),
    baseline: { kind: 'model', model: scripted(NASTY, () => false) },
    candidate: {
      kind: 'model',
      model: scripted('mock:cand', (p) => isOod(p) && Number(/(\d+) \+/.exec(p)![1]) > 99 && bucket(p) < 30),
    },
  });
  return result!;
}

describe('gate reports', () => {
  let r: GateResult;
  beforeAll(async () => {
    r = await mixedResult();
  });

  it('Markdown: the verdict, one row per gating check, what would decide, and nothing injected', () => {
    expect(r.verdict).toBe('regression');
    const md = renderMarkdown(r);
    expect(md.split('\n')[0]).toBe('## ❌ genbench gate: regression');
    const rows = md
      .split('<details>')[0]!
      .split('\n')
      .filter((l) => /^\| (✅|❌|⚠️) \|/.test(l));
    expect(rows.map((l) => l.split(' | ')[0])).toEqual(['| ✅', '| ✅', '| ❌', '| ⚠️']);
    // Every table row has the same number of cells: a '|' in a name does not add one.
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    for (const l of md.split('\n').filter((x) => x.startsWith('|'))) expect(cells(l)).toBe(12);
    expect(md).toMatch(/about [\d,]+ items would decide it \(now 20\)/);
    // Names are code spans (rendered literally); outside them no markup survives.
    expect(md).toContain('`mock:<script>alert(1)</script>\\|`');
    const outsideCode = md.replace(/(`+)[^`]*?(?:`(?!\1)[^`]*?)*\1/g, '');
    expect(outsideCode).not.toMatch(/<script>|<b>/);
    expect(md).not.toMatch(/[\u0000-\u0009\u001b]/);
    expect(md).toContain('Not gating');
  });

  it('JUnit: failures and skips per check, every string escaped, no characters XML forbids', () => {
    const xml = renderJUnit(r);
    expect(xml).toMatch(/<testsuites name="genbench gate" tests="4" failures="1" skipped="1" errors="0">/);
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml).toMatch(/<failure type="regression" message="accuracy change on task hard: -[\d.]+ pt/);
    expect(xml).toMatch(/<skipped message="inconclusive: accuracy change on task tiny\|&lt;b&gt;/);
    expect(xml).toContain('value="mock:&lt;script&gt;alert(1)&lt;/script&gt;|`x`&amp;amp;\ufffd\ufffd[31m"');
    // Outside tags, no raw markup characters from the data; inside, only well-formed attributes.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    for (const tag of xml.match(/<[^>]*>/g)!)
      expect(tag).toMatch(/^<(\?xml [^<]*\?|\/?[a-z-]+( [a-zA-Z]+="[^"<]*")*\/?)>$/);
  });

  it('escapes single values', () => {
    expect(xmlEscape(`a<b>&"c'\ud800`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;\ufffd');
    expect(xmlEscape('😀')).toBe('😀');
    expect(code('a|b`c')).toBe('``a\\|b`c``');
    expect(code('`x')).toBe('`` `x ``');
    expect(text('see http://x.y and <img src=x> & [link](u) p <0.001')).toBe(
      'see http:\u2060//x.y and &#60;img src=x> & \\[link\\](u) p <0.001',
    );
  });

  it('JSON: the full result, with non-finite numbers as null', () => {
    const parsed = JSON.parse(JSON.stringify(r));
    expect(parsed).toMatchObject({
      format: 'genbench-gate-result',
      formatVersion: 1,
      verdict: 'regression',
      exitCode: 10,
      level: 0.9,
    });
    expect(parsed.checks.find((c: { id: string }) => c.id === 'change:task:tiny|<b>').status).toBe('inconclusive');
    // A drop beyond the margin can never be shown within it: Infinity items, written as null.
    expect(r.checks.find((c) => c.id === 'change:task:hard')!.itemsToShow).toBe(Infinity);
    expect(parsed.checks.find((c: { id: string }) => c.id === 'change:task:hard').itemsToShow).toBeNull();
  });
});
