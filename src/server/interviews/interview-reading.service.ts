import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import {
  interviewStatus,
  type Interview,
  type InterviewList,
  type InterviewListQuery,
  type InterviewStatus,
  type Report,
} from '../../contract/interviews.js';
import { AppError } from '../../core/errors.js';
import { summariseDelivery } from '../../core/delivery/delivery-summary.js';
import { averageDimensions, overallFromScores, summarizeFeedback, summarizeSkillCoverage } from '../../core/interviews/summarize-report.js';
import type { Actor } from '../auth/actor.js';
import { finalScores, isPendingAnswer } from './answers.js';
import { questionsVisible, resultsVisible, type InterviewViewer } from './interview-access.js';
import type { InterviewContext } from './interview-context.js';
import { toSummary } from './interview-views.js';
import { renderReportPdf } from './report-pdf.js';
import { interviews, type AnswerRow, type InterviewRow, type QuestionRow } from './interviews.table.js';

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

/** Lists, one interview and its report, for the candidate and the staff of either kind. */
export function createInterviewReading(ctx: InterviewContext) {
  const { db, reads, access, view } = ctx;

  return {
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
      const found = await reads.interviewWithContent(interviewId);
      const { row, viewer } = await access.requireViewer(actor, found?.row);
      return view(row, viewer, found!.content);
    },

    async report(actor: Actor, interviewId: string): Promise<Report> {
      const found = await reads.interviewWithContent(interviewId);
      const { row, viewer } = await access.requireViewer(actor, found?.row);
      if (!resultsVisible(viewer, row)) {
        throw new AppError(
          'forbidden',
          'Your coach has not released the results of this interview yet. You will be notified when they do.',
        );
      }
      return composeReport(ctx, row, viewer, found!.content);
    },

    /** The same report, as a PDF rendered on the server (same access and release rules). */
    async reportPdf(actor: Actor, interviewId: string): Promise<{ pdf: Buffer; filename: string }> {
      const { row, viewer } = await access.requireViewer(actor, await reads.interview(interviewId));
      if (!resultsVisible(viewer, row)) {
        throw new AppError('forbidden', 'Your coach has not released the results of this interview yet.');
      }
      const report = await composeReport(ctx, row, viewer);
      const pdf = await renderReportPdf(report, { role: row.role, type: row.type, level: row.level, completedAt: row.completedAt });
      const slug =
        row.role
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'interview';
      return { pdf, filename: `panelist-report-${slug}.pdf` };
    },
  };
}

/** The report of an interview whose results the viewer may see (the caller has checked). */
export async function composeReport(
  ctx: Pick<InterviewContext, 'reads' | 'skills'>,
  row: InterviewRow,
  viewer: InterviewViewer,
  /** The interview's content when the caller has read it already (GET report reads all in one statement). */
  content?: { questions: QuestionRow[]; answers: AnswerRow[]; followUps: QuestionRow[] },
): Promise<Report> {
  const { reads, skills } = ctx;
  const [[allQuestions, current, allFollowUps], history] = await Promise.all([
    content
      ? ([content.questions, content.answers, content.followUps] as const)
      : Promise.all([reads.questions(row.id), reads.currentAnswers(row.id), reads.followUps(row.id)]),
    reads.attemptHistory(row.id),
  ]);
  const questions = questionsVisible(viewer, row) ? allQuestions : [];
  const followUps = questions.length > 0 ? allFollowUps : [];
  const byQuestion = new Map(current.map((a) => [a.questionId, a]));
  const evaluations = current.filter((a) => !isPendingAnswer(a)).map((a) => a.evaluation);
  const unanswered = questions.filter((q) => !byQuestion.has(q.id)).length;
  const scores = finalScores(questions, current, followUps);
  const spoken = summariseDelivery(current.flatMap((a) => (a.delivery ? [a.delivery] : [])));
  return {
    interviewId: row.id,
    overallScore: row.completedAt ? row.overallScore : overallFromScores(scores),
    dimensions: averageDimensions(evaluations, unanswered),
    questions: questions.map((q, i) => {
      const a = byQuestion.get(q.id);
      const asked = followUps.filter((f) => f.parentQuestionId === q.id);
      return {
        questionId: q.id,
        order: q.order,
        type: q.type,
        text: q.text,
        answer: a?.text ?? null,
        evaluation: gradedEvaluation(a),
        score: scores[i] ?? null,
        attempts: history.get(q.id)?.attempts ?? 0,
        countingAttempt: history.get(q.id)?.counting ?? null,
        ...(asked.length > 0
          ? {
              followUps: asked.map((f) => ({
                id: f.id,
                order: f.order,
                kind: f.followUpKind ?? 'probe_key_point',
                text: f.text,
                answer: byQuestion.get(f.id)?.text ?? null,
                evaluation: gradedEvaluation(byQuestion.get(f.id)),
              })),
            }
          : {}),
      };
    }),
    ...summarizeFeedback(evaluations, unanswered),
    skillCoverage: summarizeSkillCoverage(
      questions.map((q) => ({ targetSkills: q.targetSkills, evaluation: gradedEvaluation(byQuestion.get(q.id)) })),
      (skillId) => skills.byId.get(skillId)?.name ?? skillId,
    ),
    ...(spoken ? { delivery: spoken } : {}),
  };
}

/** An answer's evaluation for the report; none while its grading is pending. */
function gradedEvaluation(a: AnswerRow | undefined) {
  return a && !isPendingAnswer(a) ? a.evaluation : null;
}
