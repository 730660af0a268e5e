// Reading actions out of a reply, as the Debunk agent loop does: the content of the first
// <answer>…</answer> (after the thinking, when there is a </think>), special tokens removed,
// matched case-insensitively against the scoring vocabulary. All functions are total and linear
// in the reply's length.
import { clampText } from '../../../src/core/extract.js';
import { DIRS, type Dir } from './board.js';
import { normalizeLabel, type LabelTable } from './variants.js';

export type ActionRead = { dir: Dir } | { failure: string; formatOk: boolean };
export type SequenceRead = { dirs: Dir[] } | { failure: string; formatOk: boolean };

const SPECIAL_TOKENS = /<\/?think>|<\/?answer>|<\|im_start\|>|<\|im_end\|>/gi;
const SHOWN_CHARS = 60;

/**
 * The answer's content, or undefined when there is no closed <answer> tag. Written with indexOf
 * rather than a lazy regex, which is quadratic on a reply made of unclosed tags.
 */
export function answerContent(reply: unknown): string | undefined {
  const text = clampText(reply);
  const lower = text.toLowerCase();
  const thinkEnd = lower.lastIndexOf('</think>');
  const from = thinkEnd >= 0 ? thinkEnd + '</think>'.length : 0;
  const open = lower.indexOf('<answer>', from);
  if (open < 0) return undefined;
  const close = lower.indexOf('</answer>', open + '<answer>'.length);
  if (close < 0) return undefined;
  return text
    .slice(open + '<answer>'.length, close)
    .replace(SPECIAL_TOKENS, '')
    .trim();
}

function labelIndex(labels: LabelTable): Map<string, Dir> {
  return new Map(DIRS.map((d) => [normalizeLabel(labels[d]), d]));
}

/** One action: the whole answer must be one label. */
export function readAction(reply: unknown, labels: LabelTable): ActionRead {
  const content = answerContent(reply);
  if (content === undefined) return { failure: 'no <answer>…</answer> in the reply', formatOk: false };
  const dir = labelIndex(labels).get(normalizeLabel(content));
  if (dir) return { dir };
  return { failure: `'${clip(content)}' is not one of the actions ${listLabels(labels)}`, formatOk: false };
}

/**
 * A sequence of actions separated by spaces, commas, semicolons, '|' or '->'. A token without
 * letters or digits may be a run of symbol labels written together ('⬆️⬆️➡️'); it is split
 * greedily, longest label first.
 */
export function readSequence(reply: unknown, labels: LabelTable): SequenceRead {
  const content = answerContent(reply);
  if (content === undefined) return { failure: 'no <answer>…</answer> in the reply', formatOk: false };
  const index = labelIndex(labels);
  const tokens = content.split(/(?:->|[\s,;|])+/).filter((t) => t !== '');
  if (tokens.length === 0) return { failure: 'the answer is empty', formatOk: false };
  const dirs: Dir[] = [];
  for (const token of tokens) {
    const norm = normalizeLabel(token);
    const dir = index.get(norm);
    if (dir) {
      dirs.push(dir);
      continue;
    }
    const run = /[a-z0-9]/i.test(norm) ? undefined : splitRun(norm, index);
    if (!run) return { failure: `'${clip(token)}' is not one of the actions ${listLabels(labels)}`, formatOk: false };
    dirs.push(...run);
  }
  return { dirs };
}

function splitRun(norm: string, index: ReadonlyMap<string, Dir>): Dir[] | undefined {
  const keys = [...index.keys()].filter((k) => k !== '').sort((a, b) => b.length - a.length);
  const out: Dir[] = [];
  for (let at = 0; at < norm.length;) {
    const key = keys.find((k) => norm.startsWith(k, at));
    if (!key) return undefined;
    out.push(index.get(key)!);
    at += key.length;
  }
  return out;
}

/** The reply format the prompt asks for, around one label or a sequence of labels. */
export function formatAnswer(labels: readonly string[]): string {
  return `<answer> ${labels.join(' ')} </answer>`;
}

function listLabels(labels: LabelTable): string {
  return DIRS.map((d) => labels[d]).join(', ');
}

function clip(s: string): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > SHOWN_CHARS ? `${flat.slice(0, SHOWN_CHARS)}...` : flat;
}
