// Writes a tiny test checkpoint folder to disk, e.g. for `bench run --model onnx:<dir>`:
//
//   node --import tsx src/models/onnx/testing/write-checkpoint.ts /tmp/tiny            # = onnx:demo
//   node --import tsx src/models/onnx/testing/write-checkpoint.ts /tmp/tiny --layout optimum-no-cache
//   node --import tsx src/models/onnx/testing/write-checkpoint.ts /tmp/tiny --dtypes fp32,fp16,q8
//   node --import tsx src/models/onnx/testing/write-checkpoint.ts /tmp/bench --transformer
import { existsSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  DEMO_OPTIONS,
  tinyCheckpointFiles,
  transformerCheckpointFiles,
  writeCheckpoint,
  type TinyLayout,
} from './checkpoint-files.js';
import { BENCH_TRANSFORMER } from './tiny-transformer.js';
import type { TinyDtype } from './tiny-sum-decoder.js';

const LAYOUTS: TinyLayout[] = ['transformers.js', 'optimum', 'optimum-merged', 'optimum-no-cache'];
const DTYPES: TinyDtype[] = ['fp32', 'fp16', 'q8'];

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      layout: { type: 'string' },
      dtypes: { type: 'string' },
      transformer: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
    },
  });
  const dir = positionals[0];
  const usage =
    'usage: write-checkpoint.ts <dir> [--layout transformers.js|optimum|optimum-merged|optimum-no-cache] [--dtypes fp32,fp16,q8] [--transformer [--no-cache]]';
  if (!dir || positionals.length > 1) return fail(usage);
  if (existsSync(dir) && readdirSync(dir).length > 0)
    return fail(`${dir} exists and is not empty; give a new or empty folder`);
  const layout = (values.layout ?? 'transformers.js') as TinyLayout;
  if (!LAYOUTS.includes(layout)) return fail(`--layout ${layout}: expected one of ${LAYOUTS.join(', ')}`);
  const dtypes = (values.dtypes ?? 'fp32').split(',').map((d) => d.trim()) as TinyDtype[];
  const badDtype = dtypes.find((d) => !DTYPES.includes(d));
  if (badDtype) return fail(`--dtypes: '${badDtype}' is not one of ${DTYPES.join(', ')}`);
  const files = values.transformer
    ? transformerCheckpointFiles({ ...BENCH_TRANSFORMER, kvCache: !values['no-cache'] })
    : tinyCheckpointFiles({ ...DEMO_OPTIONS, layout, dtypes });
  writeCheckpoint(dir, files);
  process.stdout.write(`wrote ${Object.keys(files).length} files to ${dir}: ${Object.keys(files).sort().join(', ')}\n`);
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`write-checkpoint: ${message}\n`);
  return 2;
}

process.exitCode = main();
