// A multi-turn answer turn by turn: the stored replies are replayed through the item's own
// episode (regenerated from its generator, params, seed and index), so each turn shows the board
// or state the model was looking at when it replied.
import { registry } from '../../../generators/index.js';
import { Rng } from '../../core/rng.js';
import { episodeOf, messageText } from '../../core/types.js';

export interface TranscriptTurn {
  turn: number;
  prompt: string;
  reply: string;
}

export interface ReplayableItem {
  generator: string;
  generatorVersion: string;
  params: unknown;
  seed: string | number;
  index: number;
}

/** The prompt of each turn and the reply to it; undefined when the item cannot be regenerated. */
export function replayTranscript(item: ReplayableItem, replies: readonly string[]): TranscriptTurn[] | undefined {
  const generator = registry.get(item.generator);
  if (!generator || generator.version !== item.generatorVersion) return undefined;
  try {
    const episode = episodeOf(generator.generate(item.params as never, Rng.forItem(item.seed, item.index)));
    let turn = episode.start();
    const out: TranscriptTurn[] = [];
    for (let i = 0; i < replies.length; i++) {
      const user = [...turn.messages].reverse().find((m) => m.role === 'user');
      out.push({ turn: i + 1, prompt: user ? messageText(user) : '', reply: replies[i]! });
      const step = episode.step(replies[i]!);
      if (step.done) break;
      turn = step;
    }
    return out;
  } catch {
    return undefined; // a generator that changed or throws: the page falls back to the raw replies
  }
}
