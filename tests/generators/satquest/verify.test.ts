// The verifier: SATQuest's extraction (exactly as lenient, no more), exact per-label checks that
// accept every valid answer and reject everything else (brute force decides), and totality on
// garbage.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import type { Problem } from '../../../src/core/types.js';
import { answerSpan, extractBits, lastBitWindow } from '../../../generators/satquest/answer.js';
import { satquest, type SatQuestTruth } from '../../../generators/satquest/satquest.js';
import {
  allClauses,
  allMcses,
  allMuses,
  assignmentBits,
  bruteForce,
  falsifiedBy,
  indicesOf,
  isMcsBrute,
  isMusBrute,
  maxSatCost,
  setOf,
  subsetSat,
  type BruteForce,
} from './brute-force.js';

function problem(params: Record<string, unknown>, index: number, seed = 17): Problem {
  return satquest.generate(satquest.parseParams(params), Rng.forItem(seed, index));
}
const truthOf = (p: Problem) => p.truth as SatQuestTruth;
const bitsOf = (indices: number[], m: number) =>
  Array.from({ length: m }, (_, i) => (indices.includes(i) ? '1' : '0')).join('');

/** The ground truth decided by brute force alone, from the truth's clauses. */
function validByBruteForce(t: SatQuestTruth, bf: BruteForce, bits: string): boolean {
  const a = () => [...bits].reduce((s, b, i) => s | (b === '1' ? 1 << i : 0), 0);
  const chosen = () =>
    indicesOf(
      setOf(
        bf,
        [...bits].flatMap((b, i) => (b === '1' ? [i] : [])),
      ),
    );
  switch (t.label) {
    case 'SATDP_SAT':
    case 'SATDP_UNSAT':
      return bits === (subsetSat(bf, allClauses(bf)) ? '1' : '0');
    case 'SATSP':
      return falsifiedBy(bf, a()) === 0;
    case 'MaxSAT':
      return falsifiedBy(bf, a()) === maxSatCost(bf);
    case 'MCS':
      return isMcsBrute(bf, setOf(bf, chosen()));
    case 'MUS':
      return isMusBrute(bf, setOf(bf, chosen()));
  }
}

// Expected values below were checked against Python's re with upstream's patterns.
describe('extraction (eval_model.py)', () => {
  const bits = (s: string, L: number) => {
    const e = extractBits(s, 'eval', L);
    return e.ok ? e.bits : undefined;
  };

  it('takes the last "answer:" match, case-insensitive, anywhere in a line', () => {
    expect(bits('Answer: 010\nthinking…\nAnswer: 110', 3)).toBe('110');
    expect(bits('so the final ANSWER: 011 (I think)', 3)).toBe('011');
    expect(bits('answer:101', 3)).toBe('101');
    expect(bits('Answer: 110\nThe answer is clear.', 3)).toBe('110'); // "answer is" has no colon
  });

  it('takes the last window of exactly L bits: over-long strings yield their last L bits', () => {
    expect(bits('Answer: 1101', 3)).toBe('101');
    expect(lastBitWindow('x=01 then 111 and 10', 2)).toBe('10');
    expect(lastBitWindow('1101 2 01', 3)).toBe('101');
    expect(bits('Answer: x_1 = 1, x_2 = 0', 1)).toBe('0'); // upstream's window reads the last bit
    expect(bits('Answer: 1 0 1', 3)).toBeUndefined(); // no run of 3
    expect(bits('Answer: 12', 1)).toBe('1'); // "2" is not a bit
  });

  it('lets \\s* cross newlines as Python does, but the captured span never does', () => {
    expect(bits('Answer:\n\n  101', 3)).toBe('101');
    expect(answerSpan('Answer:   \n 1\n01', 'eval')).toBe('1'); // greedy \s* eats the newline and the space
    expect(bits('Answer:\n1\n01', 2)).toBeUndefined();
  });

  it('matches non-overlapping like re.finditer: a second "answer:" inside a matched line is not a new match', () => {
    expect(answerSpan('Answer: 111 answer: 000', 'eval')).toBe('111 answer: 000');
    expect(bits('Answer: 111 answer: 000', 3)).toBe('000');
    expect(answerSpan('Answer: 1\nanswer: 0', 'eval')).toBe('0');
  });

  it('uses Python’s whitespace and case rules, not JavaScript’s', () => {
    expect(bits('Answer:\u001c101', 3)).toBe('101'); // U+001C is whitespace to Python
    expect(answerSpan('Answer:\ufeff101', 'eval')).toBe('\ufeff101'); // U+FEFF is not (it is for JS \s)
    expect(bits('ANſWER: 01', 2)).toBe('01'); // Python's IGNORECASE folds ſ to s
    expect(extractBits('Answer 101', 'eval', 3)).toEqual({ ok: false, stage: 'no-answer' });
    expect(extractBits('Answer: none', 'eval', 1)).toMatchObject({ ok: false, stage: 'no-bits' });
  });
});

describe('extraction (rft.py)', () => {
  const bits = (s: string, L: number) => {
    const e = extractBits(s, 'rft', L);
    return e.ok ? e.bits : undefined;
  };

  it('takes the last <answer>…</answer> span, then the last window', () => {
    expect(bits('<think>Answer: 000</think><answer> 101 </answer>', 3)).toBe('101');
    expect(bits('<answer>111</answer> then <answer>\n010\n</answer>', 3)).toBe('010');
    expect(bits('<answer>a<answer>011</answer>', 3)).toBe('011'); // lazy from the first open tag
    expect(bits('<answer>011', 3)).toBeUndefined(); // unclosed
    expect(bits('<ANSWER>011</ANSWER>', 3)).toBeUndefined(); // case-sensitive as upstream
    expect(bits('Answer: 011', 3)).toBeUndefined(); // the eval form does not count here
  });
});

describe('checks are exact: verdict = brute-force validity', () => {
  const labels = ['SATDP_SAT', 'SATDP_UNSAT', 'SATSP', 'MaxSAT', 'MCS', 'MUS'] as const;

  for (const label of labels) {
    it(`${label}: every single-bit flip of the reference and random strings are judged as brute force judges them`, () => {
      let rejected = 0;
      let accepted = 0;
      for (let i = 0; i < 30; i++) {
        const p = problem({ label, n: [3, 7] }, i);
        const t = truthOf(p);
        const bf = bruteForce(t.clauses, t.n);
        const rng = Rng.forItem('strings', i);
        const candidates = [t.reference];
        for (let j = 0; j < t.answerLength; j++)
          candidates.push(t.reference.slice(0, j) + (t.reference[j] === '1' ? '0' : '1') + t.reference.slice(j + 1));
        for (let r = 0; r < 20; r++)
          candidates.push(Array.from({ length: t.answerLength }, () => (rng.bool() ? '1' : '0')).join(''));
        for (const bits of candidates) {
          const v = p.verify(`Answer: ${bits}`);
          expect(v.correct, `${label} ${bits}`).toBe(validByBruteForce(t, bf, bits));
          expect(v.formatOk).toBe(true);
          if (v.correct) accepted++;
          else rejected++;
        }
      }
      expect(accepted).toBeGreaterThanOrEqual(30);
      expect(rejected).toBeGreaterThan(30);
    });
  }

  it('typical wrong answers: flipped decisions, a MUS with a clause added or dropped, an MCS with one added or dropped, a sub-optimal MaxSAT assignment', () => {
    for (let i = 0; i < 25; i++) {
      for (const label of ['SATDP_SAT', 'SATDP_UNSAT'] as const) {
        const p = problem({ label }, i);
        expect(p.verify(`Answer: ${truthOf(p).reference === '1' ? '0' : '1'}`).correct).toBe(false);
      }
      for (const label of ['MUS', 'MCS'] as const) {
        const p = problem({ label }, i);
        const t = truthOf(p);
        const chosen = [...t.reference].flatMap((b, j) => (b === '1' ? [j] : []));
        const others = Array.from({ length: t.m }, (_, j) => j).filter((j) => !chosen.includes(j));
        expect(p.verify(`Answer: ${bitsOf([...chosen, others[0]!], t.m)}`).correct, 'superset').toBe(false);
        expect(p.verify(`Answer: ${bitsOf(chosen.slice(1), t.m)}`).correct, 'subset').toBe(false);
      }
      const p = problem({ label: 'MaxSAT' }, i);
      const t = truthOf(p);
      const bf = bruteForce(t.clauses, t.n);
      let worse = -1;
      for (let a = 0; a < 1 << t.n && worse < 0; a++) if (falsifiedBy(bf, a) > t.optimum!) worse = a;
      expect(p.verify(`Answer: ${assignmentBits(worse, t.n)}`).correct).toBe(false);
      expect(p.verify(`Answer: ${assignmentBits(worse, t.n)}`).reason).toMatch(/optimum falsifies/);
    }
  });
});

describe('any valid answer is accepted', () => {
  it('every model (SATSP) and every optimal assignment (MaxSAT)', () => {
    for (let i = 0; i < 20; i++) {
      for (const label of ['SATSP', 'MaxSAT'] as const) {
        const p = problem({ label, n: [3, 6] }, i);
        const t = truthOf(p);
        const bf = bruteForce(t.clauses, t.n);
        const best = label === 'SATSP' ? 0 : maxSatCost(bf);
        let count = 0;
        for (let a = 0; a < 1 << t.n; a++) {
          const ok = p.verify(`Answer: ${assignmentBits(a, t.n)}`).correct;
          expect(ok).toBe(falsifiedBy(bf, a) === best);
          if (ok) count++;
        }
        expect(count).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('every MCS and every MUS, minimal but not necessarily minimum', () => {
    let sizesDiffer = 0;
    for (let i = 0; i < 25; i++) {
      const params = { n: 3, ratio: [3.0, 4.0] };
      const mcsProblem = problem({ ...params, label: 'MCS' }, i);
      const musProblem = problem({ ...params, label: 'MUS' }, i);
      const t = truthOf(mcsProblem);
      expect(truthOf(musProblem).clauses).toEqual(t.clauses); // same instance: only the label changed
      const bf = bruteForce(t.clauses, t.n);
      const mcses = allMcses(bf);
      for (const s of mcses) expect(mcsProblem.verify(`Answer: ${bitsOf(indicesOf(s), t.m)}`).correct).toBe(true);
      const muses = allMuses(bf);
      for (const s of muses) expect(musProblem.verify(`Answer: ${bitsOf(indicesOf(s), t.m)}`).correct).toBe(true);
      if (
        new Set(mcses.map((s) => indicesOf(s).length)).size > 1 ||
        new Set(muses.map((s) => indicesOf(s).length)).size > 1
      )
        sizesDiffer++;
    }
    expect(sizesDiffer).toBeGreaterThan(5); // the check really accepts non-minimum subsets
  });
});

describe('garbage never throws', () => {
  const junk: string[] = [
    '',
    ' ',
    '\n\n',
    'Answer:',
    'Answer: ',
    'answer:\n',
    '<answer></answer>',
    '<answer>',
    '</answer><answer>',
    'Answer: ' + '1'.repeat(1_000_000),
    'x'.repeat(1_000_000),
    'Answer:\n'.repeat(100_000),
    '<answer>'.repeat(120_000),
    'Answer: 0'.repeat(50_000),
    '\u0000\u0001\uffff\ud800',
    'Answer: ١٠١',
    'Answer: ０１',
    'Ａｎｓｗｅｒ: 1',
    'Answer: ' + '01'.repeat(10) + '\r\n',
    JSON.stringify({ answer: '0101' }),
    '$\\boxed{101}$',
  ];
  const rng = Rng.forItem('bytes', 0);
  junk.push(Array.from({ length: 1 << 20 }, () => String.fromCharCode(rng.int(0, 0xffff))).join(''));

  it('for every label and both templates: a Verdict within a bounded time, formatOk only with a bit window', () => {
    for (const label of ['SATDP_SAT', 'SATSP', 'MaxSAT', 'MCS', 'MUS'] as const) {
      for (const prompt of ['eval', 'rft'] as const) {
        const p = problem({ label, prompt, n: 8, ratio: 4 }, 0);
        for (const s of junk) {
          const t0 = performance.now();
          const v = p.verify(s);
          expect(performance.now() - t0, `${label}/${prompt} on ${JSON.stringify(s.slice(0, 20))}`).toBeLessThan(500);
          expect(typeof v.correct).toBe('boolean');
          expect(v.score === 0 || v.score === 1).toBe(true);
          if (!v.formatOk) expect(v.correct).toBe(false);
        }
        for (const s of [undefined, null, 42, {}] as unknown as string[]) expect(() => p.verify(s)).not.toThrow();
      }
    }
  });

  it('scores the all-ones and all-zeros answers like upstream (never an MCS or MUS here)', () => {
    for (const label of ['MCS', 'MUS'] as const) {
      const p = problem({ label }, 3);
      const m = truthOf(p).m;
      expect(p.verify(`Answer: ${'1'.repeat(m)}`).correct).toBe(false);
      expect(p.verify(`Answer: ${'0'.repeat(m)}`).correct).toBe(false);
    }
  });
});
