// One suite: its main table and scatter, its tasks, and the runs that stand for each model.
import type { SuiteBoard } from '../../report/board.js';
import { suitePair, type SiteContext } from '../context.js';
import { familyLabel } from '../../../generators/index.js';
import { html } from '../html.js';
import { page } from '../layout.js';
import { href, paths } from '../slug.js';
import { legend } from '../svg.js';
import { mainTable, mainTableJson, scatterFor, tableNote } from './main-table.js';

export function suitePage(ctx: SiteContext, s: SuiteBoard): { html: string; json: unknown } {
  const path = paths.suite(s.suite);
  const data = suitePair(ctx, s);
  const tasks = [...data.tasks.values()].map((t) => ({
    ...t.info,
    items: t.items.length,
    page: paths.family(s.suite, t.info.family),
  }));
  const runs = s.models.map((m) => ({ model: m, ...s.runs[m]! }));
  const body = html`<h1>Suite ${s.suite}</h1>
${s.warnings.map((w) => html`<p class="warning">${w}</p>`)}
${tableNote(ctx.board)}
${mainTable(s, path, ctx)}
<div class="charts"><figure class="small">${scatterFor(ctx, s.models, s.families.length > 1 ? s.overall : s.families[0]!.cells, `${s.suite}: OOD against ID accuracy`)}
<figcaption>OOD against ID accuracy; whiskers are 95% intervals.</figcaption></figure>
<div>${legend(s.models.map((m) => ({ name: m, colour: ctx.colour(m), href: href(path, paths.model(m)) })))}</div></div>
<h2>Families</h2>
<ul>${s.families.map((f) => html`<li><a href="${href(path, paths.family(s.suite, f.family))}">${familyLabel(f.family)}</a> <span class="muted">(${f.family}: ${f.tasks.length} tasks; OOD axes ${f.axes.join(', ') || 'none'})</span></li>`)}</ul>
<h2>Tasks</h2>
<div class="table-wrap"><table class="sortable"><thead><tr>
<th class="first" data-col="0" data-type="text">Task</th><th data-col="1" data-type="text">Family</th><th data-col="2" data-type="text">Split</th><th data-col="3" data-type="text">Axis</th><th class="num" data-col="4">Items</th>
</tr></thead><tbody>${tasks.map((t) => html`<tr><td class="first mono">${t.id}</td><td><a href="${href(path, t.page)}">${t.family}</a></td><td>${t.split}</td><td>${t.axis}${t.control ? html` <span class="note">(not averaged)</span>` : ''}</td><td class="num" data-v="${t.items}">${t.items}</td></tr>`)}</tbody></table></div>
<h2>Runs shown</h2>
<p class="note">${ctx.board.runSelection}.</p>
<div class="table-wrap"><table class="sortable"><thead><tr>
<th class="first" data-col="0" data-type="text">Model</th><th data-col="1" data-type="text">Run</th><th data-col="2" data-type="text">Status</th><th data-col="3" data-type="text">Started</th><th class="num" data-col="4">Scored</th><th class="num" data-col="5">Errors</th><th class="num" data-col="6">Samples</th><th data-col="7" data-type="text">Suite version</th>
</tr></thead><tbody>${runs.map((r) => html`<tr><td class="first"><a href="${href(path, paths.model(r.model))}">${r.model}</a></td><td class="mono">${r.id}</td><td>${r.status}${r.partial ? ' (unfinished)' : ''}</td><td>${r.startedAt}</td><td class="num">${r.scored}</td><td class="num">${r.errors}</td><td class="num">${r.samples}</td><td class="mono">${r.suiteVersion} · ${r.suiteHash.slice(0, 12)}</td></tr>`)}</tbody></table></div>`;
  return {
    html: page(
      {
        path,
        title: `Suite ${s.suite}`,
        crumbs: [{ label: 'Leaderboard', to: paths.index() }, { label: `suite ${s.suite}` }],
        generatedAt: ctx.generatedAt,
        json: true,
      },
      body,
    ),
    json: { suite: s.suite, warnings: s.warnings, table: mainTableJson(s), tasks, runs },
  };
}
