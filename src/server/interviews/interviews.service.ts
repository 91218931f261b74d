import { and, count, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import {
  interviewStatus,
  type Answer,
  type AnswerBody,
  type CreatePracticeBody,
  type Evaluation,
  type Interview,
  type InterviewList,
  type InterviewListQuery,
  type InterviewStatus,
  type QuestionType,
  type Report,
} from '../../contract/interviews.js';
import { AppError, notFound } from '../../core/errors.js';
import {
  averageDimensions,
  finalScoreOf,
  overallFromScores,
  summarizeFeedback,
  summarizeSkillCoverage,
} from '../../core/interviews/summarize-report.js';
import type { Actor } from '../auth/auth.service.js';
import { newId } from '../ids.js';
import { createAssignedInterviews } from './assigned-interviews.service.js';
import { questionsVisible, resultsVisible, type InterviewRow, type InterviewViewer } from './interview-access.js';
import { completeLocked } from './interview-completion.js';
import { createInterviewContext, type InterviewDeps } from './interview-context.js';
import { registerInterviewJobs } from './interview-jobs.js';
import { gatherTailoring } from './interview-tailoring.js';
import { toAnswer, toInterview, toSummary, type AnswerRow } from './interview-views.js';
import { answerDrafts, answers, interviewQuestions, interviews } from './interviews.table.js';
import { insertPlannedQuestions, planQuestions } from './interview-questions.js';

export type InterviewsService = ReturnType<typeof createInterviewsService>;

const notInProgress: Record<Exclude<InterviewStatus, 'in_progress'>, () => AppError> = {
  scheduled: () => new AppError('invalid_state', 'Start the interview first.'),
  completed: () => new AppError('interview_completed', 'This interview is completed; answers can no longer change.'),
  reviewed: () => new AppError('interview_completed', 'This interview is completed; answers can no longer change.'),
  missed: () => new AppError('window_closed', 'The window of this interview closed before it was started.'),
  cancelled: () => new AppError('invalid_state', 'This interview was cancelled.'),
};

function requireInProgress(row: Pick<InterviewRow, 'status'>): void {
  if (row.status !== 'in_progress') throw notInProgress[row.status]();
}

/** The server's deadline decides, not the browser's timer: an answer after it is refused even before the deadline job ran. */
function requireBeforeDeadline(row: Pick<InterviewRow, 'deadlineAt'>, now: Date): void {
  if (row.deadlineAt && now >= row.deadlineAt) {
    throw new AppError('deadline_passed', 'The time for this interview is up; answers can no longer be sent.', {
      deadlineAt: row.deadlineAt.toISOString(),
    });
  }
}

function requireCandidate(viewer: InterviewViewer, doing: string): void {
  if (viewer !== 'candidate') throw new AppError('forbidden', `Only the candidate can ${doing}.`);
}

function parseStatuses(raw: string | undefined): InterviewStatus[] | undefined {
  if (!raw) return undefined;
  const parts = raw.split(',');
  const bad = parts.filter((s) => !interviewStatus.safeParse(s).success);
  if (bad.length > 0) {
    throw new AppError('validation_failed', `Unknown status ${bad.join(', ')}.`, {
      errors: [{ path: 'querystring.status', message: `must be among ${interviewStatus.options.join(', ')}` }],
    });
  }
  return parts as InterviewStatus[];
}

/**
 * Interviews: practice (the candidate's own, started at once) and the reads, answers and
 * completion shared with assigned interviews; scheduling and reviewing live in
 * assigned-interviews.service.ts, who-sees-what in interview-access.ts.
 */
export function createInterviewsService(deps: InterviewDeps) {
  const ctx = createInterviewContext(deps);
  const { db, clock, skills, evaluator, reads, access } = ctx;
  registerInterviewJobs(ctx);

  async function loadFor(actor: Actor, interviewId: string) {
    return access.requireViewer(actor, await reads.interview(interviewId));
  }

  async function view(row: InterviewRow, viewer: InterviewViewer): Promise<Interview> {
    const [questions, current, drafts] = await Promise.all([
      reads.questions(row.id),
      reads.currentAnswers(row.id),
      viewer === 'candidate' && row.status === 'in_progress' ? reads.drafts(row.id) : Promise.resolve([]),
    ]);
    const people = await reads.people([row], current);
    return toInterview(row, { questions, answers: current, drafts }, { viewer, people, now: clock.now() });
  }

  return {
    ...createAssignedInterviews(ctx, view),

    async createPractice(actor: Actor, body: CreatePracticeBody): Promise<Interview> {
      const id = newId();
      const tailoring = await gatherTailoring(ctx.tailoring, actor, body, actor.userId);
      // The resume only shapes the questions; it is not stored with the interview.
      const picked = await planQuestions(ctx, {
        interviewId: id,
        candidateId: actor.userId,
        type: body.type,
        level: body.level,
        role: body.role,
        questionCount: body.questionCount,
        tailoring,
      });
      const now = clock.now();
      const row: typeof interviews.$inferInsert = {
        id,
        candidateId: actor.userId,
        kind: 'practice',
        type: body.type,
        role: body.role,
        level: body.level,
        questionCount: picked.length,
        jobDescription: body.jobDescription || tailoring.job?.text || null,
        jobDescriptionId: tailoring.job?.id ?? null,
        language: body.language ?? 'en',
        status: 'in_progress',
        createdAt: now,
      };
      const created = await db.transaction(async (tx) => {
        const [inserted] = await tx.insert(interviews).values(row).returning();
        await insertPlannedQuestions(tx, id, picked);
        return inserted!;
      });
      return view(created, 'candidate');
    },

    /** `scope=mine`: interviews the caller takes. `scope=coach`: assigned interviews the caller may review. */
    async list(actor: Actor, query: InterviewListQuery): Promise<InterviewList> {
      const statuses = parseStatuses(query.status);
      const conditions: (SQL | undefined)[] = [];
      let viewer: InterviewViewer;
      if (query.scope === 'coach') {
        viewer = 'staff';
        conditions.push(await access.reviewableCondition(actor));
        if (query.candidateId) conditions.push(eq(interviews.candidateId, query.candidateId));
      } else {
        viewer = 'candidate';
        conditions.push(eq(interviews.candidateId, actor.userId));
      }
      if (statuses) conditions.push(inArray(interviews.status, statuses));
      if (query.kind) conditions.push(eq(interviews.kind, query.kind));
      const where = and(...conditions);
      const [rows, [totalRow]] = await Promise.all([
        db
          .select()
          .from(interviews)
          .where(where)
          .orderBy(desc(interviews.createdAt), desc(interviews.id))
          .limit(query.limit)
          .offset((query.page - 1) * query.limit),
        db.select({ n: count() }).from(interviews).where(where),
      ]);
      const [answered, people] = await Promise.all([reads.answeredCounts(rows.map((r) => r.id)), reads.people(rows)]);
      const total = totalRow?.n ?? 0;
      return {
        items: rows.map((r) => toSummary(r, answered.get(r.id) ?? 0, viewer, people)),
        total,
        page: query.page,
        limit: query.limit,
        pages: Math.ceil(total / query.limit),
      };
    },

    async get(actor: Actor, interviewId: string): Promise<Interview> {
      const { row, viewer } = await loadFor(actor, interviewId);
      return view(row, viewer);
    },

    /**
     * Grades outside the transaction (it is the slow part), then stores the answer and
     * supersedes the previous one under a row lock, re-checking that the interview is still
     * open and, for an assigned interview, that its deadline has not passed.
     */
    async submitAnswer(actor: Actor, interviewId: string, body: AnswerBody): Promise<Answer> {
      const { row, viewer } = await loadFor(actor, interviewId);
      requireCandidate(viewer, 'answer this interview');
      requireInProgress(row);
      requireBeforeDeadline(row, clock.now());
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

      const stored = await db.transaction(async (tx) => {
        const locked = await reads.lockInterview(tx, interviewId);
        if (!locked) throw notFound('Interview');
        requireInProgress(locked);
        // The clock is read under the lock: the deadline job completes under the same lock.
        const now = clock.now();
        requireBeforeDeadline(locked, now);
        const answer: AnswerRow = {
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
          overrideScore: null,
          overrideNote: null,
          overriddenBy: null,
          overriddenAt: null,
        };
        await tx
          .update(answers)
          .set({ supersededAt: now })
          .where(and(eq(answers.questionId, question.id), isNull(answers.supersededAt)));
        await tx.insert(answers).values(answer);
        // The draft was the unsent text of this answer.
        await tx.delete(answerDrafts).where(and(eq(answerDrafts.interviewId, interviewId), eq(answerDrafts.questionId, question.id)));
        return answer;
      });
      return toAnswer(stored, resultsVisible(viewer, row), new Map());
    },

    /** Autosave of the text being typed; only while the interview is open to answers. */
    async saveDraft(actor: Actor, interviewId: string, questionId: string, text: string): Promise<void> {
      const { row, viewer } = await loadFor(actor, interviewId);
      requireCandidate(viewer, 'write answers');
      requireInProgress(row);
      const now = clock.now();
      requireBeforeDeadline(row, now);
      const [question] = await db
        .select({ id: interviewQuestions.id })
        .from(interviewQuestions)
        .where(and(eq(interviewQuestions.id, questionId), eq(interviewQuestions.interviewId, interviewId)));
      if (!question) throw notFound('Question in this interview');
      await db
        .insert(answerDrafts)
        .values({ interviewId, questionId, text, updatedAt: now })
        .onConflictDoUpdate({ target: [answerDrafts.interviewId, answerDrafts.questionId], set: { text, updatedAt: now } });
    },

    async complete(actor: Actor, interviewId: string): Promise<Interview> {
      const { row, viewer } = await loadFor(actor, interviewId);
      requireCandidate(viewer, 'complete this interview');
      if (row.status !== 'in_progress') {
        if (row.status === 'completed' || row.status === 'reviewed')
          throw new AppError('interview_completed', 'This interview is already completed.');
        throw notInProgress[row.status]();
      }
      const updated = await db.transaction(async (tx) => {
        const locked = await reads.lockInterview(tx, interviewId);
        if (locked?.status !== 'in_progress') throw new AppError('interview_completed', 'This interview is already completed.');
        return completeLocked(ctx, tx, locked, clock.now(), 'submitted');
      });
      return view(updated, viewer);
    },

    async report(actor: Actor, interviewId: string): Promise<Report> {
      const { row, viewer } = await loadFor(actor, interviewId);
      if (!resultsVisible(viewer, row)) {
        throw new AppError(
          'forbidden',
          'Your coach has not released the results of this interview yet. You will be notified when they do.',
        );
      }
      const [allQuestions, current] = await Promise.all([reads.questions(row.id), reads.currentAnswers(row.id)]);
      const questions = questionsVisible(viewer, row) ? allQuestions : [];
      const byQuestion = new Map(current.map((a) => [a.questionId, a]));
      const evaluations = current.map((a) => a.evaluation);
      const unanswered = questions.length - current.length;
      const finalScores = questions.map((q) => {
        const a = byQuestion.get(q.id);
        return a ? finalScoreOf(a) : null;
      });
      return {
        interviewId: row.id,
        overallScore: row.completedAt ? row.overallScore : overallFromScores(finalScores),
        dimensions: averageDimensions(evaluations),
        questions: questions.map((q) => {
          const a = byQuestion.get(q.id);
          return {
            questionId: q.id,
            order: q.order,
            type: q.type as QuestionType,
            text: q.text,
            answer: a?.text ?? null,
            evaluation: a?.evaluation ?? null,
          };
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
