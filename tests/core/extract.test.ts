import { describe, expect, it } from 'vitest';
import { firstJsonObject, lastBoxed, lastLabeledLine, tagContent, clampText } from '../../src/core/extract.js';
import { terminalSafe, htmlEscape } from '../../src/core/escape.js';
import { closestNames } from '../../src/core/suggest.js';

describe('answer extraction', () => {
  it('takes the last \\boxed{} with nested braces', () => {
    expect(lastBoxed('first \\boxed{1} then \\boxed{\\frac{3}{4}} done')).toBe('\\frac{3}{4}');
    expect(lastBoxed('no box')).toBeUndefined();
    expect(lastBoxed('\\boxed{unclosed')).toBeUndefined();
  });

  it('reads tags, labelled lines and JSON objects', () => {
    expect(tagContent('x <ANSWER> Up </answer> <answer>Down</answer>', 'answer')).toBe(' Up ');
    expect(tagContent('<answer>a</answer><answer>b</answer>', 'answer', 'last')).toBe('b');
    expect(lastLabeledLine('Answer: 1\nthinking\n**Answer:** 0101', 'Answer:')).toBe('0101');
    expect(firstJsonObject('Sure! ```json\n{"formula": "1+2"}\n``` ok')).toEqual({ formula: '1+2' });
    expect(firstJsonObject('text {"a": {"b": "}"}} tail')).toEqual({ a: { b: '}' } });
    expect(firstJsonObject('{not json')).toBeUndefined();
  });

  it('never throws on hostile input', () => {
    const huge = '{'.repeat(100_000) + '\\boxed{' + '}'.repeat(10);
    expect(() => {
      firstJsonObject(huge);
      lastBoxed(huge);
      tagContent(huge, 'answer');
      lastLabeledLine(huge, 'Answer:');
    }).not.toThrow();
    expect(clampText('x'.repeat(300_000)).length).toBe(200_000);
  });
});

describe('escaping untrusted text', () => {
  it('neutralises terminal escapes and HTML', () => {
    const evil = 'ok\x1b[2J\x1b]0;title\x07\u202eevil';
    const safe = terminalSafe(evil);
    expect(safe).not.toMatch(/[\x1b\x07\u202e]/);
    expect(safe).toContain('\\u{1b}[2J');
    expect(htmlEscape('<script>alert("x")</script>')).toBe('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
  });
});

describe('did you mean', () => {
  it('suggests close names', () => {
    expect(closestNames('instruct/general-point', ['instruct/general-points', 'satquest/decision'])).toEqual([
      'instruct/general-points',
    ]);
    expect(closestNames('opnai', ['openai', 'anthropic', 'mock'])).toEqual(['openai']);
    expect(closestNames('zzzzzzzz', ['openai', 'anthropic'])).toEqual([]);
  });
});

describe('firstJsonObject', () => {
  it('finds an object after an unclosed brace', () => {
    expect(firstJsonObject('{ oops {"formula": "4*6"} end')).toEqual({ formula: '4*6' });
  });
});
