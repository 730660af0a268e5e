import { describe, expect, it } from 'vitest';
import { fitLines, layoutTable, wrapText } from '../../src/report/terminal.js';

const widest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));

describe('wrapText', () => {
  it('wraps at spaces, keeps intervals whole, cuts only words longer than the width', () => {
    expect(wrapText('100.0 [83.9, 100.0] n=20', 14)).toEqual(['100.0', '[83.9, 100.0]', 'n=20']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('short', Infinity)).toEqual(['short']);
  });
});

describe('layoutTable', () => {
  const cells = [
    ['model', 'description', 'n'],
    ['m1', 'a fairly long description of the first model here', '12'],
    ['m2', 'short', '3'],
  ];

  it('keeps the natural layout when it fits', () => {
    const out = layoutTable(cells, [false, false, true], 200);
    expect(out.split('\n')).toHaveLength(4);
  });

  it('wraps text columns to fit, never numbers', () => {
    const out = layoutTable(cells, [false, false, true], 40);
    expect(widest(out)).toBeLessThanOrEqual(40);
    expect(out).toMatch(/ 12$/m);
    expect(out.replace(/\s+/g, ' ')).toMatch(/a fairly long description/);
  });

  it('falls back to one block per row when columns cannot fit', () => {
    const many = [
      ['task', ...Array.from({ length: 12 }, (_, i) => `model-${i}`)],
      ['t1', ...Array.from({ length: 12 }, () => '55.0 [40.1, 70.2]')],
    ];
    const out = layoutTable(many, [], 60);
    expect(widest(out)).toBeLessThanOrEqual(60);
    expect(out).toMatch(/^task t1$/m);
    expect(out).toMatch(/^ {2}model-11 +55\.0 \[40\.1, 70\.2\]$/m);
  });

  it('group headings span the table and set no column width', () => {
    const out = layoutTable(
      [
        ['task', 'n'],
        ['a-very-long-family-heading-name', ''],
        ['  t', '1'],
      ],
      [false, true],
      80,
    );
    expect(out.split('\n')[0]).toBe('task  n');
  });
});

describe('fitLines', () => {
  it('wraps long lines at the width, continuing indented', () => {
    const out = fitLines(`  ${'word '.repeat(30).trim()}`, 40);
    expect(widest(out)).toBeLessThanOrEqual(40);
    expect(
      out
        .split('\n')
        .slice(1)
        .every((l) => l.startsWith('    ')),
    ).toBe(true);
  });
});
