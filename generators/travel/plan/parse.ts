// Reading a plan out of a reply. Two forms are accepted, as TravelPlanner accepts them: the text
// template of its planner prompt ("Day N:" blocks of "Field: value" lines) and its JSON day list
// (bare, fenced, or as the `plan` of a submission line). When a reply holds both, the one that
// starts later wins: the final answer comes last. Anything else is "not delivered", never a throw.
import { clampText } from '../../../src/core/extract.js';
import type { ParsedPlan, PlanDay, PlanField } from './types.js';
import { matchingClose } from '../../../src/core/extract.js';

/** More days than any trip has: a longer "plan" is cut here (and then fails Complete Information). */
export const MAX_PLAN_DAYS = 40;
/** A field value longer than this is cut: no entity name comes close, and the checks stay cheap. */
export const MAX_FIELD_CHARS = 600;
const MAX_JSON_TRIES = 48;

const clip = (s: string) => (s.length > MAX_FIELD_CHARS ? s.slice(0, MAX_FIELD_CHARS) : s);

export function parsePlan(response: unknown): ParsedPlan | undefined {
  const text = clampText(response);
  const fromText = parseTextPlan(text);
  const fromJson = parseJsonPlan(text);
  const best = !fromJson ? fromText : !fromText ? fromJson : fromJson.start > fromText.start ? fromJson : fromText;
  if (!best || !best.plan.days.some((d) => Object.keys(d).length > 0)) return undefined;
  return best.plan;
}

// ---- text template -------------------------------------------------------------------------

const LABEL_TO_FIELD: Record<string, PlanField> = {
  currentcity: 'current_city',
  transportation: 'transportation',
  breakfast: 'breakfast',
  attraction: 'attraction',
  attractions: 'attraction',
  lunch: 'lunch',
  dinner: 'dinner',
  accommodation: 'accommodation',
  accommodations: 'accommodation',
};
const FIELD_LINE =
  /^(current\s*city|transportation|breakfast|attractions?|lunch|dinner|accommodations?)\s*[:：]\s*(.*)$/i;
const DAY_LINE = /^day\s*(\d{1,3})\s*[:：.)-]?\s*(.*)$/i;

/** Markdown decoration a model may put around labels: "**Day 1:**", "- Breakfast: …", "### Day 2". */
function undecorate(line: string): string {
  return line
    .replace(/\*\*|__|`/g, '')
    .replace(/^[\s>#*•-]+/, '')
    .trim();
}

interface Block {
  n: number;
  start: number;
  day: PlanDay;
}

export function parseTextPlan(text: string): { plan: ParsedPlan; start: number } | undefined {
  const blocks: Block[] = [];
  let offset = 0;
  for (const rawLine of text.split('\n')) {
    const lineStart = offset;
    offset += rawLine.length + 1;
    const line = undecorate(rawLine);
    if (!line) continue;
    const header = DAY_LINE.exec(line);
    let rest = line;
    if (header) {
      blocks.push({ n: Number(header[1]), start: lineStart, day: {} });
      rest = header[2]!;
      if (!rest) continue;
    }
    const current = blocks[blocks.length - 1];
    const field = FIELD_LINE.exec(undecorate(rest));
    if (!current || !field) continue;
    const key = LABEL_TO_FIELD[field[1]!.toLowerCase().replace(/\s+/g, '')]!;
    if (current.day[key] === undefined) current.day[key] = clip(field[2]!.replace(/\*\*|__/g, '').trim());
  }
  if (!blocks.length) return undefined;
  let first = 0;
  for (let i = blocks.length - 1; i >= 0; i--)
    if (blocks[i]!.n === 1) {
      first = i;
      break;
    }
  const chosen = blocks.slice(first, first + MAX_PLAN_DAYS);
  return { plan: { format: 'text', days: chosen.map((b) => b.day) }, start: chosen[0]!.start };
}

// ---- JSON day list -------------------------------------------------------------------------

/** The last bracketed JSON array in the text that reads as a day list. */
export function parseJsonPlan(text: string): { plan: ParsedPlan; start: number } | undefined {
  let tries = 0;
  for (
    let start = text.lastIndexOf('[');
    start >= 0 && tries < MAX_JSON_TRIES;
    start = start > 0 ? text.lastIndexOf('[', start - 1) : -1, tries++
  ) {
    const end = matchingClose(text, start);
    if (end < 0) continue;
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, end + 1));
    } catch {
      continue;
    }
    const days = dayList(value);
    if (days) {
      // A plan nested in a larger array (or a submission object) is found at its own '['; keep the outermost start for ordering.
      return { plan: { format: 'json', days }, start };
    }
  }
  return undefined;
}

function dayList(value: unknown): PlanDay[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  if (!value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))) return undefined;
  const days = value.slice(0, MAX_PLAN_DAYS).map((v) => toPlanDay(v as Record<string, unknown>));
  return days.some((d) => Object.keys(d).length > 0) ? days : undefined;
}

function toPlanDay(obj: Record<string, unknown>): PlanDay {
  const day: PlanDay = {};
  for (const [rawKey, v] of Object.entries(obj)) {
    // "current_city", "Current City", "current-city" all read as the template's label.
    const key = rawKey
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '');
    const field = Object.hasOwn(LABEL_TO_FIELD, key) ? LABEL_TO_FIELD[key] : undefined;
    if (!field || day[field] !== undefined) continue;
    day[field] = clip(fieldValue(v, field));
  }
  return day;
}

function fieldValue(v: unknown, field: PlanField): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '-';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  // A list of attractions is read as TravelPlanner's "a;b;" string.
  if (Array.isArray(v) && field === 'attraction' && v.every((x) => typeof x === 'string'))
    return v.map((x) => `${x};`).join('');
  try {
    return JSON.stringify(v).slice(0, MAX_FIELD_CHARS);
  } catch {
    return '?';
  }
}
