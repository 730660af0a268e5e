// Trainer-ready rows: one fixed schema across every family, so Hugging Face `datasets` (Arrow),
// verl and TRL load an export as it is. Every field has one type in every row: message content
// is always a string (an image part becomes the placeholder `<image>`, its bytes go to `images`,
// in order), structured values (truth, difficulty) are JSON strings, a missing reference is ''.
import type { Message } from '../core/types.js';
import { canonicalJson } from '../core/hash.js';
import type { Item } from '../suite/expand.js';

export const TRAINER_FORMATS = ['hf', 'trl', 'verl'] as const;
export type TrainerFormat = (typeof TRAINER_FORMATS)[number];

/** Where each image part of the prompt stood in the text. */
export const IMAGE_PLACEHOLDER = '<image>';

export interface ChatMessage {
  role: string;
  content: string;
}
/** One image of the prompt: base64 bytes and their media type. */
export interface ImageRecord {
  mediaType: string;
  data: string;
}

export interface HfRow {
  id: string;
  suite: string;
  task: string;
  generator: string;
  generatorVersion: string;
  verifierVersion: string;
  family: string;
  split: string;
  axis: string;
  seed: string;
  index: number;
  messages: ChatMessage[];
  images: ImageRecord[];
  /** JSON strings. */
  truth: string;
  difficulty: string;
  reference: string;
  multiTurn: boolean;
}

export interface TrlRow {
  prompt: ChatMessage[];
  images: ImageRecord[];
  /** Passed by TRL to reward functions as keyword arguments. */
  id: string;
  generator: string;
  truth: string;
  task: string;
  split: string;
  verifierVersion: string;
}

export interface VerlRow {
  data_source: string;
  prompt: ChatMessage[];
  ability: string;
  reward_model: { style: string; ground_truth: string };
  extra_info: { id: string; split: string; index: number; generator: string; task: string; verifierVersion: string };
  images: ImageRecord[];
}

/** The `data_source` of verl rows: the generator, so compute_score knows which verifier to call. */
export const VERL_SOURCE_PREFIX = 'genbench/';

export function flattenMessages(messages: readonly Message[]): { messages: ChatMessage[]; images: ImageRecord[] } {
  const images: ImageRecord[] = [];
  const flat = messages.map((m) => {
    if (typeof m.content === 'string') return { role: m.role, content: m.content };
    const text = m.content
      .map((p) => {
        if (p.type === 'text') return p.text;
        images.push({ mediaType: p.mediaType, data: p.data });
        return IMAGE_PLACEHOLDER;
      })
      .join('');
    return { role: m.role, content: text };
  });
  return { messages: flat, images };
}

export function hfRow(item: Item, suite: string): HfRow {
  const { task, problem } = item;
  const { messages, images } = flattenMessages(problem.messages);
  return {
    id: item.id,
    suite,
    task: task.id,
    generator: task.generator.name,
    generatorVersion: task.generator.version,
    verifierVersion: task.generator.verifierVersion,
    family: task.family,
    split: item.split,
    axis: task.axis,
    seed: String(item.seed),
    index: item.index,
    messages,
    images,
    truth: canonicalJson(problem.truth ?? null),
    difficulty: canonicalJson(problem.difficulty),
    reference: problem.reference ?? '',
    multiTurn: Boolean(problem.episode),
  };
}

export function trlRow(item: Item): TrlRow {
  const { task, problem } = item;
  const { messages, images } = flattenMessages(problem.messages);
  return {
    prompt: messages,
    images,
    id: item.id,
    generator: task.generator.name,
    truth: canonicalJson(problem.truth ?? null),
    task: task.id,
    split: item.split,
    verifierVersion: task.generator.verifierVersion,
  };
}

export function verlRow(item: Item, rowIndex: number): VerlRow {
  const { task, problem } = item;
  const { messages, images } = flattenMessages(problem.messages);
  return {
    data_source: `${VERL_SOURCE_PREFIX}${task.generator.name}`,
    prompt: messages,
    ability: task.family,
    reward_model: { style: 'rule', ground_truth: canonicalJson(problem.truth ?? null) },
    extra_info: {
      id: item.id,
      split: item.split,
      index: rowIndex,
      generator: task.generator.name,
      task: task.id,
      verifierVersion: task.generator.verifierVersion,
    },
    images,
  };
}
