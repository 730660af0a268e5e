// Plain-text rendering of run summaries for the terminal. No colour codes when not a TTY, so logs
// and CI output stay clean.
import { terminalSafe } from '../core/escape.js';
import type { Interval } from '../stats/proportion.js';
import type { RunSummary } from './summary.js';
import type { Progress } from './run.js';

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—');
export const formatInterval = (i: Interval) => (Number.isFinite(i.estimate) ? `${pct(i.estimate)} [${pct(i.low)}, ${pct(i.high)}]` : '—');
const signedPct = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}` : '—');

/** Left-aligned text columns, right-aligned numbers. */
export function textTable(header: string[], rows: string[][], rightAlign: boolean[] = []): string {
  const cells = [header, ...rows].map((r) => r.map((c) => terminalSafe(c)));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (rightAlign[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(cells[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function formatSummary(s: RunSummary): string {
  const taskRows = s.tasks.map((t) => [t.task, t.family, t.split, t.axis, String(t.n), String(t.correct), formatInterval(t.accuracy), t.errors ? String(t.errors) : '']);
  const parts = [
    `model ${terminalSafe(s.modelSpec)}  (run ${s.runId})`,
    textTable(['task', 'family', 'split', 'axis', 'n', 'correct', 'accuracy [95% CI]', 'errors'], taskRows, [false, false, false, false, true, true, false, true]),
  ];
  const withMetrics = s.tasks.filter((t) => t.metrics && Object.keys(t.metrics).length);
  if (withMetrics.length) {
    const names = [...new Set(withMetrics.flatMap((t) => Object.keys(t.metrics!)))];
    parts.push(textTable(['task', 'split', ...names], withMetrics.map((t) => [t.task, t.split, ...names.map((k) => formatMetric(t.metrics![k]))]),
      [false, false, ...names.map(() => true)]));
  }
  if (s.gaps.length) {
    const gapRows = s.gaps.map((g) => [g.family, formatInterval(g.id.accuracy), formatInterval(g.ood.accuracy),
      `${signedPct(g.gap.estimate)} [${signedPct(g.gap.low)}, ${signedPct(g.gap.high)}]`]);
    parts.push(textTable(['family', 'ID accuracy', 'OOD accuracy', 'ID − OOD gap (pp) [95% CI]'], gapRows));
  }
  return parts.join('\n\n');
}

/** Rates (0..1) as percentages, anything else as a number. */
function formatMetric(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '—';
  return x >= 0 && x <= 1 ? pct(x) : String(Math.round(x * 100) / 100);
}

export function formatProgress(p: Progress): string {
  const elapsed = (Date.now() - p.startedAt) / 1000;
  const rate = elapsed > 0 ? (p.done - p.skipped) / elapsed : 0;
  const left = p.total - p.done;
  const eta = rate > 0 ? `${Math.ceil(left / rate)}s` : '?';
  const acc = p.scored ? pct(p.correct / p.scored) : '—';
  return `${terminalSafe(p.modelSpec)}  ${p.done}/${p.total}  ${rate.toFixed(1)} items/s  ETA ${eta}  acc ${acc}${p.errors ? `  errors ${p.errors}` : ''}`;
}
