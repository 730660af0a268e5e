// The two baselines every leaderboard shows: the oracle (the generator's reference answer: checks
// the verifier end to end and marks the ceiling) and chance level (a random answer in the right
// format). Both are real rows, cheap and deterministic, so the runner does not cache them.
import type { ModelSpec } from './spec.js';
import { ModelError, type Model, type ModelOptions, type ModelRequest, type ModelResponse } from './types.js';

export async function createModel(spec: ModelSpec, _opts: ModelOptions): Promise<Model> {
  if (spec.model === 'oracle') return baselineModel(spec.spec, 'baseline:oracle', oracleReply);
  if (spec.model === 'random') return baselineModel(spec.spec, 'baseline:random', randomReply);
  throw new ModelError('config', `unknown baseline '${spec.model}' in '${spec.spec}'`);
}

/** The reference answer; '' (scored as wrong, never an exception) when a task has none. */
function oracleReply(req: ModelRequest): string {
  return req.reference ?? '';
}

/** A chance-level answer drawn from the request's own stream, so it is reproducible. */
function randomReply(req: ModelRequest): string {
  return req.randomAnswer?.(req.rng) ?? '';
}

function baselineModel(spec: string, identity: string, reply: (req: ModelRequest) => string): Model {
  return {
    spec,
    identity,
    cacheable: false,
    defaultConcurrency: 64,
    async generate(req: ModelRequest): Promise<ModelResponse> {
      return { text: reply(req), resolvedModel: identity };
    },
  };
}
