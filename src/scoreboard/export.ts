// `bench export`: results as a flat table for pandas / polars, one row per item × sample × run
// (model), with its split, axis, difficulty knobs (one `knob_<name>` column each), verdict, score,
// tokens and latency. CSV or Parquet; files are written to a temporary sibling and renamed, so a
// reader never sees half a file.
import { parquetWriteBuffer } from 'hyparquet-writer';
import { chooseRuns, modelMatches } from '../report/data.js';
import { read } from '../store/read.js';
import type { Store } from '../store/store.js';

export type ExportFormat = 'csv' | 'parquet';
type Value = string | number | boolean | null;
type ColumnType = 'STRING' | 'DOUBLE' | 'INT32' | 'BOOLEAN';

export interface ExportSelect {
  suites?: readonly string[];
  models?: readonly string[];
  allRuns?: boolean;
}

export interface ExportTable {
  columns: { name: string; type: ColumnType }[];
  rows: number;
  data: Value[][];
}

const FIXED: { name: string; type: ColumnType }[] = [
  { name: 'suite', type: 'STRING' },
  { name: 'model', type: 'STRING' },
  { name: 'run_id', type: 'STRING' },
  { name: 'family', type: 'STRING' },
  { name: 'task', type: 'STRING' },
  { name: 'split', type: 'STRING' },
  { name: 'axis', type: 'STRING' },
  { name: 'generator', type: 'STRING' },
  { name: 'generator_version', type: 'STRING' },
  { name: 'item_id', type: 'STRING' },
  { name: 'item_index', type: 'INT32' },
  { name: 'sample', type: 'INT32' },
  { name: 'status', type: 'STRING' },
  { name: 'correct', type: 'BOOLEAN' },
  { name: 'score', type: 'DOUBLE' },
  { name: 'format_ok', type: 'BOOLEAN' },
  { name: 'error_kind', type: 'STRING' },
  { name: 'turns', type: 'INT32' },
  { name: 'input_tokens', type: 'INT32' },
  { name: 'output_tokens', type: 'INT32' },
  { name: 'latency_ms', type: 'DOUBLE' },
  { name: 'cached', type: 'BOOLEAN' },
  { name: 'difficulty', type: 'STRING' },
];

/** The runs exported: the report's choice per (model, suite), or every run with `allRuns`. */
export function exportRuns(store: Store, select: ExportSelect): string[] {
  return chooseRuns(read.runs(store))
    .filter(
      (r) =>
        (select.allRuns || r.chosen) &&
        modelMatches(r.modelSpec, select.models) &&
        (!select.suites?.length || select.suites.includes(r.suiteName)),
    )
    .map((r) => r.id);
}

const bool = (x: number | null) => (x === null ? null : x !== 0);

/** Column-major table of the selected results. */
export function exportTable(store: Store, runIds: readonly string[]): ExportTable {
  const fixed: Value[][] = FIXED.map(() => []);
  const knobs = new Map<string, { values: Value[]; types: Set<string> }>();
  let rows = 0;
  read.results(store, runIds, (r) => {
    const values: Value[] = [
      r.suite,
      r.model,
      r.runId,
      r.family,
      r.task,
      r.split,
      r.axis,
      r.generator,
      r.generatorVersion,
      r.itemId,
      r.itemIndex,
      r.sample,
      r.status,
      bool(r.correct),
      r.score,
      bool(r.formatOk),
      r.errorKind,
      r.turns,
      r.inputTokens,
      r.outputTokens,
      r.latencyMs,
      r.cached !== 0,
      r.difficulty,
    ];
    values.forEach((v, i) => fixed[i]!.push(v));
    let d: Record<string, unknown> = {};
    try {
      d = JSON.parse(r.difficulty) as Record<string, unknown>;
    } catch {
      /* kept whole in 'difficulty' */
    }
    for (const [k, v] of Object.entries(d ?? {})) {
      if (v === null || (typeof v !== 'number' && typeof v !== 'string' && typeof v !== 'boolean')) continue;
      let col = knobs.get(k);
      if (!col) knobs.set(k, (col = { values: new Array<Value>(rows).fill(null), types: new Set() }));
      col.values.push(v);
      col.types.add(typeof v);
    }
    rows++;
    for (const col of knobs.values()) if (col.values.length < rows) col.values.push(null);
  });
  const columns = [...FIXED];
  const data = [...fixed];
  for (const [k, col] of [...knobs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const type: ColumnType =
      col.types.size === 1 && col.types.has('number')
        ? 'DOUBLE'
        : col.types.size === 1 && col.types.has('boolean')
          ? 'BOOLEAN'
          : 'STRING';
    columns.push({ name: `knob_${k}`, type });
    data.push(type === 'STRING' ? col.values.map((v) => (v === null ? null : String(v))) : col.values);
  }
  return { columns, rows, data };
}

function csvCell(v: Value): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(t: ExportTable): string {
  const lines = [t.columns.map((c) => csvCell(c.name)).join(',')];
  for (let i = 0; i < t.rows; i++) lines.push(t.data.map((col) => csvCell(col[i] ?? null)).join(','));
  return `${lines.join('\n')}\n`;
}

export function toParquet(t: ExportTable): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: t.columns.map((c, i) => ({ name: c.name, data: t.data[i]!, type: c.type })),
    kvMetadata: [{ key: 'genbench', value: 'one row per item × sample × run; correct/score null for errors' }],
  } as Parameters<typeof parquetWriteBuffer>[0]);
  return new Uint8Array(buffer);
}
