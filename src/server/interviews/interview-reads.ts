import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client.js';
import { usersByIds, type DirectoryEntry } from '../auth/user-directory.js';
import {
  answerDrafts,
  answers,
  interviewQuestions,
  interviews,
  type AnswerRow,
  type DraftRow,
  type InterviewRow,
  type QuestionRow,
} from './interviews.table.js';

/** The people an interview response names, by id. */
export type People = ReadonlyMap<string, DirectoryEntry>;

/** Everyone an interview response names: candidate, scheduling coach, overriding coaches. */
function peopleIds(rows: readonly InterviewRow[], answerRows: readonly AnswerRow[] = []): string[] {
  const ids = rows.flatMap((r) => [r.candidateId, r.coachId]);
  ids.push(...answerRows.map((a) => a.overriddenBy));
  return ids.filter((x): x is string => !!x);
}

/** How many of a candidate's latest interviews count as "recently seen" when picking questions. */
const RECENT_INTERVIEWS = 5;

/** The reads behind every interview page, report and list, prepared once per app. */
export function createInterviewReads(db: Database) {
  const interviewById = db
    .select()
    .from(interviews)
    .where(eq(interviews.id, sql.placeholder('id')))
    .prepare('interview_by_id');
  const questionsByInterview = db
    .select()
    .from(interviewQuestions)
    .where(eq(interviewQuestions.interviewId, sql.placeholder('id')))
    .orderBy(asc(interviewQuestions.order))
    .prepare('interview_questions_by_interview');
  const currentAnswersByInterview = db
    .select()
    .from(answers)
    .where(and(eq(answers.interviewId, sql.placeholder('id')), isNull(answers.supersededAt)))
    .prepare('interview_current_answers');

  return {
    async interview(id: string): Promise<InterviewRow | undefined> {
      const [row] = await interviewById.execute({ id });
      return row;
    },

    /** The row under FOR UPDATE: state changes re-check the status here, inside their transaction. */
    async lockInterview(tx: DbOrTx, id: string): Promise<InterviewRow | undefined> {
      const [row] = await tx.select().from(interviews).where(eq(interviews.id, id)).for('update');
      return row;
    },

    async questions(interviewId: string, tx?: DbOrTx): Promise<QuestionRow[]> {
      if (tx)
        return tx
          .select()
          .from(interviewQuestions)
          .where(eq(interviewQuestions.interviewId, interviewId))
          .orderBy(asc(interviewQuestions.order));
      return questionsByInterview.execute({ id: interviewId });
    },

    async currentAnswers(interviewId: string, tx?: DbOrTx): Promise<AnswerRow[]> {
      if (tx)
        return tx
          .select()
          .from(answers)
          .where(and(eq(answers.interviewId, interviewId), isNull(answers.supersededAt)));
      return currentAnswersByInterview.execute({ id: interviewId });
    },

    async drafts(interviewId: string): Promise<DraftRow[]> {
      return db.select().from(answerDrafts).where(eq(answerDrafts.interviewId, interviewId));
    },

    async answeredCounts(interviewIds: string[]): Promise<Map<string, number>> {
      if (interviewIds.length === 0) return new Map();
      const rows = await db
        .select({ interviewId: answers.interviewId, n: count() })
        .from(answers)
        .where(and(inArray(answers.interviewId, interviewIds), isNull(answers.supersededAt)))
        .groupBy(answers.interviewId);
      return new Map(rows.map((r) => [r.interviewId, Number(r.n)]));
    },

    /** Bank questions of the candidate's latest interviews, so a new interview asks fresh ones. */
    async recentBankQuestionIds(candidateId: string): Promise<string[]> {
      const recent = db
        .select({ id: interviews.id })
        .from(interviews)
        .where(eq(interviews.candidateId, candidateId))
        .orderBy(desc(interviews.createdAt))
        .limit(RECENT_INTERVIEWS);
      const rows = await db
        .select({ bankQuestionId: interviewQuestions.bankQuestionId })
        .from(interviewQuestions)
        .where(inArray(interviewQuestions.interviewId, recent));
      return rows.map((r) => r.bankQuestionId).filter((x): x is string => !!x);
    },

    async people(rows: readonly InterviewRow[], answerRows: readonly AnswerRow[] = [], tx: DbOrTx = db): Promise<People> {
      return usersByIds(tx, peopleIds(rows, answerRows));
    },
  };
}

export type InterviewReads = ReturnType<typeof createInterviewReads>;
