// logic_zebralogic: a zebra puzzle with a unique solution and a multiple-choice question whose
// answer is the index of the right option (ZebraLogic's mc_mode). OMEGA filtered the HF
// WildEval/ZebraLogic set by grid size; we generate our own: a random solution, true clues added
// until the solver finds exactly one solution, then every clue the rest make redundant removed.
import { choiceAnswer } from './lib/answer.js';
import { defineFamily } from './lib/family.js';
import { CATEGORIES, clueText, countSolutions, randomTrueClue, type Clue } from './lib/zebra.js';

interface Level extends Record<string, unknown> {
  maxDim: number;
}

export const logicZebralogic = defineFamily<Level>({
  family: 'logic_zebralogic',
  domain: 'logic',
  description:
    'OMEGA logic_zebralogic: generated zebra puzzles (unique solution, pruned clues), multiple choice; levels grow the grid (1–5).',
  version: '2',
  levels: { 1: { maxDim: 2 }, 2: { maxDim: 3 }, 3: { maxDim: 4 }, 4: { maxDim: 5 }, 5: { maxDim: 6 } },
  knobs: ['maxDim'],
  make(c, rng) {
    const other = rng.int(2, c.maxDim);
    const [houses, attrs] = rng.bool() ? [c.maxDim, other] : [other, c.maxDim];
    const cats = [CATEGORIES[0]!, ...rng.sample(CATEGORIES.slice(1), attrs - 1)].map((cat) => ({
      ...cat,
      values: rng.sample(cat.values, houses),
    }));
    const house = cats.map(() => rng.shuffle(Array.from({ length: houses }, (_, i) => i)));
    const clues: Clue[] = [];
    while (countSolutions(houses, attrs, clues) > 1) {
      clues.push(randomTrueClue(rng, house, houses));
      if (clues.length > 200) return undefined;
    }
    for (const clue of rng.shuffle(clues)) {
      const rest = clues.filter((x) => x !== clue);
      if (countSolutions(houses, attrs, rest) === 1) clues.splice(clues.indexOf(clue), 1);
    }
    const shown = rng.shuffle(clues);
    const header = `There are ${houses} houses, numbered 1 to ${houses} from left to right, as seen from across the street. Each house is occupied by a different person. Each house has a unique attribute for each of the following characteristics:\n${cats.map((cat) => ` - Each person has a unique ${cat.label}: ${cat.values.map((v) => `\`${v}\``).join(', ')}`).join('\n')}\n\n## Clues:\n${shown.map((cl, i) => `${i + 1}. ${clueText(cl, cats)}`).join('\n')}`;
    let question: string;
    let options: string[];
    let correct: string;
    if (rng.bool(0.7)) {
      const a = rng.int(0, attrs - 1);
      const h = rng.int(0, houses - 1);
      question = `What is the ${cats[a]!.label} of the person who lives in House ${h + 1}?`;
      options = rng.shuffle(cats[a]!.values);
      correct = cats[a]!.values[house[a]!.indexOf(h)]!;
    } else {
      const a = rng.int(0, attrs - 1);
      const v = rng.int(0, houses - 1);
      question = `In which house does ${cats[a]!.describe(cats[a]!.values[v]!)} live?`;
      options = rng.shuffle(Array.from({ length: houses }, (_, i) => `House ${i + 1}`));
      correct = `House ${house[a]![v]! + 1}`;
    }
    const index = options.indexOf(correct);
    const text = `${header}\n\nQuestion: ${question}\nChoices:\n${options.map((o, i) => `${i}. ${o}`).join('\n')}\n\nWhen answering, please specify the number corresponding to the correct choice, instead of the choice itself.`;
    return {
      question: text,
      answer: choiceAnswer(index, options.length),
      inputs: {
        houses,
        attributes: cats.map((cat) => ({ key: cat.key, values: cat.values })),
        clues: shown,
        solution: house,
        question,
        options,
      },
      knobs: { maxDim: c.maxDim, houses, attributes: attrs, clues: shown.length },
      guess: (r) => String(r.int(0, options.length - 1)),
    };
  },
});
