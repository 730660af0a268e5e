// The tokenizer of the project's test checkpoints: one token per printable ASCII character plus a
// few chat specials, written as a Hugging Face tokenizer.json (BPE with no merges, so every
// character is its own token) and a tokenizer_config.json with a chat template. Small enough to
// reason about by hand, real enough to go through @huggingface/tokenizers and @huggingface/jinja.

export const SPECIAL_TOKENS = [
  '<pad>',
  '<s>',
  '</s>',
  '<unk>',
  '<|system|>',
  '<|user|>',
  '<|assistant|>',
  '<|end|>',
] as const;
export const PAD_ID = 0;
export const BOS_ID = 1;
export const EOS_ID = 2;
export const UNK_ID = 3;
/** '<|end|>' closes every chat turn; generation_config lists it as a second EOS, like chat models do. */
export const END_ID = 7;

/** '\n' and the 95 printable ASCII characters, in that order after the specials. */
export const CHARS: readonly string[] = ['\n', ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))];
export const BASE_VOCAB_SIZE = SPECIAL_TOKENS.length + CHARS.length;

/** Token id of one character ('<unk>' for anything outside the vocabulary). */
export function charId(c: string): number {
  const i = CHARS.indexOf(c);
  return i < 0 ? UNK_ID : SPECIAL_TOKENS.length + i;
}

export const CHAT_TEMPLATE =
  "{{ bos_token }}{% for m in messages %}{{ '<|' + m['role'] + '|>' + m['content'] + '<|end|>' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|assistant|>' }}{% endif %}";

/**
 * tokenizer.json. A `vocabSize` above the base vocabulary adds filler tokens '<extra_N>', so a
 * model with a large embedding table (the benchmark transformer) still decodes every id.
 */
export function tokenizerJson(vocabSize = BASE_VOCAB_SIZE): Record<string, unknown> {
  const vocab: Record<string, number> = {};
  [...SPECIAL_TOKENS, ...CHARS].forEach((t, i) => (vocab[t] = i));
  for (let i = BASE_VOCAB_SIZE; i < vocabSize; i++) vocab[`<extra_${i}>`] = i;
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: null,
    pre_tokenizer: null,
    post_processor: null,
    decoder: { type: 'Fuse' },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: '<unk>',
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab,
      merges: [],
    },
  };
}

export function tokenizerConfigJson(withTemplate = true): Record<string, unknown> {
  return {
    tokenizer_class: 'PreTrainedTokenizerFast',
    bos_token: '<s>',
    eos_token: '</s>',
    pad_token: '<pad>',
    unk_token: '<unk>',
    add_bos_token: false,
    add_eos_token: false,
    clean_up_tokenization_spaces: false,
    padding_side: 'left',
    model_max_length: 65536,
    ...(withTemplate ? { chat_template: CHAT_TEMPLATE } : {}),
  };
}

/** What the chat template renders, as token ids: a reference for tests, written independently of jinja. */
export function chatPromptIds(messages: readonly { role: string; content: string }[]): number[] {
  const ids = [BOS_ID];
  for (const m of messages) {
    ids.push(SPECIAL_TOKENS.indexOf(`<|${m.role}|>` as (typeof SPECIAL_TOKENS)[number]));
    for (const c of m.content) ids.push(charId(c));
    ids.push(END_ID);
  }
  ids.push(SPECIAL_TOKENS.indexOf('<|assistant|>'));
  return ids;
}
