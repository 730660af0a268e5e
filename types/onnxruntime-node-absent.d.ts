// Stand-in types for the optional onnxruntime-node when it is not installed (tsconfig.build.json's
// "paths" falls back to this file), so an API-only install (`npm install --omit=optional`) still
// builds. Installed, the package's own types are used. Without it no onnx: model is ever loaded:
// src/models/onnx/runtime.ts stops with the install command.
export interface InferenceSession {
  [key: string]: any;
  run: any;
  inputMetadata: any[];
  outputMetadata: any[];
}
export declare namespace InferenceSession {
  type ExecutionProviderConfig = any;
  type SessionOptions = any;
}
export declare const InferenceSession: any;
export type Tensor = any;
export declare const Tensor: any;
