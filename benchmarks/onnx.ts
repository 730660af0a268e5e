// `node --import tsx benchmarks/onnx.ts [--quick] [--threads N] [--only overhead,batching,nocache]
//                                      [--transformers <path to node_modules/@huggingface/transformers>]`
//
// The in-process ONNX provider on random-weight transformers (real attention and MLP cost, see
// src/models/onnx/testing/tiny-transformer.ts):
//   (1) loop overhead: our generate() (template, tokenizer, batcher, sampler, stop checks, decode)
//       against a bare greedy session.run loop over the same pre-tokenized prompt; same tokens. On
//       the small model (31 MB), where each forward pass is short, so the loop's own cost shows most.
//   (2) batched vs unbatched throughput on the medium model (36 M parameters, 141 MB: too big for
//       the CPU caches, so one row per pass is memory-bound, as with real checkpoints).
//   (3) the small model's export without a KV cache, batch 1 vs 4.
// With --transformers, transformers.js 4 (AutoModelForCausalLM.generate) on the same folder runs
// interleaved with (1) and (2). It is not a project dependency: install it in a scratch folder.
//
// Every side gets the same ONNX Runtime thread count (default 1). Rounds are interleaved in
// rotating order and each side's best round is reported, next to tokens per CPU-second, which a
// machine shared with other jobs disturbs far less than wall time.
// Writes benchmarks/results/onnx.json and onnx.md (not with --only).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as ort from 'onnxruntime-node';
import { Rng } from '../src/core/rng.js';
import { packageRoot } from '../src/core/paths.js';
import { parseModelSpec } from '../src/models/spec.js';
import type { ModelRequest, ModelResponse } from '../src/models/types.js';
import { createOnnxModel, type OnnxModel } from '../src/models/onnx/index.js';
import { EOS_ID, END_ID, chatPromptIds } from '../src/models/onnx/testing/char-tokenizer.js';
import { transformerCheckpointFiles, writeCheckpoint } from '../src/models/onnx/testing/checkpoint-files.js';
import { BENCH_TRANSFORMER } from '../src/models/onnx/testing/tiny-transformer.js';

const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = argv.includes('--quick');
const THREADS = Number(flag('--threads') ?? 1);
const tjsPath = flag('--transformers');
const only = flag('--only') ? new Set(flag('--only')!.split(',')) : undefined;
const want = (part: string) => !only || only.has(part);
const log = (s: string) => process.stderr.write(`${s}\n`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};
const f1 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(1));
const pc = (x: number) => `${(x * 100).toFixed(1)}%`;
const EOS = new Set([EOS_ID, END_ID]);
const MEDIUM = { vocabSize: 16384, hidden: 512, heads: 8, layers: 6, ffn: 2048, maxPositions: 2048 };

const WORDS = 'the model reads a prompt of some length and answers with tokens until it reaches its budget'.split(' ');
/** Prompt i: 5 to ~300 characters, so batches need real padding. */
function prompt(i: number): string {
  const rng = Rng.fromKey(`bench-prompt-${i}`);
  return Array.from({ length: 1 + rng.int(0, 50) }, () => rng.pick(WORDS)).join(' ');
}

function request(text: string, maxTokens: number): ModelRequest {
  return {
    messages: [{ role: 'user', content: text }],
    sampling: { maxTokens, temperature: 0 },
    sampleIndex: 0,
    rng: Rng.fromKey(text),
  };
}

async function load(spec: string): Promise<OnnxModel> {
  return createOnnxModel(parseModelSpec(spec), {}, { log });
}

/** Wall and CPU milliseconds of `fn` (CPU: this process, all threads). */
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wallMs, cpuMs: (c.user + c.system) / 1000 };
}

/** What anyone would write first: one row, KV cache fed back, argmax, no tokenizer. */
async function bareLoop(
  session: ort.InferenceSession,
  promptIds: number[],
  maxNew: number,
): Promise<{ tokens: number; runMs: number }> {
  const { layers, heads, hidden, vocabSize } = BENCH_TRANSFORMER;
  const i64 = (a: number[], dims: number[]) => new ort.Tensor('int64', BigInt64Array.from(a, BigInt), dims);
  const feeds: Record<string, ort.Tensor> = {};
  for (let l = 0; l < layers; l++)
    for (const k of ['key', 'value'])
      feeds[`past_key_values.${l}.${k}`] = new ort.Tensor('float32', new Float32Array(0), [
        1,
        heads,
        0,
        hidden / heads,
      ]);
  let fresh = promptIds;
  let total = promptIds.length;
  let n = 0;
  let runMs = 0;
  while (n < maxNew) {
    feeds.input_ids = i64(fresh, [1, fresh.length]);
    feeds.attention_mask = i64(new Array(total).fill(1), [1, total]);
    feeds.position_ids = i64(
      fresh.map((_, i) => total - fresh.length + i),
      [1, fresh.length],
    );
    const t0 = performance.now();
    const out = await session.run(feeds);
    runMs += performance.now() - t0;
    const logits = out.logits!.data as Float32Array;
    const at = (fresh.length - 1) * vocabSize;
    let best = 0;
    for (let v = 1; v < vocabSize; v++) if (logits[at + v]! > logits[at + best]!) best = v;
    n++;
    if (EOS.has(best)) break;
    for (let l = 0; l < layers; l++)
      for (const k of ['key', 'value']) feeds[`past_key_values.${l}.${k}`] = out[`present.${l}.${k}`]!;
    fresh = [best];
    total++;
  }
  return { tokens: n, runMs };
}

interface TjsRunner {
  version: string;
  loadMs: number;
  generate(texts: string[], maxNewTokens: number): Promise<number>;
  dispose(): Promise<void>;
}

/** transformers.js 4 on the same folder: its tokenizer, chat template, left padding and generate(). */
async function transformersJs(dir: string, modulePath: string): Promise<TjsRunner> {
  const tjs = await import(pathToFileURL(join(modulePath, 'dist', 'transformers.node.mjs')).href);
  const { env, AutoModelForCausalLM, AutoTokenizer } = tjs;
  env.allowRemoteModels = false;
  env.localModelPath = `${dirname(dir)}/`;
  const id = basename(dir);
  const t0 = performance.now();
  const tokenizer = await AutoTokenizer.from_pretrained(id);
  const model = await AutoModelForCausalLM.from_pretrained(id, {
    dtype: 'fp32',
    device: 'cpu',
    session_options: { intraOpNumThreads: THREADS },
  });
  const loadMs = performance.now() - t0;
  const generate = async (texts: string[], maxNewTokens: number) => {
    const chats = texts.map((x) =>
      tokenizer.apply_chat_template([{ role: 'user', content: x }], { tokenize: false, add_generation_prompt: true }),
    );
    const inputs = tokenizer(chats, { padding: true, add_special_tokens: false });
    const out = await model.generate({ ...inputs, max_new_tokens: maxNewTokens, do_sample: false });
    // It does not cut finished rows at their EOS (all rows run as long as the longest); count and
    // decode each row up to its first EOS, as our provider reports them.
    const width = inputs.input_ids.dims[1];
    let tokens = 0;
    for (const row of out.tolist() as bigint[][]) {
      const gen = row.slice(width).map(Number);
      const end = gen.findIndex((x) => EOS.has(x));
      const kept = end < 0 ? gen : gen.slice(0, end + 1);
      tokenizer.decode(kept, { skip_special_tokens: true });
      tokens += kept.length;
    }
    return tokens;
  };
  await generate([prompt(0)], 8);
  return {
    version: env.version ?? 'unknown',
    loadMs,
    generate,
    dispose: async () => {
      await model.dispose?.();
    },
  };
}

interface Side {
  tokens: number;
  wallMs: number;
  cpuMs: number;
  runMs?: number;
}
const rate = (s: Side) => ({ tokPerS: (s.tokens * 1000) / s.wallMs, tokPerCpuS: (s.tokens * 1000) / s.cpuMs });

/** Runs every side once per round, in rotating order, `rounds` times. */
async function interleave(rounds: number, sides: Record<string, () => Promise<Side>>): Promise<Record<string, Side[]>> {
  const names = Object.keys(sides);
  const out: Record<string, Side[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + r) % names.length]!;
      out[name]!.push(await sides[name]!());
    }
  }
  return out;
}

async function overhead(dir: string, tjs?: TjsRunner) {
  const maxNew = quick ? 64 : 128;
  const rounds = quick ? 3 : 9;
  log(`(1) loop overhead: generate() vs a bare session.run loop, batch 1, ${rounds} rounds`);
  const texts = [0, 1, 2, 3].map(prompt);
  const session = await ort.InferenceSession.create(join(dir, 'onnx', 'model.onnx'), {
    graphOptimizationLevel: 'all',
    logSeverityLevel: 3,
    intraOpNumThreads: THREADS,
  });
  const model = await load(`onnx:${dir}?batch=1&threads=${THREADS}`);
  let runMs = 0;
  model.onStep = (_rows, _t, ms) => {
    runMs += ms;
  };
  await bareLoop(session, chatPromptIds([{ role: 'user', content: texts[0]! }]), 8); // warm-up
  await model.generate(request(texts[0]!, 8));
  const sides: Record<string, () => Promise<Side>> = {
    bare: async () => {
      let run = 0;
      const t = await timed(async () => {
        let n = 0;
        for (const x of texts) {
          const b = await bareLoop(session, chatPromptIds([{ role: 'user', content: x }]), maxNew);
          n += b.tokens;
          run += b.runMs;
        }
        return n;
      });
      return { tokens: t.value, wallMs: t.wallMs, cpuMs: t.cpuMs, runMs: run };
    },
    ours: async () => {
      runMs = 0;
      const t = await timed(async () => {
        let n = 0;
        for (const x of texts) n += (await model.generate(request(x, maxNew))).usage!.outputTokens!;
        return n;
      });
      return { tokens: t.value, wallMs: t.wallMs, cpuMs: t.cpuMs, runMs };
    },
  };
  if (tjs) {
    sides.transformersJs = async () => {
      const t = await timed(async () => {
        let n = 0;
        for (const x of texts) n += await tjs.generate([x], maxNew);
        return n;
      });
      return { tokens: t.value, wallMs: t.wallMs, cpuMs: t.cpuMs };
    };
  }
  const res = await interleave(rounds, sides);
  await session.release();
  await model.close!();
  for (const [name, list] of Object.entries(res)) {
    if (list.some((s) => s.tokens !== res.bare![0]!.tokens))
      throw new Error(`${name} generated a different number of tokens than the bare loop`);
  }
  const best = (name: string, k: 'tokPerS' | 'tokPerCpuS') => Math.max(...res[name]!.map((s) => rate(s)[k]));
  const paired = (k: 'tokPerS' | 'tokPerCpuS') =>
    1 - median(res.ours!.map((s, i) => rate(s)[k] / rate(res.bare![i]!)[k]));
  const outside = (s: Side) => s.wallMs - s.runMs!;
  const result = {
    threads: THREADS,
    maxNewTokens: maxNew,
    prompts: texts.length,
    rounds,
    tokensPerRound: res.bare![0]!.tokens,
    bare: { tokPerS: best('bare', 'tokPerS'), tokPerCpuS: best('bare', 'tokPerCpuS') },
    ours: { tokPerS: best('ours', 'tokPerS'), tokPerCpuS: best('ours', 'tokPerCpuS') },
    transformersJs: tjs
      ? { tokPerS: best('transformersJs', 'tokPerS'), tokPerCpuS: best('transformersJs', 'tokPerCpuS') }
      : undefined,
    /** 1 - (our tok/s) / (bare tok/s), from each side's best round. */
    overheadWall: 1 - best('ours', 'tokPerS') / best('bare', 'tokPerS'),
    /** 1 - median over rounds of our/bare tokens per CPU-second. */
    overheadCpu: paired('tokPerCpuS'),
    /** Extra time our code spends outside session.run, as a share of the bare loop's time (median over rounds). */
    overheadOutsideSessionRun: median(
      res.ours!.map((s, i) => (outside(s) - outside(res.bare![i]!)) / res.bare![i]!.wallMs),
    ),
    msOutsideSessionRunPerToken: {
      bare: median(res.bare!.map(outside)) / res.bare![0]!.tokens,
      ours: median(res.ours!.map(outside)) / res.bare![0]!.tokens,
    },
  };
  log(
    `    best rounds tok/s: bare ${f1(result.bare.tokPerS)}, ours ${f1(result.ours.tokPerS)}${tjs ? `, transformers.js ${f1(result.transformersJs!.tokPerS)}` : ''}`,
  );
  log(
    `    overhead: wall ${pc(result.overheadWall)}, CPU time ${pc(result.overheadCpu)}, outside session.run ${pc(result.overheadOutsideSessionRun)}`,
  );
  return result;
}

async function throughput(
  dir: string,
  batches: number[],
  n: number,
  maxNew: number,
  rounds: number,
  label: string,
  tjs?: TjsRunner,
) {
  log(`(${label}) ${n} prompts, up to ${maxNew} new tokens each, batch ${batches.join(', ')}, ${rounds} rounds`);
  const texts = Array.from({ length: n }, (_, i) => prompt(100 + i));
  const models = new Map<number, OnnxModel>();
  // Forward-pass time split by kind: the prompt pass (per prompt token, padding included) and the
  // one-token passes (per row): batching pays off in the second.
  const passes = new Map<number, { prefillMs: number; prefillTokens: number; decodeMs: number; decodeRows: number }>();
  for (const b of batches) {
    const model = await load(`onnx:${dir}?batch=${b}&threads=${THREADS}`);
    await model.generate(request(texts[0]!, 4)); // warm-up
    const p = { prefillMs: 0, prefillTokens: 0, decodeMs: 0, decodeRows: 0 };
    model.onStep = (rows, perRow, ms) => {
      if (perRow > 1) {
        p.prefillMs += ms;
        p.prefillTokens += rows * perRow;
      } else {
        p.decodeMs += ms;
        p.decodeRows += rows;
      }
    };
    models.set(b, model);
    passes.set(b, p);
  }
  const answers = new Map<number, ModelResponse[]>();
  const sides: Record<string, () => Promise<Side>> = {};
  for (const b of batches) {
    sides[`ours@${b}`] = async () => {
      const t = await timed(() => Promise.all(texts.map((x) => models.get(b)!.generate(request(x, maxNew)))));
      answers.set(b, t.value);
      return { tokens: t.value.reduce((s, r) => s + r.usage!.outputTokens!, 0), wallMs: t.wallMs, cpuMs: t.cpuMs };
    };
    if (tjs) {
      // transformers.js batches what it is given: `b` prompts per generate() call, padded on the left.
      sides[`tjs@${b}`] = async () => {
        const t = await timed(async () => {
          let k = 0;
          for (let j = 0; j < n; j += b) k += await tjs.generate(texts.slice(j, j + b), maxNew);
          return k;
        });
        return { tokens: t.value, wallMs: t.wallMs, cpuMs: t.cpuMs };
      };
    }
  }
  const res = await interleave(rounds, sides);
  for (const m of models.values()) await m.close!();
  const reference = answers.get(batches[0]!)!.map((r) => r.text);
  const best = (name: string, k: 'tokPerS' | 'tokPerCpuS') =>
    res[name] ? Math.max(...res[name]!.map((s) => rate(s)[k])) : undefined;
  return batches.map((b) => {
    const last = answers.get(b)!;
    const row = {
      batch: b,
      tokPerS: best(`ours@${b}`, 'tokPerS')!,
      tokPerCpuS: best(`ours@${b}`, 'tokPerCpuS')!,
      /** Over all rounds: milliseconds of one-token passes per row, and of prompt passes per prompt token. */
      decodeMsPerRowToken: passes.get(b)!.decodeMs / passes.get(b)!.decodeRows,
      prefillMsPerToken: passes.get(b)!.prefillMs / passes.get(b)!.prefillTokens,
      // Batching must not change a greedy answer.
      answersEqualToFirstBatchSize: `${last.filter((r, i) => r.text === reference[i]).length}/${n}`,
      transformersJs: tjs
        ? { tokPerS: best(`tjs@${b}`, 'tokPerS'), tokPerCpuS: best(`tjs@${b}`, 'tokPerCpuS') }
        : undefined,
    };
    log(
      `    batch ${b}: ${f1(row.tokPerS)} tok/s, ${f1(row.tokPerCpuS)} tok/CPU-s, decode ${row.decodeMsPerRowToken.toFixed(2)} ms/row-token, prefill ${row.prefillMsPerToken.toFixed(3)} ms/token, same answers ${row.answersEqualToFirstBatchSize}${tjs ? `; transformers.js ${f1(row.transformersJs!.tokPerS)} tok/s, ${f1(row.transformersJs!.tokPerCpuS)} tok/CPU-s` : ''}`,
    );
    return row;
  });
}

function writeResults(results: Record<string, any>): void {
  const out = join(packageRoot(), 'benchmarks', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'onnx.json'), `${JSON.stringify(results, null, 2)}\n`);
  const o = results.loopOverhead;
  const tjs = typeof results.transformersJs === 'object';
  const md = [
    `# ONNX provider benchmark (${results.date})`,
    '',
    `Machine: ${JSON.stringify(results.machine)}. Load average at the start and end: ${results.loadAverage.start} → ${results.loadAverage.end} (other jobs share this machine: wall-clock numbers are noisy; tokens per CPU-second much less so).`,
    `Models: random-weight transformers, small ${JSON.stringify(BENCH_TRANSFORMER)} for (1) and (3), medium ${JSON.stringify(MEDIUM)} for (2). ONNX Runtime threads per session: ${results.threads}.`,
    `transformers.js: ${tjs ? JSON.stringify(results.transformersJs) : results.transformersJs}.`,
    '',
    `## (1) Loop overhead: batch 1, greedy, ${o.prompts} prompts x ${o.maxNewTokens} new tokens, ${o.rounds} interleaved rounds`,
    '',
    'Best round of each side. "CPU time" is the median over rounds of our/bare tokens per CPU-second; "outside session.run" is the extra wall time our code spends outside `session.run`, as a share of the bare loop\'s time.',
    '',
    `| | tok/s | tok/CPU-s |`,
    '|---|---|---|',
    `| bare session.run loop | ${f1(o.bare.tokPerS)} | ${f1(o.bare.tokPerCpuS)} |`,
    `| our generate() | ${f1(o.ours.tokPerS)} | ${f1(o.ours.tokPerCpuS)} |`,
    ...(tjs
      ? [`| transformers.js generate() | ${f1(o.transformersJs.tokPerS)} | ${f1(o.transformersJs.tokPerCpuS)} |`]
      : []),
    '',
    `Overhead: wall ${pc(o.overheadWall)}, CPU time ${pc(o.overheadCpu)}, outside session.run ${pc(o.overheadOutsideSessionRun)} (${o.msOutsideSessionRunPerToken.bare.toFixed(3)} ms per token in the bare loop, ${o.msOutsideSessionRunPerToken.ours.toFixed(3)} in ours).`,
    '',
    `## (2) Batched vs unbatched, KV cache, medium model: ${results.batchingSetup}`,
    '',
    'tok/s and tok/CPU-s: generated tokens over the whole run (best round). Decode: forward-pass time per row per one-token pass; prefill: prompt-pass time per prompt token, padding included (all rounds).',
    '',
    `| batch | tok/s | tok/CPU-s | decode ms per row-token | prefill ms per token | answers equal to batch ${results.batching[0].batch} |${tjs ? ' transformers.js tok/s | transformers.js tok/CPU-s |' : ''}`,
    `|---|---|---|---|---|---|${tjs ? '---|---|' : ''}`,
    ...results.batching.map(
      (r: any) =>
        `| ${r.batch} | ${f1(r.tokPerS)} | ${f1(r.tokPerCpuS)} | ${r.decodeMsPerRowToken.toFixed(2)} | ${r.prefillMsPerToken.toFixed(3)} | ${r.answersEqualToFirstBatchSize} |${tjs ? ` ${f1(r.transformersJs.tokPerS)} | ${f1(r.transformersJs.tokPerCpuS)} |` : ''}`,
    ),
    '',
    '## (3) Export without a KV cache',
    '',
    '| batch | tok/s | tok/CPU-s | answers equal to batch 1 |',
    '|---|---|---|---|',
    ...results.noCache.map(
      (r: any) => `| ${r.batch} | ${f1(r.tokPerS)} | ${f1(r.tokPerCpuS)} | ${r.answersEqualToFirstBatchSize} |`,
    ),
    '',
    'Without a cache every pass re-reads the whole sequence and returns logits for every position, so a padded batch only adds work: batch=auto is 1 for such exports.',
    '',
  ];
  writeFileSync(join(out, 'onnx.md'), md.join('\n'));
  log(`wrote ${join(out, 'onnx.json')} and onnx.md`);
}

const root = mkdtempSync(join(tmpdir(), 'genbench-onnx-bench-'));
try {
  const kvDir = join(root, 'small');
  const noKvDir = join(root, 'small-no-cache');
  const mediumDir = join(root, 'medium');
  writeCheckpoint(kvDir, transformerCheckpointFiles(BENCH_TRANSFORMER));
  writeCheckpoint(noKvDir, transformerCheckpointFiles({ ...BENCH_TRANSFORMER, kvCache: false }));
  if (want('batching')) writeCheckpoint(mediumDir, transformerCheckpointFiles(MEDIUM));
  const results: Record<string, any> = {
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      onnxruntime: ort.env.versions.common,
    },
    date: new Date().toISOString(),
    loadAverage: { start: loadavg()[0]!.toFixed(2) },
    quick,
    threads: THREADS,
    models: { small: BENCH_TRANSFORMER, medium: MEDIUM },
  };
  results.transformersJs = 'not measured (pass --transformers <path to node_modules/@huggingface/transformers>)';
  if (want('overhead')) {
    const tjs = tjsPath ? await transformersJs(kvDir, tjsPath) : undefined;
    if (tjs) results.transformersJs = { version: tjs.version };
    results.loopOverhead = await overhead(kvDir, tjs);
    await tjs?.dispose();
  }
  if (want('batching')) {
    const tjs = tjsPath ? await transformersJs(mediumDir, tjsPath) : undefined;
    const [batches, n, maxNew, rounds] = quick ? [[1, 8], 8, 16, 1] : [[1, 4, 8, 16], 16, 64, 2];
    results.batchingSetup = `${n} prompts of 5 to 300 characters, up to ${maxNew} new tokens each, best of ${rounds} interleaved rounds`;
    results.batching = await throughput(mediumDir, batches, n, maxNew, rounds, '2', tjs);
    await tjs?.dispose();
  }
  if (want('nocache')) results.noCache = await throughput(noKvDir, [1, 4], 8, 32, quick ? 1 : 2, '3');
  results.loadAverage.end = loadavg()[0]!.toFixed(2);
  if (only) log('--only: a partial run; the results files are left as they were');
  else writeResults(results);
} finally {
  rmSync(root, { recursive: true, force: true });
}
