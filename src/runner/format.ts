// Plain-text rendering of run summaries for the terminal. No colour codes when not a TTY, so logs
// and CI output stay clean.
import { terminalSafe } from '../core/escape.js';
import { COMPACT_BELOW, fitLines, outputWidth, textTable } from '../report/terminal.js';
import type { Interval } from '../stats/proportion.js';
import type { RunSummary } from './summary.js';
import type { Progress } from './run.js';

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—');
export const formatInterval = (i: Interval) =>
  Number.isFinite(i.estimate) ? `${pct(i.estimate)} [${pct(i.low)}, ${pct(i.high)}]` : '—';
const signedPct = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}` : '—');

export function formatSummary(s: RunSummary, width: number = outputWidth()): string {
  const errors = s.tasks.some((t) => t.errors > 0);
  const parts = [`model ${terminalSafe(s.modelSpec)}  (run ${s.runId})`];
  if (width >= COMPACT_BELOW) {
    const taskRows = s.tasks.map((t) => [
      t.task,
      t.family,
      t.split,
      t.axis,
      String(t.n),
      String(t.correct),
      accuracyCell(t),
      t.errors ? String(t.errors) : '',
    ]);
    parts.push(
      textTable(
        ['task', 'family', 'split', 'axis', 'n', 'correct', 'accuracy [95% CI]', 'errors'],
        taskRows,
        [false, false, false, false, true, true, false, true],
        width,
      ),
    );
  } else {
    // Compact: the family heads its tasks instead of filling a column; errors only when there are some.
    const rows: string[][] = [];
    let family: string | undefined;
    for (const t of s.tasks) {
      if (t.family !== family) rows.push([(family = t.family)]);
      rows.push([
        `  ${t.task}`,
        t.split,
        t.axis,
        String(t.n),
        String(t.correct),
        accuracyCell(t),
        ...(errors ? [t.errors ? String(t.errors) : ''] : []),
      ]);
    }
    parts.push(
      textTable(
        ['family / task', 'split', 'axis', 'n', 'ok', 'accuracy [95% CI]', ...(errors ? ['err'] : [])],
        rows,
        [false, false, false, true, true, false, true],
        width,
      ),
    );
  }
  const withMetrics = s.tasks.filter((t) => t.metrics && Object.keys(t.metrics).length);
  if (withMetrics.length) {
    const names = [...new Set(withMetrics.flatMap((t) => Object.keys(t.metrics!)))];
    parts.push(
      textTable(
        ['task', 'split', ...names],
        withMetrics.map((t) => [t.task, t.split, ...names.map((k) => formatMetric(t.metrics![k]))]),
        [false, false, ...names.map(() => true)],
      ),
    );
  }
  if (s.gaps.length) {
    const gapRows = s.gaps.map((g) => [
      g.family,
      formatInterval(g.id),
      formatInterval(g.ood),
      `${signedPct(g.gap.estimate)} [${signedPct(g.gap.low)}, ${signedPct(g.gap.high)}]`,
    ]);
    parts.push(
      `ID and OOD accuracy, ${s.weighting} average over tasks (as in bench report; control tasks left out)\n` +
        textTable(['family', 'ID accuracy', 'OOD accuracy', 'ID − OOD gap (pp) [95% CI]'], gapRows, [], width),
    );
  }
  return fitLines(parts.join('\n\n'));
}

/** The accuracy with its interval, or why the model could not take the task. */
const accuracyCell = (t: RunSummary['tasks'][number]) =>
  t.unsupported ? `unsupported (${t.unsupported})` : formatInterval(t.accuracy);

/** Rates (0..1) as percentages, anything else as a number. */
function formatMetric(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '—';
  return x >= 0 && x <= 1 ? pct(x) : String(Math.round(x * 100) / 100);
}

/** Seconds left: turns still to come (items left × turns per finished item, less turns in flight) over the turn rate. */
export function etaSeconds(p: Progress, now = Date.now()): number {
  const elapsed = (now - p.startedAt) / 1000;
  const left = p.total - p.done;
  if (left <= 0) return 0;
  const turns = p.turns ?? 0,
    episodes = p.episodes ?? 0;
  if (elapsed <= 0 || turns === 0 || episodes === 0) {
    const rate = elapsed > 0 ? (p.done - p.skipped) / elapsed : 0;
    return rate > 0 ? left / rate : NaN;
  }
  const perItem = (p.episodeTurns ?? turns) / episodes;
  const inFlight = Math.max(0, turns - (p.episodeTurns ?? turns));
  return Math.max(0, left * perItem - inFlight) / (turns / elapsed);
}

const duration = (s: number) =>
  !Number.isFinite(s)
    ? '?'
    : s < 100
      ? `${Math.ceil(s)}s`
      : s < 6000
        ? `${Math.round(s / 60)}m`
        : `${(s / 3600).toFixed(1)}h`;

export function formatProgress(p: Progress, width: number = Infinity): string {
  const elapsed = (Date.now() - p.startedAt) / 1000;
  const rate = elapsed > 0 ? (p.done - p.skipped) / elapsed : 0;
  const split = (k: 'id' | 'ood') => {
    const s = p.bySplit?.[k];
    return s?.scored ? pct(s.correct / s.scored) : '—';
  };
  // ID and OOD apart: a pooled number would mix the two things being compared.
  const acc = p.bySplit
    ? `ID ${split('id')}  OOD ${split('ood')}`
    : `acc ${p.scored ? pct(p.correct / p.scored) : '—'}`;
  const line = `${terminalSafe(p.modelSpec)}  ${p.done}/${p.total}  ${rate.toFixed(1)} items/s  ETA ${duration(etaSeconds(p))}  ${acc}${p.errors ? `  errors ${p.errors}` : ''}`;
  return line.length > width ? `${line.slice(0, Math.max(1, width - 1))}…` : line;
}
