// Action vocabularies: the label each direction is written as, and the "Answers" section of the
// prompt that teaches it. Tables and sections follow the Debunk study's `ActionFormat` (Base,
// Cardinal, Emoji, Numerical, Alphabetical, Random, Empty), plus the per-item random four-word
// vocabularies of its diverse training data and user-given labels.
import type { Rng } from '../../../src/core/rng.js';
import { DIRS, type Dir } from './board.js';
import { WORD_POOL } from './words.js';

export type VariantName =
  'base' | 'cardinal' | 'emoji' | 'numerical' | 'alphabetical' | 'random' | 'empty' | 'diverse' | 'custom';
export const VARIANTS: readonly VariantName[] = [
  'base',
  'cardinal',
  'emoji',
  'numerical',
  'alphabetical',
  'random',
  'empty',
  'diverse',
  'custom',
];
/** The variants a Fake control may show (custom labels are scored, not shown). */
export const PROMPT_VARIANTS: readonly VariantName[] = VARIANTS.filter((v) => v !== 'custom');

export type LabelTable = Record<Dir, string>;

export interface Vocabulary {
  variant: VariantName;
  labels: LabelTable;
  /**
   * 'list': the four answer tags only (the labels explain themselves); 'explained': the tags and
   * "where … is Up, …"; 'none': no Answers section at all (Empty).
   */
  section: 'list' | 'explained' | 'none';
}

const table = (up: string, down: string, left: string, right: string): LabelTable => ({
  Up: up,
  Down: down,
  Left: left,
  Right: right,
});

const FIXED: Record<Exclude<VariantName, 'diverse' | 'custom'>, Vocabulary> = {
  base: { variant: 'base', labels: table('Up', 'Down', 'Left', 'Right'), section: 'list' },
  cardinal: { variant: 'cardinal', labels: table('North', 'South', 'West', 'East'), section: 'list' },
  emoji: { variant: 'emoji', labels: table('⬆️', '⬇️', '⬅️', '➡️'), section: 'list' },
  numerical: { variant: 'numerical', labels: table('1', '2', '3', '4'), section: 'explained' },
  alphabetical: { variant: 'alphabetical', labels: table('A', 'B', 'C', 'D'), section: 'explained' },
  random: { variant: 'random', labels: table('*', '&', '1', 'M'), section: 'explained' },
  // Empty shows no section and is scored with the base labels the model was trained on.
  empty: { variant: 'empty', labels: table('Up', 'Down', 'Left', 'Right'), section: 'none' },
};

/**
 * The vocabulary of a variant. `diverse` draws four distinct words from `rng` (a stream of its
 * own, so the room does not depend on the words); `custom` uses `labels` in the order Up, Down,
 * Left, Right.
 */
export function vocabulary(variant: VariantName, rng: Rng, labels?: readonly string[]): Vocabulary {
  if (variant === 'diverse') {
    const [up, down, left, right] = rng.sample(WORD_POOL, 4) as [string, string, string, string];
    return { variant, labels: table(up, down, left, right), section: 'explained' };
  }
  if (variant === 'custom') {
    if (!labels || labels.length !== 4) throw new Error('custom vocabulary needs four labels');
    return { variant, labels: table(labels[0]!, labels[1]!, labels[2]!, labels[3]!), section: 'explained' };
  }
  return FIXED[variant];
}

/** The prompt's Answers section, ending in a newline; '' for Empty. */
export function answersSection(v: Vocabulary): string {
  if (v.section === 'none') return '';
  const tags = DIRS.map((d) => `<answer> ${v.labels[d]} </answer>`).join(' | ');
  const where = v.section === 'explained' ? `\nwhere ${DIRS.map((d) => `${v.labels[d]} is ${d}`).join(', ')}.` : '';
  return `Answers:\n${tags}${where}\n`;
}

/**
 * Label comparison as upstream (case-insensitive, whole label), and also blind to emoji
 * variation selectors: '⬆' and '⬆️' are the same arrow, and tokenizers often drop U+FE0F.
 */
export function normalizeLabel(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\uFE0E\uFE0F]/g, '')
    .trim()
    .toLowerCase();
}

export function sameLabels(a: LabelTable, b: LabelTable): boolean {
  return DIRS.every((d) => normalizeLabel(a[d]) === normalizeLabel(b[d]));
}

/** A vocabulary rebuilt from a stored truth's variant name and label table. */
export function vocabularyOf(variant: VariantName, labels: LabelTable): Vocabulary {
  const fixed = (FIXED as Record<string, Vocabulary | undefined>)[variant];
  return { variant, labels, section: fixed ? fixed.section : 'explained' };
}
