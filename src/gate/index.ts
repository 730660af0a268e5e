// The regression gate's public surface (re-exported from the package entry when the lead wires it).
export { gate, RESULT_FORMAT, type GateOptions, type GateResult, type GateOutcome } from './gate.js';
export {
  DEFAULT_GATES,
  mergeGates,
  gatesFromSuite,
  loadGatesFile,
  type GateConfig,
  type GateOverrides,
} from './config.js';
export {
  GATE_EXIT,
  GateConfigError,
  GateHarnessError,
  GateInterruptedError,
  exitCodeForVerdict,
  type Verdict,
} from './errors.js';
export { classifySide, type SideSource, type SideInfo } from './sides.js';
export { readBaselineFile, writeBaselineFile, BASELINE_FORMAT, type BaselineFile } from './baseline-file.js';
export { renderMarkdown } from './markdown.js';
export { renderJUnit } from './junit.js';
export type { Check, CheckStatus } from './checks.js';
