// Reading an answer as leniently as Jigsaw-R1's `extract_answer` / `process_jigsaw_string`
// (utils/reward.py) and no more. All functions are total and linear in the input length: no
// regex here can backtrack, so a megabyte of adversarial text costs milliseconds.
import type { AnswerMode } from './prompt.js';

const OPEN = '<answer>';
const CLOSE = '</answer>';

/** Any value as text; never throws (String() does on some objects). */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return String(value ?? '');
  } catch {
    return '';
  }
}

/**
 * The text an answer is read from. Thinking mode: the first `<answer>…</answer>` span (case
 * sensitive, as upstream's regex), else the whole output; direct mode: the whole output. Trimmed.
 * The first `<answer>` that has a `</answer>` after it is the first `<answer>` of all, if any is.
 */
export function answerContent(response: string, mode: AnswerMode): string {
  if (mode === 'thinking') {
    const open = response.indexOf(OPEN);
    const close = open < 0 ? -1 : response.indexOf(CLOSE, open + OPEN.length);
    if (close >= 0) return response.slice(open + OPEN.length, close).trim();
  }
  return response.trim();
}

/**
 * The choice letter: the last uppercase A–Z of the content (upstream reverses the string and takes
 * the first match). Failing that, upstream compares the whole content to the letter ignoring case,
 * so a content of exactly one lowercase letter also counts; that is kept.
 */
export function readLetter(content: string): string | undefined {
  for (let i = content.length - 1; i >= 0; i--) {
    const c = content.charCodeAt(i);
    if (c >= 65 && c <= 90) return content[i];
  }
  if (content.length === 1 && /^[a-z]$/.test(content)) return content.toUpperCase();
  return undefined;
}

export type GridRead =
  /** `values` keeps the first 64 indices; `count` says how many there were. */
  | { ok: true; values: number[]; count: number }
  | { ok: false; failure: 'empty' | 'token'; reason: string; token?: string };

/** At most this many indices are kept in a parsed answer (the largest grid has 64 cells). */
const MAX_KEPT = 64;

/**
 * A full answer: backticks, commas, semicolons and newlines become spaces; then every
 * whitespace-separated token must be an integer in 1..cells (so "Answer: 2 1" fails, as upstream).
 * The length is not checked here. One deviation: upstream splits on single spaces after collapsing
 * runs of two or more whitespace characters, so a lone tab between two numbers failed the parse;
 * here any whitespace separates.
 */
export function readGrid(content: string, cells: number): GridRead {
  const values: number[] = [];
  let count = 0;
  let i = 0;
  const n = content.length;
  const isSeparator = (ch: string) => ch === '`' || ch === ',' || ch === ';' || /\s/.test(ch);
  while (i < n) {
    while (i < n && isSeparator(content[i]!)) i++;
    if (i >= n) break;
    let j = i;
    while (j < n && !isSeparator(content[j]!)) j++;
    const token = content.slice(i, j);
    if (!/^[0-9]+$/.test(token))
      return { ok: false, failure: 'token', reason: `'${clip(token)}' is not a position index`, token: clip(token) };
    const v = Number(token);
    if (v < 1 || v > cells)
      return {
        ok: false,
        failure: 'token',
        reason: `${clip(token)} is not a position index from 1 to ${cells}`,
        token: clip(token),
      };
    if (values.length < MAX_KEPT) values.push(v);
    count++;
    i = j;
  }
  if (count === 0) return { ok: false, failure: 'empty', reason: 'the answer holds no position indices' };
  return { ok: true, values, count };
}

function clip(s: string): string {
  return s.length > 24 ? `${s.slice(0, 24)}...` : s;
}

/**
 * Upstream's format reward for thinking mode: the whole output is one `<think>…</think>`, optional
 * whitespace, and one `<answer>…</answer>`, read with upstream's lazy regex (so text after the
 * first `</answer>` fails it). Computed without a regex to stay linear.
 */
export function thinkingShapeOk(output: string): boolean {
  if (!output.startsWith('<think>')) return false;
  let from = '<think>'.length;
  for (;;) {
    const end = output.indexOf('</think>', from);
    if (end < 0) return false;
    let k = end + '</think>'.length;
    while (k < output.length && /\s/.test(output[k]!)) k++;
    if (output.startsWith(OPEN, k)) {
      // The lazy answer span ends at the first closing tag; if there is none, no later start finds one either.
      const close = output.indexOf(CLOSE, k + OPEN.length);
      return close >= 0 && close + CLOSE.length === output.length;
    }
    from = end + 1;
  }
}
