/**
 * The decision as CQL defines, from the block defines of one policy version: the same precedence as decide.ts
 * (deny-exclusions strongest first, then scope, then indications, then review-exclusions, then approve) and the
 * same treatment of unknown blocks as its Kleene step (`kleeneDecision`): an outcome is *possible* when the
 * unknown blocks can be resolved to reach it; the decision is the one every possible outcome shares, else
 * 'needs-information'. The roles are disjoint sets of blocks, so each stage's possibility is independent.
 * The site goes further where this leaves it open (exact.ts: completions of the facts); the CQL does not.
 */
import { CATEGORY_RANK, rolesOf } from '../criteria/decide.ts';
import type { ModelBlock, PolicyModel } from '../criteria/model.ts';
import * as elm from './elm.ts';
import type { Elm } from './elm.ts';

export type Define = { name: string; expression: Elm; comment: string };

export const blockDefine = (b: ModelBlock) => `Block ${b.id}`;

export function decisionDefines(model: PolicyModel, blocks: readonly ModelBlock[], inEffect: Elm): Define[] {
  const roles = rolesOf([...blocks]);
  const value = (b: ModelBlock) => elm.ref(blockDefine(b));
  const canMeet = (b: ModelBlock) => elm.not(elm.isFalse(value(b)));
  const canFail = (b: ModelBlock) => elm.not(elm.isTrue(value(b)));
  const outcomes: Array<{ possible: Elm; decision: string; category: string | null }> = [];

  // A denial of category c: some denial of c can be met and every stronger one can be not met.
  for (const category of [...new Set(roles.denials.map((b) => b.category!))]) {
    const stronger = roles.denials.filter((b) => CATEGORY_RANK[b.category!] > CATEGORY_RANK[category]);
    outcomes.push({ possible: elm.allOf([elm.anyOf(roles.denials.filter((b) => b.category === category).map(canMeet)), ...stronger.map(canFail)]), decision: 'deny', category });
  }
  const noDenial = elm.allOf(roles.denials.map(canFail));
  roles.scopes.forEach((s, j) => {
    const before = roles.scopes.slice(0, j).map(canMeet);
    outcomes.push({ possible: elm.allOf([noDenial, ...before, canFail(s)]), decision: s.outcome === 'deny' ? 'deny' : 'individual-review', category: s.category ?? null });
  });
  const reached = elm.allOf([noDenial, ...roles.scopes.map(canMeet)]);
  outcomes.push({ possible: elm.allOf([reached, ...roles.indications.map(canFail)]), decision: 'deny', category: model.meta.unmetCategory });
  const indicated = elm.and([reached, elm.anyOf(roles.indications.map(canMeet))]);
  if (roles.reviews.length) outcomes.push({ possible: elm.and([indicated, elm.anyOf(roles.reviews.map(canMeet))]), decision: 'individual-review', category: null });
  outcomes.push({ possible: elm.and([indicated, elm.allOf(roles.reviews.map(canFail))]), decision: 'approve', category: null });

  const table = elm.list(outcomes.map((o) => elm.tuple({ possible: o.possible, decision: elm.literal(o.decision), category: o.category ? elm.literal(o.category) : elm.nullOf() })));
  const possible = elm.property('O', 'possible');
  const decisions = elm.query(elm.ref('Outcomes'), 'O', elm.isTrue(possible), elm.property('O', 'decision'));
  const categories = elm.query(elm.ref('Outcomes'), 'O', elm.and([elm.isTrue(possible), elm.equal(elm.property('O', 'decision'), elm.literal('deny'))]), elm.property('O', 'category'));
  const only = (name: string, otherwise: Elm) => elm.iff(elm.equal(elm.count(elm.ref(name)), elm.literal(1)), elm.first(elm.ref(name)), otherwise);
  return [
    { name: 'Outcomes', expression: table, comment: 'Each outcome of the policy, and whether some resolution of the unknown blocks reaches it' },
    { name: 'Possible decisions', expression: decisions, comment: 'Decisions some resolution of the unknown blocks reaches (precedence: deny-exclusions, scope, indications, review-exclusions, approve)' },
    { name: 'Possible deny categories', expression: categories, comment: 'Denial categories some resolution of the unknown blocks reaches' },
    { name: 'Criteria decision', expression: only('Possible decisions', elm.literal('needs-information')), comment: 'The decision every resolution of the unknown blocks agrees on, else needs-information' },
    { name: 'Deny category', expression: elm.iff(elm.equal(elm.ref('Criteria decision'), elm.literal('deny')), only('Possible deny categories', elm.nullOf()), elm.nullOf()), comment: 'The category of a denial, when every resolution agrees on it' },
    { name: 'In effect', expression: inEffect, comment: 'This version is in effect on the date of service (null when the date is unknown)' },
    {
      name: 'Decision',
      expression: elm.iff(elm.isNull(elm.ref('In effect')), elm.literal('needs-information'), elm.iff(elm.ref('In effect'), elm.ref('Criteria decision'), elm.literal('not-in-effect'))),
      comment: 'approve | deny | individual-review | needs-information | not-in-effect',
    },
  ];
}
