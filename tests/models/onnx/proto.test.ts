// The dependency-free ONNX writer: ONNX Runtime must load what it writes (attributes, negative
// int64s, scalars, every element type the test models use), and float16 conversion must be exact.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { GraphBuilder, int, ints } from '../../../src/models/onnx/testing/graph-builder.js';
import { floatToHalf, halfToFloat } from '../../../src/models/onnx/fp16.js';

describe('onnx protobuf writer', () => {
  it('writes graphs ONNX Runtime runs: initializers, attributes, negative ints, symbolic dims', async () => {
    const g = new GraphBuilder('t');
    const x = g.input('x', 'float', ['n', 3]);
    const w = g.const('float', [3], [1, -2, 0.5]);
    const scaled = g.op('Mul', [x, w]);
    const summed = g.op('ReduceSum', [scaled, g.const('int64', [1], [-1])], { keepdims: int(0) });
    g.op('Cast', [g.op('Mul', [summed, g.const('float', [], [-1])])], { to: int(7) }, 'y');
    g.output('y', 'int64', ['n']);
    const idx = g.input('i', 'int64', ['m']);
    g.op('OneHot', [idx, g.const('int64', [], [4]), g.const('float16', [2], [0, 1.5])], { axis: int(-1) }, 'oh');
    g.output('oh', 'float16', ['m', 4]);
    g.op('Transpose', [g.const('int8', [2, 2], [-1, 2, -3, 4])], { perm: ints([1, 0]) }, 't8');
    g.output('t8', 'int8', [2, 2]);
    const s = await ort.InferenceSession.create(g.encode());
    const out = await s.run({
      x: new ort.Tensor('float32', Float32Array.from([2, 1, 4, -2, 0, 0]), [2, 3]),
      i: new ort.Tensor('int64', BigInt64Array.of(3n, 0n), [2]),
    });
    expect(Array.from(out.y!.data as BigInt64Array)).toEqual([-2n, 2n]);
    expect(Array.from(out.oh!.data as Uint16Array, halfToFloat)).toEqual([0, 0, 0, 1.5, 1.5, 0, 0, 0]);
    expect(Array.from(out.t8!.data as Int8Array)).toEqual([-1, -3, 2, 4]);
    expect(s.inputMetadata.find((m) => m.name === 'x')).toMatchObject({ shape: ['n', 3] });
    await s.release();
  });

  it('converts float16 both ways exactly for every finite half value', () => {
    const wrong: number[] = [];
    for (let h = 0; h < 0x10000; h++) {
      const f = halfToFloat(h);
      // -0 and +0 are distinct bit patterns, and both must survive.
      if (!Number.isNaN(f) && floatToHalf(f) !== h) wrong.push(h);
    }
    expect(wrong).toEqual([]);
    expect([halfToFloat(0x3c00), halfToFloat(0xc000), halfToFloat(0x0001), halfToFloat(0x7bff)]).toEqual([
      1,
      -2,
      2 ** -24,
      65504,
    ]);
    expect(floatToHalf(1 + 2 ** -11)).toBe(floatToHalf(1)); // ties go to even
    expect(floatToHalf(65520)).toBe(0x7c00); // overflow to infinity
  });
});
