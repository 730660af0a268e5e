// The public API. Everything else is internal and may change.
export type {
  Split,
  Message,
  ContentPart,
  TextPart,
  ImagePart,
  Verdict,
  Problem,
  Generator,
  Episode,
  EpisodeStep,
  Turn,
  Environment,
  EnvironmentStep,
} from './core/types.js';
export { ParamError, episodeOf, environmentEpisode, messageText } from './core/types.js';
export {
  defineParams,
  integer,
  number,
  boolean,
  string,
  oneOf,
  subsetOf,
  intRange,
  list,
  record,
  object,
  custom,
  type ParamSchema,
  type ParamRow,
  type Field,
} from './core/params.js';
export { Rng } from './core/rng.js';
export { Rational } from './core/rational.js';
export { itemId, stableHash } from './core/hash.js';
export { correct, wrong } from './core/verdict.js';
export { loadSuite, parseSuite, SuiteError, type Suite, type SuiteTask } from './suite/load.js';
export { taskItems, trainItems, type Item } from './suite/expand.js';
export { loadModel, parseModelSpec } from './models/spec.js';
export type { Model, ModelRequest, ModelResponse, Sampling, ModelOptions } from './models/types.js';
export type { ModelSpec, ProviderModule } from './models/spec.js';
export { ModelError } from './models/types.js';
export { Store } from './store/store.js';
export { run, RunAbortedError, type RunOptions, type ModelRunResult, type Progress } from './runner/run.js';
export { summarize, type RunSummary } from './runner/summary.js';
export { wilson, proportionDifference } from './stats/proportion.js';
export {
  registry,
  getGenerator,
  generatorNames,
  registerGenerator,
  getFamily,
  familyNames,
  registerFamily,
  PluginError,
} from '../generators/index.js';
export { pick, derive, type FamilyDescriptor, type FamilyView, type TaskSpec } from './core/family.js';
export type { TaskRole } from './core/role.js';
export {
  checkGenerator,
  checkFamily,
  generatorShapeProblems,
  familyShapeProblems,
  GARBAGE_RESPONSES,
  type ContractOptions,
} from './core/contract.js';
export { gate, GATE_EXIT, type GateOptions, type GateResult, type GateOutcome } from './gate/index.js';
export { buildSite, type BuildOptions } from './leaderboard/build.js';
export {
  startServer as startModelServer,
  ServerStartError,
  type RunningServer as RunningModelServer,
  type ServerRequest,
} from './models/servers/index.js';
export { checkpointInfo, type CheckpointInfo } from './models/checkpoint.js';
export { expandSeries, type SeriesExpansion } from './models/series.js';
export { recordRunCheckpoint, seriesRuns } from './store/series-queries.js';
export { buildSeriesBoard, type SeriesBoard } from './report/series.js';
export {
  scoreRequest,
  scoreAgainst,
  replayTranscript,
  type ScoreRecord,
  type ScoreFailure,
  type ItemLookup,
} from './verify/score.js';
export { rescore, type RescoreResult, type RescoreOptions } from './verify/rescore.js';
export {
  startServer as startServeServer,
  type ServeOptions,
  type RunningServer as RunningServeServer,
} from './serve/server.js';
export { mergeDatabases, MergeError, type MergeReport } from './store/merge.js';
