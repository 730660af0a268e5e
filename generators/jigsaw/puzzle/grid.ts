// The puzzle grid: m rows × n columns, positions numbered 1..m·n in row-major order (Jigsaw-R1's
// convention: "2x1" is two rows stacked, "1x2" two patches side by side).

export interface GridShape {
  rows: number;
  cols: number;
}

/** The largest side we accept; 8×8 = 64 patches is far past where models are at chance. */
export const MAX_SIDE = 8;

export const gridName = (g: GridShape): string => `${g.rows}x${g.cols}`;
export const cellCount = (g: GridShape): number => g.rows * g.cols;

/** 'MxN' (also 'M×N') → shape, or undefined when the text is not one. */
export function readGridName(text: string): GridShape | undefined {
  const m = /^\s*(\d+)\s*[x×X]\s*(\d+)\s*$/.exec(text);
  if (!m) return undefined;
  return { rows: Number(m[1]), cols: Number(m[2]) };
}

/** The same grid turned 90°: Jigsaw-R1's orientation augmentation (2x1 ⇄ 1x2). */
export const transposed = (g: GridShape): GridShape => ({ rows: g.cols, cols: g.rows });

/** 0-based row and column of a 1-based position. */
export function rowCol(position: number, g: GridShape): [number, number] {
  return [Math.floor((position - 1) / g.cols), (position - 1) % g.cols];
}

/** The 1..m·n index grid shown in the prompt (and the layout of a full answer). */
export function layoutGrid(values: readonly (number | string)[], g: GridShape): string {
  const rows: string[] = [];
  for (let r = 0; r < g.rows; r++) rows.push(values.slice(r * g.cols, (r + 1) * g.cols).join(' '));
  return rows.join('\n');
}

/** Where the first and last index sit, in the prompt's words. */
export function endNames(g: GridShape): [string, string] {
  if (g.rows === 1) return ['left', 'right'];
  if (g.cols === 1) return ['top', 'bottom'];
  return ['top-left', 'bottom-right'];
}
