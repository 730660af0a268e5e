// Rows exactly as stored, column by column: for tests, benchmarks and debugging that check what
// reached the database. The table name is checked against the schema, never spliced in unchecked.
import { sqlOf, type Store } from './store.js';

export type StoredRow = Record<string, unknown>;

/** The tables a store has (migrations included). */
export function tableNames(store: Store): string[] {
  return sqlOf(store)
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
}

function known(store: Store, table: string): string {
  if (!tableNames(store).includes(table))
    throw new Error(`no table '${table}' in the store; its tables: ${tableNames(store).join(', ')}`);
  return `"${table}"`;
}

/** Every row of a table, ordered by the given columns (else in the table's own order). */
export function tableRows(store: Store, table: string, orderBy: readonly string[] = []): StoredRow[] {
  const name = known(store, table);
  const columns = tableColumns(store, table);
  const bad = orderBy.filter((c) => !columns.includes(c));
  if (bad.length)
    throw new Error(`table '${table}' has no column ${bad.join(', ')}; its columns: ${columns.join(', ')}`);
  const order = orderBy.length ? ` ORDER BY ${orderBy.map((c) => `"${c}"`).join(', ')}` : '';
  return sqlOf(store).prepare(`SELECT * FROM ${name}${order}`).all() as StoredRow[];
}

export function tableCount(store: Store, table: string): number {
  return sqlOf(store)
    .prepare(`SELECT COUNT(*) FROM ${known(store, table)}`)
    .pluck()
    .get() as number;
}

export function tableColumns(store: Store, table: string): string[] {
  return (sqlOf(store).pragma(`table_info(${known(store, table)})`) as { name: string }[]).map((c) => c.name);
}
