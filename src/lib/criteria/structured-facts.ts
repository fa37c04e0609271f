/**
 * The structured facts, found by their shape in the case schema rather than by a hard-coded path: the list of
 * treated levels (an array of vertebral levels) and the list of therapies (an array of objects whose item
 * fields are described like any other fact).
 */
import { FACTS, type Fact } from './facts.ts';

type Of<T extends Fact['type']> = Extract<Fact, { type: T }>;

function only<T extends Fact['type']>(type: T): Of<T> {
  const found = FACTS.filter((f) => f.type === type) as Array<Of<T>>;
  if (found.length !== 1) throw new Error(`expected one ${type} fact in the case schema, found ${found.length}`);
  return found[0]!;
}

/** `request.levels` */
export const LEVELS_FACT = only('levels');
/** `conservativeCare.therapies`, with its item fields (`kind`, `weeks`, `outcome`). */
export const THERAPIES_FACT = only('therapies');
