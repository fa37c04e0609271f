/** The disagreement explorer's public surface. */
export { analyse, DEFAULT_SEED, type AnalyseOptions } from './analyse.ts';
export { defaultAnchors } from './anchors.ts';
export { DIFFERENCE_KINDS, DIFFERENCE_WORDS, SEVERITY, outcomeLetter, outcomeWords, type DifferenceKind, type OutcomeKey } from './outcome.ts';
export type * from './types.ts';
