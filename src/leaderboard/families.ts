// How each family is shown. The site is generic (difficulty knobs, axes, splits, verdict
// details); this table only names families and picks, where the generic guess would be poor,
// the knob for the accuracy-vs-difficulty chart and the two knobs of the breakdown matrix.
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

export const FAMILY_VIEWS: Record<string, FamilyView> = {
  'general-points': { label: 'General Points', curve: { knob: 'maxValue', where: { fake: 0 } }, matrix: ['rule', 'sampling'] },
  sokoban: { label: 'Sokoban', curve: { knob: 'size', where: { boxes: 1, variant: 'base', fake: 0, protocol: 'closed-loop' } }, matrix: ['variant', 'size'] },
  satquest: { label: 'SATQuest', curve: { knob: 'n', where: { format: 'math' } }, matrix: ['format', 'label'] },
  omega: { label: 'OMEGA', curve: { knob: 'level' } },
  jigsaw: { label: 'Jigsaw (image)', curve: { knob: 'cells', where: { question: 'pair', mask: 0 } }, matrix: ['question', 'style'] },
  'jigsaw-text': { label: 'Jigsaw (text)', curve: { knob: 'cells', where: { question: 'pair' } }, matrix: ['question', 'style'] },
  travel: { label: 'TravelPlanner', curve: { knob: 'days' }, matrix: ['level', 'days'] },
};

export function familyLabel(family: string): string {
  return FAMILY_VIEWS[family]?.label ?? family;
}
