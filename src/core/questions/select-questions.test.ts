import { describe, expect, it } from 'vitest';
import type { Level, QuestionType } from '../../contract/interviews.js';
import type { BankQuestion } from './bank.js';
import { createSeededRandom, MIXED_INTERVIEW_ORDER, selectQuestions, type SelectQuestionsRequest } from './select-questions.js';

let nextId = 0;
function makeQuestion(overrides: Partial<BankQuestion> = {}): BankQuestion {
  nextId += 1;
  return {
    id: `q-test-${String(nextId).padStart(3, '0')}`,
    type: 'technical',
    levels: ['mid'],
    topics: ['general'],
    roles: [],
    text: `Test question number ${nextId} for selection?`,
    referenceAnswer: 'A reference answer that is long enough to satisfy the schema.',
    keyPoints: ['first point', 'second point'],
    ...overrides,
  };
}

function makeMany(n: number, overrides: Partial<BankQuestion> = {}): BankQuestion[] {
  return Array.from({ length: n }, () => makeQuestion(overrides));
}

function request(overrides: Partial<SelectQuestionsRequest> = {}): SelectQuestionsRequest {
  return { type: 'technical', level: 'mid', role: 'Software Engineer', count: 5, seed: 'seed-1', ...overrides };
}

const ids = (qs: BankQuestion[]): string[] => qs.map((q) => q.id);

describe('selectQuestions', () => {
  it('returns only questions of the requested type', () => {
    const bank = [...makeMany(6, { type: 'technical' }), ...makeMany(6, { type: 'behavioral' }), ...makeMany(6, { type: 'aptitude' })];
    const picked = selectQuestions(bank, request({ type: 'behavioral', count: 4 }));
    expect(picked).toHaveLength(4);
    expect(picked.every((q) => q.type === 'behavioral')).toBe(true);
  });

  it('returns nothing for a zero or negative count', () => {
    const bank = makeMany(5);
    expect(selectQuestions(bank, request({ count: 0 }))).toEqual([]);
    expect(selectQuestions(bank, request({ count: -3 }))).toEqual([]);
  });

  it('uses only the requested level when the bank has enough', () => {
    const bank = [
      ...makeMany(6, { levels: ['senior'] }),
      ...makeMany(6, { levels: ['junior'] }),
      ...makeMany(3, { levels: ['junior', 'senior'] }),
    ];
    const picked = selectQuestions(bank, request({ level: 'senior', count: 8 }));
    expect(picked).toHaveLength(8);
    expect(picked.every((q) => q.levels.includes('senior'))).toBe(true);
  });

  it('relaxes to an adjacent level before the far one, and returns as many as exist', () => {
    const junior = makeMany(2, { levels: ['junior'] });
    const mid = makeMany(3, { levels: ['mid'] });
    const senior = makeMany(2, { levels: ['senior'] });
    const bank = [...senior, ...mid, ...junior];

    const four = selectQuestions(bank, request({ level: 'junior', count: 4 }));
    expect(ids(four.slice(0, 2)).sort()).toEqual(ids(junior).sort());
    expect(four.slice(2).every((q) => q.levels.includes('mid'))).toBe(true);

    const all = selectQuestions(bank, request({ level: 'junior', count: 20 }));
    expect(all).toHaveLength(7);
    expect(ids(all.slice(5)).sort()).toEqual(ids(senior).sort());
  });

  it('treats both neighbours of mid as equally close', () => {
    const bank = [...makeMany(1, { levels: ['mid'] }), ...makeMany(2, { levels: ['junior'] }), ...makeMany(2, { levels: ['senior'] })];
    const picked = selectQuestions(bank, request({ level: 'mid', count: 5 }));
    expect(picked).toHaveLength(5);
    expect(picked[0]?.levels).toEqual(['mid']);
  });

  it('prefers questions whose roles share a distinctive word with the role text', () => {
    const backend = makeMany(4, { roles: ['backend engineer', 'data engineer'] });
    const generic = makeMany(4, { roles: [] });
    const frontend = makeMany(4, { roles: ['frontend engineer'] });
    const bank = [...frontend, ...generic, ...backend];
    const picked = selectQuestions(bank, request({ role: 'Senior Back-End ENGINEER', count: 8 }));
    // "engineer" and "senior" are shared by every title, so only "backend" may count as a match.
    expect(ids(picked.slice(0, 4)).sort()).toEqual(ids(backend).sort());
    expect(ids(picked.slice(4)).sort()).toEqual(ids(generic).sort());
  });

  it('prefers questions whose topics appear in the role or job description', () => {
    const k8s = makeQuestion({ topics: ['kubernetes', 'containers'] });
    const sql = makeQuestion({ topics: ['sql', 'databases'] });
    const others = makeMany(8, { topics: ['css', 'accessibility'] });
    const bank = [...others, k8s, sql];
    const picked = selectQuestions(
      bank,
      request({ role: 'Platform Engineer', jobDescription: 'You will run services on K8s backed by PostgreSQL.', count: 2 }),
    );
    expect(ids(picked).sort()).toEqual([k8s.id, sql.id].sort());
  });

  it('prefers questions on preferred topics even when the text never names them', () => {
    const queues = makeQuestion({ topics: ['queues', 'messaging'] });
    const others = makeMany(8, { topics: ['css'] });
    const bank = [...others, queues];
    const picked = selectQuestions(
      bank,
      request({ role: 'Engineer', jobDescription: 'Kafka experience.', preferredTopics: ['messaging'], count: 1 }),
    );
    expect(picked[0]?.id).toBe(queues.id);
    // Without the preference nothing in the text points at it.
    const plain = selectQuestions(bank, request({ role: 'Engineer', jobDescription: 'Kafka experience.', count: 9 }));
    expect(plain).toHaveLength(9);
  });

  it('ranks a question sharing more preferred topics higher, but never above the level', () => {
    const two = makeQuestion({ topics: ['sql', 'indexing'] });
    const one = makeQuestion({ topics: ['sql', 'css'] });
    const offLevel = makeQuestion({ topics: ['sql', 'indexing', 'transactions'], levels: ['senior'] });
    const picked = selectQuestions(
      [offLevel, one, two, ...makeMany(4)],
      request({ preferredTopics: ['sql', 'indexing', 'transactions'], count: 3 }),
    );
    expect(ids(picked.slice(0, 2))).toEqual([two.id, one.id]);
    expect(ids(picked)).not.toContain(offLevel.id);
  });

  it('does not read the verb "go" as the Go language, but recognises the language', () => {
    const goQuestion = makeQuestion({ topics: ['go', 'concurrency'] });
    const bank = [...makeMany(9, { topics: ['css'] }), goQuestion];
    const language = selectQuestions(bank, request({ role: 'Engineer', jobDescription: 'Experience with Go, Rust or Java.', count: 1 }));
    expect(language[0]?.id).toBe(goQuestion.id);
    // "go live" must carry no relevance signal: the ranking equals the one without a description.
    const verb = selectQuestions(bank, request({ role: 'Engineer', jobDescription: 'We go live every week.', count: 10 }));
    const none = selectQuestions(bank, request({ role: 'Engineer', count: 10 }));
    expect(ids(verb)).toEqual(ids(none));
  });

  it('avoids recently seen questions when enough others exist', () => {
    const bank = makeMany(6);
    const recentlySeenIds = ids(bank.slice(0, 3));
    for (const seed of ['a', 'b', 'c', 'd']) {
      const picked = selectQuestions(bank, request({ count: 3, recentlySeenIds, seed }));
      expect(ids(picked).some((id) => recentlySeenIds.includes(id))).toBe(false);
    }
  });

  it('falls back to recently seen questions rather than returning fewer, fresh ones first', () => {
    const bank = makeMany(6);
    const recentlySeenIds = ids(bank.slice(0, 3));
    const picked = selectQuestions(bank, request({ count: 5, recentlySeenIds }));
    expect(picked).toHaveLength(5);
    expect(ids(picked.slice(0, 3)).some((id) => recentlySeenIds.includes(id))).toBe(false);
  });

  it('keeps the level ahead of freshness: a seen question at the level beats a fresh one off it', () => {
    const atLevel = makeMany(2, { levels: ['mid'] });
    const offLevel = makeMany(2, { levels: ['senior'] });
    const picked = selectQuestions([...offLevel, ...atLevel], request({ count: 2, recentlySeenIds: ids(atLevel) }));
    expect(ids(picked).sort()).toEqual(ids(atLevel).sort());
  });

  it('is deterministic for a seed and independent of bank order', () => {
    const bank = makeMany(20);
    const first = selectQuestions(bank, request({ count: 10, seed: 'interview-42' }));
    const again = selectQuestions(bank, request({ count: 10, seed: 'interview-42' }));
    const reversed = selectQuestions([...bank].reverse(), request({ count: 10, seed: 'interview-42' }));
    expect(ids(again)).toEqual(ids(first));
    expect(ids(reversed)).toEqual(ids(first));
  });

  it('varies the order for different seeds', () => {
    const bank = makeMany(20);
    const orders = new Set(
      ['s1', 's2', 's3', 's4', 's5'].map((seed) => ids(selectQuestions(bank, request({ count: 10, seed }))).join(',')),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it('never returns duplicates, even when the bank holds an id twice', () => {
    const bank = makeMany(8);
    const duplicate = { ...bank[0]!, text: 'A second copy of the first question?' };
    const picked = selectQuestions([...bank, duplicate], request({ count: 20 }));
    expect(picked).toHaveLength(8);
    expect(new Set(ids(picked)).size).toBe(8);
  });

  describe('mixed interviews', () => {
    const types: QuestionType[] = ['behavioral', 'technical', 'system_design', 'communication', 'aptitude'];
    const mixedBank = (perType: number, level: Level = 'mid'): BankQuestion[] =>
      types.flatMap((type) => makeMany(perType, { type, levels: [level] }));
    const countByType = (qs: BankQuestion[]): Record<string, number> =>
      Object.fromEntries(types.map((t) => [t, qs.filter((q) => q.type === t).length]));

    it('balances the five types evenly', () => {
      const picked = selectQuestions(mixedBank(6), request({ type: 'mixed', count: 10 }));
      expect(countByType(picked)).toEqual({ behavioral: 2, technical: 2, system_design: 2, communication: 2, aptitude: 2 });
    });

    it('keeps counts within one of each other and gives extra slots to technical and behavioral first', () => {
      const picked = selectQuestions(mixedBank(6), request({ type: 'mixed', count: 7 }));
      const counts = countByType(picked);
      expect(picked).toHaveLength(7);
      expect(counts).toEqual({ behavioral: 2, technical: 2, system_design: 1, communication: 1, aptitude: 1 });
    });

    it('runs in interview order: behavioral and communication first, aptitude last', () => {
      const picked = selectQuestions(mixedBank(6), request({ type: 'mixed', count: 10 }));
      const positions = picked.map((q) => MIXED_INTERVIEW_ORDER.indexOf(q.type));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(picked[0]?.type).toBe('behavioral');
      expect(picked.at(-1)?.type).toBe('aptitude');
    });

    it('lets other types absorb the slots of a type that runs out', () => {
      const bank = [...mixedBank(6).filter((q) => q.type !== 'aptitude'), makeQuestion({ type: 'aptitude' })];
      const picked = selectQuestions(bank, request({ type: 'mixed', count: 15 }));
      expect(picked).toHaveLength(15);
      expect(countByType(picked).aptitude).toBe(1);
      expect(new Set(ids(picked)).size).toBe(15);
    });

    it('returns every question when the bank is smaller than the count', () => {
      const bank = mixedBank(1);
      expect(selectQuestions(bank, request({ type: 'mixed', count: 20 }))).toHaveLength(5);
    });
  });
});

describe('createSeededRandom', () => {
  it('repeats for a seed, differs between seeds and stays in [0, 1)', () => {
    const a = createSeededRandom('x');
    const b = createSeededRandom('x');
    const c = createSeededRandom('y');
    const fromA = Array.from({ length: 50 }, () => a());
    expect(Array.from({ length: 50 }, () => b())).toEqual(fromA);
    expect(Array.from({ length: 50 }, () => c())).not.toEqual(fromA);
    expect(fromA.every((n) => n >= 0 && n < 1)).toBe(true);
  });
});
