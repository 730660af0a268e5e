// A dependency-free writer for the subset of the ONNX protobuf schema that small test models need
// (ModelProto, GraphProto, NodeProto, TensorProto with raw_data, ValueInfoProto with symbolic dims,
// AttributeProto). Field numbers are from onnx/onnx.proto. It only writes: tests and the demo
// checkpoint build their models in memory, so there is nothing to parse.

/** ONNX TensorProto.DataType codes. */
export const DataType = { float: 1, uint8: 2, int8: 3, int32: 6, int64: 7, bool: 9, float16: 10 } as const;
export type ElemType = keyof typeof DataType;

export interface TensorInit {
  name: string;
  type: ElemType;
  dims: readonly number[];
  /** Little-endian element bytes, exactly as ONNX raw_data expects. */
  raw: Uint8Array;
}

export type Dim = number | string;
export interface ValueInfo {
  name: string;
  type: ElemType;
  dims: readonly Dim[];
}

export type AttrValue =
  | { kind: 'int'; value: number }
  | { kind: 'ints'; value: readonly number[] }
  | { kind: 'float'; value: number }
  | { kind: 'tensor'; value: TensorInit };

export interface NodeDef {
  op: string;
  inputs: readonly string[];
  outputs: readonly string[];
  name?: string;
  attrs?: Record<string, AttrValue>;
}

export interface GraphDef {
  name: string;
  nodes: readonly NodeDef[];
  initializers: readonly TensorInit[];
  inputs: readonly ValueInfo[];
  outputs: readonly ValueInfo[];
}

/** Appends protobuf wire-format fields to a growing list of byte chunks. */
class Writer {
  private chunks: Uint8Array[] = [];
  private size = 0;

  private push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.size += bytes.length;
  }

  private varint(v: bigint): void {
    // int64 fields encode negatives as ten-byte two's complement.
    let x = BigInt.asUintN(64, v);
    const out: number[] = [];
    do {
      const b = Number(x & 0x7fn);
      x >>= 7n;
      out.push(x ? b | 0x80 : b);
    } while (x);
    this.push(Uint8Array.from(out));
  }

  private tag(field: number, wire: number): void {
    this.varint(BigInt((field << 3) | wire));
  }

  int(field: number, v: number | bigint): this {
    this.tag(field, 0);
    this.varint(BigInt(v));
    return this;
  }

  float(field: number, v: number): this {
    this.tag(field, 5);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    this.push(b);
    return this;
  }

  bytes(field: number, v: Uint8Array): this {
    this.tag(field, 2);
    this.varint(BigInt(v.length));
    this.push(v);
    return this;
  }

  string(field: number, v: string): this {
    return this.bytes(field, new TextEncoder().encode(v));
  }

  message(field: number, w: Writer): this {
    return this.bytes(field, w.finish());
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

function tensorProto(t: TensorInit): Writer {
  const w = new Writer();
  for (const d of t.dims) w.int(1, d);
  return w.int(2, DataType[t.type]).string(8, t.name).bytes(9, t.raw);
}

function valueInfo(v: ValueInfo): Writer {
  const shape = new Writer();
  for (const d of v.dims) shape.message(1, typeof d === 'number' ? new Writer().int(1, d) : new Writer().string(2, d));
  const tensorType = new Writer().int(1, DataType[v.type]).message(2, shape);
  return new Writer().string(1, v.name).message(2, new Writer().message(1, tensorType));
}

// AttributeProto.AttributeType codes.
const ATTR_TYPE = { float: 1, int: 2, tensor: 4, ints: 7 } as const;

function attribute(name: string, a: AttrValue): Writer {
  const w = new Writer().string(1, name);
  switch (a.kind) {
    case 'float':
      w.float(2, a.value);
      break;
    case 'int':
      w.int(3, a.value);
      break;
    case 'tensor':
      w.message(5, tensorProto(a.value));
      break;
    case 'ints':
      for (const v of a.value) w.int(8, v);
      break;
  }
  return w.int(20, ATTR_TYPE[a.kind]);
}

function nodeProto(n: NodeDef, index: number): Writer {
  const w = new Writer();
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, n.name ?? `${n.op}_${index}`).string(4, n.op);
  for (const [k, v] of Object.entries(n.attrs ?? {})) w.message(5, attribute(k, v));
  return w;
}

/** Serialises a graph as an ONNX model (IR version 8, default-domain opset 17). */
export function encodeModel(graph: GraphDef, opts: { opset?: number; producer?: string } = {}): Uint8Array {
  const g = new Writer();
  graph.nodes.forEach((n, i) => g.message(1, nodeProto(n, i)));
  g.string(2, graph.name);
  for (const t of graph.initializers) g.message(5, tensorProto(t));
  for (const v of graph.inputs) g.message(11, valueInfo(v));
  for (const v of graph.outputs) g.message(12, valueInfo(v));
  return new Writer()
    .int(1, 8)
    .string(2, opts.producer ?? 'genbench')
    .message(7, g)
    .message(8, new Writer().string(1, '').int(2, opts.opset ?? 17))
    .finish();
}
