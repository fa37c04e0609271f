import type { CodeStance } from '../criteria/block-schema.ts';

export const STANCE_LABELS: Record<CodeStance, string> = {
  criteria: 'Medically necessary when criteria are met',
  investigational: 'Investigational',
  'not-medically-necessary': 'Not medically necessary',
  'not-covered': 'Not covered',
  listed: 'Listed (no stance stated)',
};
