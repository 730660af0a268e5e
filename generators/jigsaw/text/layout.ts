// Cutting a text picture into patches exactly as the image puzzles cut pixels (crop the bottom
// and right to multiples of the grid, m×n equal patches, pasted back shuffled), and showing it:
// as one picture with | and - between the patches ('grid'), or patch by patch ('list').
import { cellCount, type GridShape } from '../puzzle/grid.js';

export type TextLayout = 'grid' | 'list';
export const TEXT_LAYOUTS: readonly TextLayout[] = ['grid', 'list'];

const FENCE = '```';

export function cropLines(lines: readonly string[], g: GridShape): string[] {
  const width = Math.floor((lines[0]?.length ?? 0) / g.cols) * g.cols;
  const height = Math.floor(lines.length / g.rows) * g.rows;
  return lines.slice(0, height).map((l) => l.slice(0, width));
}

/** The lines of the patch at position p (1-based) of a cropped picture. */
export function patchAt(lines: readonly string[], g: GridShape, p: number): string[] {
  const pw = lines[0]!.length / g.cols;
  const ph = lines.length / g.rows;
  const row = Math.floor((p - 1) / g.cols);
  const col = (p - 1) % g.cols;
  return lines.slice(row * ph, (row + 1) * ph).map((l) => l.slice(col * pw, (col + 1) * pw));
}

/** Pastes `patches` (in position order) back into one picture. */
export function joinPatches(patches: readonly string[][], g: GridShape): string[] {
  const ph = patches[0]!.length;
  const out: string[] = [];
  for (let row = 0; row < g.rows; row++) {
    for (let y = 0; y < ph; y++)
      out.push(
        patches
          .slice(row * g.cols, (row + 1) * g.cols)
          .map((p) => p[y])
          .join(''),
      );
  }
  return out;
}

/** The shuffled picture: the patch at position X is original patch forward[X-1]. */
export function shuffleLines(lines: readonly string[], g: GridShape, forward: readonly number[]): string[] {
  return joinPatches(
    forward.map((from) => patchAt(lines, g, from)),
    g,
  );
}

/** The inverse of shuffleLines. */
export function reassembleLines(shuffled: readonly string[], g: GridShape, forward: readonly number[]): string[] {
  const patches: string[][] = new Array(cellCount(g));
  forward.forEach((from, x) => {
    patches[from - 1] = patchAt(shuffled, g, x + 1);
  });
  return joinPatches(patches, g);
}

/** The shuffled picture with '|' between patch columns and '-' (crossed by '+') between patch rows. */
export function renderGrid(shuffled: readonly string[], g: GridShape): string {
  const pw = shuffled[0]!.length / g.cols;
  const ph = shuffled.length / g.rows;
  const rule = Array.from({ length: g.cols }, () => '-'.repeat(pw)).join('+');
  const out: string[] = [];
  for (let row = 0; row < g.rows; row++) {
    if (row > 0) out.push(rule);
    for (let y = 0; y < ph; y++) {
      const line = shuffled[row * ph + y]!;
      out.push(Array.from({ length: g.cols }, (_, c) => line.slice(c * pw, (c + 1) * pw)).join('|'));
    }
  }
  return `${FENCE}\n${out.join('\n')}\n${FENCE}`;
}

/** Each patch in its own fenced block, labelled with its current position. */
export function renderList(shuffled: readonly string[], g: GridShape): string {
  return Array.from(
    { length: cellCount(g) },
    (_, i) => `Patch at position ${i + 1}:\n${FENCE}\n${patchAt(shuffled, g, i + 1).join('\n')}\n${FENCE}`,
  ).join('\n\n');
}

/**
 * Minimum evidence (issue 17): every patch shows at least this many non-space characters, and
 * every two patches differ in at least this many character cells. A blank or near-twin patch can
 * only be placed by elimination or by luck, so the picture is redrawn.
 */
export const TEXT_MIN_EVIDENCE = 3;

/** Why the patches of a cropped text picture give too little evidence, or undefined. */
export function weakTextEvidence(
  lines: readonly string[],
  g: GridShape,
  threshold = TEXT_MIN_EVIDENCE,
): string | undefined {
  const patches = Array.from({ length: cellCount(g) }, (_, i) => patchAt(lines, g, i + 1).join('\n'));
  for (const [i, p] of patches.entries()) {
    const ink = p.replace(/\s/g, '').length;
    if (ink < threshold)
      return `patch ${i + 1} has ${ink} non-space character${ink === 1 ? '' : 's'} (fewer than ${threshold})`;
  }
  for (let a = 0; a < patches.length; a++) {
    for (let b = a + 1; b < patches.length; b++) {
      let diff = 0;
      for (let k = 0; k < patches[a]!.length; k++) if (patches[a]![k] !== patches[b]![k]) diff++;
      if (diff < threshold)
        return `patches ${a + 1} and ${b + 1} differ in ${diff} character${diff === 1 ? '' : 's'} (fewer than ${threshold})`;
    }
  }
  return undefined;
}
