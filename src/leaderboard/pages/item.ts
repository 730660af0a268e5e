// One item: prompt (text and images), truth, reference, and every shown model's answer with its
// verdict. All of it is untrusted text and reaches the page only escaped, inside <pre>.
import type { Message } from '../../core/types.js';
import type { ItemView } from '../views.js';
import type { SiteContext } from '../context.js';
import { html, type Raw } from '../html.js';
import { page } from '../layout.js';
import { href, paths } from '../slug.js';
import { replayTranscript, type ReplayableItem } from './transcript.js';

/** Long fields are cut so one runaway answer cannot make a page of megabytes. */
export const MAX_TEXT = 20_000;

export function clip(text: string, max = MAX_TEXT): { text: string; cut: number } {
  return text.length <= max ? { text, cut: 0 } : { text: text.slice(0, max), cut: text.length - max };
}

/** The most characters of verifier details (e.g. a multi-turn transcript) a JSON twin carries. */
export const MAX_JSON_DETAILS = 100_000;

/**
 * A JSON value for a page's twin, at most `max` characters once serialised: a value over the
 * limit becomes `{ clipped, json }` with the first `max` characters of its JSON (issue 21).
 */
export function clipJson(value: unknown, max = MAX_JSON_DETAILS): unknown {
  const text = JSON.stringify(value);
  if (text === undefined || text.length <= max) return value;
  return { clipped: text.length - max, json: text.slice(0, max) };
}

function pre(text: string): Raw {
  const c = clip(text);
  return html`<pre>${c.text}</pre>${c.cut ? html`<p class="note">… ${c.cut.toLocaleString('en-US')} more characters not shown (see the JSON or <code>bench show</code>).</p>` : ''}`;
}

export interface ItemImage {
  path: string;
  data: Buffer;
}

/** Turn by turn, with the board or state the model saw at each turn (multi-turn answers only). */
function transcriptOf(item: ReplayableItem, details: unknown): Raw | undefined {
  const replies = (details as { transcript?: unknown } | undefined)?.transcript;
  if (!Array.isArray(replies) || replies.length < 2 || !replies.every((r) => typeof r === 'string')) return undefined;
  const turns = replayTranscript(item, replies as string[]);
  if (!turns) return undefined;
  return html`<div class="transcript"><p class="note">${turns.length} turns: what the model was shown at each turn, then its reply.</p>${turns.map(
    (t) => html`<div class="turn"><h4>Turn ${t.turn}</h4>
<p class="muted">shown</p>${pre(t.prompt)}<p class="muted">reply</p>${pre(t.reply)}</div>`,
  )}</div>`;
}

/** Where an item is shown: the suite, task and family pages that link to it. */
export interface ItemPlace {
  suite: string;
  task: string;
  family: string;
}

export function itemPage(
  ctx: SiteContext,
  view: ItemView,
  places: readonly ItemPlace[] = [],
): { html: string; json: unknown; images: ItemImage[] } {
  const { item, answers } = view;
  const itemId = item.id;
  const path = paths.item(itemId);
  const images: ItemImage[] = [];
  const messages = item.messages.map((m: Message, mi) => {
    if (typeof m.content === 'string') return html`<h3>${m.role}</h3>${pre(m.content)}`;
    return html`<h3>${m.role}</h3>${m.content.map((p, pi) => {
      if (p.type === 'text') return pre(p.text);
      const ext = p.mediaType === 'image/png' ? 'png' : 'jpg';
      const file = paths.itemImage(itemId, mi, pi, ext);
      images.push({ path: file, data: Buffer.from(p.data, 'base64') });
      return html`<p><img class="prompt" src="${href(path, file)}" alt="${`prompt image ${pi + 1}`}"></p>`;
    })}`;
  });
  const verdictOf = (json: string | null): { reason?: string; parsed?: unknown; details?: unknown } => {
    try {
      return json ? JSON.parse(json) : {};
    } catch {
      return {};
    }
  };
  const answerBlocks = answers.map((a) => {
    const v = verdictOf(a.verdict);
    const status =
      a.status === 'error'
        ? html`<span class="verdict-bad">error</span> ${a.errorKind ?? ''}: ${a.errorMessage ?? ''}`
        : a.correct
          ? html`<span class="verdict-ok">correct</span>`
          : html`<span class="verdict-bad">wrong</span>${v.reason ? html`: ${clip(v.reason, 2000).text}` : ''}`;
    return html`<div class="answer"><h3><a href="${href(path, paths.model(a.modelSpec))}">${a.modelSpec}</a> <span class="muted">· ${a.task} · ${a.split} · sample ${a.sample}${a.turns > 1 ? ` · ${a.turns} turns` : ''}</span></h3>
<p>${status}${a.score !== null && a.status === 'ok' ? html` <span class="muted">(score ${a.score.toFixed(2)}${a.formatOk === 0 ? ', format not followed' : ''})</span>` : ''}</p>
${transcriptOf(item, v.details) ?? (a.output !== null ? pre(a.output) : html`<p class="muted">(no output)</p>`)}
${v.details !== undefined ? html`<details><summary>verifier details</summary>${pre(JSON.stringify(v.details, null, 2))}</details>` : ''}</div>`;
  });
  const knobs = Object.entries(item.difficulty);
  const body = html`<h1 class="mono">item ${item.id}</h1>
<dl class="kv"><dt>generator</dt><dd class="mono">${item.generator}@${item.generatorVersion}</dd><dt>family</dt><dd>${item.family}</dd>
<dt>seed · index</dt><dd class="mono">${item.seed} · ${item.index}</dd><dt>params</dt><dd class="mono">${JSON.stringify(item.params)}</dd>
${places.map((p) => html`<dt>shown in</dt><dd><a href="${href(path, paths.family(p.suite, p.family))}">suite ${p.suite} · ${p.family}</a> · task <span class="mono">${p.task}</span></dd>`)}
${knobs.map(([k, v]) => html`<dt>${k}</dt><dd class="mono">${String(v)}</dd>`)}</dl>
<h2>Prompt</h2>${messages}
<h2>Truth</h2>${pre(JSON.stringify(item.truth, null, 2))}
${item.reference !== undefined ? html`<h2>Reference answer</h2>${pre(item.reference)}` : ''}
<h2>Answers (${answers.length})</h2>${answerBlocks.length ? answerBlocks : html`<p class="muted">No shown run answered this item.</p>`}`;
  const json = {
    places,
    item: {
      id: item.id,
      generator: item.generator,
      generatorVersion: item.generatorVersion,
      family: item.family,
      seed: item.seed,
      index: item.index,
      params: item.params,
      difficulty: item.difficulty,
      truth: item.truth,
      reference: item.reference ?? null,
    },
    prompt: item.messages.map((m) => ({
      role: m.role,
      content:
        typeof m.content === 'string'
          ? clip(m.content).text
          : m.content.map((p) =>
              p.type === 'text' ? { type: 'text', text: clip(p.text).text } : { type: 'image', mediaType: p.mediaType },
            ),
    })),
    answers: answers.map((a) => {
      const v = verdictOf(a.verdict);
      return {
        ...a,
        output: a.output === null ? null : clip(a.output).text,
        verdict: {
          ...v,
          reason: v.reason === undefined ? undefined : clip(String(v.reason), 2000).text,
          parsed: clipJson(v.parsed, MAX_TEXT),
          details: clipJson(v.details),
        },
      };
    }),
  };
  return {
    html: page(
      {
        path,
        title: `item ${item.id}`,
        crumbs: [{ label: 'Leaderboard', to: paths.index() }, { label: `item ${item.id.slice(0, 8)}` }],
        generatedAt: ctx.generatedAt,
        json: true,
      },
      body,
    ),
    json,
    images,
  };
}
