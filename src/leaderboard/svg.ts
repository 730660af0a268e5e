// Charts drawn at build time as inline SVG: no chart library, no script, nothing fetched at view
// time. Colours come from classes (c0 … c9) defined in the stylesheet for light and dark themes,
// because the Content Security Policy forbids inline style attributes.
import { html, join, type Raw } from './html.js';

export interface SeriesPoint {
  x: number | string;
  y: number;
  low: number;
  high: number;
  n: number;
}
export interface Series {
  name: string;
  colour: number;
  points: SeriesPoint[];
}

const W = 640,
  H = 340;
const M = { top: 16, right: 16, bottom: 46, left: 52 };
const PW = W - M.left - M.right,
  PH = H - M.top - M.bottom;
const pct = (y: number) => `${(y * 100).toFixed(1)}%`;
const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2).replace(/0+$/, ''));

/** Class of a series: colour from a palette of ten, dashed after the first ten. */
export const seriesClass = (i: number) => `c${i % 10}${i >= 10 ? ' dashed' : ''}`;

function yAxis(y: (v: number) => number, label: string): Raw[] {
  const out: Raw[] = [];
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    out.push(html`<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${y(v)}" y2="${y(v)}"/>`);
    out.push(html`<text class="tick" x="${M.left - 6}" y="${y(v) + 4}" text-anchor="end">${v * 100}%</text>`);
  }
  out.push(
    html`<text class="axis-label" transform="translate(14 ${M.top + PH / 2}) rotate(-90)" text-anchor="middle">${label}</text>`,
  );
  return out;
}

/**
 * Accuracy against a knob: one line per model, Wilson whiskers, and the ID region shaded.
 * Numeric x is placed to scale; other x values are spread evenly in the given order.
 */
export function lineChart(opts: {
  series: Series[];
  xs: (number | string)[];
  xLabel: string;
  idRange: [number, number] | null;
  title: string;
}): Raw {
  const { xs } = opts;
  const numeric = xs.every((x) => typeof x === 'number');
  const nums = xs as number[];
  const lo = numeric ? Math.min(...nums) : 0,
    hi = numeric ? Math.max(...nums) : xs.length - 1;
  const span = hi - lo || 1;
  const pad = PW * 0.04;
  const xPos = (x: number | string) =>
    M.left + pad + (PW - 2 * pad) * ((numeric ? (x as number) - lo : xs.indexOf(x)) / span);
  const y = (v: number) => M.top + PH * (1 - v);
  const parts: Raw[] = [html`<title>${opts.title}</title>`, ...yAxis(y, 'accuracy')];
  if (opts.idRange && numeric) {
    // The band reaches halfway to the neighbouring x values, so a single ID value shows as a column.
    const step = xs.length > 1 ? Math.min(...nums.slice(1).map((v, i) => v - nums[i]!)) : span;
    const half = Math.max(6, ((PW - 2 * pad) * (step / span)) / 2);
    const x0 = Math.max(M.left, xPos(opts.idRange[0]) - half),
      x1 = Math.min(W - M.right, xPos(opts.idRange[1]) + half);
    parts.push(
      html`<rect class="id-band" x="${x0}" y="${M.top}" width="${x1 - x0}" height="${PH}"><title>in-distribution region</title></rect>`,
    );
    parts.push(html`<text class="id-label" x="${(x0 + x1) / 2}" y="${M.top + 12}" text-anchor="middle">ID</text>`);
  }
  const labelEvery = Math.ceil(xs.length / 14);
  xs.forEach((x, i) => {
    if (i % labelEvery !== 0) return;
    parts.push(
      html`<text class="tick" x="${xPos(x)}" y="${H - M.bottom + 16}" text-anchor="middle">${typeof x === 'number' ? fmt(x) : x}</text>`,
    );
  });
  parts.push(
    html`<text class="axis-label" x="${M.left + PW / 2}" y="${H - 8}" text-anchor="middle">${opts.xLabel}</text>`,
  );
  parts.push(html`<line class="axis" x1="${M.left}" x2="${W - M.right}" y1="${y(0)}" y2="${y(0)}"/>`);
  for (const s of opts.series) {
    const pts = s.points.map((p) => `${xPos(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join(' ');
    const marks = s.points.map(
      (p) =>
        html`<g class="point"><line class="whisker" x1="${xPos(p.x)}" x2="${xPos(p.x)}" y1="${y(p.low)}" y2="${y(p.high)}"/><circle cx="${xPos(p.x)}" cy="${y(p.y)}" r="3.5"/><title>${s.name} · ${opts.xLabel} ${typeof p.x === 'number' ? fmt(p.x) : p.x}: ${pct(p.y)} [${pct(p.low)}, ${pct(p.high)}], n = ${p.n}</title></g>`,
    );
    parts.push(
      html`<g class="series ${seriesClass(s.colour)}" data-series="${s.name}"><polyline points="${pts}"/>${marks}</g>`,
    );
  }
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${opts.title}">${join(parts)}</svg>`;
}

export interface ScatterPoint {
  name: string;
  colour: number;
  x: number;
  xLow: number;
  xHigh: number;
  y: number;
  yLow: number;
  yHigh: number;
}

/** OOD against ID accuracy, one point per model, with the diagonal of no loss. */
export function scatter(opts: { points: ScatterPoint[]; title: string }): Raw {
  const size = 340;
  const m = { top: 14, right: 14, bottom: 44, left: 52 };
  const p = size - m.left - m.right;
  const x = (v: number) => m.left + p * v;
  const y = (v: number) => m.top + p * (1 - v);
  const parts: Raw[] = [html`<title>${opts.title}</title>`];
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(
      html`<line class="grid" x1="${x(0)}" x2="${x(1)}" y1="${y(v)}" y2="${y(v)}"/><line class="grid" x1="${x(v)}" x2="${x(v)}" y1="${y(0)}" y2="${y(1)}"/>`,
    );
    parts.push(
      html`<text class="tick" x="${m.left - 6}" y="${y(v) + 4}" text-anchor="end">${v * 100}%</text><text class="tick" x="${x(v)}" y="${y(0) + 16}" text-anchor="middle">${v * 100}%</text>`,
    );
  }
  parts.push(
    html`<line class="diagonal" x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}"><title>OOD = ID: no loss out of distribution</title></line>`,
  );
  parts.push(
    html`<text class="axis-label" x="${m.left + p / 2}" y="${size - 6}" text-anchor="middle">ID accuracy</text>`,
  );
  parts.push(
    html`<text class="axis-label" transform="translate(14 ${m.top + p / 2}) rotate(-90)" text-anchor="middle">OOD accuracy</text>`,
  );
  for (const pt of opts.points) {
    if (!Number.isFinite(pt.x) || !Number.isFinite(pt.y)) continue;
    const cx = x(pt.x),
      cy = y(pt.y);
    const bar = (v: number, fallback: number) => (Number.isFinite(v) ? v : fallback);
    parts.push(html`<g class="series ${seriesClass(pt.colour)}" data-series="${pt.name}">
<line class="whisker" x1="${x(bar(pt.xLow, pt.x))}" x2="${x(bar(pt.xHigh, pt.x))}" y1="${cy}" y2="${cy}"/>
<line class="whisker" x1="${cx}" x2="${cx}" y1="${y(bar(pt.yLow, pt.y))}" y2="${y(bar(pt.yHigh, pt.y))}"/>
<circle cx="${cx}" cy="${cy}" r="5"/><title>${pt.name}: ID ${pct(pt.x)}, OOD ${pct(pt.y)}</title></g>`);
  }
  return html`<svg class="chart scatter" viewBox="0 0 ${size} ${size}" role="img" aria-label="${opts.title}">${join(parts)}</svg>`;
}

/** The colour key shared by a page's charts. */
export function legend(names: readonly { name: string; colour: number; href?: string }[]): Raw {
  return html`<ul class="legend">${names.map((n) => html`<li><span class="swatch ${seriesClass(n.colour)}"></span>${n.href ? html`<a href="${n.href}">${n.name}</a>` : n.name}</li>`)}</ul>`;
}
