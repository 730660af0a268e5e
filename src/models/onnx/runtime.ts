// onnxruntime-node is an optional dependency (about 290 MB): only `onnx:` specs import it, and
// only here, so API-only installs (`npm install --omit=optional`) never need it.
import { ModelError } from '../types.js';

export type OrtModule = typeof import('onnxruntime-node');

export const ORT_INSTALL_COMMAND = 'npm install onnxruntime-node';

/** Imports onnxruntime-node, or says in one line how to install it. */
export async function importOrt(): Promise<OrtModule> {
  try {
    return await import('onnxruntime-node');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if ((e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'MODULE_NOT_FOUND') && /onnxruntime-node/.test(e.message)) {
      throw new ModelError(
        'config',
        `onnx: models need the optional package onnxruntime-node, which is not installed: run '${ORT_INSTALL_COMMAND}'`,
      );
    }
    throw err;
  }
}
