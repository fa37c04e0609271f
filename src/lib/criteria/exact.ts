/**
 * Exact decisions. Kleene logic is sound but leaves `X or not X` unknown, so a case can need information that
 * cannot matter. Here a result is decided when every completion of the case's unknowns (completions.ts) gives
 * it, and `missing` names exactly the unknowns on whose answer the result depends.
 *
 * The search answers unknowns one at a time on a working copy of the case and evaluates it with the policy's
 * own compiled evaluator (`blocks`): as soon as the Kleene block values settle the outcome (every resolution
 * of the still-unknown blocks that matter agrees), the whole subtree of completions is known and the search
 * stops there. It is bounded (BOUND evaluations in all, PER_UNKNOWN to show whether one unknown matters);
 * where a bound is reached the result keeps the sound Kleene answer for what was not shown and is marked
 * `conservative`.
 */
import type { DenyCategory } from './block-schema.ts';
import type { CompiledPolicy } from './compile.ts';
import { Completion, rangeWords, unknownsOf, type Choice, type Range, type Unknown } from './completions.ts';
import { U } from './kleene.ts';
import type { ModelBlock, PolicyModel } from './model.ts';
import type { Answer } from './result.ts';

export type Outcome = { decision: 'approve' | 'deny' | 'individual-review'; category?: DenyCategory | undefined; because: ModelBlock[] };

/**
 * Evaluations (one compiled `blocks` or `trace` call each) one exact decision may spend for one payer, and
 * the share of it showing whether one unknown matters may take.
 */
export const BOUND = 2000;
const PER_UNKNOWN = 150;
/** Of which one answer's short search (does this answer decide the case by itself?) may take. */
const PER_ANSWER = 30;
/** More unknown blocks than this at a step are not resolved every way: the search answers another fact first. */
const MAX_OPEN_BLOCKS = 5;

export type ExactInput = {
  policy: CompiledPolicy;
  case: unknown;
  /** Every node's value on the case. */
  trace: ArrayLike<number>;
  /** The version's blocks; its unknown blocks, and those among them whose value can change the outcome. */
  blocks: readonly ModelBlock[];
  unknown: readonly ModelBlock[];
  pivotal: readonly ModelBlock[];
  /** The outcome for block values with no unknown among the version's blocks (decide.ts's precedence). */
  outcome: (values: ArrayLike<number>) => Outcome;
};

export type Exact = {
  /** The outcome every completion gives (a denial whose category differs between completions has none); null: they differ. */
  decided: Outcome | null;
  /** The unknowns whose answer can change the result. */
  missing: string[];
  /** For each missing fact with short answers: the answers that decide the case on their own, and to what. */
  settles: Record<string, Answer[]>;
  /** A bound was reached: what was not shown stays as Kleene has it (sound; `missing` may name more than matters). */
  conservative: boolean;
};

const keyOf = (o: Outcome) => (o.category ? `${o.decision} ${o.category}` : o.decision);
const same = (a: Outcome, b: Outcome) => a.decision === b.decision && a.category === b.category;

/** Thrown (not an Error: no stack to capture) when the search reaches its bound. */
const OUT_OF_BUDGET = Symbol('out of budget');

class Search {
  evaluations = 0;
  readonly #model: PolicyModel;
  /** Unknown blocks that cannot change the outcome under any resolution: resolved one way (not met). */
  readonly #inert: ReadonlyArray<ModelBlock>;
  readonly #values: number[] = [];
  /** Outcomes by resolved block bits: resolutions repeat all through a search. */
  readonly #table: Array<Outcome | undefined> = [];
  readonly #inertAt: boolean[];
  readonly #open: number[] = [];
  #openCount = 0;
  /** Leaf node index → the unknowns it reads. */
  readonly #readers = new Map<number, number[]>();
  readonly #answered: boolean[];

  readonly input: ExactInput;
  readonly work: Completion;
  readonly unknowns: readonly Unknown[];

  // Plain fields, not parameter properties: batch worker threads load this module with Node's type stripping.
  constructor(input: ExactInput, work: Completion, unknowns: readonly Unknown[]) {
    this.input = input;
    this.work = work;
    this.unknowns = unknowns;
    this.#model = input.policy.model;
    this.#inert = input.unknown.filter((b) => !input.pivotal.includes(b));
    unknowns.forEach((u, i) => { for (const leaf of u.leaves) this.#readers.set(leaf, [...(this.#readers.get(leaf) ?? []), i]); });
    this.#answered = unknowns.map(() => false);
    this.#inertAt = input.blocks.map((b) => this.#inert.includes(b));
  }

  /** Where the current step stops (the whole search stops at BOUND). */
  limit = BOUND;

  #spend(): void {
    if (++this.evaluations > this.limit) throw OUT_OF_BUDGET;
  }

  set(u: number, value: unknown): void {
    this.work.set(u, value);
    this.#answered[u] = true;
  }

  clear(u: number): void {
    this.work.clear(u);
    this.#answered[u] = false;
  }

  /** The outcome for resolved block values given as bits (bit i: the version's block i met), computed once. */
  #outcomeOf(bits: number): Outcome {
    let o = this.#table[bits];
    if (!o) {
      const values = this.#values;
      this.input.blocks.forEach((b, i) => { values[b.index] = (bits >> i) & 1 ? 2 : 0; });
      o = this.#table[bits] = this.input.outcome(values);
    }
    return o;
  }

  /**
   * Block values (`values[block.index]`, or `values[block.root]` from a trace) as met bits over the version's
   * blocks; the positions still open go to #open (no allocation: this runs at every step).
   */
  #split(values: ArrayLike<number>, byRoot: boolean): number {
    let met = 0;
    this.#openCount = 0;
    const blocks = this.input.blocks;
    for (let i = 0; i < blocks.length; i++) {
      if (this.#inertAt[i]) continue;
      const v = values[byRoot ? blocks[i]!.root : blocks[i]!.index];
      if (v === 2) met |= 1 << i;
      else if (v === U) this.#open[this.#openCount++] = i;
    }
    return met;
  }

  /** `met` with the open positions picked by `mask` set. */
  #resolve(met: number, mask: number): number {
    let bits = met;
    for (let i = 0; i < this.#openCount; i++) if ((mask >> i) & 1) bits |= 1 << this.#open[i]!;
    return bits;
  }

  /** The outcome of every completion of the working case, if the Kleene values already settle it; else null. */
  settled(): Outcome | null {
    this.#spend();
    const met = this.#split(this.input.policy.blocks(this.work.case), false);
    if (this.#openCount > MAX_OPEN_BLOCKS) return null;
    // All not met, then all met, then the rest: an open outcome usually shows on the first two.
    const full = (1 << this.#openCount) - 1;
    let first: Outcome | null = null;
    for (let n = 0; n <= full; n++) {
      const o = this.#outcomeOf(this.#resolve(met, n === 0 ? 0 : n === 1 ? full : n - 1));
      if (!first) first = o;
      else if (!same(o, first)) return null;
    }
    return first;
  }

  /**
   * The unanswered unknown to branch on next (fewest answers first), among those read by an unknown leaf under
   * a still-unknown pivotal block: any other cannot change anything from here (Kleene monotonicity). -1 when
   * `watch` is given and no longer read there: from here on, its answer cannot change the outcome.
   */
  next(watch = -1): number {
    this.#spend();
    const trace = this.input.policy.trace(this.work.case);
    const nodes = this.#model.nodes;
    let best = -1;
    let watched = false;
    const visit = (i: number) => {
      if (trace[i] !== U) return;
      const kids = nodes[i]!.children;
      if (kids.length) { for (const k of kids) visit(k); return; }
      for (const u of this.#readers.get(i) ?? []) {
        if (u === watch) watched = true;
        else if (!this.#answered[u] && (best < 0 || this.unknowns[u]!.choices.length < this.unknowns[best]!.choices.length)) best = u;
      }
    };
    // With an unknown to watch, branch first on what is read beside it: that is what decides whether its
    // answer can show.
    const reading: ModelBlock[] = [];
    for (const b of this.input.pivotal) {
      watched = false;
      visit(b.root);
      if (watched) reading.push(b);
    }
    if (reading.length) {
      const outside = best;
      best = -1;
      for (const b of reading) visit(b.root);
      if (best < 0) best = outside;
    }
    if (watch >= 0 && !this.#canMatter(trace, reading)) return -1;
    // Every unknown that matters answered leaves the outcome settled; if not, give up soundly.
    if (best < 0) throw OUT_OF_BUDGET;
    return best;
  }

  /**
   * Whether some of `blocks` (those an unknown is still read under) can change the outcome from here: for
   * some resolution of the open blocks, flipping one of them changes it. The other open blocks resolve the
   * same way whatever the unknown's answer, so if none of these is pivotal, the answer cannot matter.
   */
  #canMatter(trace: ArrayLike<number>, blocks: readonly ModelBlock[]): boolean {
    if (!blocks.length) return false;
    const met = this.#split(trace, true);
    if (this.#openCount > MAX_OPEN_BLOCKS) return true;
    const flips = blocks.map((b) => 1 << this.input.blocks.indexOf(b));
    for (let mask = 0; mask < 1 << this.#openCount; mask++) {
      const bits = this.#resolve(met, mask);
      const here = this.#outcomeOf(bits);
      // Each pair once: from the resolution where the block is not met.
      for (const flip of flips) if (!(bits & flip) && !same(this.#outcomeOf(bits | flip), here)) return true;
    }
    return false;
  }

  /** The outcomes of the completions of the working case, by key; stops early once `enough` says so. */
  outcomes(out: Map<string, Outcome>, enough: (out: Map<string, Outcome>) => boolean): void {
    const o = this.settled();
    if (o) { if (!out.has(keyOf(o))) out.set(keyOf(o), o); return; }
    const u = this.next();
    for (const choice of this.unknowns[u]!.choices) {
      this.set(u, choice.value);
      this.outcomes(out, enough);
      if (enough(out)) break;
    }
    this.clear(u);
  }

  /** The one outcome of every completion of the working case, if a short search shows it; else null. */
  uniform(): Outcome | null {
    const limit = this.limit;
    this.limit = Math.min(limit, this.evaluations + PER_ANSWER);
    const out = new Map<string, Outcome>();
    const answered = this.#answered.map((a, i) => (a ? i : -1)).filter((i) => i >= 0);
    try {
      this.outcomes(out, (o) => o.size > 1);
    } catch (e) {
      if (e !== OUT_OF_BUDGET) throw e;
      this.unknowns.forEach((_, i) => { if (!answered.includes(i)) this.clear(i); });
      out.clear();
    } finally {
      this.limit = limit;
    }
    return out.size === 1 ? [...out.values()][0]! : null;
  }

  /**
   * Whether the outcome depends on unknown `x`: two completions that differ only in x and decide differently.
   * Branches on the other unknowns until, for every answer of x, the outcome is settled. Answers are tried
   * from the last one found open (`order`, moved to the front): one open answer is enough to branch.
   */
  depends(x: number, order: number[] = this.unknowns[x]!.choices.map((_, i) => i)): boolean {
    const choices = this.unknowns[x]!.choices;
    let first: string | null = null;
    let open = -1;
    for (const i of order) {
      this.set(x, choices[i]!.value);
      const o = this.settled();
      if (!o) { open = i; break; }
      if (first === null) first = keyOf(o);
      else if (first !== keyOf(o)) { this.clear(x); return true; }
    }
    this.clear(x);
    if (open < 0) return false;
    order.splice(order.indexOf(open), 1);
    order.unshift(open);
    const u = this.next(x);
    if (u < 0) return false;
    let found = false;
    for (const choice of this.unknowns[u]!.choices) {
      this.set(u, choice.value);
      if ((found = this.depends(x, order))) break;
    }
    this.clear(u);
    return found;
  }
}

/** Decisions differ (not merely deny categories). */
const twoDecisions = (out: Map<string, Outcome>) => new Set([...out.values()].map((o) => o.decision)).size > 1;

/** Adjacent answers with the same outcome, merged and worded ("≥ 5": approve). */
function answersOf(choices: readonly Choice[], outcomes: ReadonlyArray<Outcome | null>): Answer[] {
  const out: Answer[] = [];
  let run: { range?: Range | undefined; words: string[]; outcome: Outcome } | null = null;
  const flush = () => {
    if (!run) return;
    const answer: Answer = { answer: run.range ? rangeWords(run.range) : run.words.join(' or '), decision: run.outcome.decision };
    if (run.outcome.category) answer.category = run.outcome.category;
    out.push(answer);
    run = null;
  };
  choices.forEach((c, i) => {
    const o = outcomes[i];
    if (run && o && keyOf(o) === keyOf(run.outcome)) {
      run.words.push(c.words);
      if (run.range && c.range) run.range = [run.range[0], run.range[1], c.range[2], c.range[3]];
      return;
    }
    flush();
    if (o) run = { range: c.range, words: [c.words], outcome: o };
  });
  flush();
  return out;
}

/** Decides exactly over the completions of the unknowns under the pivotal blocks (see the file comment). */
export function exactly(input: ExactInput, kleene: Outcome | null): Exact {
  const model: PolicyModel = input.policy.model;
  const unknowns = unknownsOf(model, input.case, input.trace, input.pivotal.map((b) => b.root));
  const work = new Completion(input.case, unknowns);
  const search = new Search(input, work, unknowns);
  const paths = unknowns.map((u) => u.path);
  // Resolutions are bit sets over the version's blocks.
  if (input.blocks.length > 30) return { decided: kleene, missing: paths, settles: {}, conservative: true };

  let decided: Outcome | null;
  try {
    const all = new Map<string, Outcome>();
    search.outcomes(all, twoDecisions);
    const first = [...all.values()][0]!;
    decided = twoDecisions(all) ? null : all.size === 1 ? first : { decision: first.decision, category: undefined, because: first.because };
  } catch (e) {
    if (e !== OUT_OF_BUDGET) throw e;
    return { decided: kleene, missing: paths, settles: {}, conservative: true };
  }
  if (decided && (decided.decision !== 'deny' || decided.category)) return { decided, missing: [], settles: {}, conservative: false };

  // Open: name the unknowns the outcome depends on, and the answers that settle it on their own.
  const missing: string[] = [];
  const settles: Record<string, Answer[]> = {};
  let conservative = false;
  unknowns.forEach((u, x) => {
    if (search.evaluations >= BOUND) { missing.push(u.path); conservative = true; return; }
    search.limit = Math.min(BOUND, search.evaluations + PER_UNKNOWN);
    try {
      // The answers that settle the case by themselves (by the Kleene values, else by a short search): two
      // that settle it differently already show that the answer matters.
      let depends: boolean | null = null;
      if (!u.list) {
        const each = u.choices.map((choice) => {
          search.set(x, choice.value);
          const o = search.settled() ?? search.uniform();
          search.clear(x);
          return o;
        });
        if (new Set(each.flatMap((o) => (o ? [keyOf(o)] : []))).size > 1) depends = true;
        const answers = answersOf(u.choices, each);
        if (answers.length) settles[u.path] = answers;
      }
      // The answers' searches have their own share: proving that the answer matters gets a whole one.
      search.limit = Math.min(BOUND, search.evaluations + PER_UNKNOWN);
      if (depends === null) depends = search.depends(x);
      if (depends) missing.push(u.path);
      else delete settles[u.path];
    } catch (e) {
      if (e !== OUT_OF_BUDGET) throw e;
      // Not shown either way within its share of the bound: named, as Kleene names it.
      unknowns.forEach((_, i) => search.clear(i));
      conservative = true;
      missing.push(u.path);
    }
  });
  return { decided, missing, settles, conservative };
}
