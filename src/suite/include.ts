// `- include: <family>#<set>` in a suite's tasks: the family's named task set (defined once, in
// generators/<family>/tasks.ts or a plug-in's `family` export), in its order, with `n:` when given
// overriding every included task's n.
import type { TaskSpec } from '../core/family.js';
import { didYouMean } from '../core/suggest.js';
import { getFamily } from '../../generators/index.js';

export const INCLUDE_KEYS = ['include', 'n'];

/** A bad include entry; `field` is the entry's key to point at. */
export class IncludeError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'IncludeError';
  }
}

export function isInclude(entry: unknown): entry is Record<string, unknown> {
  return !!entry && typeof entry === 'object' && !Array.isArray(entry) && 'include' in entry;
}

/** The tasks an include entry stands for: copies, so no two suites share (or change) one object. */
export function includedTasks(entry: Record<string, unknown>): TaskSpec[] {
  for (const key of Object.keys(entry)) {
    if (!INCLUDE_KEYS.includes(key)) {
      throw new IncludeError(
        key,
        `unknown key in an include entry.${didYouMean(key, INCLUDE_KEYS)} Allowed: ${INCLUDE_KEYS.join(', ')} (the tasks themselves are defined in the family's task sets)`,
      );
    }
  }
  const ref = entry.include;
  if (typeof ref !== 'string' || !/^[\w.-]+#[\w.-]+$/.test(ref))
    throw new IncludeError('include', `must be '<family>#<set>', e.g. 'instruct#core' (got ${JSON.stringify(ref)})`);
  const [name, set] = ref.split('#') as [string, string];
  let sets: Record<string, readonly TaskSpec[]>;
  try {
    sets = getFamily(name).taskSets;
  } catch (err) {
    throw new IncludeError('include', (err as Error).message);
  }
  const tasks = sets[set];
  if (!tasks)
    throw new IncludeError(
      'include',
      `family '${name}' has no task set '${set}'.${didYouMean(set, Object.keys(sets))} Its sets: ${Object.keys(sets).join(', ')}`,
    );
  return tasks.map((t) => ({ ...structuredClone(t), ...(entry.n !== undefined ? { n: entry.n as number } : {}) }));
}
