/** The payer choice of /compare/, /criteria/ and the home page: default, the address's `?payers=`, the name filter. */
import { describe, expect, it } from 'vitest';
import { loadModels } from '../../src/lib/criteria/load.ts';
import { ALL_UP_TO, choiceFromSearch, defaultChoice, linkWithChoice, matchesFilter, payerOptions, searchWithChoice } from '../../src/lib/select/payer-choice.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `payer-${i + 1}`);

describe('payer choice', () => {
  it('a /compare/ link opens with just the payers named, its case kept', () => {
    expect(linkWithChoice('/compare/#case=eyJ9', ['cigna', 'kaiser-wa'])).toBe('/compare/?payers=cigna,kaiser-wa#case=eyJ9');
    expect(choiceFromSearch(new URL(linkWithChoice('/compare/#case=x', ['regence', 'cohere']), 'http://x').search, ['cigna', 'cohere', 'regence'])).toEqual(['cohere', 'regence']);
  });

  it('chooses every payer when there are few, the first five of many', () => {
    expect(defaultChoice(ids(ALL_UP_TO))).toEqual(ids(ALL_UP_TO));
    expect(defaultChoice(ids(50))).toEqual(ids(5));
  });

  it('reads known ids from the address in site order, and nothing from an address without a choice', () => {
    const all = ids(20);
    expect(choiceFromSearch('?payers=payer-9,payer-2,nobody,payer-2', all)).toEqual(['payer-2', 'payer-9']);
    expect(choiceFromSearch('', all)).toBeNull();
    expect(choiceFromSearch('?payers=nobody', all)).toBeNull();
  });

  it('writes the choice into the address, keeping other parameters, and leaves it out when every payer is chosen', () => {
    const all = ids(3);
    expect(searchWithChoice('?x=1', ['payer-3', 'payer-1'], all)).toBe('?x=1&payers=payer-1,payer-3');
    expect(searchWithChoice('?payers=payer-1', all, all)).toBe('');
    expect(choiceFromSearch(searchWithChoice('', ['payer-2'], all), all)).toEqual(['payer-2']);
  });

  it('filters names by every word typed, ignoring case and accents', () => {
    expect(matchesFilter('Kaiser Permanente Washington', 'perm wash')).toBe(true);
    expect(matchesFilter('Kaiser Permanente Washington', 'kaiser oregon')).toBe(false);
    expect(matchesFilter('Régence', 'regence')).toBe(true);
    expect(matchesFilter('Cohere Health', '')).toBe(true);
  });

  it('names payers so that people can tell them apart', () => {
    const { models } = loadModels();
    const options = payerOptions(models);
    expect(options.map((o) => o.id)).toEqual(models.map((m) => m.payer));
    expect(new Set(options.map((o) => o.name)).size).toBe(models.length);
    const copy = { ...models[0]!, payer: `${models[0]!.payer}-c1`, meta: { ...models[0]!.meta, payerName: `${models[0]!.meta.payerName} (copy 1)` } };
    const both = payerOptions([models[0]!, copy]);
    expect(both[0]!.name).not.toBe(both[1]!.name);
  });
});
