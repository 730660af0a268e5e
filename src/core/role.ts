// A task's role. Scored tasks make the ID and OOD averages and the gap; a control (e.g. a Fake
// prompt, where success means ignoring the instruction) is shown next to them but never averaged
// and never gates, because its accuracy has no better direction.
export type TaskRole = 'scored' | 'control';
export const TASK_ROLES: readonly TaskRole[] = ['scored', 'control'];

/**
 * The role of a task that does not declare one: before roles were declared, `axis: control`
 * marked a control. Suites and stored runs from then still read this way.
 */
export function undeclaredRole(axis: string): TaskRole {
  return axis === 'control' ? 'control' : 'scored';
}
