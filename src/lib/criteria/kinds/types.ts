/**
 * What a node kind is made of. Every kind (kinds/<kind>.ts) implements one of these two shapes; the registry
 * (kinds/registry.ts) lists them, and the block schema, the model types, the validator, the interpreter, the
 * compiler, the lint and the wording all read the kind from there. Nothing else switches on `kind`.
 */
import type * as zod from 'zod';

/** Classic zod, handed in by the block schema: kind modules never import it, so browser bundles never pull it in. */
export type Zod = typeof zod.z;
type ZodType = zod.ZodType;
import type { Truth } from '../kleene.ts';
import type { PathKey } from '../path.ts';
import type { Elm } from '../../fhir/elm.ts';

/** Fields every model node has, whatever its kind. */
export type NodeBase = {
  index: number;
  id: string;
  label: string;
  /** Resolved source reference (inherited from the parent when the author gave none). */
  source: string;
  note?: string | undefined;
  block: number;
  parent: number;
  children: number[];
  depth: number;
  /** Topics the author added (`topics:`); the topics of the facts it reads are derived (topics.ts). */
  topics?: string[] | undefined;
  /** Case fact paths this node reads directly (leaves only). */
  reads: string[];
  /** Where the node is written: 1-based line and column in the MDX file (its first key). */
  line: number;
  column?: number | undefined;
};

/** A model node of one kind: the base fields plus the kind's own. */
export type NodeOf<K extends string, F> = NodeBase & { kind: K } & F;

/** The YAML fields every node may carry, for the kinds' schemas. */
export type CommonShape = Record<'id' | 'label' | 'source' | 'note', ZodType>;

/** Reports a validation problem at a key of the node being checked (`['value', 1]`). */
export type Report = (key: PathKey[], reason: string, rule: string) => void;

/**
 * Reads a value for a path of the one path syntax (paths.ts): a fact path (`symptoms.painNrs`) or a filtered
 * list (`conservativeCare.therapies[kind=orthosis]`). `undefined` or `null` is unknown. The interpreter reads
 * from the case, the lint from a partial assignment: the kind's evaluation is the same function for both.
 */
export type Reader = (path: string) => unknown;

/** What a code generator may ask of the compiler. */
export type Gen = {
  /** `true`: the short-circuiting `blocks()` variant (speed); `false`: the traced variant (bytes). */
  readonly fast: boolean;
  /** A local holding the raw value at a fact path (loaded once per scope). */
  read(path: string): string;
  /** A module-level constant holding `js` (a Set, a Map, a list…); returns its name. */
  constant(js: string): string;
};

/** Generated code for a leaf: a Kleene-valued expression, or a function body that returns one. */
export type Emitted = { expr: string } | { body: string };

/** What leaves tell the lint about the values that matter (lint-domains.ts turns them into candidates). */
export type CandidateSink = {
  /** Values a fact is compared with (thresholds, enum values). */
  values(path: string, values: readonly unknown[]): void;
  /** A level range a levels node distinguishes. */
  levelSet(path: string, set: readonly string[]): void;
  /** A count a level-count node distinguishes. */
  levelCount(path: string, count: number): void;
  /** A predicate on list items of one kind (`conservativeCare.therapies[kind=orthosis]`) and the numbers it compares. */
  items(path: string, qualifies: (item: Record<string, unknown>) => boolean, numbers: Record<string, readonly number[]>): void;
};

/** The one-line `test:` form of a leaf: parsed into the kind's fields, and written back. */
export type TestForm<I> = {
  /** Does this test text belong to the kind? (first match in registry order wins) */
  matches(text: string): boolean;
  /** The kind's input fields, or a problem with its offset in the text. */
  parse(text: string): { ok: true; fields: Omit<I, 'kind' | 'id' | 'label' | 'source' | 'note'> } | { ok: false; reason: string; offset: number };
  /** The one-line test for input fields (the converter writes this). */
  format(fields: I): string;
};

export type LeafKind<K extends string, I, F> = {
  kind: K;
  leaf: true;
  /** The block schema of the kind's long form (zod, built lazily so browser bundles never construct it). */
  schema(z: Zod, common: CommonShape): ZodType;
  /** Input → the kind's model fields (with `reads`), reporting what the context makes wrong. */
  toModel(input: I, report: Report): F & { reads: string[] };
  /** Paths (one path syntax) the evaluation reads: the lint's variables. */
  vars(node: NodeOf<K, F>): string[];
  /** The one evaluation: interpreter and lint call it, compiled code must equal it (conformance table). */
  evaluate(node: NodeOf<K, F>, read: Reader): Truth;
  /** Generated code equal to `evaluate`, for both compiled variants. */
  emit(node: NodeOf<K, F>, g: Gen): Emitted;
  /** Tells the lint which values of the facts it reads behave differently. */
  candidates(node: NodeOf<K, F>, sink: CandidateSink): void;
  /** The condition in plain words, with its threshold ("Pain (NRS/VAS) at least 8/10"). */
  words(node: NodeOf<K, F>): string;
  test: TestForm<I>;
};

/** A lint goal: every listed child takes `value` (one alternative of several). */
export type Goal = { children: readonly number[]; value: Truth };

export type CombinatorKind<K extends string, I, F> = {
  kind: K;
  leaf: false;
  schema(z: Zod, common: CommonShape, node: ZodType): ZodType;
  toModel(input: I, report: Report): F;
  /** The children as written, with the YAML key path of each. */
  children(input: I): Array<{ input: unknown; path: PathKey[] }>;
  /** The one evaluation from the children's values. */
  combine(node: NodeOf<K, F>, kids: readonly Truth[]): Truth;
  /** Traced variant: an expression from the children's expressions (every child evaluated). */
  emitTrace(node: NodeOf<K, F>, kids: readonly string[]): string;
  /**
   * Fast variant: statements into `out` that set `v` with short-circuit; `kid(k)` emits child k's code
   * (statements first, then returns its expression) at the point where it is called.
   */
  emitFast(node: NodeOf<K, F>, v: string, kid: (k: number) => string, out: string[]): void;
  /** Lint: alternatives that give the node value `t` (each: children that must all take a value). */
  goals(node: NodeOf<K, F>, t: Truth, valueOf: (child: number) => Truth): Iterable<Goal>;
  /** The heading before the children ("ALL of"). */
  words(node: NodeOf<K, F>): string;
};

/**
 * A kind's form in CQL's Expression Logical Model (ELM): the same Kleene value as `evaluate` / `combine`, for
 * the FHIR Library export (src/lib/fhir/). Kept as separate exports of the kind modules (ELM_FORMS in the
 * registry), not members of the kind objects, so browser bundles that use the kinds never pull them in.
 * `fact(path)` is the ELM of a case fact bound as a library parameter (null when absent).
 */
export type LeafElm<K extends string, F> = (node: NodeOf<K, F>, fact: (path: string) => Elm) => Elm;
/** A combinator's ELM form from its children's ELM (references to their own defines). */
export type CombinatorElm<K extends string, F> = (node: NodeOf<K, F>, kids: readonly Elm[]) => Elm;
