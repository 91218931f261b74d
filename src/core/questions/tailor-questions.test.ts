import { describe, expect, it } from 'vitest';
import skillsFile from '../../../content/skills/skills.json' with { type: 'json' };
import type { InterviewType, QuestionType } from '../../contract/interviews.js';
import { validateSkillTaxonomy } from '../skills/taxonomy.js';
import type { BankQuestion } from './bank.js';
import { selectQuestions } from './select-questions.js';
import { planInterviewQuestions, type PlanInterviewRequest, type PlannedQuestion } from './tailor-questions.js';

const taxonomy = validateSkillTaxonomy(skillsFile);
const TYPES: QuestionType[] = ['behavioral', 'technical', 'system_design', 'communication', 'aptitude'];

let nextId = 0;
function makeQuestion(overrides: Partial<BankQuestion> = {}): BankQuestion {
  nextId += 1;
  const type = overrides.type ?? 'technical';
  return {
    id: `q-${type.replace('_', '')}-${String(nextId).padStart(3, '0')}`,
    type,
    levels: ['junior', 'mid', 'senior'],
    topics: ['general'],
    roles: [],
    text: `Bank question number ${nextId} of type ${type}?`,
    referenceAnswer: `Reference answer for question ${nextId}, long enough to be a real reference answer.`,
    keyPoints: [`point one of ${nextId}`, `point two of ${nextId}`, `point three of ${nextId}`],
    ...(type === 'aptitude' ? { expectedAnswer: '42' } : {}),
    ...overrides,
  };
}

/** A bank with generic questions of every type plus a few on the skills the sample job wants. */
function makeBank(): BankQuestion[] {
  const generic = TYPES.flatMap((type) =>
    Array.from({ length: 8 }, () => makeQuestion({ type, topics: type === 'behavioral' ? ['teamwork'] : ['css'] })),
  );
  return [
    ...generic,
    makeQuestion({
      id: 'q-tech-kafka-01',
      topics: ['kafka', 'messaging'],
      text: 'How does a Kafka consumer group share the partitions of a topic?',
    }),
    makeQuestion({ id: 'q-tech-queues-01', topics: ['queues'], text: 'When would you put a queue between two services?' }),
    makeQuestion({ id: 'q-tech-sql-01', topics: ['sql', 'indexing'], text: 'What does a database index cost you on writes?' }),
    makeQuestion({ id: 'q-tech-go-01', topics: ['go', 'concurrency'], text: 'How do goroutines differ from operating system threads?' }),
    makeQuestion({
      id: 'q-sd-kafka-01',
      type: 'system_design',
      topics: ['messaging', 'kafka'],
      text: 'Design an event pipeline that survives a consumer outage.',
    }),
    makeQuestion({
      id: 'q-beh-stake-01',
      type: 'behavioral',
      topics: ['stakeholder-management'],
      text: 'Tell me about pushing back on a stakeholder request.',
    }),
  ];
}

const bank = makeBank();

const JOB = `Senior Backend Engineer

Requirements:
- Go and PostgreSQL in production
- Apache Kafka
- Stakeholder management

Nice to have: Terraform.`;

const RESUME = `Priya Natarajan
Backend Engineer

Experience
Backend Engineer, Larkspur Freight — Leeds (2020 – present)
- Led the Dispatch Board project in Go and PostgreSQL.
- Built Skylark, an event ingestion service on Kafka.
Junior Developer at Hollow Pine Software (2018 – 2020)
- Maintained billing scripts in Python.`;

const RESUME_NAMES = ['Dispatch Board', 'Skylark', 'Larkspur Freight', 'Hollow Pine Software'];
const SKILL_NAMES = ['Go', 'PostgreSQL', 'Apache Kafka', 'Kafka', 'Python', 'Terraform', 'stakeholder management'];

function plan(overrides: Partial<PlanInterviewRequest> = {}): PlannedQuestion[] {
  return planInterviewQuestions({
    bank,
    taxonomy,
    type: 'technical',
    level: 'senior',
    role: 'Backend Engineer',
    count: 6,
    jobDescription: JOB,
    resumeText: RESUME,
    seed: 'seed-1',
    ...overrides,
  });
}

const tailoredOf = (qs: PlannedQuestion[]) => qs.filter((q) => q.source === 'tailored');
const countByType = (qs: { type: QuestionType }[]) => Object.fromEntries(TYPES.map((t) => [t, qs.filter((q) => q.type === t).length]));

describe('planInterviewQuestions', () => {
  it('uses only bank questions when there is neither a job description nor a resume', () => {
    const qs = plan({ jobDescription: undefined, resumeText: undefined });
    expect(qs).toHaveLength(6);
    expect(qs.every((q) => q.source === 'bank' && q.bankQuestionId && q.referenceAnswer)).toBe(true);
  });

  it('returns nothing for a zero count and no tailored question for a single one', () => {
    expect(plan({ count: 0 })).toEqual([]);
    const one = plan({ count: 1 });
    expect(one).toHaveLength(1);
    expect(one[0]?.source).toBe('bank');
  });

  it('respects the count and the type, with about a third tailored', () => {
    for (const type of ['technical', 'behavioral', 'system_design', 'communication'] as const) {
      for (const count of [2, 3, 6, 10]) {
        const qs = plan({ type, count });
        expect(qs, `${type} ${count}`).toHaveLength(count);
        expect(qs.every((q) => q.type === type)).toBe(true);
        const tailored = tailoredOf(qs).length;
        expect(tailored, `${type} ${count}`).toBeGreaterThanOrEqual(1);
        expect(tailored, `${type} ${count}`).toBeLessThanOrEqual(Math.ceil(count / 2));
        expect(tailored).toBeLessThanOrEqual(Math.floor((count + 1) / 3));
      }
    }
  });

  it('never tailors aptitude puzzles', () => {
    const qs = plan({ type: 'aptitude', count: 6 });
    expect(qs).toHaveLength(6);
    expect(qs.every((q) => q.source === 'bank' && q.expectedAnswer === '42')).toBe(true);
  });

  it('grounds tailored questions in the resume and the job description', () => {
    for (const type of ['technical', 'behavioral', 'system_design', 'communication'] as const) {
      const tailored = tailoredOf(plan({ type, count: 6 }));
      expect(tailored.length).toBeGreaterThan(0);
      for (const q of tailored) {
        const named = [...RESUME_NAMES, ...SKILL_NAMES].filter((n) => q.text.toLowerCase().includes(n.toLowerCase()));
        expect(named, q.text).not.toEqual([]);
      }
    }
    // With a resume, the first choice is a question about the candidate's own work.
    const behavioral = tailoredOf(plan({ type: 'behavioral', count: 3 }));
    expect(RESUME_NAMES.some((n) => behavioral[0]!.text.includes(n))).toBe(true);
  });

  it('gives every tailored question key points and target skills, and a reference answer when it frames a bank question', () => {
    for (const seed of ['a', 'b', 'c', 'd', 'e']) {
      for (const q of tailoredOf(plan({ type: 'mixed', count: 10, seed }))) {
        expect(q.keyPoints.length, q.text).toBeGreaterThanOrEqual(3);
        expect(q.targetSkills.length, q.text).toBeGreaterThan(0);
        expect(q.targetSkills.every((id) => taxonomy.byId.has(id))).toBe(true);
        if (q.bankQuestionId) {
          const source = bank.find((b) => b.id === q.bankQuestionId)!;
          expect(q.text.endsWith(source.text)).toBe(true);
          expect(q.referenceAnswer).toBe(source.referenceAnswer);
          expect(q.keyPoints).toEqual(source.keyPoints);
        } else {
          expect(q.referenceAnswer).toBeUndefined();
        }
      }
    }
  });

  it('writes project questions about the project the resume names', () => {
    const texts = ['a', 'b', 'c', 'd', 'e', 'f'].flatMap((seed) =>
      tailoredOf(plan({ type: 'behavioral', count: 6, seed })).map((q) => q.text),
    );
    expect(texts.some((t) => t.includes('Dispatch Board at Larkspur Freight') || t.includes('Skylark at Larkspur Freight'))).toBe(true);
  });

  it('is deterministic for a seed and varies between seeds', () => {
    expect(plan({ type: 'mixed', count: 10, seed: 'x' })).toEqual(plan({ type: 'mixed', count: 10, seed: 'x' }));
    const variants = new Set(
      ['s1', 's2', 's3', 's4', 's5', 's6'].map((seed) =>
        plan({ type: 'technical', count: 6, seed })
          .map((q) => q.text)
          .join('|'),
      ),
    );
    expect(variants.size).toBeGreaterThan(1);
  });

  it('never repeats a question or a bank question inside an interview', () => {
    for (const type of ['technical', 'behavioral', 'mixed', 'system_design', 'communication'] as InterviewType[]) {
      for (const seed of ['a', 'b', 'c', 'd']) {
        const qs = plan({ type, count: 10, seed });
        const texts = qs.map((q) => q.text.toLowerCase());
        expect(new Set(texts).size).toBe(qs.length);
        const bankIds = qs.map((q) => q.bankQuestionId).filter((id): id is string => id !== undefined);
        expect(new Set(bankIds).size).toBe(bankIds.length);
      }
    }
  });

  it('keeps a mixed interview exactly as balanced as the bank selection', () => {
    for (const count of [5, 7, 10, 15]) {
      const qs = plan({ type: 'mixed', count, seed: `mixed-${count}` });
      const reference = selectQuestions(bank, { type: 'mixed', level: 'senior', role: 'Backend Engineer', count, seed: 'any' });
      expect(countByType(qs), `count ${count}`).toEqual(countByType(reference));
      // Tailored questions stay inside their type's run, so the interview order is unchanged.
      const order = qs.map((q) => q.type);
      expect(order).toEqual(
        [...order].sort(
          (a, b) =>
            ['behavioral', 'communication', 'technical', 'system_design', 'aptitude'].indexOf(a) -
            ['behavioral', 'communication', 'technical', 'system_design', 'aptitude'].indexOf(b),
        ),
      );
      expect(tailoredOf(qs).length).toBeGreaterThan(0);
    }
  });

  it('prefers bank questions on the skills the job description asks for, including related topics', () => {
    const qs = plan({ resumeText: undefined, jobDescription: 'We need someone strong in Kafka.', count: 4 });
    const ids = qs.map((q) => q.bankQuestionId);
    expect(ids).toContain('q-tech-kafka-01');
    // "queues" is not in the text: it is preferred because Kafka relates to messaging.
    expect(ids).toContain('q-tech-queues-01');
    const kafka = qs.find((q) => q.bankQuestionId === 'q-tech-kafka-01')!;
    expect(kafka.targetSkills[0]).toBe('kafka');
  });

  it('targets bank questions at the skills their topics name', () => {
    const qs = plan({ jobDescription: undefined, resumeText: undefined, type: 'behavioral', count: 10 });
    const stakeholder = qs.find((q) => q.bankQuestionId === 'q-beh-stake-01');
    expect(stakeholder?.targetSkills).toEqual(['stakeholder-management']);
    expect(qs.find((q) => q.bankQuestionId?.startsWith('q-behavioral-'))?.targetSkills).toEqual(['teamwork']);
  });

  it('avoids recently seen bank questions, also as the source of a tailored question', () => {
    const recentlySeenIds = ['q-tech-kafka-01', 'q-tech-go-01', 'q-tech-sql-01'];
    for (const seed of ['a', 'b', 'c']) {
      const qs = plan({ count: 6, seed, recentlySeenIds });
      expect(qs.filter((q) => q.bankQuestionId && recentlySeenIds.includes(q.bankQuestionId))).toEqual([]);
    }
  });

  it('tailors from a job description alone, naming its skills', () => {
    const tailored = tailoredOf(plan({ resumeText: undefined, count: 6 }));
    expect(tailored.length).toBeGreaterThan(0);
    for (const q of tailored)
      expect(
        SKILL_NAMES.some((n) => q.text.includes(n)),
        q.text,
      ).toBe(true);
    expect(tailored.some((q) => RESUME_NAMES.some((n) => q.text.includes(n)))).toBe(false);
  });

  it('tailors from a resume alone, naming its projects, employers or technologies', () => {
    const tailored = tailoredOf(plan({ jobDescription: undefined, type: 'behavioral', count: 6 }));
    expect(tailored.length).toBeGreaterThan(0);
    for (const q of tailored)
      expect(
        [...RESUME_NAMES, ...SKILL_NAMES].some((n) => q.text.includes(n)),
        q.text,
      ).toBe(true);
  });

  it('fills a single-type interview with tailored questions when the bank runs out', () => {
    const small = bank.filter((q) => q.type !== 'communication').concat(makeQuestion({ type: 'communication', topics: ['css'] }));
    const qs = planInterviewQuestions({
      bank: small,
      taxonomy,
      type: 'communication',
      level: 'senior',
      role: 'Engineer',
      count: 3,
      resumeText: RESUME,
      seed: 'fill',
    });
    expect(qs).toHaveLength(2);
    expect(qs.map((q) => q.source).sort()).toEqual(['bank', 'tailored']);
  });

  it('tailors nothing when the texts name nothing it knows', () => {
    const qs = plan({ jobDescription: 'A friendly team in a nice office.', resumeText: 'I enjoy long walks.', count: 6 });
    expect(tailoredOf(qs)).toEqual([]);
  });
});
