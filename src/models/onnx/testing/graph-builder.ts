// A small imperative helper over onnx-proto: add nodes and constants, get their output names back,
// so model builders read like the computation they describe.
import {
  encodeModel,
  type AttrValue,
  type Dim,
  type ElemType,
  type NodeDef,
  type TensorInit,
  type ValueInfo,
} from './onnx-proto.js';
import { floatToHalf } from '../fp16.js';

export function rawOf(type: ElemType, values: ArrayLike<number>): Uint8Array {
  switch (type) {
    case 'float':
      return bytes(Float32Array.from(values));
    case 'float16':
      return bytes(Uint16Array.from(Array.from(values, floatToHalf)));
    case 'int64':
      return bytes(BigInt64Array.from(Array.from(values, (v) => BigInt(v))));
    case 'int32':
      return bytes(Int32Array.from(values));
    case 'int8':
      return bytes(Int8Array.from(values));
    case 'uint8':
      return bytes(Uint8Array.from(values));
    case 'bool':
      return Uint8Array.from(values, (v) => (v ? 1 : 0));
  }
}

function bytes(a: ArrayBufferView): Uint8Array {
  // Typed arrays are little-endian on every platform Node ships for, as raw_data requires.
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

export class GraphBuilder {
  private nodes: NodeDef[] = [];
  private inits: TensorInit[] = [];
  private ins: ValueInfo[] = [];
  private outs: ValueInfo[] = [];
  private counter = 0;

  constructor(readonly name: string) {}

  input(name: string, type: ElemType, dims: readonly Dim[]): string {
    this.ins.push({ name, type, dims });
    return name;
  }

  output(name: string, type: ElemType, dims: readonly Dim[]): void {
    this.outs.push({ name, type, dims });
  }

  /** A named initializer (weights, lookup tables). */
  init(name: string, type: ElemType, dims: readonly number[], values: ArrayLike<number>): string {
    this.inits.push({ name, type, dims, raw: rawOf(type, values) });
    return name;
  }

  /** An anonymous constant; `dims` [] makes a scalar. */
  const(type: ElemType, dims: readonly number[], values: ArrayLike<number>): string {
    return this.init(`const_${this.counter++}`, type, dims, values);
  }

  /** One node with one output; `out` names it (for graph outputs), otherwise a fresh name. */
  op(op: string, inputs: readonly string[], attrs?: Record<string, AttrValue>, out?: string): string {
    const name = out ?? `${op.toLowerCase()}_${this.counter++}`;
    this.nodes.push({ op, inputs, outputs: [name], attrs });
    return name;
  }

  encode(): Uint8Array {
    return encodeModel({
      name: this.name,
      nodes: this.nodes,
      initializers: this.inits,
      inputs: this.ins,
      outputs: this.outs,
    });
  }
}

export const int = (value: number): AttrValue => ({ kind: 'int', value });
export const ints = (value: readonly number[]): AttrValue => ({ kind: 'ints', value });
export const float = (value: number): AttrValue => ({ kind: 'float', value });
