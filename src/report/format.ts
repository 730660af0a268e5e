// `bench report` output: the board as terminal text or Markdown tables (JSON is the board
// itself). Model names and task ids are untrusted: text goes through terminalSafe (in
// textTable), Markdown cells are escaped for both Markdown and HTML.
import { terminalSafe } from '../core/escape.js';
import { COMPACT_BELOW, fitLines, outputWidth, textTable } from './terminal.js';
import type { Interval } from '../stats/proportion.js';
import type { Board, FamilyBoard, SplitCell, SuiteBoard, TieInfo, Weighting } from './board.js';

export type ReportFormat = 'text' | 'md' | 'json';

export interface ReportView {
  /** Include the per-task table. */
  tasks?: boolean;
}

/** Percent with one decimal; rounding noise around 0 (−0.0) prints as 0.0. */
export const pctText = (x: number) => (Number.isFinite(x) ? (Math.round(x * 1000) / 10 || 0).toFixed(1) : '—');
const signed = (x: number) => {
  if (!Number.isFinite(x)) return '—';
  const v = Math.round(x * 1000) / 10 || 0;
  return `${v >= 0 ? '+' : ''}${v.toFixed(1)}`;
};

/** "87.5 [80.1, 92.3]" (percent) or "—". */
export function pctInterval(i: Interval): string {
  if (!Number.isFinite(i.estimate)) return '—';
  return Number.isFinite(i.low)
    ? `${pctText(i.estimate)} [${pctText(i.low)}, ${pctText(i.high)}]`
    : pctText(i.estimate);
}

export function gapInterval(i: Interval): string {
  if (!Number.isFinite(i.estimate)) return '—';
  return Number.isFinite(i.low) ? `${signed(i.estimate)} [${signed(i.low)}, ${signed(i.high)}]` : signed(i.estimate);
}

export function ratioInterval(i: Interval): string {
  if (!Number.isFinite(i.estimate)) return '—';
  // An upper limit of Infinity is real: the ID accuracy could be 0, so the ratio is unbounded.
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : x === Infinity ? '∞' : '?');
  return Number.isFinite(i.low) || Number.isFinite(i.high)
    ? `${f(i.estimate)} [${f(i.low)}, ${f(i.high)}]`
    : f(i.estimate);
}

const mark = (tie: TieInfo | undefined, model: string) => (tie?.tied.includes(model) ? ' *' : '');

interface Table {
  title: string;
  header: string[];
  rows: string[][];
  right: boolean[];
}

/** "87.5 * [80.1, 92.3]": the tie mark next to the estimate, so a narrow column wraps before the interval. */
function markedInterval(i: Interval, tie: string): string {
  const text = pctInterval(i);
  const cut = text.indexOf(' [');
  return cut < 0 ? text + tie : text.slice(0, cut) + tie + text.slice(cut);
}

const averageOf = (w: Weighting) => (w === 'micro' ? 'micro average: every item the same' : 'macro average over tasks');

function familyTable(s: SuiteBoard, compact: boolean, weighting: Weighting): Table {
  const rows: string[][] = [];
  for (const m of s.models) {
    let first = true;
    // Compact: the model heads its rows, and retention (OOD/ID) is left to the wide layout.
    if (compact) rows.push([m, '', '', '', '']);
    const line = (label: string, c: SplitCell, ties: SuiteBoard['overallTies']) => {
      const family = label + (c.partial ? ' (partial)' : '');
      if (compact)
        rows.push([
          `  ${family}`,
          markedInterval(c.id, mark(ties.id, m)),
          markedInterval(c.ood, mark(ties.ood, m)),
          gapInterval(c.gap),
        ]);
      else
        rows.push([
          first ? m : '',
          family,
          pctInterval(c.id) + mark(ties.id, m),
          pctInterval(c.ood) + mark(ties.ood, m),
          gapInterval(c.gap),
          ratioInterval(c.retention),
        ]);
      first = false;
    };
    if (s.families.length > 1) line('all', s.overall[m]!, s.overallTies);
    for (const f of s.families) line(f.family, f.cells[m]!, f.ties);
  }
  return compact
    ? {
        title: `Families: ID and OOD accuracy (%, ${averageOf(weighting)}), gap = ID − OOD (points); OOD/ID retention with --wide`,
        header: ['model / family', 'ID', 'OOD', 'gap'],
        rows,
        right: [],
      }
    : {
        title: `Families: ID and OOD accuracy (%, ${averageOf(weighting)}), gap = ID − OOD (points), retention = OOD/ID`,
        header: ['model', 'family', 'ID', 'OOD', 'gap', 'OOD/ID'],
        rows,
        right: [false, false, false, false, false, false],
      };
}

function axisTable(s: SuiteBoard, compact: boolean): Table {
  const rows: string[][] = [];
  for (const m of s.models) {
    const start = rows.length;
    if (compact) rows.push([m, '', '', '', '']);
    const row = (family: string, ...cells: string[]) =>
      rows.push(compact ? [`  ${family}`, ...cells] : [m, family, ...cells]);
    for (const f of s.families) {
      for (const axis of f.axes) {
        const c = f.axisCells[m]?.[axis];
        if (!c || !Number.isFinite(c.ood.estimate)) continue;
        row(f.family, axis, pctInterval(c.ood), gapInterval(c.gap));
      }
      for (const id of f.controlTasks) {
        const c = f.taskCells[id]?.[m];
        if (c) row(f.family, `control: ${id}`, pctInterval(c.accuracy), '');
      }
    }
    if (compact && rows.length === start + 1) rows.pop();
  }
  return {
    title: 'Axes: OOD accuracy per axis (%) and its gap to ID (points); control tasks are not in any average',
    header: compact ? ['model / family', 'axis', 'OOD', 'gap'] : ['model', 'family', 'axis', 'OOD', 'gap'],
    rows,
    right: [false, false, false, false, false],
  };
}

function taskTable(s: SuiteBoard, f: FamilyBoard): Table {
  const rows = f.tasks.map((t) => [
    t.id,
    t.split,
    t.axis,
    ...s.models.map((m) => {
      const c = f.taskCells[t.id]?.[m];
      if (!c) return '—';
      if (c.unsupported) return 'unsupported';
      return `${pctInterval(c.accuracy)}${mark(f.taskTies[t.id], m)} n=${c.n}${c.errors ? ` err=${c.errors}` : ''}`;
    }),
  ]);
  return {
    title: `Tasks of ${f.family}: accuracy (%)`,
    header: ['task', 'split', 'axis', ...s.models],
    rows,
    right: [],
  };
}

function suiteTables(s: SuiteBoard, view: ReportView, weighting: Weighting, compact = false): Table[] {
  const tables = [familyTable(s, compact, weighting)];
  const axes = axisTable(s, compact);
  if (axes.rows.length) tables.push(axes);
  if (view.tasks) for (const f of s.families) tables.push(taskTable(s, f));
  return tables;
}

function suiteHeading(b: Board, s: SuiteBoard): string[] {
  const runs = s.models.map((m) => {
    const r = s.runs[m]!;
    const unsupported = Object.keys(r.unsupported ?? {});
    const reasons = [...new Set(Object.values(r.unsupported ?? {}))].join('; ');
    return (
      `${m}: run ${r.id} (${r.status}${r.partial ? ', partial' : ''}, ${r.scored} scored${r.errors ? `, ${r.errors} errors` : ''}` +
      `${unsupported.length ? `, ${unsupported.length} task${unsupported.length === 1 ? '' : 's'} unsupported (${reasons}): ${unsupported.join(', ')}` : ''})`
    );
  });
  return [
    `suite ${s.suite}: ${s.models.length} model${s.models.length === 1 ? '' : 's'}${b.options.axis ? `, OOD axis ${b.options.axis} only` : ''}`,
    ...runs.map((r) => `  ${r}`),
    ...s.warnings.map((w) => `  warning: ${w}`),
  ];
}

function legend(b: Board): string {
  return (
    `${Math.round(b.options.level * 100)}% intervals. * = tied for best in its column: not significantly below the leader in a paired test ` +
    `on shared items (exact McNemar for one task, sign-flip randomization for averages), Holm-adjusted across the table, α = ${b.options.alpha}. ` +
    `Runs: ${b.runSelection}.`
  );
}

export function formatText(b: Board, view: ReportView = {}, width: number = outputWidth()): string {
  if (b.suites.length === 0) return 'no runs match: run `bench run` first, or loosen --suite/--model\n';
  const parts: string[] = [];
  for (const s of b.suites) {
    parts.push(terminalSafe(suiteHeading(b, s).join('\n')));
    for (const t of suiteTables(s, view, b.options.weighting ?? 'macro', width < COMPACT_BELOW))
      parts.push(`${t.title}\n${textTable(t.header, t.rows, t.right, width)}`);
  }
  parts.push(legend(b));
  return `${fitLines(parts.join('\n\n'), width)}\n`;
}

/** Escapes a Markdown table cell: pipes, HTML, and the characters that start inline markup. */
export function mdCell(text: string): string {
  // Brackets only make links in `[a](b)`, `[a][b]` and `[a]: b`; escaping them everywhere would
  // litter every interval with backslashes.
  const links = /\]\s*[([:]/.test(text);
  return terminalSafe(text)
    .replace(links ? /[\\`*_[\]|<>&]/g : /[\\`*_|<>&]/g, (c) =>
      c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`,
    )
    .replace(/\n/g, ' ');
}

function mdTable(t: Table): string {
  const line = (cells: string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  return [
    `**${mdCell(t.title)}**`,
    '',
    line(t.header),
    `|${t.header.map(() => ' --- ').join('|')}|`,
    ...t.rows.map(line),
  ].join('\n');
}

export function formatMarkdown(b: Board, view: ReportView = {}): string {
  if (b.suites.length === 0) return '_No runs match._\n';
  const parts: string[] = [];
  for (const s of b.suites) {
    const [head, ...rest] = suiteHeading(b, s);
    parts.push(`## ${mdCell(head!)}\n\n${rest.map((r) => `- ${mdCell(r.trim())}`).join('\n')}`);
    for (const t of suiteTables(s, view, b.options.weighting ?? 'macro')) parts.push(mdTable(t));
  }
  parts.push(`_${mdCell(legend(b))}_`);
  return `${parts.join('\n\n')}\n`;
}

export function formatJson(b: Board): string {
  // NaN becomes null in JSON: "no value" rather than a number.
  return `${JSON.stringify(b, null, 2)}\n`;
}
