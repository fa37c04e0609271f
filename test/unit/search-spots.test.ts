/** A Pagefind result → the places on the page to link to, best first, with labels and excerpts. */
import { describe, expect, it } from 'vitest';
import { excerpt, pageHit, spotsFor, termsMatched } from '../../src/lib/search/spots.ts';
import { PAGE, resultData } from '../fixtures/search-page.ts';

const kiva = resultData('/policies/acme/', PAGE, (w) => /kiva/i.test(w));
const code = resultData('/policies/acme/', PAGE, (w) => w.startsWith('22513'));

describe('spotsFor', () => {
  const spots = spotsFor(kiva, 'Kiva');
  const hrefs = spots.map((s) => s.href);

  it('links each matching place to its own anchor, once', () => {
    expect(new Set(hrefs).size).toBe(hrefs.length);
    expect(hrefs.sort()).toEqual([
      '/policies/acme/', '/policies/acme/#code-C1062', '/policies/acme/#devices', '/policies/acme/#example-kiva-device',
      '/policies/acme/#ind-tech', '/policies/acme/#note-devices',
    ].sort());
  });

  it('puts criteria nodes and code rows first, the examples table last', () => {
    const ranked = spotsFor(kiva, 'Kiva');
    expect(ranked.slice(0, 2).map((s) => s.kind).sort()).toEqual(['code', 'criterion']);
    expect(ranked[0]!.href).toBe('/policies/acme/#ind-tech'); // two matches beat one
    expect(ranked.at(-1)!.kind).toBe('example');
  });

  it('lands a match in a note on the note, labelled by its first words', () => {
    const note = spots.find((s) => s.kind === 'note')!;
    expect(note.href).toBe('/policies/acme/#note-devices');
    expect(note.label).toBe('Interpretation note: We read Kiva as a mechanical device.');
  });

  it('names the criteria block a criterion sits in', () => {
    expect(spots.find((s) => s.kind === 'criterion')!.context).toBe('Indications');
    expect(spots.find((s) => s.kind === 'code')!.context).toBeNull();
  });

  it("labels a node by its own words and a section by its heading", () => {
    expect(spots.find((s) => s.kind === 'criterion')!.label).toBe('Technique is balloon kyphoplasty or Kiva Technique or device: one of balloon kyphoplasty, kiva');
    const levels = spotsFor(resultData('/p/', PAGE, (w) => w === 'L3'), 'L3')[0]!;
    expect([levels.href, levels.label]).toEqual(['/p/#ind-levels', 'Every treated level is between T5 and L5 Every treated level within T5–L5 Levels …']);
    expect(spots.find((s) => s.href.endsWith('#devices'))!.label).toBe('Devices');
    expect(spots.find((s) => s.kind === 'page')!.label).toBe('Acme Health: Vertebral augmentation');
  });

  it('lands a code on its row, and a mention after the table on the codes heading', () => {
    expect(spotsFor(code, '22513').map((s) => s.href)).toEqual(['/policies/acme/#code-22513', '/policies/acme/#codes']);
  });

  it('ranks a place with every query word above one with some', () => {
    const both = resultData('/p/', PAGE, (w) => /^(kiva|device)/i.test(w.replace(/[^\w-]/g, '')));
    expect(spotsFor(both, 'Kiva device')[0]!.href).toBe('/p/#ind-tech');
  });
});

describe('excerpt', () => {
  const words = 'a b c d e f g h i j'.split(' ');
  const text = (parts: ReturnType<typeof excerpt>) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

  it('marks matched words, keeps spaces outside marks, and shows elisions', () => {
    expect(text(excerpt(words, { start: 0, end: 10 }, 5, new Set([5, 6]), 2, 3))).toBe('… d e [f g] h …');
  });
  it('never crosses the segment it is in', () => {
    expect(text(excerpt(words, { start: 4, end: 7 }, 5, new Set([5]), 8, 8))).toBe('e [f] g');
  });
});

describe('termsMatched', () => {
  it('counts query words found, allowing stems and compounds', () => {
    expect(termsMatched('osteoporosis program', ['secondary-osteoporosis', 'programs'])).toBe(2);
    expect(termsMatched('osteoporosis program', ['osteoporosis'])).toBe(1);
    expect(termsMatched('T5-L5', ['T5–L5'])).toBe(1);
    expect(termsMatched('', ['Kiva', 'kiva', 'SpineJack'])).toBe(2);
  });
});

describe('pageHit', () => {
  it('names the payer from the URL and the filter, and the page from its title', () => {
    const hit = pageHit(kiva, 'Kiva');
    expect([hit.payer, hit.payerName, hit.title]).toEqual(['acme', 'Acme Health', 'Acme Health: Vertebral augmentation']);
    expect(pageHit({ ...kiva, url: '/codes/', filters: {} }).payer).toBeNull();
  });
});
