import { describe, expect, it } from 'vitest';
import skillsFile from '../../../content/skills/skills.json' with { type: 'json' };
import type { AtsAnalysis, AtsPart, ParsedResume } from '../../contract/resumes.js';
import type { AnalyzedText, AnalyzedToken, TextAnalyzer } from '../evaluation/analyzed-text.js';
import { validateSkillTaxonomy } from '../skills/taxonomy.js';
import { analyzeResume, ATS_WEIGHTS, yearsFromPositions, type AtsJob, type AtsResume } from './analyze-resume.js';
import { BACKEND_JOB, GOOD, PARTIAL, RANKED, STRONG, UNRELATED, type ResumeCase } from '../../server/testing/ats-fixtures.js';

const taxonomy = validateSkillTaxonomy(skillsFile);
const NO_FLAGS: AtsResume['flags'] = { hiddenText: false, injection: false, noTextLayer: false };
const STOP = new Set([
  'the',
  'and',
  'with',
  'for',
  'you',
  'our',
  'that',
  'will',
  'are',
  'was',
  'of',
  'in',
  'on',
  'to',
  'a',
  'an',
  'or',
  'we',
  'it',
  'is',
  'by',
  'as',
]);

/** Every word a noun, lemma = lower case without a plural s: enough to exercise the keyword part. */
const plainAnalyzer: TextAnalyzer = (text: string): AnalyzedText => {
  const tokens: AnalyzedToken[] = [];
  for (const m of text.matchAll(/[A-Za-z][A-Za-z-]*/g)) {
    const normal = m[0].toLowerCase();
    tokens.push({
      text: m[0],
      normal,
      lemma: normal.length > 3 && normal.endsWith('s') ? normal.slice(0, -1) : normal,
      pos: 'NOUN',
      stop: STOP.has(normal),
      kind: 'word',
      start: m.index,
      end: m.index + m[0].length,
      sentence: 0,
      negated: false,
    });
  }
  return { text, tokens, sentences: [{ start: 0, end: text.length, tokenStart: 0, tokenEnd: tokens.length }] };
};

function analyze(
  resume: ResumeCase,
  job: AtsJob = BACKEND_JOB,
  flags: AtsResume['flags'] = NO_FLAGS,
  parsed: Partial<ParsedResume> = {},
): AtsAnalysis {
  return analyzeResume({
    resume: { parsed: { ...resume.parsed, ...parsed }, text: resume.text, flags },
    job,
    taxonomy,
    analyzer: plainAnalyzer,
    today: '2026-03',
  });
}

const lost = (a: AtsAnalysis, part: AtsPart) => a.deductions.filter((d) => d.part === part).reduce((s, d) => s + d.points, 0);

describe('analyzeResume', () => {
  it('is deterministic', () => {
    for (const r of RANKED) expect(analyze(r)).toEqual(analyze(r));
  });

  it('explains every lost point: deductions per part add up to 100 minus the part score', () => {
    const flagged = { hiddenText: true, injection: true, noTextLayer: false };
    for (const a of [...RANKED.map((r) => analyze(r)), analyze(UNRELATED, BACKEND_JOB, flagged)]) {
      for (const part of Object.keys(a.parts) as AtsPart[]) {
        expect(lost(a, part), `${part} of ${JSON.stringify(a.parts)}`).toBe(100 - a.parts[part]);
      }
      expect(a.deductions.every((d) => Number.isInteger(d.points) && d.points > 0 && d.reason.length > 0)).toBe(true);
      expect(Object.values(a.weights).reduce((s, w) => s + w, 0)).toBeCloseTo(1, 10);
      const weighted = (Object.keys(a.parts) as AtsPart[]).reduce((s, p) => s + ATS_WEIGHTS[p] * a.parts[p], 0);
      expect(a.score).toBe(Math.round(weighted));
    }
  });

  it('orders resumes of known fit as a recruiter would', () => {
    const scores = RANKED.map((r) => analyze(r).score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(new Set(scores).size).toBe(scores.length);
  });

  it('weighs a missing required skill more than a missing nice-to-have one, and names it in a suggestion', () => {
    const a = analyze(GOOD);
    const kube = a.deductions.find((d) => d.reason.startsWith('Kubernetes'))!;
    const kafka = a.deductions.find((d) => d.reason.startsWith('Apache Kafka'))!;
    expect(a.missingSkills).toEqual(
      expect.arrayContaining([
        { name: 'Kubernetes', required: true },
        { name: 'Apache Kafka', required: false },
      ]),
    );
    expect(kube.points).toBeGreaterThan(kafka.points);
    expect(a.matchedSkills).toEqual(
      expect.arrayContaining([
        { name: 'Java', required: true },
        { name: 'Docker', required: true },
      ]),
    );
    expect(a.suggestions.some((s) => s.includes('Kubernetes') && /requires/.test(s))).toBe(true);
  });

  it('treats skills the job offers as alternatives ("Go or Java") as one requirement', () => {
    const javaOnly = analyze(GOOD);
    expect(javaOnly.missingSkills.map((s) => s.name)).not.toContain('Go');
    expect(javaOnly.deductions.some((d) => /\bGo\b/.test(d.reason))).toBe(false);
    const neither = analyze(PARTIAL);
    expect(neither.missingSkills).toEqual(
      expect.arrayContaining([
        { name: 'Go', required: true },
        { name: 'Java', required: true },
      ]),
    );
    expect(neither.deductions.some((d) => d.reason.startsWith('Go or Java (required)'))).toBe(true);
  });

  it('gives partial credit for a related skill from the taxonomy', () => {
    const job: AtsJob = { ...BACKEND_JOB, requiredSkills: ['Kubernetes', 'PostgreSQL'], niceToHaveSkills: [] };
    const withDocker = analyze(
      { ...PARTIAL, parsed: { ...PARTIAL.parsed, skills: ['Docker', 'PostgreSQL'] }, text: 'PostgreSQL and Docker.' },
      job,
    );
    const withNothing = analyze({ ...PARTIAL, parsed: { ...PARTIAL.parsed, skills: ['PostgreSQL'] }, text: 'PostgreSQL.' }, job);
    expect(withDocker.parts.skills).toBeGreaterThan(withNothing.parts.skills);
    expect(withDocker.parts.skills).toBeLessThan(100);
    expect(withDocker.deductions.find((d) => d.part === 'skills')!.reason).toMatch(/Docker is related/);
    expect(withDocker.missingSkills).toEqual([{ name: 'Kubernetes', required: true }]);
  });

  it('counts skills written in the text, not only the skills list', () => {
    const a = analyze({ ...GOOD, parsed: { ...GOOD.parsed, skills: [] } });
    expect(a.matchedSkills.map((s) => s.name)).toEqual(expect.arrayContaining(['Java', 'PostgreSQL', 'Docker']));
  });

  it('measures experience against the years the job asks for, and asks for dates', () => {
    expect(analyze(STRONG).parts.experience).toBe(100);
    const partial = analyze(PARTIAL);
    expect(partial.parts.experience).toBeLessThan(100);
    expect(partial.deductions.find((d) => d.part === 'experience')!.reason).toMatch(/About 4\.2 years .* 5\+ years/);
    const undated = analyze(GOOD, BACKEND_JOB, NO_FLAGS, {
      positions: GOOD.parsed.positions.map((p) => ({ ...p, start: null, end: null })),
    });
    expect(undated.deductions.find((d) => d.part === 'experience')!.reason).toMatch(/no dates/);
    expect(undated.suggestions.some((s) => /dates/.test(s))).toBe(true);
  });

  it('counts overlapping positions once', () => {
    const years = yearsFromPositions(
      [
        { title: 'A', employer: 'X', start: '2020-01', end: '2021-12' },
        { title: 'B', employer: 'Y', start: '2021-01', end: '2022-12' },
        { title: 'C', employer: 'Z', start: null, end: null },
      ],
      '2026-03',
    );
    expect(years).toBe(3);
    expect(yearsFromPositions([{ title: 'A', employer: 'X', start: '2024-03', end: 'present' }], '2026-03')).toBe(2);
  });

  it('checks the degree the job asks for; equivalent experience softens a miss', () => {
    expect(analyze(STRONG).parts.education).toBe(100);
    const strict: AtsJob = {
      ...BACKEND_JOB,
      text: BACKEND_JOB.text.replace(
        "Bachelor's degree in Computer Science or equivalent experience",
        "Master's degree in Computer Science",
      ),
    };
    const miss = analyze(STRONG, strict);
    expect(miss.parts.education).toBeLessThan(100);
    expect(miss.deductions.find((d) => d.part === 'education')!.reason).toMatch(/master's degree.*bachelor's degree/);
    // The job accepts equivalent experience; the barista has neither.
    const none = analyze(UNRELATED);
    expect(none.parts.education).toBe(0);
    const experienced = analyze(UNRELATED, BACKEND_JOB, NO_FLAGS, { yearsOfExperience: 9 });
    expect(experienced.parts.education).toBeGreaterThan(none.parts.education);
  });

  it('finds the job’s own words in the resume', () => {
    const strong = analyze(STRONG);
    const partial = analyze(PARTIAL);
    expect(strong.parts.keywords).toBeGreaterThan(partial.parts.keywords);
    expect(partial.deductions.some((d) => d.part === 'keywords' && /"payment/.test(d.reason))).toBe(true);
  });

  it('charges for missing contact details and sections, hidden text and injected instructions', () => {
    const clean = analyze(STRONG);
    expect(clean.parts.formatting).toBe(100);
    const flagged = analyze(STRONG, BACKEND_JOB, { hiddenText: true, injection: true, noTextLayer: false });
    expect(flagged.parts.formatting).toBe(50);
    expect(flagged.score).toBeLessThan(clean.score);
    expect(flagged.suggestions.some((s) => /hidden text/i.test(s))).toBe(true);
    const bare = analyze(UNRELATED);
    expect(bare.deductions.filter((d) => d.part === 'formatting').map((d) => d.reason)).toEqual(
      expect.arrayContaining(['No email address found', 'No Skills section found']),
    );
  });

  it('never loses more than 100 points in a part', () => {
    const scan = analyze(UNRELATED, BACKEND_JOB, { hiddenText: true, injection: true, noTextLayer: true }, { phone: null, sections: [] });
    expect(scan.parts.formatting).toBe(0);
    expect(lost(scan, 'formatting')).toBe(100);
  });

  it('scores a job without skills, years or degree on what remains', () => {
    const job: AtsJob = {
      id: null,
      title: null,
      level: null,
      text: 'We are looking for a friendly person to join us.',
      requiredSkills: [],
      niceToHaveSkills: [],
      requiredYears: null,
    };
    const a = analyze(PARTIAL, job);
    expect(a.parts.skills).toBe(100);
    expect(a.parts.education).toBe(100);
    expect(a.parts.experience).toBe(100);
    expect(a.jobDescription).toEqual({ id: null, title: null, requiredYears: null });
  });
});
