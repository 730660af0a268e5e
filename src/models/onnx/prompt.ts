// Messages -> prompt token ids through the checkpoint's own chat template (rendered with
// @huggingface/jinja, tokenized with @huggingface/tokenizers, as transformers' apply_chat_template
// does), and generated ids -> text.
import { Template } from '@huggingface/jinja';
import { Tokenizer } from '@huggingface/tokenizers';
import { messageText, type Message } from '../../core/types.js';
import { ModelError } from '../types.js';
import type { Checkpoint } from './checkpoint.js';

/** tokenizer_config.json writes special tokens as strings or as AddedToken objects. */
function tokenString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as { content?: unknown }).content === 'string')
    return (v as { content: string }).content;
  return undefined;
}

export class PromptCodec {
  private readonly tokenizer: Tokenizer;
  private readonly template?: Template;
  private readonly specials: Record<string, string | undefined>;
  /** Says how prompts are built: 'chat template' or the plain fallback for base checkpoints. */
  readonly format: 'chat-template' | 'plain';

  constructor(ckpt: Checkpoint) {
    const label = ckpt.files.label;
    try {
      this.tokenizer = new Tokenizer(ckpt.tokenizerJson, ckpt.tokenizerConfig);
    } catch (err) {
      throw new ModelError(
        'config',
        `onnx checkpoint '${label}': tokenizer.json could not be loaded (${(err as Error).message.split('\n')[0]})`,
        { cause: err },
      );
    }
    if (ckpt.chatTemplate !== undefined) {
      try {
        this.template = new Template(ckpt.chatTemplate);
      } catch (err) {
        throw new ModelError(
          'config',
          `onnx checkpoint '${label}': the chat template does not parse (${(err as Error).message.split('\n')[0]})`,
          { cause: err },
        );
      }
    }
    this.format = this.template ? 'chat-template' : 'plain';
    const c = ckpt.tokenizerConfig;
    this.specials = {
      bos_token: tokenString(c.bos_token),
      eos_token: tokenString(c.eos_token),
      pad_token: tokenString(c.pad_token),
      unk_token: tokenString(c.unk_token),
    };
  }

  tokenId(token: string | undefined): number | undefined {
    return token === undefined ? undefined : this.tokenizer.token_to_id(token);
  }

  get eosToken(): string | undefined {
    return this.specials.eos_token;
  }

  get padToken(): string | undefined {
    return this.specials.pad_token;
  }

  /** The prompt as text: what the template renders (or, without one, the message texts). */
  render(messages: readonly Message[]): string {
    const plain = messages.map((m) => {
      if (typeof m.content !== 'string' && m.content.some((p) => p.type === 'image')) {
        throw new ModelError('content', 'onnx: this provider runs text-only checkpoints; the prompt has an image');
      }
      return { role: m.role, content: messageText(m) };
    });
    if (!this.template) return plain.map((m) => m.content).join('\n\n');
    try {
      return this.template.render({ messages: plain, add_generation_prompt: true, ...this.specials });
    } catch (err) {
      // A template that rejects this conversation (e.g. "system role not supported") fails one request, not the run.
      throw new ModelError(
        'content',
        `onnx: the chat template rejected the messages (${(err as Error).message.split('\n')[0]})`,
        { cause: err },
      );
    }
  }

  /** Prompt ids. Templates carry their own BOS, so special tokens are not added again (as apply_chat_template). */
  encode(messages: readonly Message[]): number[] {
    const text = this.render(messages);
    return this.tokenizer.encode(text, { add_special_tokens: !this.template }).ids;
  }

  decode(ids: readonly number[]): string {
    if (ids.length === 0) return '';
    return this.tokenizer.decode(ids as number[], { skip_special_tokens: true });
  }
}
