import type { Answer, Draft, Interview, InterviewSummary } from '../../contract/interviews.js';
import { captionsOf } from '../../core/delivery/captions.js';
import { finalScoreOf } from '../../core/interviews/summarize-report.js';
import { isPendingAnswer } from './answers.js';
import type { Clock } from '../clock.js';
import type { CodingService } from '../coding/coding.service.js';
import { questionsVisible, resultsVisible, type InterviewViewer } from './interview-access.js';
import type { InterviewContent, InterviewReads, People } from './interview-reads.js';
import type { AnswerRow, DraftRow, InterviewRow, QuestionRow } from './interviews.table.js';

/** Stands in for a coach whose account was deleted (the column is then null). */
const DELETED_ACCOUNT = '00000000-0000-0000-0000-000000000000';

const iso = (d: Date | null) => d?.toISOString() ?? null;

function person(people: People, id: string) {
  return { id, name: people.get(id)?.name ?? 'Former member' };
}

/** One interview as a list shows it; scores stay hidden from a candidate until released. */
export function toSummary(row: InterviewRow, answeredCount: number, viewer: InterviewViewer, people: People): InterviewSummary {
  const visible = resultsVisible(viewer, row);
  return {
    id: row.id,
    kind: row.kind,
    type: row.type,
    role: row.role,
    level: row.level,
    status: row.status,
    questionCount: row.questionCount,
    answeredCount,
    overallScore: visible ? row.overallScore : null,
    createdAt: row.createdAt.toISOString(),
    completedAt: iso(row.completedAt),
    orgId: row.orgId,
    candidate: person(people, row.candidateId),
    coach: row.coachId ? person(people, row.coachId) : null,
    windowStart: iso(row.windowStart),
    windowEnd: iso(row.windowEnd),
    durationMinutes: row.durationMinutes,
    startedAt: iso(row.startedAt),
    deadlineAt: iso(row.deadlineAt),
    releaseResults: row.releaseResults,
    finalizedAt: iso(row.finalizedAt),
    cancelledAt: iso(row.cancelledAt),
    resultsVisible: visible,
    language: row.language,
    followUps: row.followUps,
    proctoring: row.proctoring,
    thinkSeconds: row.thinkSeconds,
    answerSeconds: row.answerSeconds,
    targetCompany: row.kind === 'practice' ? row.targetCompany : null,
  };
}

/** An answer; its evaluation, override and final score only when the viewer may see results. */
export function toAnswer(row: AnswerRow, visible: boolean, people: People): Answer {
  const pending = isPendingAnswer(row);
  const override =
    row.overrideScore !== null && row.overriddenAt
      ? {
          score: row.overrideScore,
          note: row.overrideNote ?? '',
          by: person(people, row.overriddenBy ?? DELETED_ACCOUNT),
          at: row.overriddenAt.toISOString(),
        }
      : null;
  return {
    id: row.id,
    interviewId: row.interviewId,
    questionId: row.questionId,
    text: row.text,
    durationSeconds: row.durationSeconds,
    createdAt: row.createdAt.toISOString(),
    evaluation: visible && !pending ? row.evaluation : null,
    evaluationStatus: pending ? 'pending' : 'done',
    override: visible ? override : null,
    finalScore: visible && !pending ? finalScoreOf(row) : null,
    mediaId: row.mediaId,
    delivery: visible ? row.delivery : null,
    ...(row.mediaId && row.delivery?.speakingSeconds
      ? {
          captions: captionsOf(
            row.text,
            row.delivery.speakingSeconds,
            undefined,
            // Pauses measured in the recording: captions follow the voice, not its silences.
            row.delivery.pausesFrom === 'voice' && row.delivery.speechStartSeconds !== undefined
              ? { speechStartSeconds: row.delivery.speechStartSeconds, pauses: row.delivery.pauses }
              : undefined,
          ),
        }
      : {}),
  };
}

export function toDraft(row: DraftRow): Draft {
  return { questionId: row.questionId, text: row.text, updatedAt: row.updatedAt.toISOString() };
}

export function toInterview(
  row: InterviewRow,
  content: { questions: QuestionRow[]; answers: AnswerRow[]; drafts?: DraftRow[]; followUps?: QuestionRow[] },
  ctx: { viewer: InterviewViewer; people: People; now: Date; coding?: CodingService },
): Interview {
  const { viewer, people } = ctx;
  const visible = resultsVisible(viewer, row);
  const staff = viewer === 'staff';
  const questions = questionsVisible(viewer, row) ? content.questions : [];
  const answered = new Set(content.answers.map((a) => a.questionId));
  const ownQuestions = new Set(content.questions.map((q) => q.id));
  const followUps = questions.length > 0 ? (content.followUps ?? []) : [];
  return {
    ...toSummary(row, content.answers.filter((a) => ownQuestions.has(a.questionId)).length, viewer, people),
    jobDescription: row.jobDescription,
    jobDescriptionId: row.jobDescriptionId,
    questions: questions.map((q) => ({
      id: q.id,
      order: q.order,
      type: q.type,
      text: q.text,
      targetSkills: q.targetSkills,
      ...codingOf(ctx.coding, q.bankQuestionId),
      // What a good answer covers is for the people who grade, never for the candidate.
      ...(staff ? { keyPoints: q.keyPoints, referenceAnswer: q.referenceAnswer } : {}),
      // Learning from it: once answered (and results are the candidate's to see), what a strong answer says.
      ...(visible && answered.has(q.id) ? { keyPoints: q.keyPoints, modelAnswer: q.referenceAnswer } : {}),
    })),
    answers: content.answers.map((a) => toAnswer(a, visible, people)),
    ...(viewer === 'candidate' ? { drafts: (content.drafts ?? []).map(toDraft) } : {}),
    serverNow: ctx.now.toISOString(),
    followUpQuestions: followUps.map((f) => ({
      id: f.id,
      parentQuestionId: f.parentQuestionId!,
      order: f.order,
      kind: f.followUpKind ?? 'probe_key_point',
      text: f.text,
      ...(visible && answered.has(f.id) ? { keyPoints: f.keyPoints, modelAnswer: f.referenceAnswer } : {}),
    })),
  };
}

function codingOf(coding: CodingService | undefined, bankQuestionId: string | null) {
  const problem = coding?.problemOf(bankQuestionId);
  return problem && coding ? { coding: coding.view(problem) } : {};
}

/** Renders one interview for a viewer: loads what it shows (drafts only for the candidate answering) and maps it. */
export function createInterviewView(reads: InterviewReads, clock: Clock, coding?: CodingService) {
  return async function view(row: InterviewRow, viewer: InterviewViewer, loaded?: InterviewContent): Promise<Interview> {
    if (loaded) {
      const drafts = viewer === 'candidate' && row.status === 'in_progress' ? loaded.drafts : [];
      const followUps = row.followUps > 0 ? loaded.followUps : [];
      const content = { questions: loaded.questions, answers: loaded.answers, drafts, followUps };
      return toInterview(row, content, { viewer, people: loaded.people, now: clock.now(), coding });
    }
    const [questions, current, drafts, followUps] = await Promise.all([
      reads.questions(row.id),
      reads.currentAnswers(row.id),
      viewer === 'candidate' && row.status === 'in_progress' ? reads.drafts(row.id) : Promise.resolve([]),
      row.followUps > 0 ? reads.followUps(row.id) : Promise.resolve([]),
    ]);
    const people = await reads.people([row], current);
    return toInterview(row, { questions, answers: current, drafts, followUps }, { viewer, people, now: clock.now(), coding });
  };
}
