// One training series: ID and OOD accuracy against training step (overall and per family), 95%
// intervals, the step with the best OOD accuracy marked, and a table of every checkpoint.
import type { SplitCell } from '../../report/board.js';
import type { SeriesBoard, SeriesPoint } from '../../report/series.js';
import { estimateCell, jsonInterval } from '../cells.js';
import type { SiteContext } from '../context.js';
import { familyLabel } from '../../../generators/index.js';
import { html, type Raw } from '../html.js';
import { page } from '../layout.js';
import { href, paths } from '../slug.js';
import { legend, lineChart, type Series } from '../svg.js';

const ID_COLOUR = 0,
  OOD_COLOUR = 1,
  BEST_COLOUR = 3;

function chart(b: SeriesBoard, cellOf: (p: SeriesPoint) => SplitCell | undefined, title: string): Raw {
  const pts = b.points.filter((p) => p.step !== null && cellOf(p));
  const line = (name: string, colour: number, pick: (c: SplitCell) => SplitCell['id']): Series => ({
    name,
    colour,
    points: pts
      .map((p) => ({ c: pick(cellOf(p)!), x: p.step! }))
      .filter(({ c }) => Number.isFinite(c.estimate))
      .map(({ c, x }) => ({
        x,
        y: c.estimate,
        low: Number.isFinite(c.low) ? c.low : c.estimate,
        high: Number.isFinite(c.high) ? c.high : c.estimate,
        n: c.n ?? 0,
      })),
  });
  const series = [line('ID', ID_COLOUR, (c) => c.id), line('OOD', OOD_COLOUR, (c) => c.ood)];
  // The best OOD step of this chart, as a point of its own so it shows in the legend and the tooltip.
  const ood = series[1]!.points;
  const best = ood.reduce<(typeof ood)[number] | undefined>((a, p) => (!a || p.y > a.y ? p : a), undefined);
  if (best) series.push({ name: `best OOD (step ${best.x})`, colour: BEST_COLOUR, points: [best] });
  return lineChart({ series, xs: pts.map((p) => p.step!), xLabel: 'training step', idRange: null, title });
}

export function seriesPage(ctx: SiteContext, b: SeriesBoard): { html: string; json: unknown } {
  const path = paths.series(b.series);
  const keys = legend([
    { name: 'ID', colour: ID_COLOUR },
    { name: 'OOD', colour: OOD_COLOUR },
    { name: 'best OOD step', colour: BEST_COLOUR },
  ]);
  const families = b.families.length > 1 ? b.families : [];
  const rows = b.points.map(
    (
      p,
    ) => html`<tr${p === b.bestOod ? html` class="best-ood"` : ''}><td class="first num" data-v="${p.step ?? ''}">${p.step ?? '?'}${p === b.bestOod ? html` <span class="tie" title="best OOD accuracy of the series">▲ best OOD</span>` : ''}</td>
${estimateCell(p.overall.id, { sep: true })}${estimateCell(p.overall.ood)}${estimateCell(p.overall.gap, { kind: 'gap' })}
<td><a href="${href(path, paths.model(p.modelSpec))}">${p.modelSpec}</a></td><td class="mono">${p.fingerprint ?? '—'}</td><td>${p.status}</td></tr>`,
  );
  const body = html`<h1>Series <span class="mono">${b.series}</span></h1>
<p class="note">Suite <a href="${href(path, paths.suite(b.suite))}">${b.suite}</a>: ${b.points.length} checkpoints. ID and OOD accuracy (macro average over tasks) against training step, 95% intervals; gap = ID − OOD in points.${b.bestOod ? html` Best OOD: step ${b.bestOod.step ?? '?'}.` : ''}${b.otherSuites.length ? html` This series also has runs of ${b.otherSuites.join(', ')} (not shown).` : ''}</p>
${keys}
<figure class="series-chart" data-family="all"><figcaption>All families</figcaption>${chart(b, (p) => p.overall, `${b.series}: ID and OOD accuracy against step`)}</figure>
${families.length ? html`<h2>Per family</h2><div class="charts">${families.map((f) => html`<figure class="small series-chart" data-family="${f}"><figcaption>${familyLabel(f)}</figcaption>${chart(b, (p) => p.families[f], `${b.series}, ${f}: ID and OOD accuracy against step`)}</figure>`)}</div>` : ''}
<h2>Checkpoints</h2>
<div class="table-wrap"><table class="sortable series"><thead><tr><th class="first num" data-col="0">Step</th><th class="num sep" data-col="1">ID</th><th class="num" data-col="2">OOD</th><th class="num" data-col="3">Gap</th>
<th data-col="4" data-type="text">Model</th><th data-col="5" data-type="text">Fingerprint</th><th data-col="6" data-type="text">Status</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  const cellJson = (c: SplitCell) => ({ id: jsonInterval(c.id), ood: jsonInterval(c.ood), gap: jsonInterval(c.gap) });
  return {
    html: page(
      {
        path,
        title: `series ${b.series}`,
        crumbs: [{ label: 'Leaderboard', to: paths.index() }, { label: 'series' }],
        generatedAt: ctx.generatedAt,
        json: true,
      },
      body,
    ),
    json: {
      series: b.series,
      suite: b.suite,
      bestOodStep: b.bestOod?.step ?? null,
      points: b.points.map((p) => ({
        step: p.step,
        model: p.modelSpec,
        checkpoint: p.checkpoint,
        fingerprint: p.fingerprint,
        run: p.runId,
        status: p.status,
        all: cellJson(p.overall),
        families: Object.fromEntries(Object.entries(p.families).map(([f, c]) => [f, cellJson(c)])),
      })),
    },
  };
}
