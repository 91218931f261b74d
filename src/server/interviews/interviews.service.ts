import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type {
  Answer,
  AnswerBody,
  CreateInterviewBody,
  Evaluation,
  Interview,
  InterviewList,
  InterviewSummary,
  QuestionType,
  Report,
} from '../../contract/interviews.js';
import type { PageQuery } from '../../contract/common.js';
import { AppError, notFound } from '../../core/errors.js';
import type { AnswerEvaluator } from '../../core/evaluation/types.js';
import { overallScore, averageDimensions, summarizeFeedback, summarizeSkillCoverage } from '../../core/interviews/summarize-report.js';
import type { BankQuestion } from '../../core/questions/bank.js';
import { planInterviewQuestions } from '../../core/questions/tailor-questions.js';
import type { SkillTaxonomy } from '../../core/skills/taxonomy.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/auth.service.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import { answers, interviewQuestions, interviews } from './interviews.table.js';

type InterviewRow = typeof interviews.$inferSelect;
type QuestionRow = typeof interviewQuestions.$inferSelect;
type AnswerRow = typeof answers.$inferSelect;

/** How many of a candidate's latest interviews count as "recently seen" when picking questions. */
const RECENT_INTERVIEWS = 5;

export type InterviewsService = ReturnType<typeof createInterviewsService>;

export function createInterviewsService(deps: {
  db: Database;
  clock: Clock;
  bank: BankQuestion[];
  skills: SkillTaxonomy;
  evaluator: AnswerEvaluator;
}) {
  const { db, clock, bank, skills, evaluator } = deps;

  /** Owners and platform admins see an interview; everyone else gets the same 404 as for a missing one. */
  function assertVisible(actor: Actor, row: InterviewRow | undefined): InterviewRow {
    if (!row || (row.candidateId !== actor.userId && actor.platformRole !== 'superadmin')) throw notFound('Interview');
    return row;
  }

  async function loadVisible(actor: Actor, interviewId: string): Promise<InterviewRow> {
    const [row] = await interviewById.execute({ id: interviewId });
    return assertVisible(actor, row);
  }

  /**
   * Reads the interview, its questions and current answers in one round of parallel queries;
   * nothing leaves this function unless the caller may see the interview.
   */
  // The reads behind every interview page and report, prepared once.
  const interviewById = db.select().from(interviews).where(eq(interviews.id, sql.placeholder('id'))).prepare('interview_by_id');
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

  async function loadVisibleWithContent(actor: Actor, interviewId: string) {
    const [[row], questions, current] = await Promise.all([
      interviewById.execute({ id: interviewId }),
      questionsOf(interviewId),
      currentAnswersOf(interviewId),
    ]);
    return { row: assertVisible(actor, row), questions, current };
  }

  async function questionsOf(interviewId: string): Promise<QuestionRow[]> {
    return questionsByInterview.execute({ id: interviewId });
  }

  async function currentAnswersOf(interviewId: string): Promise<AnswerRow[]> {
    return currentAnswersByInterview.execute({ id: interviewId });
  }

  async function answeredCounts(interviewIds: string[]): Promise<Map<string, number>> {
    if (interviewIds.length === 0) return new Map();
    const rows = await db
      .select({ interviewId: answers.interviewId, n: count() })
      .from(answers)
      .where(and(inArray(answers.interviewId, interviewIds), isNull(answers.supersededAt)))
      .groupBy(answers.interviewId);
    return new Map(rows.map((r) => [r.interviewId, Number(r.n)]));
  }

  async function recentlySeenIds(candidateId: string): Promise<string[]> {
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
  }

  function toSummary(row: InterviewRow, answeredCount: number): InterviewSummary {
    return {
      id: row.id,
      kind: row.kind,
      type: row.type as InterviewSummary['type'],
      role: row.role,
      level: row.level as InterviewSummary['level'],
      status: row.status,
      questionCount: row.questionCount,
      answeredCount,
      overallScore: row.overallScore,
      createdAt: row.createdAt.toISOString(),
      completedAt: row.completedAt?.toISOString() ?? null,
    };
  }

  function toAnswer(row: AnswerRow): Answer {
    return {
      id: row.id,
      interviewId: row.interviewId,
      questionId: row.questionId,
      text: row.text,
      createdAt: row.createdAt.toISOString(),
      evaluation: row.evaluation,
    };
  }

  async function toInterview(row: InterviewRow): Promise<Interview> {
    const [questions, current] = await Promise.all([questionsOf(row.id), currentAnswersOf(row.id)]);
    return assembleInterview(row, questions, current);
  }

  function assembleInterview(row: InterviewRow, questions: QuestionRow[], current: AnswerRow[]): Interview {
    return {
      ...toSummary(row, current.length),
      jobDescription: row.jobDescription,
      questions: questions.map((q) => ({ id: q.id, order: q.order, type: q.type as QuestionType, text: q.text, targetSkills: q.targetSkills })),
      answers: current.map(toAnswer),
    };
  }

  return {
    async createPractice(actor: Actor, body: CreateInterviewBody): Promise<Interview> {
      const id = newId();
      // The resume only shapes the questions; it is not stored with the interview.
      const picked = planInterviewQuestions({
        bank,
        taxonomy: skills,
        type: body.type,
        level: body.level,
        role: body.role,
        count: body.questionCount,
        jobDescription: body.jobDescription,
        resumeText: body.resumeText,
        recentlySeenIds: await recentlySeenIds(actor.userId),
        seed: id,
      });
      if (picked.length === 0) throw new AppError('unprocessable', 'No questions match this interview type and level.');
      const now = clock.now();
      const row: InterviewRow = {
        id,
        candidateId: actor.userId,
        kind: 'practice',
        type: body.type,
        role: body.role,
        level: body.level,
        questionCount: picked.length,
        jobDescription: body.jobDescription || null,
        status: 'in_progress',
        overallScore: null,
        createdAt: now,
        completedAt: null,
      };
      await db.transaction(async (tx) => {
        await tx.insert(interviews).values(row);
        await tx.insert(interviewQuestions).values(
          picked.map((q, i) => ({
            id: newId(),
            interviewId: id,
            order: i + 1,
            type: q.type,
            text: q.text,
            bankQuestionId: q.bankQuestionId ?? null,
            referenceAnswer: q.referenceAnswer ?? null,
            keyPoints: q.keyPoints,
            expectedAnswer: q.expectedAnswer ?? null,
            targetSkills: q.targetSkills,
          })),
        );
      });
      return toInterview(row);
    },

    async list(actor: Actor, page: PageQuery): Promise<InterviewList> {
      const where = eq(interviews.candidateId, actor.userId);
      const [rows, [totalRow]] = await Promise.all([
        db
          .select()
          .from(interviews)
          .where(where)
          .orderBy(desc(interviews.createdAt), desc(interviews.id))
          .limit(page.limit)
          .offset((page.page - 1) * page.limit),
        db.select({ n: count() }).from(interviews).where(where),
      ]);
      const answered = await answeredCounts(rows.map((r) => r.id));
      const total = totalRow?.n ?? 0;
      return {
        items: rows.map((r) => toSummary(r, answered.get(r.id) ?? 0)),
        total,
        page: page.page,
        limit: page.limit,
        pages: Math.ceil(total / page.limit),
      };
    },

    async get(actor: Actor, interviewId: string): Promise<Interview> {
      const { row, questions, current } = await loadVisibleWithContent(actor, interviewId);
      return assembleInterview(row, questions, current);
    },

    /**
     * Grades outside the transaction (it is the slow part), then stores the answer and
     * supersedes the previous one under a row lock, re-checking that the interview is still open.
     */
    async submitAnswer(actor: Actor, interviewId: string, body: AnswerBody): Promise<Answer> {
      const row = await loadVisible(actor, interviewId);
      if (row.candidateId !== actor.userId) throw new AppError('forbidden', 'Only the candidate can answer this interview.');
      if (row.status !== 'in_progress') throw new AppError('interview_completed', 'This interview is completed; answers can no longer change.');
      const [question] = await db
        .select()
        .from(interviewQuestions)
        .where(and(eq(interviewQuestions.id, body.questionId), eq(interviewQuestions.interviewId, interviewId)));
      if (!question) throw notFound('Question in this interview');

      const evaluation: Evaluation = await evaluator.evaluate({
        question: question.text,
        type: question.type as QuestionType,
        level: row.level as Interview['level'],
        referenceAnswer: question.referenceAnswer ?? undefined,
        keyPoints: question.keyPoints,
        expectedAnswer: question.expectedAnswer ?? undefined,
        answer: body.text,
        durationSeconds: body.durationSeconds,
      });

      const now = clock.now();
      const stored: AnswerRow = {
        id: newId(),
        interviewId,
        questionId: question.id,
        text: body.text,
        durationSeconds: body.durationSeconds ?? null,
        score: evaluation.score,
        evaluation,
        engine: evaluation.engine,
        engineVersion: evaluation.engineVersion,
        createdAt: now,
        supersededAt: null,
      };
      await db.transaction(async (tx) => {
        const [locked] = await tx.select({ status: interviews.status }).from(interviews).where(eq(interviews.id, interviewId)).for('update');
        if (locked?.status !== 'in_progress') throw new AppError('interview_completed', 'This interview is completed; answers can no longer change.');
        await tx
          .update(answers)
          .set({ supersededAt: now })
          .where(and(eq(answers.questionId, question.id), isNull(answers.supersededAt)));
        await tx.insert(answers).values(stored);
      });
      return toAnswer(stored);
    },

    async complete(actor: Actor, interviewId: string): Promise<Interview> {
      const row = await loadVisible(actor, interviewId);
      if (row.candidateId !== actor.userId) throw new AppError('forbidden', 'Only the candidate can complete this interview.');
      if (row.status !== 'in_progress') throw new AppError('interview_completed', 'This interview is already completed.');
      const now = clock.now();
      const updated = await db.transaction(async (tx) => {
        const [locked] = await tx.select().from(interviews).where(eq(interviews.id, interviewId)).for('update');
        if (locked?.status !== 'in_progress') throw new AppError('interview_completed', 'This interview is already completed.');
        const qs = await tx.select({ id: interviewQuestions.id }).from(interviewQuestions).where(eq(interviewQuestions.interviewId, interviewId));
        const current = await tx.select().from(answers).where(and(eq(answers.interviewId, interviewId), isNull(answers.supersededAt)));
        const byQuestion = new Map(current.map((a) => [a.questionId, a.evaluation]));
        const score = overallScore(qs.map((q) => byQuestion.get(q.id) ?? null));
        const [u] = await tx
          .update(interviews)
          .set({ status: 'completed', completedAt: now, overallScore: score })
          .where(eq(interviews.id, interviewId))
          .returning();
        return u!;
      });
      return toInterview(updated);
    },

    async report(actor: Actor, interviewId: string): Promise<Report> {
      const { row, questions, current } = await loadVisibleWithContent(actor, interviewId);
      const byQuestion = new Map(current.map((a) => [a.questionId, a]));
      const evaluations = current.map((a) => a.evaluation);
      const unanswered = questions.length - current.length;
      return {
        interviewId: row.id,
        overallScore: row.status === 'completed' ? row.overallScore : overallScore(questions.map((q) => byQuestion.get(q.id)?.evaluation ?? null)),
        dimensions: averageDimensions(evaluations),
        questions: questions.map((q) => {
          const a = byQuestion.get(q.id);
          return { questionId: q.id, order: q.order, type: q.type as QuestionType, text: q.text, answer: a?.text ?? null, evaluation: a?.evaluation ?? null };
        }),
        ...summarizeFeedback(evaluations, unanswered),
        skillCoverage: summarizeSkillCoverage(
          questions.map((q) => ({ targetSkills: q.targetSkills, evaluation: byQuestion.get(q.id)?.evaluation ?? null })),
          (skillId) => skills.byId.get(skillId)?.name ?? skillId,
        ),
      };
    },
  };
}
