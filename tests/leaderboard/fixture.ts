// Test databases for the report and the site: a toy suite with two families, ID and OOD tasks on
// two axes and a control task, answered by models whose accuracy we know in advance.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockModel, lastUserText } from '../../src/models/mock.js';
import { run } from '../../src/runner/run.js';
import { Store } from '../../src/store/store.js';
import type { Suite } from '../../src/suite/load.js';
import { solveAdd, toySuite } from '../helpers/toy.js';

/** A model answer full of markup: it must reach every page as text and never run. */
export const XSS = `<script>window.__xss = 1; alert("script")</script><img src=x onerror="window.__xss = 2; alert('img')"><svg onload="alert(3)"></svg> "quoted" & 'single' \`tick\``;
export const XSS_MODEL = 'mock:xss<img src=x onerror=alert(9)>';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `genbench-${prefix}-`));
}

/** toy-a: id (max 9), scale (max 99), far (max 999), control; toy-b: id, scale. */
export function toyBoardSuite(): Suite {
  const suite = toySuite(
    [
      { id: 'a-id', split: 'id', n: 40, max: 9, axis: 'base', seed: 1 },
      { id: 'a-scale', split: 'ood', n: 40, max: 99, axis: 'scale', seed: 2 },
      { id: 'a-far', split: 'ood', n: 30, max: 999, axis: 'scale', seed: 3 },
      { id: 'a-control', split: 'ood', n: 10, max: 9, axis: 'control', seed: 4 },
      { id: 'b-id', split: 'id', n: 30, max: 9, axis: 'base', seed: 5 },
      { id: 'b-scale', split: 'ood', n: 30, max: 99, axis: 'scale', seed: 6 },
    ],
    'toyboard',
  );
  for (const t of suite.tasks) t.family = t.id.startsWith('a-') ? 'toy-a' : 'toy-b';
  return suite;
}

/** Right whenever the sum is below `limit`: good in distribution (small sums), poor out of it. */
export function boundedSolver(spec: string, limit: number) {
  return mockModel({
    spec,
    replies: (req) => {
      const answer = solveAdd(lastUserText(req.messages));
      return Number(answer) < limit ? answer : '-1';
    },
  });
}

export interface ToyDb {
  path: string;
  store: Store;
  suite: Suite;
}

/**
 * Models: mock:solver (always right), mock:twin (right except one OOD item: tied with the
 * solver), mock:weak (right on sums < 12: good ID, poor OOD), and the XSS model (always wrong).
 */
export async function toyDb(dir = tempDir('board')): Promise<ToyDb> {
  const path = join(dir, 'toy.sqlite');
  const store = Store.open(path);
  const suite = toyBoardSuite();
  let twinMisses = 0;
  const twin = mockModel({
    spec: 'mock:twin',
    replies: (req) => {
      const text = lastUserText(req.messages);
      const answer = solveAdd(text);
      // One wrong answer, on the first far (max 999) item it sees with a three-digit sum.
      if (Number(answer) >= 100 && twinMisses === 0) {
        twinMisses++;
        return '-1';
      }
      return answer;
    },
    defaultConcurrency: 1,
  });
  await run({
    suite,
    store,
    models: [
      mockModel({ spec: 'mock:solver', replies: (req) => solveAdd(lastUserText(req.messages)) }),
      twin,
      boundedSolver('mock:weak', 12),
      mockModel({ spec: XSS_MODEL, replies: () => XSS }),
    ],
  });
  return { path, store, suite };
}
