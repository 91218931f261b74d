import { and, desc, eq } from 'drizzle-orm';
import { CODING_TOPICS, DIFFICULTIES } from '../../contract/coding.js';
import type {
  PracticeAttempt,
  PracticeAttemptBody,
  PracticeAttemptResult,
  PracticeProblem,
  PracticeProblemsQuery,
  PracticeProgress,
} from '../../contract/coding-practice.js';
import type { CodingProblemView, RunCodeBody, RunResult } from '../../contract/coding.js';
import type { CodingProblem } from '../../core/coding/problem.js';
import { notFound } from '../../core/errors.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import type { CodingService } from './coding.service.js';
import { type CodingAttemptRow, codingAttempts } from './practice.table.js';
import type { ProblemBank } from './problem-bank.js';

const DAY_MS = 86_400_000;

/** Days in a row with a solved attempt, ending today or yesterday (a streak is not broken before the day is over). */
export function streakOf(solvedDays: Set<number>, today: number): number {
  let day = solvedDays.has(today) ? today : today - 1;
  let streak = 0;
  while (solvedDays.has(day)) {
    streak++;
    day--;
  }
  return streak;
}

/**
 * DSA practice: the bank's problems outside any interview. Every attempt is the caller's own: the
 * queries filter by the actor's user id, so one user's progress and code are never another's.
 */
export function createPracticeService(deps: { db: Database; clock: Clock; bank: ProblemBank; coding: CodingService }) {
  const { db, clock, bank, coding } = deps;

  function requireProblem(slug: string): CodingProblem {
    const problem = bank.get(slug);
    if (!problem) throw notFound('Problem');
    return problem;
  }

  const attemptsOf = (userId: string) => db.select().from(codingAttempts).where(eq(codingAttempts.userId, userId));

  const toAttempt = (row: CodingAttemptRow): PracticeAttempt => ({
    id: row.id,
    slug: row.problemSlug,
    language: row.language as PracticeAttempt['language'],
    passed: row.passed,
    total: row.total,
    solved: row.solved,
    durationSeconds: row.durationSeconds,
    code: row.code,
    createdAt: row.createdAt.toISOString(),
  });

  return {
    async list(actor: Actor, query: PracticeProblemsQuery): Promise<{ items: PracticeProblem[]; total: number }> {
      const rows = await attemptsOf(actor.userId);
      const items = bank
        .all()
        .filter((p) => (!query.topic || p.topics.includes(query.topic)) && (!query.difficulty || p.difficulty === query.difficulty))
        .map((p) => {
          const mine = rows.filter((r) => r.problemSlug === p.slug);
          return { ...bank.summary(p), solved: mine.some((r) => r.solved), attempts: mine.length };
        });
      return { items, total: items.length };
    },

    get(slug: string): CodingProblemView {
      return bank.view(requireProblem(slug));
    },

    run(actor: Actor, slug: string, body: RunCodeBody): Promise<RunResult> {
      return coding.runExamples(actor.userId, requireProblem(slug), body);
    },

    async attempt(actor: Actor, slug: string, body: PracticeAttemptBody): Promise<PracticeAttemptResult> {
      const problem = requireProblem(slug);
      const { result } = await coding.grade(problem, 'mid', { language: body.language, code: body.code });
      const [row] = await db
        .insert(codingAttempts)
        .values({
          id: newId(),
          userId: actor.userId,
          problemSlug: slug,
          language: body.language,
          passed: result.passed,
          total: result.total,
          solved: result.passed === result.total,
          durationSeconds: body.durationSeconds ?? null,
          code: body.code,
          createdAt: clock.now(),
        })
        .returning();
      return { attempt: toAttempt(row!), result };
    },

    async history(actor: Actor, slug: string): Promise<PracticeAttempt[]> {
      requireProblem(slug);
      const rows = await db
        .select()
        .from(codingAttempts)
        .where(and(eq(codingAttempts.userId, actor.userId), eq(codingAttempts.problemSlug, slug)))
        .orderBy(desc(codingAttempts.createdAt))
        .limit(20);
      return rows.map(toAttempt);
    },

    async progress(actor: Actor): Promise<PracticeProgress> {
      const rows = await attemptsOf(actor.userId);
      const solved = new Set(rows.filter((r) => r.solved).map((r) => r.problemSlug));
      const attempted = new Set(rows.map((r) => r.problemSlug));
      const problems = bank.all();
      const solvedDays = new Set(rows.filter((r) => r.solved).map((r) => Math.floor(r.createdAt.getTime() / DAY_MS)));
      return {
        solved: solved.size,
        attempted: attempted.size,
        total: problems.length,
        byTopic: CODING_TOPICS.map((topic) => {
          const of = problems.filter((p) => p.topics.includes(topic));
          return { topic, solved: of.filter((p) => solved.has(p.slug)).length, total: of.length };
        }),
        byDifficulty: DIFFICULTIES.map((d) => {
          const of = problems.filter((p) => p.difficulty === d);
          return { difficulty: d, solved: of.filter((p) => solved.has(p.slug)).length, total: of.length };
        }),
        streakDays: streakOf(solvedDays, Math.floor(clock.now().getTime() / DAY_MS)),
      };
    },
  };
}
export type PracticeService = ReturnType<typeof createPracticeService>;
