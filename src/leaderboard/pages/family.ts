// One family in one suite: summary with intervals and ties, accuracy against difficulty with the
// ID region shaded, the ID-vs-OOD scatter, per-axis and per-task breakdowns, the knob matrix, the
// family's own metrics (its summarizeDetails, per-check rates included), and links to item pages.
import type { FamilyBoard, SuiteBoard } from '../../report/board.js';
import type { SuiteData } from '../../report/data.js';
import { pctText as pct } from '../../report/format.js';
import { estimateCell, heatClass, jsonInterval } from '../cells.js';
import { shownKey, suitePair, type SiteContext } from '../context.js';
import { familyLabel, metricDescription } from '../../../generators/index.js';
import { html, join, type Raw } from '../html.js';
import { page } from '../layout.js';
import { href, paths } from '../slug.js';
import { legend, lineChart } from '../svg.js';
import { curveFor, matrixFor, matrixKey, type Curve, type Matrix } from '../views.js';
import { isPerCheckMetric, type FamilyMetricsBoard } from '../../scoreboard/index.js';
import { scatterFor } from './main-table.js';

export function familyPage(ctx: SiteContext, s: SuiteBoard, f: FamilyBoard): { html: string; json: unknown } {
  const path = paths.family(s.suite, f.family);
  const data = suitePair(ctx, s);
  const curve = curveFor(data, f.family, ctx.meta);
  const matrix = matrixFor(data, f.family, ctx.meta);
  const checks = ctx.checks.get(shownKey(s.suite, f.family));
  const models = s.models;
  const modelLink = (m: string) => html`<a href="${href(path, paths.model(m))}">${m}</a>`;

  const summary = html`<div class="table-wrap"><table class="sortable"><thead><tr>
<th class="first" data-col="0" data-type="text">Model</th><th class="num sep" data-col="1">ID</th><th class="num" data-col="2">OOD</th><th class="num" data-col="3" title="ID − OOD, points">Gap</th><th class="num" data-col="4" title="OOD / ID">OOD/ID</th><th class="num" data-col="5">ID items</th><th class="num" data-col="6">OOD items</th>
</tr></thead><tbody>${models.map((m) => {
    const c = f.cells[m]!;
    return html`<tr><td class="first" data-v="${m}">${modelLink(m)}</td>${estimateCell(c.id, { tie: f.ties.id, model: m, partial: c.partial, sep: true })}${estimateCell(c.ood, { tie: f.ties.ood, model: m, partial: c.partial })}${estimateCell(c.gap, { kind: 'gap' })}${estimateCell(c.retention, { kind: 'ratio' })}<td class="num">${c.id.n}</td><td class="num">${c.ood.n}</td></tr>`;
  })}</tbody></table></div>`;

  const charts: Raw[] = [];
  if (curve) charts.push(curveFigure(ctx, curve));
  charts.push(
    html`<figure class="small">${scatterFor(ctx, models, f.cells, `${familyLabel(f.family)}: OOD against ID accuracy`)}<figcaption>OOD against ID accuracy; below the dashed line the model loses accuracy out of distribution.</figcaption></figure>`,
  );

  const body = html`<h1>${familyLabel(f.family)} <span class="muted">· suite ${s.suite}</span></h1>
<p class="note">Family <code>${f.family}</code>: ${f.tasks.filter((t) => t.split === 'id').length} ID tasks, ${f.tasks.filter((t) => t.split === 'ood' && !t.control).length} OOD tasks on axes ${f.axes.join(', ') || '—'}${f.controlTasks.length ? `, ${f.controlTasks.length} control tasks (shown, never averaged)` : ''}.
Accuracy in %, 95% intervals; ▲ best, ● tied with the best (Holm-adjusted within each table).</p>
${summary}
<div class="charts">${charts}</div>
${legend(models.map((m) => ({ name: m, colour: ctx.colour(m), href: href(path, paths.model(m)) })))}
${axesSection(f, models, modelLink)}
${matrix ? matrixSection(matrix, models) : ''}
${checks ? metricsSection(f.family, checks, models) : ''}
${tasksSection(ctx, s, data, f, path)}`;

  const json = {
    suite: s.suite,
    family: f.family,
    label: familyLabel(f.family),
    summary: models.map((m) => ({
      model: m,
      id: jsonInterval(f.cells[m]!.id),
      ood: jsonInterval(f.cells[m]!.ood),
      gap: jsonInterval(f.cells[m]!.gap),
      retention: jsonInterval(f.cells[m]!.retention),
      n: { id: f.cells[m]!.id.n, ood: f.cells[m]!.ood.n },
      partial: f.cells[m]!.partial,
    })),
    ties: f.ties,
    curve: curve
      ? {
          knob: curve.knob,
          where: curve.where,
          binned: curve.binned,
          idRange: curve.idRange,
          series: Object.fromEntries(
            Object.entries(curve.series).map(([m, pts]) => [
              m,
              pts.map((p) => ({ x: p.x, correct: p.k, n: p.n, accuracy: jsonInterval(p.accuracy) })),
            ]),
          ),
        }
      : null,
    axes: models.map((m) => ({
      model: m,
      id: jsonInterval(f.cells[m]!.id),
      ...Object.fromEntries(
        f.axes.map((a) => [
          a,
          { ood: jsonInterval(f.axisCells[m]?.[a]?.ood), gap: jsonInterval(f.axisCells[m]?.[a]?.gap) },
        ]),
      ),
    })),
    matrix: matrix
      ? {
          rows: matrix.rowKnob,
          cols: matrix.colKnob,
          rowValues: matrix.rows,
          colValues: matrix.cols,
          cells: Object.fromEntries(
            models.map((m) => [
              m,
              Object.entries(matrix.cells[m] ?? {}).map(([k, c]) => {
                const [r, col] = k.split('\u0000');
                return { row: r, col, correct: c.k, n: c.n, accuracy: jsonInterval(c.accuracy) };
              }),
            ]),
          ),
        }
      : null,
    checks: checks ?? null,
    tasks: f.tasks.map((t) => ({
      ...t,
      tie: f.taskTies[t.id] ?? null,
      models: Object.fromEntries(
        Object.entries(f.taskCells[t.id] ?? {}).map(([m, c]) => [
          m,
          {
            n: c.n,
            errors: c.errors,
            accuracy: jsonInterval(c.accuracy),
            meanScore: Number.isFinite(c.meanScore) ? c.meanScore : null,
            unsupported: c.unsupported ?? null,
          },
        ]),
      ),
      itemPages: (ctx.shownItems.get(shownKey(s.suite, t.id)) ?? []).map((id) => paths.item(id)),
    })),
  };
  return {
    html: page(
      {
        path,
        title: `${familyLabel(f.family)} · ${s.suite}`,
        crumbs: [
          { label: 'Leaderboard', to: paths.index() },
          { label: `suite ${s.suite}`, to: paths.suite(s.suite) },
          { label: familyLabel(f.family) },
        ],
        generatedAt: ctx.generatedAt,
        json: true,
      },
      body,
    ),
    json,
  };
}

function curveFigure(ctx: SiteContext, curve: Curve): Raw {
  const series = Object.entries(curve.series).map(([m, pts]) => ({
    name: m,
    colour: ctx.colour(m),
    points: pts.map((p) => ({ x: p.x, y: p.accuracy.estimate, low: p.accuracy.low, high: p.accuracy.high, n: p.n })),
  }));
  const where = Object.entries(curve.where)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
  return html`<figure>${lineChart({ series, xs: curve.xs, xLabel: curve.knob + (curve.binned ? ' (binned)' : ''), idRange: curve.idRange, title: `accuracy against ${curve.knob}` })}
<figcaption>Accuracy against <code>${curve.knob}</code>, all non-control tasks pooled${where ? ` (items with ${where})` : ''}; the shaded band is the range seen in ID tasks. Whiskers: 95% Wilson intervals.</figcaption></figure>`;
}

function axesSection(f: FamilyBoard, models: readonly string[], link: (m: string) => Raw): Raw | string {
  if (f.axes.length + f.controlTasks.length === 0) return '';
  let col = 2;
  const heads = [
    ...f.axes.map(
      (a) =>
        html`<th class="num${col === 2 ? ' sep' : ''}" data-col="${col++}" title="${`OOD tasks on axis ${a}`}">${a}</th>`,
    ),
    ...f.controlTasks.map(
      (t) =>
        html`<th class="num${col === 2 ? ' sep' : ''}" data-col="${col++}" title="control task: not in any average">${t} <span class="note">(control)</span></th>`,
    ),
  ];
  const rows = models.map(
    (m) =>
      html`<tr><td class="first" data-v="${m}">${link(m)}</td>${estimateCell(f.cells[m]!.id, { sep: true })}${f.axes.map((a, i) => estimateCell(f.axisCells[m]?.[a]?.ood, { sep: i === 0, note: `gap to ID: ${gapText(f.axisCells[m]?.[a]?.gap.estimate)} points` }))}${f.controlTasks.map((t) => estimateCell(f.taskCells[t]?.[m]?.accuracy))}</tr>`,
  );
  return html`<h2>By axis</h2><p class="note">OOD accuracy on each axis (macro average over its tasks); hover a cell for its gap to ID. Control tasks state one rule and score another: a high score there means the model ignores the instruction.</p>
<div class="table-wrap"><table class="sortable"><thead><tr><th class="first" data-col="0" data-type="text">Model</th><th class="num sep" data-col="1">ID</th>${heads}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

const gapText = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? '—' : `${x > 0 ? '+' : ''}${(Math.round(x * 1000) / 10).toFixed(1)}`;

function matrixSection(mx: Matrix, models: readonly string[]): Raw {
  const tables = models
    .filter((m) => Object.keys(mx.cells[m] ?? {}).length)
    .map(
      (
        m,
      ) => html`<div><h3>${m}</h3><div class="table-wrap"><table><thead><tr><th class="first">${mx.rowKnob} \\ ${mx.colKnob}</th>${mx.cols.map((c) => html`<th class="num">${c}</th>`)}</tr></thead><tbody>
${mx.rows.map(
  (r) =>
    html`<tr><th class="first" scope="row">${r}</th>${mx.cols.map((c) => {
      const cell = mx.cells[m]![matrixKey(r, c)];
      return cell
        ? html`<td class="num ${heatClass(cell.accuracy.estimate)}" data-v="${cell.accuracy.estimate}" title="${`${cell.k} of ${cell.n} correct; 95% CI ${pct(cell.accuracy.low)}–${pct(cell.accuracy.high)}`}">${pct(cell.accuracy.estimate)}<span class="ci">n=${cell.n}</span></td>`
        : html`<td class="num muted">·</td>`;
    })}</tr>`,
)}</tbody></table></div></div>`,
    );
  return html`<h2>${mx.rowKnob} × ${mx.colKnob}</h2><p class="note">Accuracy (%) per combination of the two knobs, all non-control tasks pooled; hover for counts and intervals.</p><div class="matrices">${tables}</div>`;
}

/** A family metric: a rate (0..1) in %, anything else as a number. */
const metricText = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? '—' : x >= 0 && x <= 1 ? pct(x) : String(Math.round(x * 100) / 100);

function metricsSection(family: string, c: FamilyMetricsBoard, models: readonly string[]): Raw {
  const shown = models.flatMap((m) =>
    (['id', 'ood'] as const).flatMap((split) => (c[m]?.[split] ? [{ m, split, r: c[m]![split]! }] : [])),
  );
  const keys = [...new Set(shown.flatMap(({ r }) => Object.keys(r.metrics)))];
  const headline = keys.filter((k) => !isPerCheckMetric(k));
  const perCheck = keys.filter((k) => isPerCheckMetric(k) && !k.endsWith('.applicable'));
  const rows = shown.map(
    ({ m, split, r }) =>
      html`<tr><td class="first">${m}</td><td>${split.toUpperCase()}</td><td class="num">${r.answers}</td>${headline.map((k) => html`<td class="num">${metricText(r.metrics[k])}</td>`)}</tr>`,
  );
  const checkRows = perCheck.map(
    (k) =>
      html`<tr><td class="first mono">${k}</td>${models.map((m) =>
        join(
          (['id', 'ood'] as const).map((split) => {
            const x = c[m]?.[split]?.metrics[k];
            const applicable = c[m]?.[split]?.metrics[`${k}.applicable`];
            return x !== undefined && Number.isFinite(x)
              ? html`<td class="num ${heatClass(x)}" title="${applicable !== undefined ? `${Math.round(x * applicable)} of ${applicable} applicable` : 'pass rate'}">${pct(x)}</td>`
              : html`<td class="num muted">—</td>`;
          }),
        ),
      )}</tr>`,
  );
  const checks = perCheck.length
    ? html`<h3>Per check (pass rate over the answers it applies to, ID · OOD)</h3>
<div class="table-wrap"><table><thead><tr><th class="first">Check</th>${models.map((m) => html`<th class="num" colspan="2">${m}</th>`)}</tr></thead><tbody>${checkRows}</tbody></table></div>`
    : '';
  return html`<h2>Checks</h2><p class="note">The family's own metrics (its verifier's <code>summarizeDetails</code>, as in <code>bench run</code>), over the finished answers of each split pooled; control tasks left out.</p>
<div class="table-wrap"><table><thead><tr><th class="first">Model</th><th>Split</th><th class="num">Answers</th>${headline.map((k) => html`<th class="num" title="${metricDescription(family, k)}">${k}</th>`)}</tr></thead><tbody>${rows}</tbody></table></div>
${checks}`;
}

function tasksSection(ctx: SiteContext, s: SuiteBoard, data: SuiteData, f: FamilyBoard, path: string): Raw {
  const models = s.models;
  const heads = models.map((m, i) => html`<th class="num${i === 0 ? ' sep' : ''}" data-col="${4 + i}">${m}</th>`);
  const rows = f.tasks.map(
    (t) =>
      html`<tr><td class="first mono" data-v="${t.id}">${t.id}</td><td>${t.split}</td><td>${t.axis}</td><td class="num">${Math.max(0, ...Object.values(f.taskCells[t.id] ?? {}).map((c) => c.n))}</td>${models.map(
        (m, i) => {
          const c = f.taskCells[t.id]?.[m];
          if (c?.unsupported)
            return html`<td class="num unsupported${i === 0 ? ' sep' : ''}" title="${m} cannot take this task (${c.unsupported}): not asked, in no average">unsupported</td>`;
          return estimateCell(c?.accuracy, {
            tie: f.taskTies[t.id],
            model: m,
            sep: i === 0,
            note: c ? `n = ${c.n}${c.errors ? `, ${c.errors} errors` : ''}; mean score ${pct(c.meanScore)}` : undefined,
          });
        },
      )}</tr>`,
  );
  const items = f.tasks.map((t) => {
    const ids = ctx.shownItems.get(shownKey(s.suite, t.id)) ?? [];
    if (!ids.length) return '';
    const task = data.tasks.get(t.id)!;
    const pos = new Map(task.items.map((id, i) => [id, i]));
    return html`<tr><td class="first mono">${t.id}</td><td><div class="chips">${ids.map((id) => {
      const i = pos.get(id)!;
      const vals = models
        .map((m) => task.scores.get(m)?.[i])
        .filter((v): v is number => v !== undefined && !Number.isNaN(v));
      const share = vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : NaN;
      return html`<a class="${heatClass(share)}" href="${href(path, paths.item(id))}" title="${`item ${id}: ${vals.length ? `${Math.round(share * vals.length)} of ${vals.length} models correct` : 'no answers'}`}">${ctx.meta.get(id)?.index ?? '?'}</a>`;
    })}</div></td></tr>`;
  });
  return html`<h2>Tasks</h2><p class="note">Accuracy per task (%); ▲/● are decided per task with Holm across this table (exact McNemar on shared items).</p>
<div class="table-wrap"><table class="sortable"><thead><tr><th class="first" data-col="0" data-type="text">Task</th><th data-col="1" data-type="text">Split</th><th data-col="2" data-type="text">Axis</th><th class="num" data-col="3">Items</th>${heads}</tr></thead><tbody>${rows}</tbody></table></div>
<h2>Items</h2><p class="note">The first items of each task (by index), coloured by the share of models that got them right; each opens the prompt, the truth and every answer.</p>
<div class="table-wrap"><table><tbody>${items}</tbody></table></div>`;
}
