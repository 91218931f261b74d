import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interview } from '../../contract/interviews.js';
import { createLocalEvaluator } from '../ai/local-evaluator.js';
import { holdableEvaluator } from '../testing/gated-evaluator.js';
import { startPractice } from '../testing/interview-fixture.js';
import { createTestApp, registerUser, type Browser, type TestApp } from '../testing/test-app.js';

/**
 * Many answers to one interview at once (a candidate clicking fast, several tabs, the grades of
 * earlier answers arriving): answers to different questions are stored side by side, two answers
 * to one question take turns (the later one is current), and a grade is stored while answers are.
 * ANSWER_WAIT_MS=0: every answer is acknowledged pending and graded in the background.
 */
let t: TestApp;
let ana: Browser;
let grader: ReturnType<typeof holdableEvaluator>;

beforeAll(async () => {
  grader = holdableEvaluator(await createLocalEvaluator());
  t = await createTestApp({ ANSWER_WAIT_MS: '0' }, { evaluator: grader.evaluator });
  ana = await registerUser(t.app, { name: 'Ana' });
});
afterAll(async () => {
  await t?.close();
});

const TEXT =
  'An index is a sorted structure over one or more columns, usually a B-tree, that lets the database find rows without scanning the ' +
  'whole table. It speeds up reads and costs extra work on every insert and update.';

const answer = (iv: Interview, index: number, text = TEXT) =>
  ana.request({ method: 'POST', url: `/api/v1/interviews/${iv.id}/answers`, payload: { questionId: iv.questions[index]!.id, text } });

async function read(iv: Interview): Promise<Interview> {
  const res = await ana.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The interview once none of its current answers is pending; gives up (returns 'still waiting') after `ms`. */
async function gradedAll(iv: Interview, ms = 60_000): Promise<Interview> {
  const until = Date.now() + ms;
  for (;;) {
    const read1 = await read(iv);
    if (!read1.answers.some((a) => a.evaluationStatus === 'pending') || Date.now() > until) return read1;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Whichever settles first: the work, or a generous limit (a request blocked on a lock never settles). */
function within<T>(work: Promise<T>, ms = 20_000): Promise<T | 'still waiting'> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<'still waiting'>((r) => (timer = setTimeout(() => r('still waiting'), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

describe('answers sent at once', () => {
  it('two answers to one question: both are accepted, one is current and the other kept as history, and both are graded', async () => {
    const iv = await startPractice(ana, 3);
    const [a, b] = await Promise.all([answer(iv, 0, `${TEXT} First take.`), answer(iv, 0, `${TEXT} Second take.`)]);
    expect(a.statusCode, a.body).toBe(202);
    expect(b.statusCode, b.body).toBe(202);
    const current = (await gradedAll(iv)).answers.filter((x) => x.questionId === iv.questions[0]!.id);
    expect(current).toHaveLength(1);
    expect([a.json().id, b.json().id]).toContain(current[0]!.id);
    const rows = await t.database.db.execute(
      sql`select count(*)::int as n, count(*) filter (where superseded_at is null)::int as current from answers where question_id = ${iv.questions[0]!.id}`,
    );
    expect((rows as unknown as { rows: { n: number; current: number }[] }).rows[0]).toEqual({ n: 2, current: 1 });
  });
});

/** Takes row locks in a transaction of another connection and keeps them until `release()`. */
async function holdLocks(statements: SQL[]): Promise<{ release: () => Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let locked!: () => void;
  const holding = new Promise<void>((r) => (locked = r));
  const transaction = t.database.db.transaction(async (tx) => {
    for (const statement of statements) await tx.execute(statement);
    locked();
    await released;
  });
  await Promise.race([holding, transaction]);
  return {
    async release() {
      release();
      await transaction;
    },
  };
}

// An answer in flight holds the interview FOR SHARE and its question FOR NO KEY UPDATE; these
// tests hold the same locks from another connection, which only a server database has.
describe.skipIf(!process.env.DATABASE_URL)('while another answer of the interview is being stored (PostgreSQL)', () => {
  it('an answer to another question is stored at once; one to the same question after it', async () => {
    const iv = await startPractice(ana, 3);
    const locks = await holdLocks([
      sql`select 1 from interviews where id = ${iv.id} for share`,
      sql`select 1 from interview_questions where id = ${iv.questions[0]!.id} for no key update`,
    ]);

    const sameQuestion = answer(iv, 0);
    const res = await within(answer(iv, 1));
    expect(res === 'still waiting' ? res : res.statusCode).toBe(202);

    await locks.release();
    expect((await sameQuestion).statusCode).toBe(202);
  });

  it('a grade is stored and pushed while other answers of the interview are being stored', async () => {
    const iv = await startPractice(ana, 3);
    const releaseGrader = grader.hold();
    const res = await answer(iv, 0);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ evaluationStatus: 'pending' });

    const locks = await holdLocks([sql`select 1 from interviews where id = ${iv.id} for share`]);
    releaseGrader();

    // Read while the locks are held: an answer being stored does not keep its interview from being read.
    const [graded] = (await gradedAll(iv, 20_000)).answers;
    await locks.release();
    expect(graded).toMatchObject({ evaluationStatus: 'done', evaluation: { score: expect.any(Number) } });
  });
});
