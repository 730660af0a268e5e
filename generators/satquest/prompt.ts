// The four question formats and the two prompt templates, worded as SATQuest's
// satquest/question.py, eval_model.py and rft.py produce them. Every format renders the same
// clause list in the same order, so the format is the only thing that changes between them.
import type { Message } from '../../src/core/types.js';
import { CHEF, COOKIES, FRIENDS } from './names.js';
import type { Format, Label, PromptStyle } from './params.js';
import type { Formula } from './sampling.js';

/** The question: the formula in the requested format followed by the label's instruction. */
export function renderQuestion(format: Format, label: Label, clauses: Formula, n: number): string {
  const m = clauses.length;
  if (format === 'math' || format === 'dimacs') {
    const body = format === 'math' ? mathFormula(clauses) : dimacs(clauses, n);
    const prefix = `Given a CNF formula with ${n} variables and ${m} clauses in ${format === 'math' ? 'mathematical notation' : 'DIMACS format'}:\n\n${body}\n`;
    return `${prefix}\n${formulaInstruction(label, n, m)}`;
  }
  const cookies = COOKIES.slice(0, n);
  const friends = FRIENDS.slice(0, m);
  const condition =
    format === 'story'
      ? `will be happy if ${CHEF} bakes at least one cookie they prefer`
      : 'will be unhappy only if every cookie in their disliked combination is baked';
  const prefix =
    `It's cookie day on Quirkwild Zoo!\nChef ${CHEF} is baking ${n} kinds of cookies (${cookies.join(', ')}), each either crunchy or chewy.\n` +
    `Each of his ${m} friends ${condition}:\n\n${friendLines(format, clauses, cookies, friends)}\n`;
  return `${prefix}\n${storyInstruction(label, n, m, cookies, friends)}`;
}

/** `(x_1 \lor \neg x_2) \land (…)`; variables above 9 get braces: `x_{10}`. */
export function mathFormula(clauses: Formula): string {
  const lit = (l: number) => {
    const v = Math.abs(l);
    const name = v > 9 ? `x_{${v}}` : `x_${v}`;
    return l > 0 ? name : `\\neg ${name}`;
  };
  return clauses.map((c) => `(${c.map(lit).join(' \\lor ')})`).join(' \\land ');
}

/** PySAT's CNF.to_dimacs(): the header, then one clause per line ending in 0, no trailing newline. */
export function dimacs(clauses: Formula, n: number): string {
  return [`p cnf ${n} ${clauses.length}`, ...clauses.map((c) => `${c.join(' ')} 0`)].join('\n');
}

/**
 * story: "{j}. {friend} wants: crunchy oatmeal, chewy sugar" (positive literal = crunchy).
 * dualstory: each clause as the combination that falsifies it, "{j}. {friend} dislikes: chewy
 * oatmeal + crunchy sugar" (textures swapped, items joined by " + ").
 */
function friendLines(format: Format, clauses: Formula, cookies: readonly string[], friends: readonly string[]): string {
  const dual = format === 'dualstory';
  return clauses
    .map((c, j) => {
      const items = c.map((l) => `${l > 0 !== dual ? 'crunchy' : 'chewy'} ${cookies[Math.abs(l) - 1]}`);
      return `${j + 1}. ${friends[j]} ${dual ? 'dislikes' : 'wants'}: ${items.join(dual ? ' + ' : ', ')}`;
    })
    .join('\n');
}

function formulaInstruction(label: Label, n: number, m: number): string {
  const clauseBits = `Output a binary string of length ${m} ('1' if the clause is in the subset, '0' otherwise), following the order of clauses in the formula.`;
  switch (label) {
    case 'SATDP_SAT':
    case 'SATDP_UNSAT':
      return "Determine if the formula is satisfiable.\nOutput a binary string of length 1 ('1' for satisfiable, '0' for unsatisfiable).";
    case 'SATSP':
      return `Find a satisfying assignment for the formula.\nOutput a binary string of length ${n} ('1' for true, '0' for false).`;
    case 'MaxSAT':
      return `Find an assignment that maximizes the number of satisfied clauses.\nOutput a binary string of length ${n} ('1' for true, '0' for false).`;
    case 'MCS':
      return `Find a minimal subset of clauses whose removal makes the formula satisfiable (no proper subset has this property).\n${clauseBits}`;
    case 'MUS':
      return `Find a minimal subset of clauses that is unsatisfiable (no proper subset is unsatisfiable).\n${clauseBits}`;
  }
}

function storyInstruction(
  label: Label,
  n: number,
  m: number,
  cookies: readonly string[],
  friends: readonly string[],
): string {
  const recipe = `Output a binary string of length ${n} for cookies (${cookies.join(', ')}): '1' for crunchy, '0' for chewy.`;
  const sadly = `Sadly, Chef ${CHEF} can't make everyone happy.`;
  switch (label) {
    case 'SATDP_SAT':
    case 'SATDP_UNSAT':
      return `Is it possible for Chef ${CHEF} to bake cookies so every friend is happy?\nOutput a binary string of length 1 ('1' for yes, '0' for no).`;
    case 'SATSP':
      return `Help Chef ${CHEF} find a cookie recipe that makes everyone happy.\n${recipe}`;
    case 'MaxSAT':
      return `Help Chef ${CHEF} find a cookie recipe that makes as many friends happy as possible.\n${recipe}`;
    case 'MCS':
      return (
        `${sadly} Find a minimal group of friends whose requirements Chef ${CHEF} must ignore to keep the others happy. (This group is minimal: removing all requirements in this group is necessary to allow all other friends' requirements to be met, and removing only a part of this group is not sufficient.)\n` +
        `Output a binary string of length ${m} (${friends.join(', ')}): '1' to ignore their requirements, '0' otherwise.`
      );
    case 'MUS':
      return (
        `${sadly} Find a minimal group of friends such that Chef ${CHEF} cannot possibly accommodate all their requirements at the same time. (This group is minimal: removing any single requirement from this group makes it possible to accommodate all the other requirements within this group.)\n` +
        `Output a binary string of length ${m} (${friends.join(', ')}): '1' if their requirements is part of this core group, '0' otherwise.`
      );
  }
}

/** eval_model.py's QUERY_TEMPLATE (its system prompt is left to the model provider). */
export function evalPrompt(question: string): string {
  return (
    'Solve the following problem step by step. The last line of your response should be of the form Answer: $ANSWER (without quotes) where $ANSWER is the answer to the problem.\n\n' +
    `${question}\n\n` +
    'Remember to put your answer on its own line after "Answer:", and you do not need to use a \\boxed command.'
  );
}

export const RFT_SYSTEM_PROMPT =
  'You are a helpful AI Assistant that provides well-reasoned and detailed responses. You first think about the reasoning process as an internal monologue and then provide the user with the answer. Respond in the following format: <think>\n...\n</think>\n<answer>\n...\n</answer>';

/** rft.py's user turn: the question plus an example answer of the right length (0…01). */
export function rftPrompt(question: string, answerLength: number): string {
  const example = `${'0'.repeat(answerLength - 1)}1`;
  return `${question}\nShow your work in <think> </think> tags. And return the final answer in <answer> </answer> tags, for example <answer> ${example} </answer>.`;
}

export function promptMessages(style: PromptStyle, question: string, answerLength: number): Message[] {
  if (style === 'rft')
    return [
      { role: 'system', content: RFT_SYSTEM_PROMPT },
      { role: 'user', content: rftPrompt(question, answerLength) },
    ];
  return [{ role: 'user', content: evalPrompt(question) }];
}

/** An answer the way the prompt asks for it. */
export function formatAnswer(style: PromptStyle, bits: string): string {
  return style === 'rft' ? `<think>\n</think>\n<answer> ${bits} </answer>` : `Answer: ${bits}`;
}
