// A family's own description of itself: its generators, how the site shows it, what its metrics
// mean, and its named task sets, which suites compose with `include: <family>#<set>`.
import type { Generator, Split } from './types.js';
import type { TaskRole } from './role.js';

/** One task as a suite writes it (the fields of a `tasks:` entry). */
export interface TaskSpec {
  id: string;
  generator: string;
  split: Split;
  axis?: string;
  /** Absent: scored (a control is shown next to the scored tasks, never averaged). */
  role?: TaskRole;
  n: number;
  seed: number | string;
  params?: Record<string, unknown>;
  family?: string;
}

/** How the site shows one gap family (`familyOf(generator)`); the generic view covers the rest. */
export interface FamilyView {
  label: string;
  /** Difficulty knob on the x axis of the accuracy chart. */
  curve?: {
    knob: string;
    /** Only items whose knobs have these values (hold the other knobs at their ID setting). */
    where?: Record<string, string | number>;
  };
  /** Two categorical knobs crossed in a matrix (rows × columns), e.g. SATQuest format × type. */
  matrix?: [string, string];
}

export interface FamilyDescriptor {
  /** The include key (`include: instruct#core`): the family folder's name. */
  name: string;
  generators: Generator<any>[];
  /** Keyed by gap family; the knobs must appear in the items' `difficulty` (contract test). */
  views: Record<string, FamilyView>;
  /** The keys its generators' summarizeDetails return, each with a one-line description. */
  metrics: Record<string, string>;
  /** Named task sets; 'all' is the family suite. */
  taskSets: Record<string, readonly TaskSpec[]>;
}

/** The tasks with these ids, in this order (an unknown id is a bug in the family's tasks.ts). */
export function pick(tasks: readonly TaskSpec[], ids: readonly string[]): TaskSpec[] {
  return ids.map((id) => taskById(tasks, id));
}

/** Task `id` with some fields changed (e.g. a smaller n and another seed for a quick set). */
export function derive(tasks: readonly TaskSpec[], id: string, changes: Partial<TaskSpec>): TaskSpec {
  return { ...taskById(tasks, id), ...changes };
}

function taskById(tasks: readonly TaskSpec[], id: string): TaskSpec {
  const t = tasks.find((x) => x.id === id);
  if (!t) throw new Error(`no task '${id}' in this family's tasks`);
  return t;
}

/** The family a generator reports its ID − OOD gap under (its `family`, else its name before '/'). */
export function familyOf(generator: Generator<any>): string {
  return generator.family ?? generator.name.split('/')[0]!;
}

/**
 * Keys of a family's metrics with a dot are its per-check drill-down ('<group>.<check>': pass rate
 * over the answers the check applies to; '<group>.<check>.applicable': how many those were); the
 * others are the family's headline numbers (the ones a descriptor's `metrics` declares).
 */
export const isPerCheckMetric = (key: string): boolean => key.includes('.');
