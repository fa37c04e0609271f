/** Where a matched word lands: the innermost anchored element that contains it, with ends marked. */
import { describe, expect, it } from 'vitest';
import { endMarkerId, landingIndex, ownSpan, segmentAround } from '../../src/lib/search/landing.ts';
import { PAGE, resultData } from '../fixtures/search-page.ts';

const data = resultData('/policies/acme/', PAGE, () => false);
const words = data.content.split(' ');
const at = (phrase: string) => data.content.split(' ').findIndex((_, i) => words.slice(i, i + phrase.split(' ').length).join(' ') === phrase);
const landing = (phrase: string) => data.anchors[landingIndex(data.anchors, at(phrase))]?.id ?? null;

describe('landingIndex', () => {
  it('lands a word before every anchor on the page itself', () => {
    expect(landing('Kiva is covered.')).toBeNull();
  });

  it('lands a word in a criteria node on that node, not its parent or the next one', () => {
    expect(landing('ALL of')).toBe('ind-root');
    expect(landing('Technique is balloon')).toBe('ind-tech');
    expect(landing('T5-L5: T5')).toBe('ind-levels');
  });

  it('lands a word in a block heading on the heading that opens at the same word', () => {
    expect(landing('Indications.')).toBe('ind-title');
  });

  it("lands prose after a tree's end marker on the enclosing section, not the tree's last node", () => {
    expect(landing('Balloon kyphoplasty, Kiva and SpineJack')).toBe('devices');
  });

  it("lands prose after a codes table's end marker on the codes heading, not the last row", () => {
    expect(landing('Acme lists no sacroplasty')).toBe('codes');
    expect(landing('C1062 HCPCS.')).toBe('code-C1062');
    expect(landing('22513 CPT.')).toBe('code-22513');
  });

  it('names end markers with a suffix kebab-case ids cannot contain', () => {
    expect(endMarkerId('ind')).toBe('ind--end');
    expect(/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(endMarkerId('ind'))).toBe(false);
  });
});

describe('ownSpan and segmentAround', () => {
  it("gives a parent node only its own words, not its children's", () => {
    const root = data.anchors.findIndex((a) => a.id === 'ind-root');
    const span = ownSpan(data.anchors, root, words.length);
    expect(words.slice(span.start, span.end).join(' ')).toBe('ALL of The request qualifies');
  });

  it('bounds an excerpt by the anchor starts around the word, end markers included', () => {
    const seg = segmentAround(data.anchors, at('Balloon kyphoplasty, Kiva and SpineJack'), words.length);
    expect(words.slice(seg.start, seg.end).join(' ')).toBe('Balloon kyphoplasty, Kiva and SpineJack are defined as kyphoplasty techniques.');
  });
});
