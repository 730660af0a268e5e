// Pages for exploring, built from the loaded suites only (no store queries): the item search over
// a static index, and a paired comparison page for every two models of a suite.
import { compareModels, type Comparison } from '../../scoreboard/compare.js';
import { pctText as pct } from '../../report/format.js';
import type { SiteContext } from '../context.js';
import { shownKey } from '../context.js';
import { html, type Raw } from '../html.js';
import { page } from '../layout.js';
import { href, paths, slug } from '../slug.js';

export const explorePaths = {
  search: () => 'search.html',
  /** The index as JSON, and the same wrapped in a script: file:// pages cannot fetch() JSON. */
  searchIndexJson: () => 'search-index.json',
  searchIndexJs: () => 'assets/search-index.js',
  compare: (suite: string, a: string, b: string) => `s/${slug(suite)}/compare/${slug(a)}--${slug(b)}.html`,
};

/** Compare pages are built for every pair while a suite has at most this many models. */
export const MAX_COMPARE_MODELS = 12;

export interface SearchIndex {
  models: string[];
  /** [suite, task, family, split, axis] */
  tasks: [string, string, string, string, string][];
  /** [item id, task index, score per model (null: not answered), item page path or null] */
  items: [string, number, (number | null)[], string | null][];
}

export function searchIndex(ctx: SiteContext): SearchIndex {
  const models = [...new Set(ctx.data.suites.flatMap((s) => s.models))].sort();
  const tasks: SearchIndex['tasks'] = [];
  const items: SearchIndex['items'] = [];
  for (const s of ctx.data.suites) {
    for (const t of s.tasks.values()) {
      const ti = tasks.push([s.name, t.info.id, t.info.family, t.info.split, t.info.axis]) - 1;
      const shown = new Set(ctx.shownItems.get(shownKey(s.name, t.info.id)) ?? []);
      t.items.forEach((id, i) => {
        const scores = models.map((m) => {
          const v = t.scores.get(m)?.[i];
          return v === undefined || Number.isNaN(v) ? null : Math.round(v * 1000) / 1000;
        });
        items.push([id, ti, scores, shown.has(id) ? paths.item(id) : null]);
      });
    }
  }
  return { models, tasks, items };
}

export function searchPage(ctx: SiteContext, index: SearchIndex): { html: string; json: unknown } {
  const path = explorePaths.search();
  const tasks = [...new Set(index.tasks.map((t) => t[1]))];
  const body = html`<h1>Search items</h1>
<p class="note">Every answered item (${index.items.length.toLocaleString('en-US')}), filtered in the page from <a href="${explorePaths.searchIndexJson()}">a static index</a>. A verdict is over the models that answered; "models disagree" keeps items some model got right and another wrong.</p>
<div class="filters" id="search-form">
<label>text <input type="search" id="q" placeholder="item id or task" autocomplete="off"></label>
<label>task <select id="task"><option value="">any</option>${tasks.map((t) => html`<option value="${t}">${t}</option>`)}</select></label>
<label>split <select id="split"><option value="">any</option><option value="id">ID</option><option value="ood">OOD</option></select></label>
<label>verdict <select id="verdict"><option value="">any</option><option value="correct">all correct</option><option value="wrong">all wrong</option><option value="some-wrong">some wrong</option></select></label>
<label>model <select id="model"><option value="">any</option>${index.models.map((m) => html`<option value="${m}">${m}</option>`)}</select></label>
<label><input type="checkbox" id="disagree"> models disagree</label>
</div>
<p id="count" class="note" aria-live="polite">Loading the index…</p>
<div class="table-wrap"><table id="results"><thead><tr><th class="first">item</th><th>task</th><th>split</th><th>axis</th>${index.models.map((m) => html`<th class="num">${m}</th>`)}</tr></thead><tbody></tbody></table></div>
<script src="${href(path, explorePaths.searchIndexJs())}" defer></script>
<script src="${href(path, 'assets/search.js')}" defer></script>`;
  return {
    html: page(
      {
        path,
        title: 'Search items',
        crumbs: [{ label: 'Leaderboard', to: paths.index() }, { label: 'search' }],
        generatedAt: ctx.generatedAt,
        json: true,
      },
      body,
    ),
    json: { index: explorePaths.searchIndexJson(), items: index.items.length, models: index.models },
  };
}

const pp = (x: number) =>
  Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(Math.round(x * 1000) / 10 || 0).toFixed(1)}` : '—';
const pval = (p: number) => (!Number.isFinite(p) ? '—' : p < 0.001 ? '<0.001' : p.toFixed(3));

function comparePage(ctx: SiteContext, c: Comparison): { html: string; json: unknown } {
  const path = explorePaths.compare(c.suite, c.a.modelSpec, c.b.modelSpec);
  const row = (
    r: Comparison['rows'][number],
  ): Raw => html`<tr class="${`scope-${r.scope}`}"><td class="first${r.scope === 'task' ? ' mono' : ''}">${r.name}</td><td class="num">${pct(r.a)}</td><td class="num">${pct(r.b)}</td>
<td class="num${r.pHolm < 0.05 ? ' lead' : ''}"><span class="est">${pp(r.diff.estimate)}</span><span class="ci">[${pp(r.diff.low)}, ${pp(r.diff.high)}]</span></td>
<td class="num">${pval(r.diff.p)}</td><td class="num">${pval(r.pHolm)}</td><td class="num">${r.diff.n}</td><td class="num">${r.diff.discordant}</td><td>${r.diff.method === 'mcnemar' ? 'McNemar' : r.diff.method}</td></tr>`;
  const body = html`<h1>${c.b.modelSpec} <span class="muted">vs</span> ${c.a.modelSpec}</h1>
<p>Suite <a href="${href(path, paths.suite(c.suite))}">${c.suite}</a>. B = <a href="${href(path, paths.model(c.b.modelSpec))}">${c.b.modelSpec}</a> (run <span class="mono">${c.b.runId}</span>), A = <a href="${href(path, paths.model(c.a.modelSpec))}">${c.a.modelSpec}</a> (run <span class="mono">${c.a.runId}</span>).
<a href="${href(path, explorePaths.compare(c.suite, c.b.modelSpec, c.a.modelSpec))}">Swap</a>.</p>
<p class="note">B − A in points on the items both answered, with 95% paired-bootstrap intervals. One task: exact McNemar; averages (macro over tasks, families weigh the same across a split): sign-flip randomization. p Holm-adjusted across all ${c.rows.length} rows. Same numbers as <code>bench compare</code>.</p>
<div class="table-wrap"><table class="sortable compare"><thead><tr><th class="first" data-col="0" data-type="text">scope</th><th class="num" data-col="1">A %</th><th class="num" data-col="2">B %</th><th class="num" data-col="3">B − A</th><th class="num" data-col="4">p</th><th class="num" data-col="5">p Holm</th><th class="num" data-col="6">shared</th><th class="num" data-col="7">differ</th><th data-col="8" data-type="text">test</th></tr></thead>
<tbody>${c.rows.map(row)}</tbody></table></div>
${c.unmatched.length ? html`<p class="note">Not compared (one side lacks them): ${c.unmatched.join(', ')}.</p>` : ''}`;
  return {
    html: page(
      {
        path,
        title: `${c.b.modelSpec} vs ${c.a.modelSpec}`,
        crumbs: [
          { label: 'Leaderboard', to: paths.index() },
          { label: `suite ${c.suite}`, to: paths.suite(c.suite) },
          { label: 'compare' },
        ],
        generatedAt: ctx.generatedAt,
        json: true,
      },
      body,
    ),
    json: c,
  };
}

/** Every ordered pair of models of every suite (up to MAX_COMPARE_MODELS models). */
export function comparePages(ctx: SiteContext): { path: string; page: { html: string; json: unknown } }[] {
  const out: { path: string; page: { html: string; json: unknown } }[] = [];
  const opts = {
    seed: ctx.board.options.seed,
    resamples: Math.min(ctx.board.options.resamples, 1000),
    permutations: Math.min(ctx.board.options.permutations, 1000),
  };
  for (const s of ctx.data.suites) {
    if (s.models.length < 2 || s.models.length > MAX_COMPARE_MODELS) continue;
    for (const a of s.models) {
      for (const b of s.models) {
        if (a === b) continue;
        out.push({ path: explorePaths.compare(s.name, a, b), page: comparePage(ctx, compareModels(s, a, b, opts)) });
      }
    }
  }
  return out;
}

/** The picker under a suite's main table: choose two rows' models, open their compare page. */
export function comparePicker(suite: string, models: readonly string[], from: string): Raw | string {
  if (models.length < 2 || models.length > MAX_COMPARE_MODELS) return '';
  const targets = models.flatMap((a) =>
    models.filter((b) => b !== a).map((b) => [a, b, href(from, explorePaths.compare(suite, a, b))]),
  );
  return html`<div class="compare-picker" data-pairs="${JSON.stringify(targets)}"><label>Compare A <select class="cmp-a">${models.map((m, i) => html`<option value="${m}"${i === 1 ? ' selected' : ''}>${m}</option>`)}</select></label>
<label>with B <select class="cmp-b">${models.map((m, i) => html`<option value="${m}"${i === 0 ? ' selected' : ''}>${m}</option>`)}</select></label>
<button type="button" class="cmp-go">Compare</button> <span class="note">paired, on shared items · <a href="${href(from, explorePaths.search())}">search items</a></span></div>`;
}
