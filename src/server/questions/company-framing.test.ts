import { beforeAll, describe, expect, it } from 'vitest';
import type { BankQuestion } from '../../core/questions/bank.js';
import { DEFAULT_COMPANY_CATALOG } from '../../core/questions/company-catalog.js';
import { planInterviewQuestions, type PlanInterviewRequest } from '../../core/questions/tailor-questions.js';
import type { SkillTaxonomy } from '../../core/skills/taxonomy.js';
import { loadSkillsTaxonomy } from '../skills/skills-taxonomy.js';
import { loadQuestionBank } from './question-bank.js';

/** Target-company preparation against the real bank and taxonomy, as the interview planner runs it. */
let bank: BankQuestion[];
let taxonomy: SkillTaxonomy;
beforeAll(async () => {
  [bank, taxonomy] = await Promise.all([loadQuestionBank(), loadSkillsTaxonomy()]);
});

function plan(overrides: Partial<PlanInterviewRequest>) {
  return planInterviewQuestions({
    bank,
    taxonomy,
    type: 'behavioral',
    level: 'mid',
    role: 'Backend Engineer',
    count: 8,
    seed: 'co',
    ...overrides,
  });
}

describe('behavioural questions for a named target company', () => {
  it('every value of every company speaks to topics the bank has behavioural questions for', () => {
    const topics = new Set(bank.filter((q) => q.type === 'behavioral').flatMap((q) => q.topics));
    const idle = DEFAULT_COMPANY_CATALOG.companies.flatMap((c) =>
      c.values.filter((v) => !v.topics.some((t) => topics.has(t))).map((v) => `${c.id}: ${v.name}`),
    );
    expect(idle).toEqual([]);
  });

  it.each(DEFAULT_COMPANY_CATALOG.companies.map((c) => [c.name, c.id] as const))(
    '%s frames most behavioural questions with one of its values',
    (name, id) => {
      const company = DEFAULT_COMPANY_CATALOG.companies.find((c) => c.id === id)!;
      const framed = plan({ targetCompany: name });
      const plain = plan({});
      const byId = new Map(bank.map((q) => [q.id, q]));
      let count = 0;
      for (const q of framed) {
        const original = byId.get(q.bankQuestionId!)!;
        // The question itself, its reference answer and key points are unchanged: grading is the same.
        expect(q.text.endsWith(original.text)).toBe(true);
        expect(q.keyPoints).toEqual(original.keyPoints);
        expect(q.referenceAnswer).toBe(original.referenceAnswer);
        if (q.text !== original.text) {
          count += 1;
          expect(
            company.values.some((v) => q.text.startsWith(`${company.name} asks its people to ${v.meaning} (“${v.name}”).`)),
            q.text,
          ).toBe(true);
        }
      }
      expect(count, `${name}: ${count} of ${framed.length} framed`).toBeGreaterThanOrEqual(Math.ceil(framed.length / 2));
      expect(plain.every((q) => q.text === byId.get(q.bankQuestionId!)!.text)).toBe(true);
    },
  );

  it('prefers questions that test the company values', () => {
    const nhs = plan({ role: 'Registered Nurse', targetCompany: 'NHS' });
    const nhsTopics = new Set(DEFAULT_COMPANY_CATALOG.companies.find((c) => c.id === 'nhs')!.values.flatMap((v) => v.topics));
    const byId = new Map(bank.map((q) => [q.id, q]));
    const speaking = nhs.filter((q) => byId.get(q.bankQuestionId!)!.topics.some((t) => nhsTopics.has(t)));
    expect(speaking.length).toBeGreaterThanOrEqual(nhs.length - 1);
  });

  it('frames nothing for an unknown company, and never frames technical questions', () => {
    const unknown = plan({ targetCompany: 'Acme Widgets' });
    expect(unknown.every((q) => !q.text.includes('asks its people to'))).toBe(true);
    const mixed = plan({ type: 'mixed', count: 10, targetCompany: 'Amazon' });
    expect(mixed.filter((q) => q.type !== 'behavioral').every((q) => !q.text.startsWith('Amazon asks'))).toBe(true);
    expect(mixed.some((q) => q.type === 'behavioral' && q.text.startsWith('Amazon asks'))).toBe(true);
  });
});
