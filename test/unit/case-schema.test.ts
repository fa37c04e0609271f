import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyState, readCase } from '../../src/lib/compare/case-state.ts';
import { decide } from '../../src/lib/criteria/decide.ts';
import { loadCompiled } from '../../src/lib/criteria/load.ts';
import { caseSchema } from '../../src/lib/criteria/case-schema.ts';
import { describeIssues, formatProblems } from '../../src/lib/criteria/zod-messages.ts';

const SHARED = join(process.cwd(), '../shared/cases');
const COPIES = join(process.cwd(), 'src/data/public-cases');
const jsonFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : []);

/** The house-format problem lines for an input, or [] when it parses. */
function problems(input: unknown): string[] {
  const r = caseSchema.safeParse(input);
  return r.success ? [] : formatProblems(describeIssues(r.error.issues, input));
}

describe('public cases', () => {
  it('../shared/cases exists and holds cases', () => {
    expect(existsSync(SHARED), `expected the shared public cases at ${SHARED}`).toBe(true);
    expect(jsonFiles(SHARED).length).toBeGreaterThan(0);
  });

  for (const f of jsonFiles(SHARED)) {
    it(`${f}: its case parses`, () => {
      const { case: c } = JSON.parse(readFileSync(join(SHARED, f), 'utf8'));
      expect(problems(c)).toEqual([]);
    });
  }

  it('src/data/public-cases holds byte-identical copies of ../shared/cases', () => {
    expect(existsSync(SHARED), `../shared/cases is missing (looked in ${SHARED}); cannot compare the copies`).toBe(true);
    expect(jsonFiles(COPIES)).toEqual(jsonFiles(SHARED));
    for (const f of jsonFiles(SHARED)) {
      expect(readFileSync(join(COPIES, f)).equals(readFileSync(join(SHARED, f))), `${f} differs from ../shared/cases/${f}`).toBe(true);
    }
  });
});

describe('unknown is not false', () => {
  it('absent fields stay undefined after parsing', () => {
    const c = caseSchema.parse({ request: { levels: ['L1'] }, findings: { pregnant: false }, symptoms: { painNrs: 0 } });
    expect(c.ageYears).toBeUndefined();
    expect(c.request?.technique).toBeUndefined();
    expect(c.diagnosis).toBeUndefined();
    expect(c.findings?.neurologicDeficit).toBeUndefined();
    expect(c.conservativeCare).toBeUndefined();
    expect(c.findings?.pregnant).toBe(false);
    expect(c.symptoms?.painNrs).toBe(0);
    expect('ageYears' in c).toBe(false);
  });

  it('an empty case is valid and answers nothing', () => {
    expect(caseSchema.parse({})).toEqual({});
  });

  it('given empty lists are kept (answered: none)', () => {
    const c = caseSchema.parse({ osteoporosisCare: [], conservativeCare: { therapies: [] } });
    expect(c.osteoporosisCare).toEqual([]);
    expect(c.conservativeCare?.therapies).toEqual([]);
  });
});

describe('invalid cases are refused with their field paths', () => {
  it('wrong enum value inside a list', () => {
    const lines = problems({ request: { levels: ['L1', 'T13'] } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^request\.levels\[1\]: Unexpected `T13`, expected one of `C1`, .*`Co`$/);
  });

  it('wrong enum value in a list of objects', () => {
    expect(problems({ conservativeCare: { therapies: [{ kind: 'orthosis' }, { kind: 'yoga' }] } })[0])
      .toMatch(/^conservativeCare\.therapies\[1\]\.kind: Unexpected `yoga`, expected one of `otc-analgesic`/);
  });

  it('wrong type', () => {
    expect(problems({ ageYears: 'old' })).toEqual(['ageYears: Unexpected `old`, expected number']);
    expect(problems({ findings: { pregnant: 'no' } })).toEqual(['findings.pregnant: Unexpected `no`, expected boolean']);
  });

  it('unknown key (objects are strict), nested and at the top', () => {
    expect(problems({ request: { levelz: ['L1'] } })).toEqual(['request: Unexpected field `levelz` in `request`']);
    expect(problems({ diagnosis: { imaging: { mri: true } } })).toEqual(['diagnosis.imaging: Unexpected field `mri` in `diagnosis.imaging`']);
    expect(problems({ extra: 1 })).toEqual(['(case): Unexpected field `extra`']);
  });

  it('number out of range', () => {
    expect(problems({ symptoms: { painNrs: 11 } })).toEqual(['symptoms.painNrs: Unexpected `11`, expected at most 10']);
    expect(problems({ symptoms: { painNrs: -1 } })).toEqual(['symptoms.painNrs: Unexpected `-1`, expected at least 0']);
  });

  it('a date that does not exist', () => {
    expect(problems({ dateOfService: '2026-02-30' })).toEqual(['dateOfService: Unexpected `2026-02-30`, expected a real calendar date']);
    expect(problems({ dateOfService: '2028-02-29' })).toEqual([]);
  });

  it('a date in another format', () => {
    expect(problems({ dateOfService: '2026/02/03' })).toContain('dateOfService: Unexpected `2026/02/03`, expected a date as YYYY-MM-DD');
  });

  it('reports every problem at once', () => {
    const lines = problems({ ageYears: 'x', symptoms: { painNrs: 11 }, request: { levels: ['X1'] } });
    expect(lines.map((l) => l.split(':')[0])).toEqual(expect.arrayContaining(['ageYears', 'symptoms.painNrs', 'request.levels[0]']));
  });
});

describe('lists whose emptiness or repetition would change a decision (issue #11)', () => {
  it('a request names at least one level: `[]` is refused, not read as "every level is within range"', () => {
    expect(problems({ request: { levels: [] } })).toEqual(['request.levels: Unexpected an empty list, expected at least one level']);
  });

  it('a level is named once: repeats are refused at each repeat, not counted as more levels', () => {
    expect(problems({ request: { levels: ['L3', 'L3', 'L3', 'L3'] } })).toEqual([1, 2, 3].map((i) => `request.levels[${i}]: Unexpected \`L3\`, expected each level at most once (first at [0])`));
    expect(problems({ request: { levels: ['L3', 'L4'] } })).toEqual([]);
  });

  it('osteoporosis care: `[]` means none (case format), a repeated step is refused', () => {
    expect(problems({ osteoporosisCare: [] })).toEqual([]);
    expect(problems({ osteoporosisCare: ['bmd-referral', 'program-enrolled', 'bmd-referral'] })).toEqual(['osteoporosisCare[2]: Unexpected `bmd-referral`, expected each step at most once (first at [0])']);
  });

  it('therapies: `[]` means none tried; several entries of one kind are allowed (a kind counts once)', () => {
    expect(problems({ conservativeCare: { therapies: [] } })).toEqual([]);
    expect(problems({ conservativeCare: { therapies: [{ kind: 'otc-analgesic', weeks: 2 }, { kind: 'otc-analgesic', weeks: 4 }] } })).toEqual([]);
  });

  it('the comparison form\'s "as ticked" with nothing ticked is refused at the levels field, not evaluated', () => {
    const state = { ...emptyState(), 'request.levels': { known: true, items: [] } };
    expect(readCase(state)).toEqual({ ok: false, problems: [{ path: 'request.levels', message: 'Unexpected an empty list, expected at least one level' }] });
  });

  it('repeating a therapy entry, or adding one of a kind already met, never changes a decision', async () => {
    const { policies } = await loadCompiled();
    const base = JSON.parse(readFileSync(join(COPIES, 'subacute-osteoporotic-l3.json'), 'utf8')).case;
    const therapies = base.conservativeCare?.therapies ?? [{ kind: 'otc-analgesic', weeks: 6, outcome: 'failed' }];
    const doubled = { ...base, conservativeCare: { ...base.conservativeCare, therapies: [...therapies, ...therapies] } };
    const once = { ...base, conservativeCare: { ...base.conservativeCare, therapies } };
    const brief = (c: unknown) => policies.map((p) => { const r = decide(p, c); return [r.payer, r.decision, r.category ?? null, r.missing]; });
    expect(brief(doubled)).toEqual(brief(once));
  });

  it('a long unknown field name is cut in the message, not echoed in full', () => {
    const name = 'x'.repeat(1_000_000);
    const [line] = problems({ [name]: 1 });
    expect(line).toBe(`(case): Unexpected field \`${'x'.repeat(40)}…\``);
  });
});
