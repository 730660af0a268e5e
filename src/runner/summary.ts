// The end-of-run table: accuracy per task with a 95% Wilson interval, and the ID − OOD gap per
// family. Always computed from the stored rows, so what is printed is what is in the database.
import type { Split } from '../core/types.js';
import { proportionDifference, wilson, type Interval } from '../stats/proportion.js';
import type { Store } from '../store/store.js';
import { registry } from '../../generators/index.js';

export interface TaskLine {
  task: string; family: string; split: Split; axis: string;
  n: number; correct: number; errors: number; meanScore: number; accuracy: Interval;
  /** Why the model could not take this task (then n = 0 and it is in no average). */
  unsupported?: string;
  /** The family's own metrics (Generator.summarizeDetails), when it defines any. */
  metrics?: Record<string, number>;
}

export interface GapLine {
  family: string;
  id: { n: number; correct: number; accuracy: Interval };
  ood: { n: number; correct: number; accuracy: Interval };
  /** ID accuracy minus OOD accuracy (positive: the model loses accuracy out of distribution). */
  gap: Interval;
}

export interface RunSummary { runId: string; modelSpec: string; tasks: TaskLine[]; gaps: GapLine[] }

export function summarize(store: Store, runId: string): RunSummary {
  const run = store.run(runId);
  const tasks: TaskLine[] = store.taskSummary(runId).map((r) => {
    const line: TaskLine = {
      task: r.task, family: r.family, split: r.split, axis: r.axis, n: r.n, correct: r.correct, errors: r.errors,
      meanScore: r.n ? r.scoreSum / r.n : NaN, accuracy: wilson(r.correct, r.n),
    };
    if (r.unsupported) line.unsupported = r.unsupported;
    const summarizeDetails = registry.get(r.generator)?.summarizeDetails;
    if (summarizeDetails && r.n > 0) line.metrics = summarizeDetails(store.verdictDetails(runId, r.task));
    return line;
  });
  return { runId, modelSpec: run?.modelSpec ?? '', tasks, gaps: familyGaps(tasks) };
}

/** Pools the items of each family's ID tasks and of its OOD tasks ('control' axes excluded). */
export function familyGaps(tasks: readonly TaskLine[]): GapLine[] {
  const byFamily = new Map<string, { id: [number, number]; ood: [number, number] }>();
  for (const t of tasks) {
    if (t.split === 'train' || t.axis === 'control' || t.unsupported) continue;
    const f = byFamily.get(t.family) ?? { id: [0, 0], ood: [0, 0] };
    const cell = t.split === 'id' ? f.id : f.ood;
    cell[0] += t.correct;
    cell[1] += t.n;
    byFamily.set(t.family, f);
  }
  const out: GapLine[] = [];
  for (const [family, { id, ood }] of byFamily) {
    if (id[1] === 0 || ood[1] === 0) continue;
    out.push({
      family,
      id: { n: id[1], correct: id[0], accuracy: wilson(id[0], id[1]) },
      ood: { n: ood[1], correct: ood[0], accuracy: wilson(ood[0], ood[1]) },
      gap: proportionDifference(id[0], id[1], ood[0], ood[1]),
    });
  }
  return out;
}
