// The main table: models × families with ID, OOD and the gap (and OOD/ID over all families),
// intervals and tied-for-best marks, sortable by any column. Shown on the index and suite pages.
import type { Board, SplitCell, SuiteBoard, TieInfo } from '../../report/board.js';
import { estimateCell, jsonInterval } from '../cells.js';
import type { SiteContext } from '../context.js';
import { familyLabel } from '../../../generators/index.js';
import { html, join, type Raw } from '../html.js';
import { href, paths } from '../slug.js';
import { scatter, type ScatterPoint } from '../svg.js';

interface Group {
  key: string;
  label: string;
  to?: string;
  cells: Record<string, SplitCell>;
  ties: { id?: TieInfo; ood?: TieInfo };
  retention: boolean;
}

function groups(s: SuiteBoard): Group[] {
  const out: Group[] = [];
  if (s.families.length > 1)
    out.push({ key: 'all', label: 'All families', cells: s.overall, ties: s.overallTies, retention: true });
  for (const f of s.families) {
    out.push({
      key: f.family,
      label: familyLabel(f.family),
      to: paths.family(s.suite, f.family),
      cells: f.cells,
      ties: f.ties,
      retention: s.families.length === 1,
    });
  }
  return out;
}

export function mainTable(s: SuiteBoard, from: string, ctx?: SiteContext): Raw {
  const gs = groups(s);
  let col = 1;
  const subHeads: Raw[] = [html`<th class="first" data-col="0" data-type="text" scope="col">Model</th>`];
  for (const g of gs) {
    const names = g.retention ? ['ID', 'OOD', 'Gap', 'OOD/ID'] : ['ID', 'OOD', 'Gap'];
    names.forEach((n, i) => {
      const title =
        n === 'Gap'
          ? 'ID − OOD, points'
          : n === 'OOD/ID'
            ? 'retention: OOD accuracy / ID accuracy'
            : `${n} accuracy, %`;
      subHeads.push(
        html`<th class="num${i === 0 ? ' sep' : ''}" data-col="${col++}" title="${title}" scope="col">${n}</th>`,
      );
    });
  }
  const rows = s.models.map((m) => {
    const series = ctx?.seriesOf?.get(m);
    const cells: Raw[] = [
      html`<td class="first" data-v="${m}"><a href="${href(from, paths.model(m))}">${m}</a>${series ? html` <a class="series-link" href="${href(from, paths.series(series))}" title="training series ${series}">series</a>` : ''}${s.runs[m]?.partial ? html` <span class="note" title="no finished run: showing an unfinished one">(unfinished run)</span>` : ''}${unsupportedNote(s.runs[m]?.unsupported)}</td>`,
    ];
    for (const g of gs) {
      const c = g.cells[m]!;
      cells.push(estimateCell(c.id, { tie: g.ties.id, model: m, partial: c.partial, sep: true }));
      cells.push(estimateCell(c.ood, { tie: g.ties.ood, model: m, partial: c.partial }));
      cells.push(estimateCell(c.gap, { kind: 'gap', partial: c.partial }));
      if (g.retention) cells.push(estimateCell(c.retention, { kind: 'ratio', partial: c.partial }));
    }
    return html`<tr>${join(cells)}</tr>`;
  });
  const groupHead = html`<tr class="group"><th class="first"></th>${gs.map((g) => html`<th colspan="${g.retention ? 4 : 3}" scope="colgroup">${g.to ? html`<a href="${href(from, g.to)}">${g.label}</a>` : g.label}</th>`)}</tr>`;
  return html`<div class="table-wrap"><table class="sortable main"><thead>${groupHead}<tr>${join(subHeads)}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

export function mainTableJson(s: SuiteBoard): unknown {
  return s.models.map((m) => ({
    model: m,
    run: s.runs[m]?.id,
    ...Object.fromEntries(
      groups(s).map((g) => {
        const c = g.cells[m]!;
        return [
          g.key,
          {
            id: jsonInterval(c.id),
            ood: jsonInterval(c.ood),
            gap: jsonInterval(c.gap),
            retention: jsonInterval(c.retention),
            n: { id: c.id.n, ood: c.ood.n },
            partial: c.partial,
            tiedForBest: { id: g.ties.id?.tied.includes(m) ?? false, ood: g.ties.ood?.tied.includes(m) ?? false },
          },
        ];
      }),
    ),
  }));
}

export function scatterFor(
  ctx: SiteContext,
  models: readonly string[],
  cells: Record<string, SplitCell>,
  title: string,
): Raw {
  const points: ScatterPoint[] = models.map((m) => {
    const c = cells[m]!;
    return {
      name: m,
      colour: ctx.colour(m),
      x: c.id.estimate,
      xLow: c.id.low,
      xHigh: c.id.high,
      y: c.ood.estimate,
      yLow: c.ood.low,
      yHigh: c.ood.high,
    };
  });
  return scatter({ points, title });
}

export function tableNote(b: Board): Raw {
  const level = Math.round(b.options.level * 100);
  return html`<p class="note">Accuracy in %, ${level}% intervals below each number. ID and OOD are macro averages over
tasks (families weigh the same in "All families"); gap = ID − OOD in points; control tasks are never averaged.
▲ best in the column; ● statistically tied with it (paired test on shared items, Holm-adjusted across the table,
α = ${b.options.alpha}); † the model lacks some of the tasks. Click a column header to sort.</p>`;
}

/** "(2 tasks unsupported)" after a model that cannot take some tasks (e.g. image tasks, text-only model). */
function unsupportedNote(unsupported: Record<string, string> | undefined): Raw | string {
  const tasks = Object.keys(unsupported ?? {});
  if (!tasks.length) return '';
  const reasons = [...new Set(Object.values(unsupported!))].join('; ');
  return html` <span class="note" title="${reasons}: ${tasks.join(', ')}; not asked and in no average">(${tasks.length} task${tasks.length === 1 ? '' : 's'} unsupported)</span>`;
}
