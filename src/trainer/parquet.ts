// verl's Parquet layout, written with hyparquet-writer: data_source, prompt (chat messages),
// ability, reward_model {style, ground_truth}, extra_info {id, split, index, ...}, and images
// (a list of {mediaType, data}; present only when some row has an image).
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { VerlRow } from './rows.js';

type SchemaElement = Record<string, unknown>;
const str = (name: string): SchemaElement => ({
  name,
  type: 'BYTE_ARRAY',
  converted_type: 'UTF8',
  repetition_type: 'REQUIRED',
});
const int64 = (name: string): SchemaElement => ({ name, type: 'INT64', repetition_type: 'REQUIRED' });
const group = (name: string, children: number): SchemaElement => ({
  name,
  repetition_type: 'REQUIRED',
  num_children: children,
});
/** A LIST of structs in the standard three-level layout. */
const listOf = (name: string, fields: SchemaElement[]): SchemaElement[] => [
  { name, repetition_type: 'REQUIRED', converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  group('element', fields.length),
  ...fields,
];

export function verlParquet(rows: readonly VerlRow[]): Uint8Array {
  const withImages = rows.some((r) => r.images.length > 0);
  const schema: SchemaElement[] = [
    { name: 'root', num_children: withImages ? 6 : 5 },
    str('data_source'),
    ...listOf('prompt', [str('role'), str('content')]),
    str('ability'),
    group('reward_model', 2),
    str('style'),
    str('ground_truth'),
    group('extra_info', 6),
    str('id'),
    str('split'),
    int64('index'),
    str('generator'),
    str('task'),
    str('verifierVersion'),
    ...(withImages ? listOf('images', [str('mediaType'), str('data')]) : []),
  ];
  const columnData = [
    { name: 'data_source', data: rows.map((r) => r.data_source) },
    { name: 'prompt', data: rows.map((r) => r.prompt) },
    { name: 'ability', data: rows.map((r) => r.ability) },
    { name: 'reward_model', data: rows.map((r) => r.reward_model) },
    { name: 'extra_info', data: rows.map((r) => ({ ...r.extra_info, index: BigInt(r.extra_info.index) })) },
    ...(withImages ? [{ name: 'images', data: rows.map((r) => r.images) }] : []),
  ];
  return new Uint8Array(
    parquetWriteBuffer({ schema: schema as never, columnData: columnData as never, createdBy: 'genbench' }),
  );
}
