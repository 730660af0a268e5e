// One model: its numbers in every suite, and every run of it with settings, tokens, latency and
// (given a price table) cost.
import type { RunInfo } from '../../report/data.js';
import { estimateCell, jsonInterval } from '../cells.js';
import { priceFor, type SiteContext } from '../context.js';
import { familyLabel } from '../../../generators/index.js';
import { html } from '../html.js';
import { page } from '../layout.js';
import { href, paths } from '../slug.js';

function duration(r: RunInfo): string {
  if (!r.endedAt) return '—';
  const s = (Date.parse(r.endedAt) - Date.parse(r.startedAt)) / 1000;
  return s < 120 ? `${s.toFixed(1)} s` : s < 7200 ? `${(s / 60).toFixed(1)} min` : `${(s / 3600).toFixed(1)} h`;
}

export function modelPage(ctx: SiteContext, model: string): { html: string; json: unknown } {
  const path = paths.model(model);
  const runs = ctx.data.runs.filter((r) => r.modelSpec === model);
  const price = priceFor(ctx.prices, model);
  const runRows = runs.map((r) => {
    const [p50 = null, p95 = null] = ctx.latency.get(r.id) ?? [];
    const cost = price ? (r.inputTokens * price.input + r.outputTokens * price.output) / 1e6 : null;
    return {
      id: r.id,
      suite: r.suiteName,
      status: r.status,
      shown: r.chosen,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      duration: duration(r),
      samples: r.samples,
      sampling: safeJson(r.sampling),
      harnessVersion: r.harnessVersion,
      suiteVersion: r.suiteVersion,
      planned: r.planned,
      scored: r.ok,
      errors: r.errors,
      cached: r.cached,
      inputTokens: r.inputTokens,
      outputTokens: r.outputTokens,
      latencyMeanMs: r.latencyCount ? r.latencySum / r.latencyCount : null,
      latencyP50Ms: p50,
      latencyP95Ms: p95,
      costUsd: cost,
      identity: r.modelIdentity,
    };
  });
  const suites = ctx.board.suites.filter((s) => s.models.includes(model));
  const summary = suites.map(
    (s) => html`<h3><a href="${href(path, paths.suite(s.suite))}">Suite ${s.suite}</a></h3>
<div class="table-wrap"><table><thead><tr><th class="first">Family</th><th class="num sep">ID</th><th class="num">OOD</th><th class="num">Gap</th><th class="num">OOD/ID</th></tr></thead><tbody>
${s.families.length > 1 ? html`<tr><td class="first">All families</td>${estimateCell(s.overall[model]!.id, { tie: s.overallTies.id, model, sep: true })}${estimateCell(s.overall[model]!.ood, { tie: s.overallTies.ood, model })}${estimateCell(s.overall[model]!.gap, { kind: 'gap' })}${estimateCell(s.overall[model]!.retention, { kind: 'ratio' })}</tr>` : ''}
${s.families.map((f) => html`<tr><td class="first"><a href="${href(path, paths.family(s.suite, f.family))}">${familyLabel(f.family)}</a></td>${estimateCell(f.cells[model]!.id, { tie: f.ties.id, model, sep: true })}${estimateCell(f.cells[model]!.ood, { tie: f.ties.ood, model })}${estimateCell(f.cells[model]!.gap, { kind: 'gap' })}${estimateCell(f.cells[model]!.retention, { kind: 'ratio' })}</tr>`)}
</tbody></table></div>`,
  );
  const num = (x: number | null, digits = 0) =>
    x === null || !Number.isFinite(x)
      ? '—'
      : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const body = html`<h1 class="mono">${model}</h1>
${ctx.seriesOf?.get(model) ? html`<p>Training series: <a class="series-link" href="${href(path, paths.series(ctx.seriesOf.get(model)!))}">${ctx.seriesOf.get(model)!}</a></p>` : ''}
<p class="note">Identity: <code>${runs[0]?.modelIdentity ?? ''}</code>. ▲ best, ● tied with the best in that column of the suite's table.</p>
${summary}
<h2>Runs</h2>
<p class="note">Shown = the run that stands for this model in its suite (${ctx.board.runSelection}).${price ? '' : ' Cost needs a price table (bench leaderboard --prices).'}</p>
<div class="table-wrap"><table class="sortable"><thead><tr>
<th class="first" data-col="0" data-type="text">Run</th><th data-col="1" data-type="text">Suite</th><th data-col="2" data-type="text">Status</th><th data-col="3" data-type="text">Started</th><th class="num" data-col="4" data-type="text">Duration</th>
<th class="num" data-col="5">Scored</th><th class="num" data-col="6">Errors</th><th class="num" data-col="7">Cached</th><th class="num" data-col="8">Input tokens</th><th class="num" data-col="9">Output tokens</th>
<th class="num" data-col="10">Latency mean (ms)</th><th class="num" data-col="11">p50</th><th class="num" data-col="12">p95</th><th class="num" data-col="13">Cost (USD)</th><th data-col="14" data-type="text">Settings</th>
</tr></thead><tbody>${runRows.map(
    (
      r,
    ) => html`<tr><td class="first mono">${r.id}${r.shown ? html` <span class="tie" title="shown on the leaderboard">▲</span>` : ''}</td><td>${r.suite}</td><td>${r.status}</td><td>${r.startedAt}</td><td class="num">${r.duration}</td>
<td class="num" data-v="${r.scored}">${num(r.scored)}</td><td class="num" data-v="${r.errors}">${num(r.errors)}</td><td class="num" data-v="${r.cached}">${num(r.cached)}</td><td class="num" data-v="${r.inputTokens}">${num(r.inputTokens)}</td><td class="num" data-v="${r.outputTokens}">${num(r.outputTokens)}</td>
<td class="num" data-v="${r.latencyMeanMs ?? ''}">${num(r.latencyMeanMs)}</td><td class="num" data-v="${r.latencyP50Ms ?? ''}">${num(r.latencyP50Ms)}</td><td class="num" data-v="${r.latencyP95Ms ?? ''}">${num(r.latencyP95Ms)}</td><td class="num" data-v="${r.costUsd ?? ''}">${r.costUsd === null ? '—' : num(r.costUsd, 2)}</td>
<td class="mono">samples ${r.samples}; ${JSON.stringify(r.sampling)}; harness ${r.harnessVersion}; suite v${r.suiteVersion}</td></tr>`,
  )}</tbody></table></div>`;
  return {
    html: page(
      {
        path,
        title: model,
        crumbs: [{ label: 'Leaderboard', to: paths.index() }, { label: 'model' }],
        generatedAt: ctx.generatedAt,
        json: true,
      },
      body,
    ),
    json: {
      model,
      runs: runRows,
      suites: suites.map((s) => ({
        suite: s.suite,
        all:
          s.families.length > 1
            ? {
                id: jsonInterval(s.overall[model]!.id),
                ood: jsonInterval(s.overall[model]!.ood),
                gap: jsonInterval(s.overall[model]!.gap),
                retention: jsonInterval(s.overall[model]!.retention),
              }
            : null,
        families: Object.fromEntries(
          s.families.map((f) => [
            f.family,
            {
              id: jsonInterval(f.cells[model]!.id),
              ood: jsonInterval(f.cells[model]!.ood),
              gap: jsonInterval(f.cells[model]!.gap),
              retention: jsonInterval(f.cells[model]!.retention),
            },
          ]),
        ),
      })),
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
