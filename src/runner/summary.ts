// The end-of-run table: accuracy per task with a 95% Wilson interval, and per family the ID and
// OOD accuracy and the gap as the scoreboard computes them (the same numbers as `bench report` and
// the site). Always computed from the stored rows, so what is printed is what is in the database.
import type { Split } from '../core/types.js';
import { wilson, type Interval } from '../stats/proportion.js';
import type { Estimate } from '../stats/macro.js';
import type { Store } from '../store/store.js';
import { familyMetrics, runBoard, type Weighting } from '../scoreboard/index.js';

export interface TaskLine {
  task: string;
  family: string;
  split: Split;
  axis: string;
  n: number;
  correct: number;
  errors: number;
  meanScore: number;
  accuracy: Interval;
  /** Why the model could not take this task (then n = 0 and it is in no average). */
  unsupported?: string;
  /** The family's own metrics (Generator.summarizeDetails), when it defines any. */
  metrics?: Record<string, number>;
}

/** A family's ID and OOD accuracy and the gap, from the scoreboard (the numbers `bench report` shows). */
export interface GapLine {
  family: string;
  id: Estimate;
  ood: Estimate;
  /** ID − OOD (positive: the model loses accuracy out of distribution). */
  gap: Estimate;
}

export interface RunSummary {
  runId: string;
  modelSpec: string;
  tasks: TaskLine[];
  /** How tasks weigh in the family lines (always the scoreboard's macro average, as in the report). */
  weighting: Weighting;
  /** Per family with both ID and OOD tasks, then 'all families' when there are several. */
  gaps: GapLine[];
}

export function summarize(store: Store, runId: string): RunSummary {
  const run = store.run(runId);
  const tasks: TaskLine[] = store.taskSummary(runId).map((r) => {
    const line: TaskLine = {
      task: r.task,
      family: r.family,
      split: r.split,
      axis: r.axis,
      n: r.n,
      correct: r.correct,
      errors: r.errors,
      meanScore: r.n ? r.scoreSum / r.n : NaN,
      accuracy: wilson(r.correct, r.n),
    };
    if (r.unsupported) line.unsupported = r.unsupported;
    const metrics = r.n > 0 ? familyMetrics(store, runId, r.task, r.generator) : undefined;
    if (metrics) line.metrics = metrics;
    return line;
  });
  return { runId, modelSpec: run?.modelSpec ?? '', tasks, weighting: 'macro', gaps: familyLines(store, runId) };
}

/** The family lines of one run: the scoreboard's cells for its model alone. */
function familyLines(store: Store, runId: string): GapLine[] {
  const board = runBoard(store, runId, { weighting: 'macro' });
  if (!board) return [];
  const model = board.models[0]!;
  const lines: GapLine[] = [];
  for (const f of board.families) {
    const c = f.cells[model]!;
    if (!Number.isFinite(c.gap.estimate)) continue;
    lines.push({ family: f.family, id: c.id, ood: c.ood, gap: c.gap });
  }
  const all = board.overall[model];
  if (lines.length > 1 && all && Number.isFinite(all.gap.estimate))
    lines.push({ family: 'all families', id: all.id, ood: all.ood, gap: all.gap });
  return lines;
}
