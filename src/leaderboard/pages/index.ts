// The front page: every suite's main table with its ID-vs-OOD scatter.
import type { SiteContext } from '../context.js';
import { html } from '../html.js';
import { page } from '../layout.js';
import { href, paths } from '../slug.js';
import { legend } from '../svg.js';
import { mainTable, mainTableJson, scatterFor, tableNote } from './main-table.js';
import { comparePicker } from './explore.js';

export function indexPage(ctx: SiteContext): { html: string; json: unknown } {
  const path = paths.index();
  const { board } = ctx;
  const sections = board.suites.map(
    (s) => html`<section id="${`suite-${s.suite}`}">
<h2>Suite <a href="${href(path, paths.suite(s.suite))}">${s.suite}</a> <span class="muted">· ${s.models.length} model${s.models.length === 1 ? '' : 's'} · ${s.families.length} famil${s.families.length === 1 ? 'y' : 'ies'}</span></h2>
${s.warnings.map((w) => html`<p class="warning">${w}</p>`)}
${mainTable(s, path, ctx)}
${comparePicker(s.suite, s.models, path)}
<div class="charts"><figure class="small">${scatterFor(ctx, s.models, s.families.length > 1 ? s.overall : s.families[0]!.cells, `${s.suite}: OOD against ID accuracy`)}
<figcaption>OOD against ID accuracy (${s.families.length > 1 ? 'all families' : s.families[0]!.family}); below the dashed line the model loses accuracy out of distribution.</figcaption></figure>
<div>${legend(s.models.map((m) => ({ name: m, colour: ctx.colour(m), href: href(path, paths.model(m)) })))}</div></div>
</section>`,
  );
  const body = html`<h1>Generalization leaderboard</h1>
<p>ID is the distribution a checkpoint was trained on; OOD changes one knob at a time (scale, rules, format, wording, …).
The gap is what a model loses out of distribution. Every item is generated fresh from a seed and verified exactly.</p>
${board.suites.length ? tableNote(board) : html`<p>No runs yet: <code>bench run</code> fills the database.</p>`}
${sections}
<p class="note">Runs: ${board.runSelection}. Options: ${board.options.axis ? `OOD axis ${board.options.axis} only; ` : ''}seed ${board.options.seed}, ${board.options.resamples} bootstrap resamples.</p>`;
  return {
    html: page(
      { path, title: 'Leaderboard', crumbs: [{ label: 'Leaderboard' }], generatedAt: ctx.generatedAt, json: true },
      body,
    ),
    json: {
      generatedAt: board.generatedAt,
      runSelection: board.runSelection,
      options: board.options,
      suites: board.suites.map((s) => ({
        suite: s.suite,
        page: paths.suite(s.suite),
        warnings: s.warnings,
        table: mainTableJson(s),
      })),
    },
  };
}
