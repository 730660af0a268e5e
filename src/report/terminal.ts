// Fitting text output to the terminal. Tables keep their wide layout when it fits (or under
// --wide); otherwise long cells wrap inside their column, and when even that cannot fit, each row
// becomes a short block of "header  value" lines. Machine formats (JSON, JSONL, Markdown) never
// come here.
import { terminalSafe } from '../core/escape.js';

let forceWide = false;

/** `--wide`: never fit, whatever the terminal. */
export function setWide(wide: boolean): void {
  forceWide = wide;
}

/**
 * Columns available on stdout: the terminal's own width, else $COLUMNS, else no limit (a file or
 * pipe without $COLUMNS keeps the wide layout, so logs and greps see one row per line).
 */
export function outputWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  if (forceWide) return Infinity;
  if (stream.isTTY && stream.columns && stream.columns > 0) return stream.columns;
  const env = Number(process.env.COLUMNS);
  return Number.isInteger(env) && env > 0 ? env : Infinity;
}

/**
 * Words for wrapping: a space after a comma does not break, so "[80.1, 92.3]" stays whole, and
 * leading indentation stays with the first word.
 */
const words = (text: string) => text.split(/(?<=[^,\s]) /);

/** Greedy word wrap; a word longer than the width is cut. Always at least one line. */
export function wrapText(text: string, width: number): string[] {
  if (!Number.isFinite(width) || text.length <= width) return [text];
  const w = Math.max(1, Math.floor(width));
  const lines: string[] = [];
  let line = '';
  for (const word of words(text)) {
    let rest = word;
    if (line && line.length + 1 + rest.length <= w) {
      line += ` ${rest}`;
      continue;
    }
    if (line) lines.push(line);
    while (rest.length > w) {
      lines.push(rest.slice(0, w));
      rest = rest.slice(w);
    }
    line = rest;
  }
  lines.push(line);
  return lines;
}

/** Wraps every line of `text` wider than `width`, continuing at the line's own indentation (+2). */
export function fitLines(text: string, width: number = outputWidth()): string {
  if (!Number.isFinite(width)) return text;
  return text
    .split('\n')
    .flatMap((line) => {
      if (line.length <= width) return [line];
      const indent = /^ */.exec(line)![0].length;
      const pad = ' '.repeat(Math.min(indent + 2, Math.floor(width / 2)));
      const [first, ...rest] = wrapText(line.slice(indent), width - indent);
      const more = wrapText(rest.join(' '), width - pad.length).filter((l) => l !== '');
      return [' '.repeat(indent) + first!, ...more.map((l) => pad + l)];
    })
    .join('\n');
}

const GAP = 2;

/**
 * Lays out a table of already-escaped cells in at most `width` columns. Right-aligned (numeric)
 * columns never wrap; text columns shrink widest-first down to a floor of 8 characters.
 */
export function layoutTable(cells: string[][], rightAlign: boolean[], width: number): string {
  const cols = cells[0]!.length;
  // A row with only its first cell is a group heading: it spans the table and sets no width.
  const sized = cells.filter((r, k) => k === 0 || !isHeading(r));
  const natural = Array.from({ length: cols }, (_, i) => Math.max(...sized.map((r) => (r[i] ?? '').length)));
  const total = (ws: number[]) => ws.reduce((a, b) => a + b, 0) + GAP * (cols - 1);
  if (!Number.isFinite(width) || total(natural) <= width) return render(cells, rightAlign, natural, width);
  // First wrap between words only; cut words only when that is not enough.
  const longestWord = natural.map((w, i) =>
    rightAlign[i] ? w : Math.max(...sized.map((r) => Math.max(...words(r[i] ?? '').map((x) => x.length)))),
  );
  const hardFloor = natural.map((w, i) => (rightAlign[i] ? w : Math.min(w, 8)));
  if (total(hardFloor) > width) return records(cells, width);
  const floor = total(longestWord) <= width ? longestWord : hardFloor;
  const widths = [...natural];
  while (total(widths) > width) {
    let widest = -1;
    for (let i = 0; i < cols; i++)
      if (widths[i]! > floor[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    widths[widest]!--;
  }
  return render(cells, rightAlign, widths, width);
}

const isHeading = (r: string[]) => r.length > 1 && r.slice(1).every((c) => !c);

function render(cells: string[][], rightAlign: boolean[], widths: number[], width: number): string {
  const line = (r: string[], k: number) => {
    if (k > 0 && isHeading(r)) return wrapText(r[0]!, width).join('\n');
    const wrapped = widths.map((w, i) => wrapText(r[i] ?? '', w));
    const height = Math.max(...wrapped.map((c) => c.length));
    return Array.from({ length: height }, (_, k) =>
      wrapped
        .map((c, i) => (rightAlign[i] ? (c[k] ?? '').padStart(widths[i]!) : (c[k] ?? '').padEnd(widths[i]!)))
        .join(' '.repeat(GAP))
        .trimEnd(),
    ).join('\n');
  };
  return [
    line(cells[0]!, 0),
    widths.map((w) => '─'.repeat(w)).join(' '.repeat(GAP)),
    ...cells.slice(1).map((r) => line(r, 1)),
  ].join('\n');
}

/** The narrowest layout: one block per row, its first cell as a heading. */
function records(cells: string[][], width: number): string {
  const [header, ...rows] = cells;
  const label = Math.min(Math.max(...header!.slice(1).map((h) => h.length)), Math.floor(width / 3));
  const valueWidth = Math.max(1, width - 2 - label - GAP);
  return rows
    .map((r) => {
      // A row without a first cell continues the block above (e.g. a model's second family).
      const lines = r[0] ? wrapText(`${header![0]} ${r[0]}`, width) : [];
      for (let i = 1; i < r.length; i++) {
        if (!r[i]) continue;
        const name = wrapText(header![i]!, label);
        const value = wrapText(r[i]!, valueWidth);
        for (let k = 0; k < Math.max(name.length, value.length); k++) {
          lines.push(`  ${(name[k] ?? '').padEnd(label)}${' '.repeat(GAP)}${value[k] ?? ''}`.trimEnd());
        }
      }
      return lines.join('\n');
    })
    .join('\n');
}

/** Left-aligned text columns, right-aligned numbers, fitted to `width` (default: the terminal's). */
export function textTable(
  header: string[],
  rows: string[][],
  rightAlign: boolean[] = [],
  width: number = outputWidth(),
): string {
  const cells = [header, ...rows].map((r) => header.map((_, i) => terminalSafe(r[i] ?? '')));
  return layoutTable(cells, rightAlign, width);
}

/** Under this many columns tables switch to their compact layout (grouped rows, fewer columns). */
export const COMPACT_BELOW = 100;
