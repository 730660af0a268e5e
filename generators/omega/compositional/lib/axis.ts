// One generator per compositional or transformative setting, whose `part` param picks which pool
// an item comes from: a skill-A or skill-B training pool (compositional), the familiar family
// (transformative), or the composed / transformed test. All parts live in one generator so the
// ID items and the OOD items share a `family` and the report measures their gap together; each
// part is itself an OmegaGenerator (an exploratory family, or one made with defineFamily).
import { didYouMean } from '../../../../src/core/suggest.js';
import type { Rng } from '../../../../src/core/rng.js';
import { ParamError, type Generator, type Problem } from '../../../../src/core/types.js';
import type { OmegaGenerator, OmegaParams, OmegaTruth } from '../../lib/family.js';
import { OMEGA_VERIFIER_VERSION, verifyOmegaTruth } from '../../lib/truth-verify.js';

export type Axis = 'compositional' | 'transformative';

export interface SettingSpec {
  axis: Axis;
  /** 'polynomial_gcd' → generator `omega/compositional/polynomial_gcd`. */
  setting: string;
  description: string;
  /** Bump when this file's own output changes; part versions are appended automatically. */
  version: string;
  /** Part name → the generator of that pool. The first part is the default. */
  parts: Record<string, OmegaGenerator>;
  /** Parts that are the OOD test (composed / transformed); the others are ID pools. */
  testParts: readonly string[];
}

export interface SettingParams { part: string; inner: OmegaParams }

export interface SettingTruth extends OmegaTruth {
  axis: Axis;
  setting: string;
  part: string;
  /** The OMEGA family (or our own family) the item was drawn from. */
  source: string;
}

export interface SettingGenerator extends Generator<SettingParams> {
  setting: { axis: Axis; setting: string; parts: Record<string, OmegaGenerator>; testParts: readonly string[] };
}

const FIELDS = ['part', 'level'];

export function defineSetting(spec: SettingSpec): SettingGenerator {
  const name = `omega/${spec.axis}/${spec.setting}`;
  const partNames = Object.keys(spec.parts);
  const version = `${spec.version}+${partNames.map((p) => `${p}${spec.parts[p]!.version}`).join('.')}`;

  function parseParams(raw: unknown): SettingParams {
    const obj = raw ?? {};
    if (typeof obj !== 'object' || Array.isArray(obj)) throw new ParamError('params', `expected a mapping with the fields part (${partNames.join(' | ')}) and level`);
    const p = obj as Record<string, unknown>;
    for (const key of Object.keys(p)) {
      if (!FIELDS.includes(key)) throw new ParamError(key, `unknown field.${didYouMean(key, FIELDS)} Accepted fields: part, level`);
    }
    const part = p.part === undefined ? partNames[0]! : p.part;
    if (typeof part !== 'string' || !spec.parts[part]) {
      throw new ParamError('part', `expected one of ${partNames.join(', ')}; got ${JSON.stringify(part)}`);
    }
    // The part's own parser names the level range it accepts.
    const inner = spec.parts[part]!.parseParams(p.level === undefined ? {} : { level: p.level });
    return { part, inner };
  }

  function generate(params: SettingParams, rng: Rng): Problem {
    const g = spec.parts[params.part];
    if (!g) throw new ParamError('part', `unknown part ${params.part}`);
    const inner = g.generate(params.inner, rng);
    const t = inner.truth as OmegaTruth;
    const truth: SettingTruth = { ...t, axis: spec.axis, setting: spec.setting, part: params.part, source: g.omega.family };
    return {
      ...inner,
      truth,
      verify: (response) => verifyOmegaTruth(truth, response),
      difficulty: { part: params.part, test: spec.testParts.includes(params.part) ? 1 : 0, ...inner.difficulty },
      dedupKey: `${name}|${params.part}|${inner.dedupKey ?? ''}`,
    };
  }

  return {
    name,
    version,
    family: `omega-${spec.axis}`,
    description: spec.description,
    parseParams,
    generate,
    verifierVersion: OMEGA_VERIFIER_VERSION,
    verify: verifyOmegaTruth,
    setting: { axis: spec.axis, setting: spec.setting, parts: spec.parts, testParts: spec.testParts },
  };
}
