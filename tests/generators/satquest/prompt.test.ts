// The four formats and two templates, worded as SATQuest renders them.
import { describe, expect, it } from 'vitest';
import { COOKIES, FRIENDS } from '../../../generators/satquest/names.js';
import { LABELS } from '../../../generators/satquest/params.js';
import {
  dimacs,
  evalPrompt,
  formatAnswer,
  mathFormula,
  promptMessages,
  renderQuestion,
  rftPrompt,
} from '../../../generators/satquest/prompt.js';

const tiny = [
  [1, -2],
  [2, 3],
];

describe('formula renderings', () => {
  it('math: LaTeX connectives, clause and literal order as given, braces from x_{10}', () => {
    expect(mathFormula(tiny)).toBe('(x_1 \\lor \\neg x_2) \\land (x_2 \\lor x_3)');
    expect(mathFormula([[10, -11], [-9]])).toBe('(x_{10} \\lor \\neg x_{11}) \\land (\\neg x_9)');
  });

  it('dimacs: PySAT’s to_dimacs (header with n, one clause per line ending in 0)', () => {
    expect(dimacs(tiny, 3)).toBe('p cnf 3 2\n1 -2 0\n2 3 0');
    expect(dimacs([[2, -1]], 5)).toBe('p cnf 5 1\n2 -1 0'); // n is the requested n, not the largest index used
  });

  it('the whole eval prompt for a textbook case, word for word', () => {
    expect(evalPrompt(renderQuestion('math', 'SATSP', tiny, 3))).toBe(
      'Solve the following problem step by step. The last line of your response should be of the form Answer: $ANSWER (without quotes) where $ANSWER is the answer to the problem.\n\n' +
        'Given a CNF formula with 3 variables and 2 clauses in mathematical notation:\n\n' +
        '(x_1 \\lor \\neg x_2) \\land (x_2 \\lor x_3)\n\n' +
        'Find a satisfying assignment for the formula.\n' +
        "Output a binary string of length 3 ('1' for true, '0' for false).\n\n" +
        'Remember to put your answer on its own line after "Answer:", and you do not need to use a \\boxed command.',
    );
  });

  it('story: cookies are variables, friends are clauses, crunchy = true', () => {
    const q = renderQuestion('story', 'SATDP_SAT', tiny, 3);
    expect(q).toBe(
      "It's cookie day on Quirkwild Zoo!\n" +
        'Chef Quoll is baking 3 kinds of cookies (oatmeal, chocolate chip, peanut butter), each either crunchy or chewy.\n' +
        'Each of his 2 friends will be happy if Quoll bakes at least one cookie they prefer:\n\n' +
        '1. Skua wants: crunchy oatmeal, chewy chocolate chip\n' +
        '2. Falcon wants: crunchy chocolate chip, crunchy peanut butter\n\n' +
        'Is it possible for Chef Quoll to bake cookies so every friend is happy?\n' +
        "Output a binary string of length 1 ('1' for yes, '0' for no).",
    );
  });

  it('dualstory equals upstream’s construction: the story lines with wants→dislikes, ", "→" + " and textures swapped', () => {
    const clauses = [
      [3, -1, 2],
      [-4, 5],
      [1, 2, 3, -6, 7],
      [-7, -3],
    ];
    for (const label of LABELS) {
      const story = renderQuestion('story', label, clauses, 7);
      const dual = renderQuestion('dualstory', label, clauses, 7);
      const lines = (q: string) =>
        q
          .split('\n')
          .filter((l) => /^\d+\. /.test(l))
          .join('\n');
      const upstream = lines(story)
        .replaceAll('wants', 'dislikes')
        .replaceAll(', ', ' + ')
        .replaceAll('chewy', '==9527==')
        .replaceAll('crunchy', 'chewy')
        .replaceAll('==9527==', 'crunchy');
      expect(lines(dual)).toBe(upstream);
      expect(dual).toContain('will be unhappy only if every cookie in their disliked combination is baked:');
      // Everything but the friend lines and the opening condition is shared with the story.
      const rest = (q: string) =>
        q
          .split('\n')
          .filter((l) => !/^\d+\. /.test(l) && !l.startsWith('Each of his'))
          .join('\n');
      expect(rest(dual)).toBe(rest(story));
    }
  });

  it('names never contain the words the dual-story rewrite replaces, and the caps are 64 and 284', () => {
    for (const name of [...COOKIES, ...FRIENDS]) expect(/wants|crunchy|chewy|, /.test(name), name).toBe(false);
    expect(COOKIES).toHaveLength(64);
    expect(FRIENDS).toHaveLength(284);
    expect(new Set(FRIENDS).size).toBe(284);
  });

  it('each label’s instruction asks for the right length in every format', () => {
    const clauses = [
      [1, 2],
      [-1, 2],
      [1, -2],
      [-1, -2],
      [3, 4],
    ];
    const expected: Record<string, number> = { SATDP_SAT: 1, SATDP_UNSAT: 1, SATSP: 4, MaxSAT: 4, MCS: 5, MUS: 5 };
    for (const label of LABELS) {
      for (const format of ['math', 'dimacs', 'story', 'dualstory'] as const) {
        const q = renderQuestion(format, label, clauses, 4);
        expect(q, `${label}/${format}`).toContain(`Output a binary string of length ${expected[label]} `);
        if (format.includes('story') && (label === 'MCS' || label === 'MUS'))
          expect(q).toContain('(Skua, Falcon, Jacana, Whimbrel, Anole)');
      }
    }
  });
});

describe('templates', () => {
  it('rft: system prompt with think/answer tags, and an example answer 0…01 of the right length', () => {
    const msgs = promptMessages('rft', 'Q?', 5);
    expect(msgs[0]!.role).toBe('system');
    expect(msgs[0]!.content).toContain('<think>\n...\n</think>\n<answer>\n...\n</answer>');
    expect(msgs[1]!.content).toBe(rftPrompt('Q?', 5));
    expect(msgs[1]!.content).toBe(
      'Q?\nShow your work in <think> </think> tags. And return the final answer in <answer> </answer> tags, for example <answer> 00001 </answer>.',
    );
    expect(formatAnswer('rft', '101')).toContain('<answer> 101 </answer>');
  });

  it('eval: a single user turn; the answer line is "Answer: bits"', () => {
    const msgs = promptMessages('eval', 'Q?', 3);
    expect(msgs).toHaveLength(1);
    expect(msgs[0]!.role).toBe('user');
    expect(formatAnswer('eval', '101')).toBe('Answer: 101');
  });
});
