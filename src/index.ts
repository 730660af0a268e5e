// The public API. Everything else is internal and may change.
export type { Split, Message, ContentPart, TextPart, ImagePart, Verdict, Problem, Generator, Episode, EpisodeStep, Turn } from './core/types.js';
export { ParamError, episodeOf, messageText } from './core/types.js';
export { Rng } from './core/rng.js';
export { Rational } from './core/rational.js';
export { itemId, stableHash } from './core/hash.js';
export { correct, wrong } from './core/verdict.js';
export { loadSuite, parseSuite, SuiteError, type Suite, type SuiteTask } from './suite/load.js';
export { taskItems, trainItems, type Item } from './suite/expand.js';
export { loadModel, parseModelSpec } from './models/spec.js';
export type { Model, ModelRequest, ModelResponse, Sampling } from './models/types.js';
export { ModelError } from './models/types.js';
export { Store } from './store/store.js';
export { run, RunAbortedError, type RunOptions, type ModelRunResult, type Progress } from './runner/run.js';
export { summarize, type RunSummary } from './runner/summary.js';
export { wilson, proportionDifference } from './stats/proportion.js';
export { registry, getGenerator, generatorNames } from '../generators/index.js';
export { gate, GATE_EXIT, type GateOptions, type GateResult, type GateOutcome } from './gate/index.js';
export { buildSite, type BuildOptions } from './leaderboard/build.js';
