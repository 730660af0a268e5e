// Table cells for estimates with intervals. Each numeric cell carries its value in data-v so the
// sorting script never parses formatted text.
import type { Interval } from '../stats/proportion.js';
import type { TieInfo } from '../report/board.js';
import { html, type Raw } from './html.js';

export type Kind = 'pct' | 'gap' | 'ratio';

function fmt(x: number, kind: Kind): string {
  if (kind === 'ratio' && x === Infinity) return '∞'; // unbounded retention: ID could be 0
  if (!Number.isFinite(x)) return '?';
  if (kind === 'ratio') return x.toFixed(2);
  const v = Math.round(x * 1000) / 10 || 0;
  return kind === 'gap' && v > 0 ? `+${v.toFixed(1)}` : v.toFixed(1);
}

export interface CellOptions {
  kind?: Kind;
  tie?: TieInfo;
  model?: string;
  partial?: boolean;
  sep?: boolean;
  /** Extra classes (e.g. heat colour). */
  cls?: string;
  note?: string;
}

export function estimateCell(e: Interval | undefined, o: CellOptions = {}): Raw {
  const kind = o.kind ?? 'pct';
  const classes = ['num', o.sep ? 'sep' : '', o.partial ? 'partial' : '', o.cls ?? ''];
  if (!e || !Number.isFinite(e.estimate)) return html`<td class="${classes.join(' ').trim()}">—</td>`;
  let mark: Raw | string = '';
  if (o.tie && o.model) {
    if (o.tie.leader === o.model) {
      classes.push('lead');
      mark = html`<span class="tie" title="best in this column">▲</span>`;
    } else if (o.tie.tied.includes(o.model)) {
      const p = o.tie.p[o.model];
      mark = html`<span class="tie" title="${`statistically tied with the best (paired test, Holm-adjusted p = ${p ? p.adjusted.toPrecision(2) : '?'})`}">●</span>`;
    }
  }
  const ci = Number.isFinite(e.low) || Number.isFinite(e.high) ? `${fmt(e.low, kind)} – ${fmt(e.high, kind)}` : '';
  const title =
    o.note ?? (o.partial ? 'covers only some of the tasks (the model lacks results for the others)' : undefined);
  return html`<td class="${classes.join(' ').replace(/\s+/g, ' ').trim()}" data-v="${e.estimate}"${title ? html` title="${title}"` : ''}><span class="est">${fmt(e.estimate, kind)}</span>${mark}${ci ? html`<span class="ci">${ci}</span>` : ''}</td>`;
}

/** Background class h0 … h10 by accuracy, for matrices. */
export function heatClass(x: number): string {
  return Number.isFinite(x) ? `h${Math.max(0, Math.min(10, Math.round(x * 10)))}` : '';
}

/** JSON form of an interval: numbers rounded to 4 decimals, missing values null. */
export function jsonInterval(
  e: Interval | undefined,
): { estimate: number | null; low: number | null; high: number | null } | null {
  if (!e) return null;
  const r = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : null);
  return { estimate: r(e.estimate), low: r(e.low), high: r(e.high) };
}
