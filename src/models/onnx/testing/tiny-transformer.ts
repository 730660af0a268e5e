// A small GPT-style decoder with seeded random weights: real multi-head attention over a KV cache
// with a causal and padding mask, layer norms and an MLP, in the Optimum export layout. Its text is
// noise, but its cost per token is that of a real model, so benchmarks measure the decoding loop
// against real work, and tests can check that batching and caching change nothing.
import { Rng } from '../../../core/rng.js';
import { GraphBuilder, float, int } from './graph-builder.js';

export interface TinyTransformerOptions {
  vocabSize: number;
  hidden: number;
  heads: number;
  layers: number;
  ffn: number;
  maxPositions: number;
  kvCache?: boolean;
  seed?: number;
}

export const BENCH_TRANSFORMER: TinyTransformerOptions = {
  vocabSize: 8192,
  hidden: 256,
  heads: 4,
  layers: 4,
  ffn: 1024,
  maxPositions: 2048,
};

function gaussian(rng: Rng, n: number, std: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    const u = 1 - rng.next();
    const v = rng.next();
    const r = Math.sqrt(-2 * Math.log(u)) * std;
    out[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < n) out[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return out;
}

export function buildTinyTransformer(o: TinyTransformerOptions): Uint8Array {
  const { vocabSize: V, hidden: E, heads: H, layers: L, ffn: F, maxPositions: P } = o;
  const hd = E / H;
  if (!Number.isInteger(hd)) throw new Error('hidden must be a multiple of heads');
  const kv = o.kvCache ?? true;
  const rng = Rng.fromKey(`tiny-transformer:${o.seed ?? 0}`);
  const g = new GraphBuilder(`tiny-transformer-${kv ? 'kv' : 'nokv'}`);
  const w = (name: string, dims: number[], std: number) =>
    g.init(
      name,
      'float',
      dims,
      gaussian(
        rng,
        dims.reduce((a, b) => a * b, 1),
        std,
      ),
    );
  const ones = (name: string, n: number) => g.init(name, 'float', [n], new Float32Array(n).fill(1));
  const zeros = (name: string, n: number) => g.init(name, 'float', [n], new Float32Array(n));

  const inputIds = g.input('input_ids', 'int64', ['batch_size', 'sequence_length']);
  const mask = g.input('attention_mask', 'int64', ['batch_size', 'total_sequence_length']);
  const positions = g.input('position_ids', 'int64', ['batch_size', 'sequence_length']);

  let x = g.op('Add', [
    g.op('Gather', [w('wte', [V, E], 1), inputIds], { axis: int(0) }),
    g.op('Gather', [w('wpe', [P, E], 0.3), positions], { axis: int(0) }),
  ]); // [B, S, E]

  // Additive attention bias [B, 1, S, T]: 0 where key j is visible to query i (j <= past + i and
  // not padding), a large negative number elsewhere.
  const scalar = (t: string, i: number) => g.op('Gather', [g.op('Shape', [t]), g.const('int64', [], [i])]);
  const S = scalar(inputIds, 1);
  const T = scalar(mask, 1);
  const past = g.op('Sub', [T, S]);
  const one = g.const('int64', [], [1]);
  const keyPos = g.op('Unsqueeze', [g.op('Range', [g.const('int64', [], [0]), T, one]), g.const('int64', [1], [0])]); // [1, T]
  const queryPos = g.op('Unsqueeze', [g.op('Range', [past, T, one]), g.const('int64', [1], [1])]); // [S, 1]
  const causal = g.op('LessOrEqual', [keyPos, queryPos]); // [S, T]
  const notPad = g.op('Unsqueeze', [g.op('Cast', [mask], { to: int(9) }), g.const('int64', [2], [1, 2])]); // [B, 1, 1, T]
  const visible = g.op('And', [causal, notPad]);
  const bias = g.op('Where', [visible, g.const('float', [], [0]), g.const('float', [], [-1e9])]);

  const headsShape = g.const('int64', [4], [0, 0, H, hd]);
  const mergedShape = g.const('int64', [3], [0, 0, E]);
  const scale = g.const('float', [], [1 / Math.sqrt(hd)]);
  const norm = (t: string, name: string) =>
    g.op('LayerNormalization', [t, ones(`${name}.g`, E), zeros(`${name}.b`, E)], {
      axis: int(-1),
      epsilon: float(1e-5),
    });
  const split = (t: string) =>
    g.op('Transpose', [g.op('Reshape', [t, headsShape])], { perm: { kind: 'ints', value: [0, 2, 1, 3] } }); // [B, H, S, hd]

  for (let l = 0; l < L; l++) {
    const h = norm(x, `ln1.${l}`);
    const q = split(g.op('MatMul', [h, w(`wq.${l}`, [E, E], 1 / Math.sqrt(E))]));
    let k = split(g.op('MatMul', [h, w(`wk.${l}`, [E, E], 1 / Math.sqrt(E))]));
    let v = split(g.op('MatMul', [h, w(`wv.${l}`, [E, E], 1 / Math.sqrt(E))]));
    if (kv) {
      const dims = ['batch_size', H, 'past_sequence_length', hd];
      const pk = g.input(`past_key_values.${l}.key`, 'float', dims);
      const pv = g.input(`past_key_values.${l}.value`, 'float', dims);
      k = g.op('Concat', [pk, k], { axis: int(2) }, `present.${l}.key`);
      v = g.op('Concat', [pv, v], { axis: int(2) }, `present.${l}.value`);
      g.output(k, 'float', ['batch_size', H, 'total_sequence_length', hd]);
      g.output(v, 'float', ['batch_size', H, 'total_sequence_length', hd]);
    }
    const scores = g.op('Add', [
      g.op('Mul', [
        g.op('MatMul', [q, g.op('Transpose', [k], { perm: { kind: 'ints', value: [0, 1, 3, 2] } })]),
        scale,
      ]),
      bias,
    ]);
    const att = g.op('MatMul', [g.op('Softmax', [scores], { axis: int(-1) }), v]); // [B, H, S, hd]
    const merged = g.op('Reshape', [
      g.op('Transpose', [att], { perm: { kind: 'ints', value: [0, 2, 1, 3] } }),
      mergedShape,
    ]);
    x = g.op('Add', [x, g.op('MatMul', [merged, w(`wo.${l}`, [E, E], 1 / Math.sqrt(E))])]);
    const m = g.op('Relu', [g.op('MatMul', [norm(x, `ln2.${l}`), w(`w1.${l}`, [E, F], 1 / Math.sqrt(E))])]);
    x = g.op('Add', [x, g.op('MatMul', [m, w(`w2.${l}`, [F, E], 1 / Math.sqrt(F))])]);
  }
  g.op('MatMul', [norm(x, 'ln_f'), w('lm_head', [E, V], 2 / Math.sqrt(E))], undefined, 'logits');
  g.output('logits', 'float', ['batch_size', 'sequence_length', V]);
  return g.encode();
}
