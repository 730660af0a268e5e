// A character canvas for the text twin. Pictures never use the characters that draw patch borders
// or code fences (| - + `), so the layout around the patches is unambiguous.

export const RESERVED = new Set(['|', '-', '+', '`']);

export class CharCanvas {
  private readonly cells: string[][];

  constructor(
    readonly width: number,
    readonly height: number,
    fill = ' ',
  ) {
    this.cells = Array.from({ length: height }, () => Array<string>(width).fill(fill));
  }

  put(x: number, y: number, ch: string): void {
    const xi = Math.round(x);
    const yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= this.width || yi >= this.height) return;
    if (ch.length !== 1 || RESERVED.has(ch)) throw new Error(`CharCanvas: '${ch}' is not a picture character`);
    this.cells[yi]![xi] = ch;
  }

  get(x: number, y: number): string {
    return this.cells[y]?.[x] ?? ' ';
  }

  /** Draws `text` left to right from (x, y), clipped. */
  write(x: number, y: number, text: string): void {
    for (let i = 0; i < text.length; i++) if (text[i] !== '\u0000') this.put(x + i, y, text[i]!);
  }

  lines(): string[] {
    return this.cells.map((row) => row.join(''));
  }
}

/**
 * A straight line in characters that show its slope: '_' or '=' flat, '!' upright, '\' and '/'
 * diagonal. Cells are about twice as tall as wide, which the slope test accounts for.
 */
export function charLine(c: CharCanvas, x0: number, y0: number, x1: number, y1: number, flat = '='): void {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const visual = Math.abs(dy * 2) / Math.max(1e-9, Math.abs(dx)); // rise over run in square units
  const ch = visual < 0.5 ? flat : visual > 4 ? '!' : dx * dy > 0 ? '\\' : '/';
  const steps = Math.max(Math.abs(dx), Math.abs(dy), 1);
  for (let i = 0; i <= steps; i++) c.put(x0 + (dx * i) / steps, y0 + (dy * i) / steps, ch);
}
