import { describe, expect, it } from 'vitest';
import { analyzeResume, type AtsResume } from '../../core/ats/analyze-resume.js';
import { BACKEND_JOB, GOOD, RANKED, type ResumeCase } from '../testing/ats-fixtures.js';
import { createWinkTextAnalyzer } from '../ai/wink-text-analyzer.js';
import { loadSkillsTaxonomy } from '../skills/skills-taxonomy.js';

const analyzer = createWinkTextAnalyzer();
const taxonomy = await loadSkillsTaxonomy();
const CLEAN: AtsResume['flags'] = { hiddenText: false, injection: false, noTextLayer: false };

function score(r: ResumeCase, flags: AtsResume['flags'] = CLEAN) {
  return analyzeResume({ resume: { parsed: r.parsed, text: r.text, flags }, job: BACKEND_JOB, taxonomy, analyzer, today: '2026-03' });
}

// With the real language model (lemmas and parts of speech), as the server runs it.
describe('ATS ranking with the real text analyzer', () => {
  it('orders strong, good, partial and unrelated resumes as a recruiter would, with clear gaps', () => {
    const scores = RANKED.map((r) => score(r).score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const [strong, good, partial, unrelated] = scores as [number, number, number, number];
    expect(strong).toBeGreaterThanOrEqual(85);
    expect(strong - good).toBeGreaterThanOrEqual(10);
    expect(good - partial).toBeGreaterThanOrEqual(10);
    expect(partial - unrelated).toBeGreaterThanOrEqual(10);
    expect(unrelated).toBeLessThanOrEqual(30);
  });

  it('costs a resume points for hidden text and injected instructions', () => {
    const clean = score(GOOD);
    const flagged = score(GOOD, { hiddenText: true, injection: true, noTextLayer: false });
    expect(flagged.score).toBeLessThan(clean.score);
    expect(
      flagged.deductions
        .filter((d) => d.part === 'formatting')
        .map((d) => d.reason)
        .join(' '),
    ).toMatch(/Hidden text.*|Instructions/);
  });

  it('picks the job’s own terms, not filler, as keywords', () => {
    const a = score(RANKED[2]!);
    const missed = a.deductions.filter((d) => d.part === 'keywords').map((d) => /"([^"]+)"/.exec(d.reason)![1]);
    expect(missed).toEqual(expect.arrayContaining(['payment']));
    for (const filler of ['experience', 'years', 'team', 'requirements', 'thousands']) expect(missed).not.toContain(filler);
  });
});
