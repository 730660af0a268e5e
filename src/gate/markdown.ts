// The Markdown summary: for a PR comment or $GITHUB_STEP_SUMMARY, and what the terminal shows.
// Everything that came from outside (model specs, task and suite names, paths) goes through
// code() or text(), so a name cannot break the table or inject HTML or links.
import type { Check } from './checks.js';
import type { GateResult } from './gate.js';
import type { SideInfo } from './sides.js';
import { KIND_LABEL, count, estimateText, explain, pValue, sideValue, thresholdText } from './format.js';

const ICON = { pass: '✅', regression: '❌', inconclusive: '⚠️', info: '·' } as const;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A code span that survives any content: a fence longer than any backtick run, `|` escaped for tables. */
export function code(value: unknown): string {
  const s = String(value ?? '').replace(CONTROL, ' ');
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') || s === '' ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`.replace(/\|/g, '\\|');
}

/** Plain text with Markdown and HTML meaning removed. */
export function text(value: unknown): string {
  return (
    String(value ?? '')
      .replace(CONTROL, ' ')
      .replace(/[\\`*_[\]~|]/g, (c) => `\\${c}`)
      // Only what could start a tag or an entity: 'p <0.001' stays readable in a terminal.
      .replace(/<(?=[A-Za-z/!?])|&(?=#?\w+;)/g, (c) => `&#${c.charCodeAt(0)};`)
      // GFM turns bare URLs and www. into links; a zero-width joiner after the scheme stops it.
      .replace(/(https?):\/\//gi, '$1:\u2060//')
      .replace(/\bwww\./gi, 'www\u2060.')
  );
}

function describeSide(s: SideInfo): string {
  const from =
    s.source === 'file'
      ? `frozen file ${code(s.file)}`
      : s.source === 'run'
        ? `run ${code(s.runId)}`
        : `run ${code(s.runId)}${s.requests !== undefined ? `, ${count(s.requests)} requests now` : ''}`;
  return `${code(s.modelSpec)} (${from})`;
}

function scopeText(c: Check): string {
  return `${c.scopeType} ${code(c.scope)}`;
}

function row(c: Check): string {
  const p = c.gating ? c.pAdjusted : c.pWorse;
  return `| ${ICON[c.status]} | ${KIND_LABEL[c.kind]} | ${scopeText(c)} | ${sideValue(c, c.baseline)} | ${sideValue(c, c.candidate)} | ${estimateText(c)} | ${thresholdText(c)} | ${pValue(p)} | ${count(c.items)} | ${count(c.errors.baseline)} / ${count(c.errors.candidate)} |`;
}

const HEADER = (level: number, p: string) => [
  `| | check | scope | baseline | candidate | estimate [${Math.round(level * 100)}% CI] | threshold | ${p} | items | errors (baseline / candidate) |`,
  '|---|---|---|---|---|---|---|---:|---:|---:|',
];

/** Errors per side, always shown: a gate that hides them can pass a candidate that failed to answer. */
function errorLine(r: GateResult): string {
  const side = (e: { errors: number; planned: number }) =>
    `${count(e.errors)} of ${count(e.planned)} answers (${((100 * e.errors) / Math.max(1, e.planned)).toFixed(1)}%)`;
  return `Errors: candidate ${side(r.errors.candidate)}, counted as wrong answers; baseline ${side(r.errors.baseline)}, left out of the comparison.`;
}

export function renderMarkdown(r: GateResult): string {
  const gating = r.checks.filter((c) => c.gating);
  const context = r.checks.filter((c) => !c.gating);
  const alpha = r.config.alpha;
  const lines: string[] = [
    `## ${ICON[r.verdict]} genbench gate: ${r.verdict}`,
    '',
    `Candidate ${describeSide(r.candidate)} against baseline ${describeSide(r.baseline)} on suite ${code(r.suite.name)} v${text(r.suite.version)} (${code(r.suite.hash)}): ` +
      `${count(r.plan.items)} items in ${r.plan.tasks} tasks, ${r.plan.samples} sample${r.plan.samples === 1 ? '' : 's'} each.`,
    '',
    errorLine(r),
    '',
    ...HEADER(r.level, 'p (Holm)'),
    ...gating.map(row),
    '',
    `Each test is one-sided at α = ${alpha}; p is Holm-adjusted across the ${gating.length} gating check${gating.length === 1 ? '' : 's'}. ` +
      `Regression: significantly worse and the estimate beyond the threshold. Pass: the whole interval within the threshold. Otherwise inconclusive.`,
  ];
  // The table says why a check passed or failed; what it cannot say is how many items would
  // decide an inconclusive one.
  const undecided = gating.filter((c) => c.status === 'inconclusive');
  if (undecided.length) lines.push('', ...undecided.map((c) => `- ${explain(c, alpha, code)}`));
  if (context.length) {
    lines.push(
      '',
      `<details><summary>Not gating: ${context.length} more row${context.length === 1 ? '' : 's'} for context</summary>`,
      '',
      ...HEADER(r.level, 'p'),
      ...context.map(row),
      '',
      '</details>',
    );
  }
  if (r.notes.length) lines.push('', ...r.notes.map((n) => `> ${text(n)}`));
  return `${lines.join('\n')}\n`;
}
