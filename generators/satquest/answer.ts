// Answer extraction exactly as lenient as SATQuest and no further.
//   eval (eval_model.py): the last match of (?i)answer:\s*([^\n]+) anywhere in the reply, then the
//   last window of exactly L binary digits inside that match (windows overlap, so an over-long
//   bit string yields its last L bits: "Answer: 1101" with L = 3 reads "101").
//   rft (rft.py): the last <answer>…</answer> span (case-sensitive, lazy), then the same window.
// Both regexes mirror Python's semantics: `\s` is Python's str.isspace() set (it includes
// U+001C–U+001F and U+0085, which JavaScript's \s lacks, and excludes U+FEFF, which it has), and
// the 'iu' flags give Python's Unicode case-insensitivity ("ANſWER:" matches, as in Python).
import { clampText } from '../../src/core/extract.js';
import type { PromptStyle } from './params.js';

const PY_SPACE = '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const ANSWER_LINE = new RegExp(`answer:${PY_SPACE}*([^\\n]+)`, 'giu');

export type Extraction =
  { ok: true; bits: string; span: string } | { ok: false; stage: 'no-answer' | 'no-bits'; span?: string };

/** The answer span of a reply, or undefined when the reply has none. */
export function answerSpan(response: string, style: PromptStyle): string | undefined {
  return style === 'rft' ? lastAnswerTag(response) : lastAnswerLine(response);
}

function lastAnswerLine(text: string): string | undefined {
  ANSWER_LINE.lastIndex = 0;
  let last: string | undefined;
  for (let m = ANSWER_LINE.exec(text); m; m = ANSWER_LINE.exec(text)) last = m[1];
  return last;
}

/**
 * The last match of Python's <answer>(.*?)</answer> with DOTALL, found with indexOf: the regex
 * would rescan to the end for every unclosed <answer>, which is quadratic on adversarial input.
 */
function lastAnswerTag(text: string): string | undefined {
  let last: string | undefined;
  for (let pos = 0; ;) {
    const open = text.indexOf('<answer>', pos);
    if (open < 0) break;
    const close = text.indexOf('</answer>', open + 8);
    if (close < 0) break; // no later <answer> can close either
    last = text.slice(open + 8, close);
    pos = close + 9;
  }
  return last;
}

/** The last run of `length` consecutive '0'/'1' characters in `span` (overlapping windows). */
export function lastBitWindow(span: string, length: number): string | undefined {
  let run = 0;
  for (let i = span.length - 1; i >= 0; i--) {
    const ch = span.charCodeAt(i);
    if (ch === 48 || ch === 49) {
      // Scanning backwards, the first run to reach `length` is the last long-enough run, and
      // its last `length` digits are the window that starts furthest right.
      if (++run === length) return span.slice(i, i + length);
    } else {
      run = 0;
    }
  }
  return undefined;
}

export function extractBits(response: unknown, style: PromptStyle, length: number): Extraction {
  // Replies beyond 200,000 characters are read from their end: the answer is the last match anyway.
  const text = clampText(response);
  const span = answerSpan(text, style);
  if (span === undefined) return { ok: false, stage: 'no-answer' };
  const bits = lastBitWindow(span, length);
  if (bits === undefined) return { ok: false, stage: 'no-bits', span };
  return { ok: true, bits, span };
}
