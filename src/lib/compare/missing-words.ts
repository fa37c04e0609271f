/**
 * A missing fact in the result card's words: the form field it belongs to (a listed therapy's `weeks` or
 * `outcome` belongs to the therapies field) and, when the decision layer says so (`settles`), the answers
 * that would decide the case.
 */
import type { Answer } from '../criteria/result.ts';
import { outcomeWords } from '../render/words.ts';
import { FIELDS_BY_PATH, type FormField } from './form-model.ts';

/** `conservativeCare.therapies[1].weeks` → the list's path, the item's index, its field. */
const ITEM = /^(.+)\[(\d+)\]\.(\w+)$/;

export function missingField(path: string): { field: FormField | undefined; title: string } {
  const item = ITEM.exec(path);
  if (!item) {
    const field = FIELDS_BY_PATH.get(path);
    return { field, title: field?.title ?? path };
  }
  const [, list, index, key] = item as unknown as [string, string, string, string];
  const field = FIELDS_BY_PATH.get(list);
  return { field, title: `${field?.title ?? list}: ${key} of therapy ${Number(index) + 1}` };
}

/** "≥ 8: approve; < 5: deny (not medically necessary)", or '' when no single answer decides. */
export function settlesWords(answers: readonly Answer[] | undefined): string {
  return (answers ?? []).map((a) => `${a.answer}: ${outcomeWords(a.decision, a.category)}`).join('; ');
}

/** Said on the card when the exact search stopped at its bound (Result.conservative). */
export const CONSERVATIVE_WORDS = 'With this many facts unknown, the check of which ones can change the decision stopped at its limit: some facts listed may not matter.';
