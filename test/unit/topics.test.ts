/** The topics vocabulary: declared once, every case fact in one, every criterion in at least one, authors may add. */
import { describe, expect, it } from 'vitest';
import { FACTS } from '../../src/lib/criteria/facts.ts';
import { loadModels } from '../../src/lib/criteria/load.ts';
import { formatMessage } from '../../src/lib/criteria/messages.ts';
import { parseMdx } from '../../src/lib/criteria/parse.ts';
import { isTopicId, TOPIC_IDS, TOPICS } from '../../src/lib/criteria/topics.ts';
import { validate } from '../../src/lib/criteria/validate.ts';
import { cellFor, nodeTopics } from '../../src/lib/criteria-matrix/cells.ts';
import { policyMdx } from '../fixtures/inline-policy.ts';

const { models } = loadModels();

describe('topics vocabulary', () => {
  it('has the topics issue #13 asks for, each with a plain name and a one-line description', () => {
    for (const id of ['level-range', 'level-count', 'fracture-age', 'pain', 'function', 'imaging', 'conservative-care', 'osteoporosis-care',
      'technique', 'sacroplasty', 'malignancy', 'hemangioma', 'trauma', 'prophylaxis', 'contraindications', 'line-of-business', 'age', 'date-version']) {
      expect(TOPIC_IDS).toContain(id);
    }
    expect(new Set(TOPIC_IDS).size).toBe(TOPICS.length);
    for (const t of TOPICS) {
      expect(t.name).toMatch(/^[A-Z][^.]*$/);
      expect(t.description).toMatch(/^[A-Z].*\.$/);
      expect(t.description).not.toMatch(/\n/);
    }
  });

  it('gives every case fact a topic from the vocabulary (case-schema.ts metadata, read through schema-introspect)', () => {
    const without = FACTS.filter((f) => !f.topic || !isTopicId(f.topic)).map((f) => f.path);
    expect(without).toEqual([]);
    for (const f of FACTS) {
      for (const [value, topic] of Object.entries(f.valueTopics ?? {})) {
        expect(f.type === 'enum' && f.values.includes(value), `${f.path}: ${value}`).toBe(true);
        expect(isTopicId(topic!)).toBe(true);
      }
    }
  });

  it('puts every criterion that reads the case in at least one topic', () => {
    for (const m of models) {
      const orphans = m.nodes.filter((n) => n.children.length === 0 && nodeTopics(m, n).size === 0).map((n) => n.id);
      expect(orphans, m.payer).toEqual([]);
    }
  });

  it('derives topics from values and levels: hemangioma, malignancy, sacral levels', () => {
    const cigna = models.find((m) => m.payer === 'cigna')!;
    const node = (id: string) => cigna.nodes.find((n) => n.id === id)!;
    expect([...nodeTopics(cigna, node('cig-nmn-hemangioma-lesion'))]).toEqual(['hemangioma']);
    expect([...nodeTopics(cigna, node('cig-mal-osteolytic'))]).toEqual(['malignancy']);
    expect([...nodeTopics(cigna, node('cig-sacro-sacral'))]).toEqual(['sacroplasty']);
    expect([...nodeTopics(cigna, node('cig-nmn-levels'))]).toEqual(['level-range']);
  });
});

describe('topics: on a node', () => {
  const block = (topics: string) => `id: ind\nrole: indication\ntitle: Indication\nsource: "§ 1"\ntree:\n  id: ind-all\n  kind: all\n  label: All of\n  ${topics}\n  of:\n    - { id: ind-pain, kind: fact, label: Pain 5 or more, fact: symptoms.painNrs, op: ge, value: 5 }`;

  it('adds the topic to the node and its leaves, so the matrix cell for that topic summarises them', () => {
    const { model, messages } = validate(parseMdx('inline.mdx', policyMdx([block('topics: [function]')])));
    expect(messages.map(formatMessage)).toEqual([]);
    const cell = cellFor(model!, 'function');
    expect(cell.status).toBe('addressed');
    expect(cell.nodes.map((n) => n.id)).toEqual(['ind-pain']);
    expect(cellFor(model!, 'pain').nodes.map((n) => n.id)).toEqual(['ind-pain']);
  });

  it('refuses a topic outside the vocabulary at its line and column', () => {
    const { model, messages } = validate(parseMdx('inline.mdx', policyMdx([block('topics: [fuction]')])));
    expect(model).toBeNull();
    const m = messages.find((x) => x.ruleId === 'unknown-topic')!;
    expect(formatMessage(m)).toMatch(/^inline\.mdx:\d+:\d+: Unexpected topic `fuction`, expected one of `level-range`/);
  });
});
