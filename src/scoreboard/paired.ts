// Accuracy of two sides on the same items, pooled: the scoreboard's micro weighting (every answer
// the same; with the same samples per item, every item the same, as `bench report --weighting
// micro`), under the error policy of a paired comparison:
//   - a candidate's errored answer counts as a wrong answer (the candidate did not deliver it);
//   - a baseline's errored answer leaves its pair out (there is nothing to compare with).
// These are the input numbers `bench gate` shows per split, task and family; the paired tests on
// the same pairs (McNemar/Tango, design effect, sample sizes) stay in src/gate.

/** One answer: right, wrong, or null when the harness recorded an error instead of a verdict. */
export type Answer = boolean | null;

/** Both sides' answers on one item, sample by sample (the same samples, in order). */
export interface PairedItem {
  b: Answer[];
  c: Answer[];
}

/** A pair that counts: the baseline answered, the candidate's error already turned wrong. */
export interface Pair {
  b: boolean;
  c: boolean;
}

/** The pairs of one item that count, in sample order. */
export function usablePairs(item: PairedItem): Pair[] {
  const pairs: Pair[] = [];
  item.b.forEach((b, s) => {
    if (b !== null) pairs.push({ b, c: item.c[s] === true });
  });
  return pairs;
}

export interface PairedAccuracy {
  /** Items with at least one pair, and the pairs. */
  items: number;
  pairs: number;
  /** Answers left out because the baseline erred. */
  dropped: number;
  /** Accuracy of each side over the pairs (NaN without pairs). */
  baseline: number;
  candidate: number;
  /** Errored answers of each side (the candidate's are among its wrong answers). */
  errors: { baseline: number; candidate: number };
}

/** Errored answers of each side. */
function errorCounts(items: readonly PairedItem[]): { baseline: number; candidate: number } {
  let baseline = 0,
    candidate = 0;
  for (const it of items) {
    baseline += it.b.filter((b) => b === null).length;
    candidate += it.c.filter((c) => c === null).length;
  }
  return { baseline, candidate };
}

export function pairedAccuracy(items: readonly PairedItem[]): PairedAccuracy {
  let used = 0,
    pairs = 0,
    bSum = 0,
    cSum = 0;
  for (const it of items) {
    const p = usablePairs(it);
    if (p.length) used++;
    pairs += p.length;
    for (const { b, c } of p) {
      bSum += +b;
      cSum += +c;
    }
  }
  const errors = errorCounts(items);
  // The baseline's errors are exactly the answers no pair can use.
  return { items: used, pairs, dropped: errors.baseline, baseline: bSum / pairs, candidate: cSum / pairs, errors };
}

export interface CandidateAccuracy {
  /** Items with an answer, the answers, and the right ones. */
  items: number;
  answers: number;
  correct: number;
  /** correct / answers (NaN without answers). */
  accuracy: number;
  errors: { baseline: number; candidate: number };
}

/** The candidate on its own (a floor reads no baseline): every answer, errors as wrong. */
export function candidateAccuracy(items: readonly PairedItem[]): CandidateAccuracy {
  let used = 0,
    answers = 0,
    correct = 0;
  for (const it of items) {
    if (it.c.length) used++;
    answers += it.c.length;
    correct += it.c.filter((c) => c === true).length;
  }
  return {
    items: used,
    answers,
    correct,
    accuracy: answers ? correct / answers : NaN,
    errors: errorCounts(items),
  };
}
