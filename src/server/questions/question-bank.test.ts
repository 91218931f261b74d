import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Level, QuestionType } from '../../contract/interviews.js';
import { type BankQuestion, validateBank } from '../../core/questions/bank.js';
import { selectQuestions } from '../../core/questions/select-questions.js';
import { loadQuestionBank } from './question-bank.js';

const TYPES: QuestionType[] = ['behavioral', 'technical', 'system_design', 'communication', 'aptitude'];
const LEVELS: Level[] = ['junior', 'mid', 'senior'];
const MIN_PER_TYPE: Record<QuestionType, number> = {
  behavioral: 30,
  technical: 55,
  system_design: 30,
  communication: 30,
  aptitude: 30,
};

function countWords(text: string): number {
  return text.trim().split(/\s+/).length;
}

describe('the curated question bank', () => {
  let bank: BankQuestion[];
  beforeAll(async () => {
    bank = await loadQuestionBank();
  });

  it('has at least 600 questions', () => {
    expect(bank.length).toBeGreaterThanOrEqual(600);
  });

  it.each(TYPES)('has enough %s questions, and at least 8 per level', (type) => {
    const ofType = bank.filter((q) => q.type === type);
    expect(ofType.length).toBeGreaterThanOrEqual(MIN_PER_TYPE[type]);
    for (const level of LEVELS) {
      expect(ofType.filter((q) => q.levels.includes(level)).length, `${type} at ${level}`).toBeGreaterThanOrEqual(8);
    }
  });

  it('has unique ids and unique texts', () => {
    expect(new Set(bank.map((q) => q.id)).size).toBe(bank.length);
    expect(new Set(bank.map((q) => q.text.toLowerCase())).size).toBe(bank.length);
  });

  it('keeps every question within the authoring guidelines', () => {
    const problems: string[] = [];
    for (const q of bank) {
      const words = countWords(q.referenceAnswer);
      if (words < 60 || words > 180) problems.push(`${q.id}: reference answer has ${words} words`);
      if (q.keyPoints.length < 3 || q.keyPoints.length > 6) problems.push(`${q.id}: ${q.keyPoints.length} key points`);
      for (const topic of q.topics) if (topic !== topic.toLowerCase()) problems.push(`${q.id}: topic ${topic} is not lower-case`);
      for (const role of q.roles) if (role !== role.toLowerCase()) problems.push(`${q.id}: role ${role} is not lower-case`);
      if (q.type === 'aptitude' && !q.expectedAnswer?.trim()) problems.push(`${q.id}: no expected answer`);
    }
    expect(problems).toEqual([]);
  });

  it('covers many technical topics across roles', () => {
    const topics = new Set(bank.filter((q) => q.type === 'technical').flatMap((q) => q.topics));
    const wanted = [
      'sql',
      'javascript',
      'python',
      'react',
      'http',
      'git',
      'docker',
      'kubernetes',
      'testing',
      'algorithms',
      'data-structures',
      'concurrency',
      'networking',
      'security',
      'cloud',
      'databases',
      'typescript',
      'java',
      'go',
      'machine-learning',
      'statistics',
      'mobile',
    ];
    expect(wanted.filter((t) => !topics.has(t))).toEqual([]);
  });

  it.each(TYPES.flatMap((type) => LEVELS.map((level) => [type, level] as const)))(
    'fills a 10-question %s interview at %s level without relaxing the level',
    (type, level) => {
      const picked = selectQuestions(bank, { type, level, role: 'Backend Engineer', count: 10, seed: 'bank-test' });
      expect(picked).toHaveLength(10);
      expect(picked.every((q) => q.type === type && q.levels.includes(level))).toBe(true);
    },
  );

  it('fills a balanced mixed interview from the real bank', () => {
    const picked = selectQuestions(bank, { type: 'mixed', level: 'senior', role: 'Data Engineer', count: 10, seed: 'mixed' });
    expect(picked).toHaveLength(10);
    for (const type of TYPES) expect(picked.filter((q) => q.type === type)).toHaveLength(2);
  });
});

describe('loadQuestionBank', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('reads every json file of a directory and ignores other files', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'panelist-bank-'));
    await writeFile(path.join(dir, 'a.json'), JSON.stringify({ questions: [validQuestion({ id: 'beh-a-01' })] }));
    await writeFile(
      path.join(dir, 'b.json'),
      JSON.stringify({ questions: [validQuestion({ id: 'beh-b-01', text: 'Another question about teamwork?' })] }),
    );
    await writeFile(path.join(dir, 'notes.md'), 'not part of the bank');
    const loaded = await loadQuestionBank(dir);
    expect(loaded.map((q) => q.id).sort()).toEqual(['beh-a-01', 'beh-b-01']);
  });

  it('names the file that is not valid JSON', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'panelist-bank-'));
    await writeFile(path.join(dir, 'broken.json'), '{"questions": [');
    await expect(loadQuestionBank(dir)).rejects.toThrow(/broken\.json/);
  });

  it('refuses a directory without bank files', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'panelist-bank-'));
    await expect(loadQuestionBank(dir)).rejects.toThrow(/empty/);
  });
});

describe('validateBank', () => {
  it('accepts a valid file', () => {
    expect(validateBank([{ name: 'ok.json', content: { questions: [validQuestion()] } }])).toHaveLength(1);
  });

  it('rejects a question without key points', () => {
    const { keyPoints: _omitted, ...withoutKeyPoints } = validQuestion();
    expect(() => validateBank([{ name: 'bad.json', content: { questions: [withoutKeyPoints] } }])).toThrow(/bad\.json.*keyPoints/);
    expect(() => validateBank([{ name: 'bad.json', content: { questions: [validQuestion({ keyPoints: [] })] } }])).toThrow(/keyPoints/);
  });

  it('rejects a duplicate id across files', () => {
    const files = [
      { name: 'one.json', content: { questions: [validQuestion({ id: 'beh-same-01' })] } },
      { name: 'two.json', content: { questions: [validQuestion({ id: 'beh-same-01', text: 'A different question text here?' })] } },
    ];
    expect(() => validateBank(files)).toThrow(/duplicate question id beh-same-01/);
  });

  it('rejects an aptitude question without an expected answer', () => {
    const aptitude = validQuestion({ id: 'apt-missing-01', type: 'aptitude' });
    expect(() => validateBank([{ name: 'apt.json', content: { questions: [aptitude] } }])).toThrow(/apt-missing-01.*expectedAnswer/);
  });
});

function validQuestion(overrides: Partial<BankQuestion> = {}): BankQuestion {
  return {
    id: 'beh-valid-01',
    type: 'behavioral',
    levels: ['junior'],
    topics: ['teamwork'],
    roles: [],
    text: 'Tell me about a time you helped a teammate.',
    referenceAnswer: 'In my last role a teammate was stuck on a release, so I paired with them and we shipped on time.',
    keyPoints: ['Helped a teammate', 'Reported the result'],
    ...overrides,
  };
}
