import { and, asc, count, desc, eq, getTableColumns, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { rowsFromJson } from '../../db/json-rows.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { directoryFromJson, directoryJson, directoryStamp, usersByIds, type DirectoryEntry } from '../auth/user-directory.js';
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

/**
 * A column under an explicit alias. Drizzle leaves out the table name when a select has one
 * table, which in a correlated subquery would bind the name to the wrong table.
 */
const col = (alias: string, column: { name: string }) => sql.raw(`${alias}."${column.name}"`);
const currentAnswerOf = (alias: string) =>
  sql`${col(alias, answers.interviewId)} = ${col('interviews', interviews.id)} and ${col(alias, answers.supersededAt)} is null`;

/** The people an interview's views name: candidate, scheduling coach, coaches who overrode a current answer. */
const namedPeople = (userId: SQL) =>
  sql`${userId} = ${col('interviews', interviews.candidateId)} or ${userId} = ${col('interviews', interviews.coachId)} or ${userId} in (select ${col('o', answers.overriddenBy)} from ${answers} o where ${currentAnswerOf('o')})`;

/**
 * An exact mark of every row version an interview's page and report are made of: the `xmin`
 * (the transaction that wrote it) of the interview, of each of its questions, answers (all, for
 * the attempt history) and drafts, and of the people it names. A commit that inserts or updates
 * any of them gives it a transaction id no earlier state held, and one that only deletes shortens
 * a list, so two equal stamps mean the same rows. It is read, not written: writers pay nothing,
 * take no extra lock, and a write by another instance on the same database changes it too.
 */
export const readStamp = sql<string>`concat(${col('interviews', { name: 'xmin' })}::text,
  '|', (select string_agg(s.xmin::text, ',' order by ${col('s', answers.id)}) from ${answers} s where ${col('s', answers.interviewId)} = ${col('interviews', interviews.id)}),
  '|', (select string_agg(q.xmin::text, ',' order by ${col('q', interviewQuestions.id)}) from ${interviewQuestions} q where ${col('q', interviewQuestions.interviewId)} = ${col('interviews', interviews.id)}),
  '|', (select string_agg(d.xmin::text, ',' order by ${col('d', answerDrafts.questionId)}) from ${answerDrafts} d where ${col('d', answerDrafts.interviewId)} = ${col('interviews', interviews.id)}),
  '|', ${directoryStamp(namedPeople)})`;

/** What an interview's page and report are made of, besides its row. */
export interface InterviewContent {
  questions: QuestionRow[];
  followUps: QuestionRow[];
  answers: AnswerRow[];
  drafts: DraftRow[];
  people: People;
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
  // The interview's own questions; follow-ups (rows with a parent) are read by followUps().
  const questionsByInterview = db
    .select()
    .from(interviewQuestions)
    .where(and(eq(interviewQuestions.interviewId, sql.placeholder('id')), isNull(interviewQuestions.parentQuestionId)))
    .orderBy(asc(interviewQuestions.order))
    .prepare('interview_questions_by_interview');
  const currentAnswersByInterview = db
    .select()
    .from(answers)
    .where(and(eq(answers.interviewId, sql.placeholder('id')), isNull(answers.supersededAt)))
    .prepare('interview_current_answers');
  // An interview with everything its page and report show, in one statement: on a server the
  // round trips, not the rows, were most of a read's time.
  const interviewWithContentById = db
    .select({
      ...getTableColumns(interviews),
      contentQuestions: sql<unknown>`(select coalesce(json_agg(q), '[]'::json) from ${interviewQuestions} q where ${col('q', interviewQuestions.interviewId)} = ${col('interviews', interviews.id)})`,
      contentAnswers: sql<unknown>`(select coalesce(json_agg(a), '[]'::json) from ${answers} a where ${currentAnswerOf('a')})`,
      contentDrafts: sql<unknown>`(select coalesce(json_agg(d), '[]'::json) from ${answerDrafts} d where ${col('d', answerDrafts.interviewId)} = ${col('interviews', interviews.id)})`,
      contentPeople: directoryJson(namedPeople),
      // Read in the same statement, so a cached body is filed under the state it was made from.
      stamp: readStamp,
    })
    .from(interviews)
    .where(eq(interviews.id, sql.placeholder('id')))
    .prepare('interview_with_content_by_id');

  return {
    async interview(id: string): Promise<InterviewRow | undefined> {
      const [row] = await interviewById.execute({ id });
      return row;
    },

    /** The interview row and what its views show (questions, follow-ups, current answers, drafts, people), read at once. */
    async interviewWithContent(id: string): Promise<{ row: InterviewRow; content: InterviewContent; stamp: string } | undefined> {
      const [found] = await interviewWithContentById.execute({ id });
      if (!found) return undefined;
      const { contentQuestions, contentAnswers, contentDrafts, contentPeople, stamp, ...row } = found;
      const asked = rowsFromJson(interviewQuestions, contentQuestions);
      return {
        row,
        content: {
          questions: asked.filter((q) => q.parentQuestionId === null).sort((a, b) => a.order - b.order),
          // Same order as followUps(): by question, then order (uuid order is its hex text's order).
          followUps: asked
            .filter((q) => q.parentQuestionId !== null)
            .sort((a, b) =>
              a.parentQuestionId! < b.parentQuestionId! ? -1 : a.parentQuestionId! > b.parentQuestionId! ? 1 : a.order - b.order,
            ),
          answers: rowsFromJson(answers, contentAnswers),
          drafts: rowsFromJson(answerDrafts, contentDrafts),
          people: directoryFromJson(contentPeople),
        },
        stamp,
      };
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
          .where(and(eq(interviewQuestions.interviewId, interviewId), isNull(interviewQuestions.parentQuestionId)))
          .orderBy(asc(interviewQuestions.order));
      return questionsByInterview.execute({ id: interviewId });
    },

    /** The follow-ups asked in an interview, by question and then order. */
    async followUps(interviewId: string, tx: DbOrTx = db): Promise<QuestionRow[]> {
      return tx
        .select()
        .from(interviewQuestions)
        .where(and(eq(interviewQuestions.interviewId, interviewId), isNotNull(interviewQuestions.parentQuestionId)))
        .orderBy(asc(interviewQuestions.parentQuestionId), asc(interviewQuestions.order));
    },

    async currentAnswers(interviewId: string, tx?: DbOrTx): Promise<AnswerRow[]> {
      if (tx)
        return tx
          .select()
          .from(answers)
          .where(and(eq(answers.interviewId, interviewId), isNull(answers.supersededAt)));
      return currentAnswersByInterview.execute({ id: interviewId });
    },

    /** Every answer's place among the attempts at its question (retries included), oldest first. */
    async attemptHistory(interviewId: string): Promise<Map<string, { attempts: number; counting: number | null }>> {
      const rows = await db
        .select({ questionId: answers.questionId, supersededAt: answers.supersededAt })
        .from(answers)
        .where(eq(answers.interviewId, interviewId))
        .orderBy(asc(answers.createdAt), asc(answers.id));
      const out = new Map<string, { attempts: number; counting: number | null }>();
      for (const r of rows) {
        const entry = out.get(r.questionId) ?? { attempts: 0, counting: null };
        entry.attempts += 1;
        if (r.supersededAt === null) entry.counting = entry.attempts;
        out.set(r.questionId, entry);
      }
      return out;
    },

    async drafts(interviewId: string): Promise<DraftRow[]> {
      return db.select().from(answerDrafts).where(eq(answerDrafts.interviewId, interviewId));
    },

    async answeredCounts(interviewIds: string[]): Promise<Map<string, number>> {
      if (interviewIds.length === 0) return new Map();
      const rows = await db
        .select({ interviewId: answers.interviewId, n: count() })
        .from(answers)
        // Answers to follow-ups are part of their question, not answered questions of their own.
        .innerJoin(interviewQuestions, and(eq(interviewQuestions.id, answers.questionId), isNull(interviewQuestions.parentQuestionId)))
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
