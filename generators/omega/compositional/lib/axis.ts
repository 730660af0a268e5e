// One generator per compositional or transformative setting, whose `part` param picks which pool
// an item comes from: a skill-A or skill-B training pool (compositional), the familiar family
// (transformative), or the composed / transformed test. All parts live in one generator so the
// ID items and the OOD items share a `family` and the report measures their gap together; each
// part is itself an OmegaGenerator (an exploratory family, or one made with defineFamily).
import { custom, defineParams, oneOf } from '../../../../src/core/params.js';
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

export interface SettingParams {
  part: string;
  inner: OmegaParams;
}

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

export function defineSetting(spec: SettingSpec): SettingGenerator {
  const name = `omega/${spec.axis}/${spec.setting}`;
  const partNames = Object.keys(spec.parts);
  const version = `${spec.version}+${partNames.map((p) => `${p}${spec.parts[p]!.version}`).join('.')}`;

  const maxLevels = [...new Set(partNames.map((p) => spec.parts[p]!.omega.maxLevel))];
  const schema = defineParams({
    part: oneOf(partNames, {
      default: partNames[0]!,
      doc: `The pool items come from; test: ${spec.testParts.join(', ')}.`,
    }),
    // The part's own schema checks the level, so the error names the range of that part.
    level: custom({
      type: `an integer from 1 to ${maxLevels.join(' or ')} (by part), or a non-empty list of them`,
      defaultText: '1',
      parse: (raw) => raw,
      doc: "The part's level, or a list of levels drawn uniformly.",
    }),
  });
  const parseParams = (raw: unknown): SettingParams => {
    const { part, level } = schema.parse(raw);
    return { part, inner: spec.parts[part]!.parseParams(level === undefined ? {} : { level }) };
  };

  function generate(params: SettingParams, rng: Rng): Problem {
    const g = spec.parts[params.part];
    if (!g) throw new ParamError('part', `unknown part ${params.part}`);
    const inner = g.generate(params.inner, rng);
    const t = inner.truth as OmegaTruth;
    const truth: SettingTruth = {
      ...t,
      axis: spec.axis,
      setting: spec.setting,
      part: params.part,
      source: g.omega.family,
    };
    return {
      ...inner,
      truth,
      verify: (response) => g.verify(truth, response),
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
    params: schema,
    generate,
    verifierVersion: OMEGA_VERIFIER_VERSION,
    // The part's own verifier: it knows the units its question asks for.
    verify: (truth, response) => {
      const part = (truth as { part?: unknown } | null)?.part;
      const g = typeof part === 'string' && Object.hasOwn(spec.parts, part) ? spec.parts[part]! : undefined;
      return g ? g.verify(truth, response) : verifyOmegaTruth(truth, response);
    },
    setting: { axis: spec.axis, setting: spec.setting, parts: spec.parts, testParts: spec.testParts },
  };
}
