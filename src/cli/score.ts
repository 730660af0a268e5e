import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { scoreRequest, type ItemLookup } from '../verify/score.js';
import { itemLookupOf } from './item-lookup.js';
import { collect, positiveInt } from './options.js';

interface ScoreFlags {
  db?: string;
  suite?: string[];
  batch: number;
}

/** Longest input line read; a longer one gets an error object (its text is not kept). */
const MAX_LINE_CHARS = 8_000_000;

export function registerScore(program: Command): void {
  program
    .command('score')
    .description('score responses from JSONL on stdin: one reward record per line on stdout')
    .option('--db <file>', "look up {id, response} lines' items in this database")
    .option(
      '--suite <name|file>',
      "look up {id, response} lines' items by regenerating this suite's items, repeatable",
      collect,
    )
    .option('--batch <count>', 'lines scored per write', positiveInt('--batch'), 256)
    .addHelpText(
      'after',
      `
Input, one JSON object per line:
  {"generator": "satquest", "truth": {...}, "response": "..."}   truth as stored (an object or a JSON string)
  {"id": "<item id>", "response": "..."}                         an item in --db or --suite
  "responses": ["...", "..."] instead of "response" replays a multi-turn transcript.
Output, one line per input line, in order:
  {"line": 1, "id": ..., "generator": ..., "verdict": "correct"|"wrong", "correct": true, "reward": 1,
   "formatOk": true, "reason": ..., "details": {...}, "verifierVersion": "1"}
  {"line": 2, "error": "why this line could not be scored"}

Examples:
  $ bench generate --suite quick -n 2 | jq -c '{generator, truth, response: .reference}' | bench score
  $ bench score --db results/genbench.sqlite < answers.jsonl > rewards.jsonl`,
    )
    .action(async (flags: ScoreFlags) => {
      const { lookup, store } = itemLookupOf(flags.db, flags.suite);
      try {
        await scoreStream(process.stdin, process.stdout, lookup, flags.batch);
      } finally {
        store?.close();
      }
    });
}

export async function scoreStream(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  lookup: ItemLookup | undefined,
  batch: number,
): Promise<void> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  let pending: string[] = [];
  const flush = async () => {
    if (!pending.length) return;
    const text = pending.join('');
    pending = [];
    if (!output.write(text)) await once(output, 'drain');
  };
  for await (const raw of rl) {
    line++;
    if (raw.trim() === '') continue;
    let record: object;
    if (raw.length > MAX_LINE_CHARS) record = { error: `line is ${raw.length} characters; at most ${MAX_LINE_CHARS}` };
    else {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        parsed = undefined;
        record = { error: 'not JSON: each line must be one JSON object' };
      }
      record ??= scoreRequest(parsed, lookup);
    }
    pending.push(`${JSON.stringify({ line, ...record! })}\n`);
    if (pending.length >= batch) await flush();
  }
  await flush();
}
