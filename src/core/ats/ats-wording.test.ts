import { describe, expect, it } from 'vitest';
import skillsFile from '../../../content/skills/skills.json' with { type: 'json' };
import type { AnalyzedText, AnalyzedToken } from '../evaluation/analyzed-text.js';
import { extractJobSkills } from '../skills/job-skills.js';
import { validateSkillTaxonomy } from '../skills/taxonomy.js';
import { analyzeResume } from './analyze-resume.js';
import { importantJobTerms } from './job-keywords.js';

const taxonomy = validateSkillTaxonomy(skillsFile);

/** Every word a noun, one sentence per line: enough to show what the keyword rules keep out. */
function nounsOf(text: string): AnalyzedText {
  const tokens: AnalyzedToken[] = [];
  const sentences: AnalyzedText['sentences'] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const first = tokens.length;
    for (const m of line.matchAll(/[A-Za-z]+/g)) {
      const normal = m[0].toLowerCase();
      tokens.push({
        text: m[0],
        normal,
        lemma: normal,
        pos: 'NOUN',
        stop: ['a', 'the', 'to', 'and', 'our', 'with', 'for', 'of', 'on', 'by', 'in'].includes(normal),
        kind: 'word',
        start: offset + m.index,
        end: offset + m.index + m[0].length,
        sentence: sentences.length,
        negated: false,
      });
    }
    sentences.push({ start: offset, end: offset + line.length, tokenStart: first, tokenEnd: tokens.length });
    offset += line.length + 1;
  }
  return { text, tokens, sentences };
}

describe('job keywords', () => {
  it('never offers a fragment of a fixed phrase or a function word', () => {
    const text = 'You will own settlement end to end.\nWe review ledgers step by step, day to day.\nSettlement and ledgers matter.';
    const terms = importantJobTerms(nounsOf(text), []).map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(['settlement', 'ledgers']));
    for (const fragment of ['end', 'step', 'day']) expect(terms).not.toContain(fragment);
  });

  it('leaves out the words of the hiring process', () => {
    const text = 'Hiring manager: Dana Whitfield, after a recruiter screen and a take-home.\nYou will reconcile invoices.';
    const terms = importantJobTerms(nounsOf(text), []).map((t) => t.term);
    expect(terms).toContain('invoices');
    for (const word of ['manager', 'recruiter', 'screen', 'dana']) expect(terms).not.toContain(word);
  });
});

describe('job description skills', () => {
  const names = (text: string) => {
    const job = extractJobSkills(text, taxonomy);
    return [...job.required, ...job.niceToHave].map((s) => s.name);
  };

  it('drops the hiring process and what the employer does, keeps what is asked', () => {
    const found = names(
      [
        'Backend Engineer, Payments',
        'Hiring manager: Dana Whitfield.',
        'Our Payments team owns card acceptance for 40,000 merchants. We are hiring two engineers.',
        'Requirements',
        '- Java and PostgreSQL in production.',
        '- Experience hiring and mentoring engineers.',
      ].join('\n'),
    );
    expect(found).toEqual(expect.arrayContaining(['Java', 'PostgreSQL', 'Mentoring', 'Hiring']));
    expect(found).not.toContain('Payments');
  });

  it('does not make Hiring a skill when the ad only says it is hiring', () => {
    expect(names('We are hiring compassionate nurses.\nYou will need good communication.')).toEqual(['Communication']);
  });

  it('keeps a technical skill the employer runs ("We run Kafka")', () => {
    expect(names('We run Kafka and PostgreSQL.\nYou will own the ledger.')).toEqual(expect.arrayContaining(['Apache Kafka', 'PostgreSQL']));
  });
});

describe('verb forms in the ATS', () => {
  it('matches a job asking for mentoring with "Mentored two engineers"', () => {
    const resumeText = 'Experience\nSenior Engineer, Northwind, 2019 - 2024\n• Mentored two engineers through their first year.';
    const analysis = analyzeResume({
      resume: {
        parsed: {
          name: 'Ana',
          email: null,
          phone: null,
          location: null,
          links: [],
          skills: [],
          yearsOfExperience: 5,
          positions: [],
          education: [],
          sections: ['experience'],
        },
        text: resumeText,
        flags: { hiddenText: false, injection: false, noTextLayer: false },
      },
      job: {
        id: null,
        title: null,
        level: null,
        text: 'You will mentor engineers.',
        requiredSkills: ['Mentoring'],
        niceToHaveSkills: [],
        requiredYears: null,
      },
      taxonomy,
      analyzer: nounsOf,
      today: '2026-03',
    });
    expect(analysis.matchedSkills).toEqual([{ name: 'Mentoring', required: true }]);
    expect(analysis.missingSkills).toEqual([]);
  });
});
