import { describe, expect, it } from 'vitest';
import skillsFile from '../../../content/skills/skills.json' with { type: 'json' };
import type { CuratedQuestion } from '../../contract/job-descriptions.js';
import type { BankQuestion } from '../questions/bank.js';
import { buildCandidateProfile } from '../questions/tailor-questions.js';
import { findSkill, validateSkillTaxonomy } from '../skills/taxonomy.js';
import { composeJobText, composeResumeText, planWithCuratedQuestions } from './plan-with-sources.js';

const taxonomy = validateSkillTaxonomy(skillsFile);

const bank: BankQuestion[] = Array.from({ length: 12 }, (_, i) => ({
  id: `q-tech-${i}`,
  type: i < 8 ? 'technical' : 'behavioral',
  levels: ['junior', 'mid', 'senior'],
  topics: ['general'],
  roles: [],
  text: `Bank question ${i}: explain something that matters in production systems?`,
  referenceAnswer: `A reference answer for bank question ${i}, long enough to be one.`,
  keyPoints: [`point ${i}`],
}));

const curated: CuratedQuestion[] = [
  {
    type: 'technical',
    text: 'How would you partition a Kafka topic for our order events?',
    keyPoints: ['ordering per key', 'consumer groups'],
  },
  { type: 'behavioral', text: 'Tell us about a time you disagreed with a product manager.', keyPoints: [] },
  { type: 'technical', text: 'How would you partition a Kafka topic for our order events?', keyPoints: [] },
];

const request = { bank, taxonomy, type: 'technical' as const, level: 'mid' as const, role: 'Backend engineer', seed: 'seed-1' };

describe('planning with a job description’s own questions', () => {
  it('asks the job’s questions of the interview’s type first, once each, then the engine’s', () => {
    const planned = planWithCuratedQuestions({ ...request, count: 4, curated });
    expect(planned).toHaveLength(4);
    expect(planned[0]).toMatchObject({ text: curated[0]!.text, keyPoints: ['ordering per key', 'consumer groups'], type: 'technical' });
    expect(planned[0]!.targetSkills).toContain(findSkill(taxonomy, 'Kafka')!.id);
    expect(planned.filter((q) => q.text === curated[0]!.text)).toHaveLength(1);
    expect(planned.some((q) => q.text === curated[1]!.text)).toBe(false);
    expect(planned.slice(1).every((q) => q.bankQuestionId)).toBe(true);
  });

  it('takes every type for a mixed interview and never more than asked', () => {
    const planned = planWithCuratedQuestions({ ...request, type: 'mixed', count: 1, curated });
    expect(planned.map((q) => q.text)).toEqual([curated[0]!.text]);
  });

  it('plans exactly like practice when there are no curated questions', () => {
    const planned = planWithCuratedQuestions({ ...request, count: 3, curated: [] });
    expect(planned).toHaveLength(3);
    expect(planned.every((q) => q.source === 'bank')).toBe(true);
  });
});

describe('tailoring text', () => {
  it('turns the coach’s skill lists into sections the extractor ranks', () => {
    const text = composeJobText({
      job: {
        text: 'We build logistics software for carriers across Europe.',
        requiredSkills: ['PostgreSQL'],
        niceToHaveSkills: ['Terraform'],
        questionSet: [],
      },
    })!;
    const profile = buildCandidateProfile({ taxonomy, role: 'Engineer', jobDescription: text });
    expect(profile.jobRequired.map((s) => s.name)).toContain('PostgreSQL');
    expect(profile.jobNiceToHave.map((s) => s.name)).toContain('Terraform');
  });

  it('is undefined when there is nothing to tailor with, and joins stored and pasted text', () => {
    expect(composeJobText({})).toBeUndefined();
    expect(composeResumeText({ pasted: '  ' })).toBeUndefined();
    expect(composeResumeText({ stored: { text: 'Engineer at Larkspur.', skills: ['Go', 'Kafka'] }, pasted: 'More.' })).toBe(
      'Engineer at Larkspur.\n\nSkills\nGo, Kafka\n\nMore.',
    );
  });
});
