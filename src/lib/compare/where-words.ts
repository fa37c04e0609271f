/** Where in the form a problem is, in the form's words: `conservativeCare.therapies[1].weeks` → "Therapies tried, therapy 2: weeks". */
import { fieldTitle } from '../explain/why.ts';

const ITEM_NAMES: Record<string, string> = { 'conservativeCare.therapies': 'therapy', 'request.levels': 'level', osteoporosisCare: 'item' };

export function whereWords(path: string): string {
  const m = /^(.*?)\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (!m) return fieldTitle(path) === 'a field' ? 'The case' : fieldTitle(path);
  const [, list, index, part] = m;
  return `${fieldTitle(list!)}, ${ITEM_NAMES[list!] ?? 'item'} ${Number(index) + 1}${part ? `: ${part}` : ''}`;
}
