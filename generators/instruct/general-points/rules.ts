// Face-card rules: what J, Q and K are worth. The same shape serves the scoring rule and the
// rule stated in the prompt; the two differ only in the Fake controls.
import { ParamError } from '../../../src/core/types.js';

/** A face-card mapping with a canonical name ('face10', 'regular', 'all5', 'J8-Q9-K10'). */
export interface FaceRule {
  name: string;
  J: number;
  Q: number;
  K: number;
}

/** Face values stay small so the solver's safe-integer rationals can never overflow (see solver.ts). */
export const MAX_FACE_VALUE = 100;

const ACCEPTED =
  `'face10' (J,Q,K=10), 'regular' (11,12,13), 'all<v>' such as 'all5', 'J<a>-Q<b>-K<c>' such as 'J8-Q9-K10', ` +
  `{ all: v } or { J: a, Q: b, K: c } with integers 1..${MAX_FACE_VALUE}`;

/** The accepted rule shapes, short, for the params table. */
export const RULE_TYPE = "'face10', 'regular', 'all<v>', 'J<a>-Q<b>-K<c>', { all: v } or { J: a, Q: b, K: c }";

/** The canonical rule for a mapping: equal mappings always get the same name. */
export function faceRule(J: number, Q: number, K: number): FaceRule {
  let name: string;
  if (J === 10 && Q === 10 && K === 10) name = 'face10';
  else if (J === 11 && Q === 12 && K === 13) name = 'regular';
  else if (J === Q && Q === K) name = `all${J}`;
  else name = `J${J}-Q${Q}-K${K}`;
  return { name, J, Q, K };
}

export const FACE10 = faceRule(10, 10, 10);
export const REGULAR = faceRule(11, 12, 13);

export function sameMapping(a: FaceRule, b: FaceRule): boolean {
  return a.J === b.J && a.Q === b.Q && a.K === b.K;
}

/** Parses a rule as written in a suite; `field` names the param in errors. */
export function parseRule(raw: unknown, field: string): FaceRule {
  if (typeof raw === 'string') return parseRuleName(raw.trim(), field);
  if (raw && typeof raw === 'object' && !Array.isArray(raw))
    return parseRuleObject(raw as Record<string, unknown>, field);
  throw new ParamError(field, `expected ${ACCEPTED}; got ${JSON.stringify(raw)}`);
}

function parseRuleName(name: string, field: string): FaceRule {
  if (name === 'face10') return FACE10;
  if (name === 'regular') return REGULAR;
  let m = /^all(\d+)$/.exec(name);
  if (m) {
    const v = faceValue(Number(m[1]), field);
    return faceRule(v, v, v);
  }
  m = /^J(\d+)-Q(\d+)-K(\d+)$/.exec(name);
  if (m)
    return faceRule(faceValue(Number(m[1]), field), faceValue(Number(m[2]), field), faceValue(Number(m[3]), field));
  throw new ParamError(field, `unknown rule '${name}'; expected ${ACCEPTED}`);
}

function parseRuleObject(obj: Record<string, unknown>, field: string): FaceRule {
  const keys = Object.keys(obj).sort().join(',');
  if (keys === 'all') {
    const v = faceValue(obj.all, `${field}.all`);
    return faceRule(v, v, v);
  }
  if (keys === 'J,K,Q')
    return faceRule(faceValue(obj.J, `${field}.J`), faceValue(obj.Q, `${field}.Q`), faceValue(obj.K, `${field}.K`));
  throw new ParamError(field, `a rule object has either the key 'all' or exactly the keys J, Q, K; got {${keys}}`);
}

function faceValue(raw: unknown, field: string): number {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= MAX_FACE_VALUE) return raw;
  throw new ParamError(
    field,
    `a face-card value must be an integer from 1 to ${MAX_FACE_VALUE}; got ${JSON.stringify(raw)}`,
  );
}

/**
 * The sentence the prompt uses for a rule. The wording follows the upstream prompts: SFTvsRL's two
 * sentences for 10 and 11/12/13, and Debunk's "all count as" / "counts as" forms for the others.
 */
export function faceCardMessage(rule: FaceRule): string {
  if (rule.name === 'face10') return "'J', 'Q', and 'K' count as '10'";
  if (rule.name === 'regular') return "'J', 'Q', and 'K' count as '11', '12', and '13' respectively";
  if (rule.J === rule.Q && rule.Q === rule.K) return `'J', 'Q', and 'K' all count as '${rule.J}'`;
  return `'J' counts as '${rule.J}', 'Q' counts as '${rule.Q}', and 'K' counts as '${rule.K}'`;
}
