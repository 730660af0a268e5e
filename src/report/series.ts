// A training series as one board: per checkpoint step, ID and OOD accuracy and the gap, with
// intervals, overall and per family, from the same board the report and the leaderboard use.
import { terminalSafe } from '../core/escape.js';
import { seriesRuns, type SeriesRun } from '../store/series-queries.js';
import type { Store } from '../store/store.js';
import { buildBoard, type SplitCell } from './board.js';
import { loadDataset } from './data.js';
import { gapInterval, pctInterval } from './format.js';

export interface SeriesPoint {
  step: number | null;
  modelSpec: string;
  checkpoint: string;
  fingerprint: string | null;
  runId: string;
  status: string;
  overall: SplitCell;
  /** Family → its cell. */
  families: Record<string, SplitCell>;
}

export interface SeriesBoard {
  series: string;
  suite: string;
  /** Other suites this series has runs of (pick one with --suite). */
  otherSuites: string[];
  points: SeriesPoint[];
  families: string[];
  /** The step with the highest overall OOD accuracy (ties: the earliest). */
  bestOod?: SeriesPoint;
  latest?: SeriesPoint;
  level: number;
}

export class SeriesNotFoundError extends Error {}

/** The series' runs of one suite (default: the suite of its latest run), one point per checkpoint. */
export function buildSeriesBoard(
  store: Store,
  series: string,
  opts: { suite?: string; seed?: string; resamples?: number } = {},
): SeriesBoard {
  const runs = seriesRuns(store, series);
  if (!runs.length) throw new SeriesNotFoundError(`no series '${series}'`);
  const suites = [...new Set([...runs].sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1)).map((r) => r.suiteName))];
  const suite = opts.suite ?? suites[0]!;
  if (!suites.includes(suite))
    throw new SeriesNotFoundError(
      `series '${series}' has no runs of suite '${suite}'; its suites: ${suites.join(', ')}`,
    );
  const ofSuite = runs.filter((r) => r.suiteName === suite);
  // One run per checkpoint: the latest finished one, else the latest.
  const perSpec = new Map<string, SeriesRun>();
  const rank = (r: SeriesRun) => `${r.status === 'done' ? 1 : 0}|${r.startedAt}`;
  for (const r of ofSuite) {
    const cur = perSpec.get(r.modelSpec);
    if (!cur || rank(r) > rank(cur)) perSpec.set(r.modelSpec, r);
  }
  const specs = [...perSpec.keys()];
  const data = loadDataset(store, { suites: [suite], models: specs });
  const board = buildBoard(data, { seed: opts.seed, resamples: opts.resamples, permutations: 1 }).suites.find(
    (s) => s.suite === suite,
  );
  const points: SeriesPoint[] = [];
  for (const [spec, r] of perSpec) {
    const overall = board?.overall[spec];
    if (!overall) continue;
    const families: Record<string, SplitCell> = {};
    for (const f of board!.families) if (f.cells[spec]) families[f.family] = f.cells[spec]!;
    points.push({
      step: r.step,
      modelSpec: spec,
      checkpoint: r.path,
      fingerprint: r.fingerprint,
      runId: board!.runs[spec]?.id ?? r.runId,
      status: r.status,
      overall,
      families,
    });
  }
  points.sort((a, b) => (a.step ?? Infinity) - (b.step ?? Infinity) || (a.modelSpec < b.modelSpec ? -1 : 1));
  let bestOod: SeriesPoint | undefined;
  for (const p of points)
    if (Number.isFinite(p.overall.ood.estimate) && (!bestOod || p.overall.ood.estimate > bestOod.overall.ood.estimate))
      bestOod = p;
  const result: SeriesBoard = {
    series,
    suite,
    otherSuites: suites.filter((s) => s !== suite),
    points,
    families: board?.families.map((f) => f.family) ?? [],
    level: 0.95,
  };
  if (bestOod) result.bestOod = bestOod;
  if (points.length) result.latest = points[points.length - 1]!;
  return result;
}

function pad(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => c + ' '.repeat(widths[i]! - [...c].length))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function formatSeriesText(b: SeriesBoard): string {
  const header = ['step', 'ID', 'OOD', 'gap (ID − OOD)', 'status', 'checkpoint'];
  const rows = b.points.map((p) => [
    `${p.step ?? '?'}${p === b.bestOod ? ' *' : ''}`,
    pctInterval(p.overall.id),
    pctInterval(p.overall.ood),
    gapInterval(p.overall.gap),
    p.status + (p.overall.partial ? ' (partial)' : ''),
    p.checkpoint,
  ]);
  const lines = [
    `series ${b.series}, suite ${b.suite}: ${b.points.length} checkpoint${b.points.length === 1 ? '' : 's'}`,
    '',
    pad([header, ...rows]),
    '',
    `ID and OOD: accuracy (%, macro average over tasks, ${Math.round(b.level * 100)}% intervals); gap in points. * = best OOD step.`,
  ];
  if (b.families.length > 1) {
    lines.push('', 'Per family (OOD %):');
    lines.push(
      pad([
        ['step', ...b.families],
        ...b.points.map((p) => [
          String(p.step ?? '?'),
          ...b.families.map((f) => (p.families[f] ? pctInterval(p.families[f]!.ood) : '—')),
        ]),
      ]),
    );
  }
  if (b.otherSuites.length) lines.push('', `also runs of: ${b.otherSuites.join(', ')} (pick with --suite)`);
  return `${terminalSafe(lines.join('\n'))}\n`;
}

export function formatSeriesMarkdown(b: SeriesBoard): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    `### Series ${cell(b.series)} (suite ${cell(b.suite)})`,
    '',
    '| step | ID | OOD | gap | status |',
    '|---:|---|---|---|---|',
  ];
  for (const p of b.points) {
    lines.push(
      `| ${p.step ?? '?'}${p === b.bestOod ? ' ★' : ''} | ${pctInterval(p.overall.id)} | ${pctInterval(p.overall.ood)} | ${gapInterval(p.overall.gap)} | ${p.status} |`,
    );
  }
  lines.push('', `Accuracy in %, ${Math.round(b.level * 100)}% intervals; ★ = best OOD step.`);
  return `${lines.join('\n')}\n`;
}

export function seriesJson(b: SeriesBoard): string {
  const { bestOod, latest, ...rest } = b;
  return `${JSON.stringify({ ...rest, bestOodStep: bestOod?.step ?? null, latestStep: latest?.step ?? null }, null, 2)}\n`;
}

// ---- series references for `bench gate`: 'series:<name>@latest', '@best', '@previous', '@<step>' ----

export function isSeriesRef(arg: string | undefined): boolean {
  return arg !== undefined && /^series:/i.test(arg.trim());
}

export class SeriesRefError extends Error {}

/**
 * Turns series references into run ids. '@best' is the step with the best OOD accuracy other than
 * the candidate's (a checkpoint is never its own baseline); '@previous' the step before the latest.
 */
export function resolveSeriesRefs(
  store: Store,
  suiteName: string,
  refs: { candidate?: string; baseline: string },
): { candidate?: string; baseline: string; notes: string[] } {
  const notes: string[] = [];
  const resolveOne = (arg: string, role: 'candidate' | 'baseline', exclude?: string): string => {
    if (!isSeriesRef(arg)) return arg;
    const m = /^series:([^@]+)(?:@(.+))?$/i.exec(arg.trim());
    if (!m) throw new SeriesRefError(`--${role} ${arg}: write series:<name>@latest, @best, @previous or @<step>`);
    const name = m[1]!;
    const sel = (m[2] ?? (role === 'candidate' ? 'latest' : 'best')).toLowerCase();
    let board: SeriesBoard;
    try {
      board = buildSeriesBoard(store, name, { suite: suiteName, resamples: 200 });
    } catch (err) {
      if (err instanceof SeriesNotFoundError) throw new SeriesRefError(`--${role} ${arg}: ${err.message}`);
      throw err;
    }
    const finished = board.points.filter((p) => p.status === 'done');
    let point: SeriesPoint | undefined;
    if (sel === 'latest') point = finished[finished.length - 1];
    else if (sel === 'previous') point = finished[finished.length - 2];
    else if (sel === 'best') {
      for (const p of finished)
        if (
          p.runId !== exclude &&
          Number.isFinite(p.overall.ood.estimate) &&
          (!point || p.overall.ood.estimate > point.overall.ood.estimate)
        )
          point = p;
    } else {
      const step = /^(?:step-?)?(\d+)$/.exec(sel);
      if (!step) throw new SeriesRefError(`--${role} ${arg}: '@${sel}' is not latest, best, previous or a step number`);
      point = finished.find((p) => p.step === Number(step[1]));
    }
    if (!point) {
      const steps = finished.map((p) => p.step ?? '?').join(', ') || 'none finished';
      throw new SeriesRefError(
        `--${role} ${arg}: no such finished checkpoint of series '${name}' on suite '${suiteName}' (steps: ${steps}${sel === 'best' ? '; the candidate cannot be its own baseline' : ''})`,
      );
    }
    notes.push(`${arg} = step ${point.step ?? '?'} (${point.modelSpec}, run ${point.runId})`);
    return point.runId;
  };
  const candidate = refs.candidate === undefined ? undefined : resolveOne(refs.candidate, 'candidate');
  const baseline = resolveOne(refs.baseline, 'baseline', candidate);
  return candidate === undefined ? { baseline, notes } : { candidate, baseline, notes };
}
