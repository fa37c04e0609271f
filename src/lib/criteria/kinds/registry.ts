/**
 * The node kinds, one row each. The block schema's union, the model's node types, validation, evaluation,
 * compilation, lint and wording are all read from this table. Adding a leaf kind: one file in this folder,
 * one row here, and its rows in the conformance table (test/unit/conformance.test.ts).
 */
import type { Truth } from '../kleene.ts';
import { all, allElm } from './all.ts';
import { any, anyElm } from './any.ts';
import { atLeast, atLeastElm } from './at-least.ts';
import { fact, factElm } from './fact.ts';
import { levelCount, levelCountElm } from './level-count.ts';
import { levels, levelsElm } from './levels.ts';
import { not, notElm } from './not.ts';
import { therapies, therapiesElm } from './therapies.ts';
import type { z } from 'zod';
import type { PathKey } from '../path.ts';
import type { Zod, CandidateSink, CombinatorElm, CombinatorKind, CommonShape, Emitted, Gen, Goal, LeafElm, LeafKind, NodeBase, Reader, Report, TestForm } from './types.ts';
import type { Elm } from '../../fhir/elm.ts';

/** Registry order is the order the schema lists kinds in messages, and the order test forms are tried in. */
export const KINDS = { all, any, 'at-least': atLeast, not, fact, levels, 'level-count': levelCount, therapies } as const;
type Kinds = typeof KINDS;
export type KindName = keyof Kinds;
export const KIND_NAMES = Object.keys(KINDS) as KindName[];

type FieldsOf<D> = D extends LeafKind<string, unknown, infer F> ? F : D extends CombinatorKind<string, unknown, infer F> ? F : never;
type InputOf<D> = D extends LeafKind<string, infer I, unknown> ? I : D extends CombinatorKind<string, infer I, unknown> ? I : never;

/** The kind-specific fields of a model node, one member per kind. */
export type KindFields = { [K in KindName]: { kind: K } & FieldsOf<Kinds[K]> }[KindName];
/** What authors write for a node (long form), one member per kind. */
export type KindInput = { [K in KindName]: InputOf<Kinds[K]> }[KindName];

export type ModelNodeOf = NodeBase & KindFields;

/** A kind's behaviour on any model node (the node's own kind is looked up, so its fields match). */
export type LeafBehaviour = {
  leaf: true;
  vars(node: ModelNodeOf): string[];
  evaluate(node: ModelNodeOf, read: Reader): Truth;
  emit(node: ModelNodeOf, g: Gen): Emitted;
  candidates(node: ModelNodeOf, sink: CandidateSink): void;
  words(node: ModelNodeOf): string;
  test: TestForm<Record<string, unknown>>;
};
export type CombinatorBehaviour = {
  leaf: false;
  combine(node: ModelNodeOf, kids: readonly Truth[]): Truth;
  emitTrace(node: ModelNodeOf, kids: readonly string[]): string;
  emitFast(node: ModelNodeOf, v: string, kid: (k: number) => string, out: string[]): void;
  goals(node: ModelNodeOf, t: Truth, valueOf: (child: number) => Truth): Iterable<Goal>;
  words(node: ModelNodeOf): string;
};
export type Behaviour = LeafBehaviour | CombinatorBehaviour;

export function behaviourOf(node: ModelNodeOf): Behaviour {
  return KINDS[node.kind] as unknown as Behaviour;
}

export function leafBehaviour(node: ModelNodeOf): LeafBehaviour {
  const b = behaviourOf(node);
  if (!b.leaf) throw new Error(`not a leaf: ${node.kind}`);
  return b;
}

/** Input-side views, for the validator and the test form (fields are checked by the kind's schema first). */
export type InputBehaviour = {
  leaf: boolean;
  toModel(input: unknown, report: Report): Record<string, unknown>;
  children?(input: unknown): Array<{ input: unknown; path: PathKey[] }>;
  test?: TestForm<Record<string, unknown>>;
  schema(z: Zod, common: CommonShape, node: z.ZodType): z.ZodType;
};

export function inputBehaviour(kind: string): InputBehaviour | undefined {
  return (KINDS as Record<string, unknown>)[kind] as InputBehaviour | undefined;
}

/** Leaves with a test form, in registry order (the first whose `matches` accepts a test text reads it). */
export const TEST_KINDS = KIND_NAMES.filter((k) => KINDS[k].leaf).map((k) => [k, KINDS[k] as unknown as LeafBehaviour] as const);

/** A leaf's value (the one evaluation). */
export function evaluateLeaf(node: ModelNodeOf, read: Reader): Truth {
  return leafBehaviour(node).evaluate(node, read);
}

/** A combinator's value from its children's values. */
export function combine(node: ModelNodeOf, kids: readonly Truth[]): Truth {
  const b = behaviourOf(node);
  if (b.leaf) throw new Error(`not a combinator: ${node.kind}`);
  return b.combine(node, kids);
}

/** A node's condition in plain words with its threshold (leaves), or its heading (combinators). */
export function wordsOf(node: ModelNodeOf): string {
  return behaviourOf(node).words(node);
}

type ElmFormOf<D> = D extends LeafKind<infer K, unknown, infer F> ? LeafElm<K, F> : D extends CombinatorKind<infer K, unknown, infer F> ? CombinatorElm<K, F> : never;
/**
 * Each kind's ELM form (the FHIR Library export, src/lib/fhir/library.ts), one per kind: a kind without one
 * fails the type check. A separate table so browser bundles using KINDS tree-shake it away.
 */
export const ELM_FORMS: { [K in KindName]: ElmFormOf<Kinds[K]> } = {
  all: allElm, any: anyElm, 'at-least': atLeastElm, not: notElm, fact: factElm, levels: levelsElm, 'level-count': levelCountElm, therapies: therapiesElm,
};

/** A leaf's ELM from the facts bound as parameters, or a combinator's from its children's ELM. */
export function elmOf(node: ModelNodeOf, parts: { fact: (path: string) => Elm; kids: readonly Elm[] }): Elm {
  const form = ELM_FORMS[node.kind] as unknown as (n: ModelNodeOf, x: unknown) => Elm;
  return form(node, KINDS[node.kind].leaf ? parts.fact : parts.kids);
}
