import { z } from 'zod';
import { codingProblemView } from './coding.js';
import { id, isoDateTime, paginated } from './common.js';
import { caption, delivery, deliverySummary, timedWord } from './media.js';
import { proctoringLevel } from './proctoring.js';

// The value lists are tuples as well as zod enums, so the database columns declare the same lists.
export const QUESTION_TYPES = ['behavioral', 'technical', 'system_design', 'communication', 'aptitude'] as const;
export const questionType = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof questionType>;

export const INTERVIEW_TYPES = [...QUESTION_TYPES, 'mixed', 'coding'] as const;
export const interviewType = z.enum(INTERVIEW_TYPES);
export type InterviewType = z.infer<typeof interviewType>;

export const LEVELS = ['junior', 'mid', 'senior'] as const;
export const level = z.enum(LEVELS);
export type Level = z.infer<typeof level>;

/**
 * Practice: in_progress → completed. Assigned: scheduled → in_progress → completed → reviewed,
 * or scheduled → missed (window closed unstarted) / cancelled (by the coach before it starts), or
 * in_progress → terminated (a proctoring threshold reached where the organization chose to end; answers kept and graded).
 */
export const INTERVIEW_STATUSES = ['scheduled', 'in_progress', 'completed', 'reviewed', 'missed', 'cancelled', 'terminated'] as const;
export const interviewStatus = z.enum(INTERVIEW_STATUSES);
export type InterviewStatus = z.infer<typeof interviewStatus>;

export const MAX_ANSWER_CHARS = 20_000;
export const MAX_JOB_DESCRIPTION_CHARS = 20_000;
export const MAX_RESUME_CHARS = 30_000;

export const interviewKind = z.enum(['practice', 'assigned']);
export type InterviewKind = z.infer<typeof interviewKind>;

/** Who may see an assigned interview's scores: the candidate once the coach finalizes, or at once. */
export const releaseResults = z.enum(['on_finalize', 'immediately']);
export type ReleaseResults = z.infer<typeof releaseResults>;

export const MAX_DURATION_MINUTES = 8 * 60;

const interviewBase = {
  type: interviewType,
  role: z.string().trim().min(1).max(120),
  level,
  questionCount: z.number().int().min(1).max(20),
  jobDescription: z.string().trim().max(MAX_JOB_DESCRIPTION_CHARS).optional(),
  /** A job description of the organization; its text and skills tailor the questions. */
  jobDescriptionId: id.optional(),
  /** A stored resume (the candidate's); its trusted text tailors the questions. */
  resumeId: id.optional(),
  language: z.string().trim().min(2).max(10).optional(),
};

/** Pace limits a practice may set (one-way interviews give 30 s to a few minutes). */
export const MAX_THINK_SECONDS = 600;
export const MAX_ANSWER_SECONDS = 1800;
export const MAX_PRACTICE_MINUTES = 240;

/** Most follow-ups the interviewer asks after one answer. */
export const MAX_FOLLOW_UPS = 2;

export const createPracticeBody = z.object({
  kind: z.literal('practice'),
  ...interviewBase,
  /** How many follow-ups (0–2) the interviewer may ask after each answer; 0, the default, is the fixed list. */
  followUps: z.number().int().min(0).max(MAX_FOLLOW_UPS).optional(),
  /** Plain resume text; used to tailor questions and not stored. */
  resumeText: z.string().trim().max(MAX_RESUME_CHARS).optional(),
  /** The employer the candidate is preparing for ("Amazon"); behavioural questions then speak to its published values. */
  targetCompany: z.string().trim().max(80).optional(),
  /** Seconds to think before each answer (as one-way interviews give); absent: no think time. */
  thinkSeconds: z.number().int().min(5).max(MAX_THINK_SECONDS).optional(),
  /** Seconds to answer each question; when they run out the draft is submitted. Absent: no limit. */
  answerSeconds: z.number().int().min(30).max(MAX_ANSWER_SECONDS).optional(),
  /** The whole practice's time; the server refuses answers after it and completes the interview. */
  durationMinutes: z.number().int().min(1).max(MAX_PRACTICE_MINUTES).optional(),
  /** "Practise again" with the same questions: an earlier practice of the caller's, whose questions are asked again in order. */
  repeatOf: id.optional(),
  /** Practise from the saved list: these saved questions (the caller's), in this order, instead of planned ones. */
  savedQuestionIds: z.array(id).min(1).max(20).optional(),
});
export type CreatePracticeBody = z.infer<typeof createPracticeBody>;

export const scheduleInterviewBody = z
  .object({
    kind: z.literal('assigned'),
    ...interviewBase,
    candidateId: id,
    /** Needed only when coach and candidate share more than one organization. */
    orgId: id.optional(),
    windowStart: z.iso.datetime({ offset: true }),
    windowEnd: z.iso.datetime({ offset: true }),
    durationMinutes: z.number().int().min(1).max(MAX_DURATION_MINUTES),
    releaseResults: releaseResults.default('on_finalize'),
    /** off, light (tabs, focus, fullscreen, paste, screens) or full (light plus camera presence); see contract/proctoring.ts. */
    proctoring: proctoringLevel.default('off'),
  })
  .refine((b) => Date.parse(b.windowEnd) > Date.parse(b.windowStart), { path: ['windowEnd'], message: 'must be after windowStart' });
export type ScheduleInterviewBody = z.infer<typeof scheduleInterviewBody>;

export const createInterviewBody = z.discriminatedUnion('kind', [createPracticeBody, scheduleInterviewBody]);
export type CreateInterviewBody = z.infer<typeof createInterviewBody>;

/** Reschedule or change an assigned interview before it starts; give only what changes. */
export const updateInterviewBody = z
  .object({
    windowStart: z.iso.datetime({ offset: true }).optional(),
    windowEnd: z.iso.datetime({ offset: true }).optional(),
    durationMinutes: z.number().int().min(1).max(MAX_DURATION_MINUTES).optional(),
    role: z.string().trim().min(1).max(120).optional(),
    releaseResults: releaseResults.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'give at least one field');
export type UpdateInterviewBody = z.infer<typeof updateInterviewBody>;

/**
 * A question as the coach edits it; an id keeps an existing question, no id adds one. A new
 * question with `codingProblem` (a problem's slug from `GET /api/v1/coding/problems`) is that
 * coding problem: its title becomes the text, and the problem brings its own tests and key points.
 */
export const editedQuestion = z.object({
  id: id.optional(),
  type: questionType,
  text: z.string().trim().min(10).max(2000),
  keyPoints: z.array(z.string().trim().min(1).max(300)).max(10).optional(),
  referenceAnswer: z.string().trim().max(5000).optional(),
  codingProblem: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .optional(),
});
export type EditedQuestion = z.infer<typeof editedQuestion>;
/** The whole ordered list: questions left out are removed. */
export const replaceQuestionsBody = z.object({ questions: z.array(editedQuestion).min(1).max(20) });
export type ReplaceQuestionsBody = z.infer<typeof replaceQuestionsBody>;

export const draftParams = z.object({ id, questionId: id });
export const draftBody = z.object({ text: z.string().max(MAX_ANSWER_CHARS) });
export type DraftBody = z.infer<typeof draftBody>;
export const draft = z.object({ questionId: id, text: z.string(), updatedAt: isoDateTime });
export type Draft = z.infer<typeof draft>;

export const answerParams = z.object({ id, answerId: id });
export const overrideBody = z.object({
  score: z.number().int().min(0).max(100),
  note: z.string().trim().min(1).max(2000),
});
export type OverrideBody = z.infer<typeof overrideBody>;
export const cancelBody = z.object({ reason: z.string().trim().max(500).optional() });
export type CancelBody = z.infer<typeof cancelBody>;

/** `scope=mine` (default): interviews I take. `scope=coach`: interviews I schedule or review. */
export const interviewListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  scope: z.enum(['mine', 'coach']).default('mine'),
  status: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/)
    .optional()
    .describe('comma-separated statuses, e.g. scheduled,in_progress'),
  kind: interviewKind.optional(),
  candidateId: id.optional(),
});
export type InterviewListQuery = z.infer<typeof interviewListQuery>;

export const interviewQuestion = z.object({
  id,
  order: z.number().int(),
  type: questionType,
  text: z.string(),
  /** Skill ids of the skills taxonomy the question exercises. */
  targetSkills: z.array(z.string()).default([]),
  /** Shown to coaches only (for editing and review), never to the candidate. */
  keyPoints: z.array(z.string()).optional(),
  referenceAnswer: z.string().nullable().optional(),
  /**
   * What a strong answer says, for learning: shown to the candidate once they have answered the
   * question and may see results (with `keyPoints`); absent before. Null when the question has none.
   */
  modelAnswer: z.string().nullable().optional(),
  /** Set on coding questions: the problem as the candidate sees it (languages, starter code, examples). */
  coding: codingProblemView.optional(),
});
export type InterviewQuestion = z.infer<typeof interviewQuestion>;

export const dimensionScores = z.object({
  relevance: z.number().min(0).max(100),
  correctness: z.number().min(0).max(100),
  completeness: z.number().min(0).max(100),
  clarity: z.number().min(0).max(100),
  structure: z.number().min(0).max(100),
});
export type DimensionScores = z.infer<typeof dimensionScores>;
export const DIMENSIONS = ['relevance', 'correctness', 'completeness', 'clarity', 'structure'] as const;

export const grammarIssue = z.object({
  start: z.number().int(),
  end: z.number().int(),
  message: z.string(),
  suggestions: z.array(z.string()),
});
export type GrammarIssue = z.infer<typeof grammarIssue>;

export const starPart = z.enum(['situation', 'task', 'action', 'result']);
export type StarPart = z.infer<typeof starPart>;

/** How much of one key point an answer makes. */
export const keyPointState = z.enum(['covered', 'partly', 'missed']);
export type KeyPointState = z.infer<typeof keyPointState>;

/** Character offsets [start, end) into the answer's text. */
export const textSpan = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });
export type TextSpan = z.infer<typeof textSpan>;

/** One key point as judged in one answer, with the passages that make it. */
export const keyPointJudgement = z.object({
  keyPoint: z.string(),
  state: keyPointState,
  /** The sentences or clauses of the answer that make the point; empty when missed. */
  evidence: z.array(textSpan),
  /** Why, in a few words ("said in other words", "contradicts: …"), for the page and for coaches. */
  note: z.string().optional(),
});
export type KeyPointJudgement = z.infer<typeof keyPointJudgement>;

/** A guard is a rule that holds a score down whatever the other signals say. */
export const guardKind = z.enum([
  'grader_instructions',
  'non_answer',
  'restated_question',
  'keyword_list',
  'off_topic',
  'contradiction',
  'wrong_result',
  'too_short',
  'content_free',
  /** A behavioral answer without a story of the candidate's own. */
  'no_example',
  /** Sentences that make no point about the question: the answer is scored without them. */
  'padding',
]);
export type GuardKind = z.infer<typeof guardKind>;
export const guard = z.object({
  kind: guardKind,
  /** What fired it, in words a candidate understands. */
  detail: z.string(),
  /** The highest overall score this guard allows. */
  cap: z.number().int().min(0).max(100),
});
export type Guard = z.infer<typeof guard>;

/** One line of "Why this score": what raised or held the overall score. */
export const scoreFactor = z.object({
  label: z.string(),
  /** Signed points this factor moved the score by, relative to the explanation's baseline. */
  effect: z.number(),
});
export type ScoreFactor = z.infer<typeof scoreFactor>;

export const evaluation = z.object({
  score: z.number().int().min(0).max(100),
  dimensions: dimensionScores,
  strengths: z.array(z.string()),
  improvements: z.array(z.string()),
  coveredKeyPoints: z.array(z.string()),
  missingKeyPoints: z.array(z.string()),
  /** Per key point: covered, partly or missed, with evidence. Absent on evaluations made before engine 2. */
  keyPoints: z.array(keyPointJudgement).optional(),
  /** The guards that fired, as data; the overall score is at most the lowest cap. */
  guards: z.array(guard).optional(),
  /** "Why this score": what raised it and what held it down. */
  scoreFactors: z.array(scoreFactor).optional(),
  grammar: z.array(grammarIssue),
  star: z.object({ found: z.array(starPart), missing: z.array(starPart) }).nullable(),
  confidence: z.number().min(0).max(1),
  engine: z.string(),
  engineVersion: z.string(),
  /** The LLM engine's rubric (prompt and reply schema) version; absent for the local engine. */
  rubricVersion: z.string().optional(),
  /** The LLM engine's independent gradings: the score is their median (before guard caps). */
  samples: z
    .object({
      n: z.number().int().min(1),
      scores: z.array(z.number().int().min(0).max(100)),
      /** Highest minus lowest sample score. */
      spread: z.number().min(0).max(100),
    })
    .optional(),
});
export type Evaluation = z.infer<typeof evaluation>;

export const answerBody = z.object({
  questionId: id,
  text: z
    .string()
    .max(MAX_ANSWER_CHARS)
    .refine((s) => s.trim().length > 0, 'must not be empty'),
  durationSeconds: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600)
    .optional(),
  /** A spoken answer: the uploaded recording (`text` is then its transcript, corrected by the candidate). */
  mediaId: id.optional(),
  /** Word timings of the transcript, when the transcriber gave them: pauses are measured from these. */
  words: z.array(timedWord).max(20000).optional(),
});
export type AnswerBody = z.infer<typeof answerBody>;

export const scoreOverride = z.object({
  score: z.number().int().min(0).max(100),
  note: z.string(),
  by: z.object({ id, name: z.string() }),
  at: isoDateTime,
});
export type ScoreOverride = z.infer<typeof scoreOverride>;

export const answer = z.object({
  id,
  interviewId: id,
  questionId: id,
  text: z.string(),
  durationSeconds: z.number().int().nullable().optional(),
  createdAt: isoDateTime,
  /** Null while an assigned interview's results are not released to the candidate, or while grading is pending. */
  evaluation: evaluation.nullable(),
  /**
   * `pending`: the answer is stored and being graded; the evaluation arrives over the WebSocket
   * (`answer_graded`) and on the next GET. Absent on answers graded before they were stored.
   */
  evaluationStatus: z.enum(['pending', 'done']).optional(),
  /** A coach's score override; the engine's evaluation stays as it was. */
  override: scoreOverride.nullable().optional(),
  /** A spoken answer's recording (GET /api/v1/media/:id/content) and how it was delivered. */
  mediaId: id.nullable().optional(),
  delivery: delivery.nullable().optional(),
  /** Captions of the recording made from the transcript (WebVTT is built from these in the browser). */
  captions: z.array(caption).optional(),
  /** The score that counts: the override's when there is one, else the evaluation's. */
  finalScore: z.number().int().min(0).max(100).nullable().optional(),
});
export type Answer = z.infer<typeof answer>;

const person = z.object({ id, name: z.string() });

export const interviewSummary = z.object({
  id,
  kind: interviewKind,
  type: interviewType,
  role: z.string(),
  level,
  status: interviewStatus,
  questionCount: z.number().int(),
  answeredCount: z.number().int(),
  overallScore: z.number().int().nullable(),
  createdAt: isoDateTime,
  completedAt: isoDateTime.nullable(),
  /** Assigned interviews only (null for practice). */
  orgId: id.nullable().optional(),
  candidate: person.optional(),
  coach: person.nullable().optional(),
  windowStart: isoDateTime.nullable().optional(),
  windowEnd: isoDateTime.nullable().optional(),
  durationMinutes: z.number().int().nullable().optional(),
  startedAt: isoDateTime.nullable().optional(),
  /** Server-owned: started_at + duration, capped at windowEnd. */
  deadlineAt: isoDateTime.nullable().optional(),
  releaseResults: releaseResults.nullable().optional(),
  finalizedAt: isoDateTime.nullable().optional(),
  cancelledAt: isoDateTime.nullable().optional(),
  /** Whether the caller may see scores and feedback. */
  resultsVisible: z.boolean().optional(),
  language: z.string().optional(),
  /** Practice: how many follow-ups the interviewer may ask after each answer (0: a fixed list). */
  followUps: z.number().int().min(0).max(MAX_FOLLOW_UPS).optional(),
  proctoring: proctoringLevel.optional(),
  /** Practice pace: seconds to think before each answer and to answer it (null: no limit). */
  thinkSeconds: z.number().int().nullable().optional(),
  answerSeconds: z.number().int().nullable().optional(),
  /** Practice: the employer the candidate prepared for, so "Practise again" keeps it. */
  targetCompany: z.string().nullable().optional(),
});
export type InterviewSummary = z.infer<typeof interviewSummary>;

/** Why the interviewer followed up: a key point missed or partly made, no concrete example, or a claim to dig into. */
export const FOLLOW_UP_KINDS = ['probe_key_point', 'ask_example', 'dig_claim'] as const;
export const followUpKind = z.enum(FOLLOW_UP_KINDS);
export type FollowUpKind = z.infer<typeof followUpKind>;

/** A follow-up the interviewer asked after an answer; answered through the same answers route, with its id as questionId. */
export const followUpQuestion = z.object({
  id,
  /** The interview question it follows up. */
  parentQuestionId: id,
  /** 1 or 2: its place after the question. */
  order: z.number().int(),
  kind: followUpKind,
  text: z.string(),
  /** As on a question: shown once the follow-up is answered. */
  keyPoints: z.array(z.string()).optional(),
  modelAnswer: z.string().nullable().optional(),
});
export type FollowUpQuestion = z.infer<typeof followUpQuestion>;

/** What the interviewer says next (`GET /interviews/:id/next`). */
export const nextStep = z.object({
  kind: z.enum(['question', 'follow_up', 'end']),
  /** The question's or follow-up's id (answer it with this as questionId); null at the end. */
  id: id.nullable(),
  text: z.string().nullable(),
  /** The interview question this step belongs to (itself for a question); null at the end. */
  questionId: id.nullable(),
  /** The question's order in the interview; null at the end. */
  order: z.number().int().nullable(),
  /** For a follow-up: why it is asked, and its place after the question. */
  followUpKind: followUpKind.optional(),
  followUpOrder: z.number().int().optional(),
  answeredCount: z.number().int(),
  questionCount: z.number().int(),
});
export type NextStep = z.infer<typeof nextStep>;

export const interview = interviewSummary.extend({
  jobDescription: z.string().nullable(),
  questions: z.array(interviewQuestion),
  /** The current answer to each answered question. */
  answers: z.array(answer),
  /** The candidate's autosaved drafts (candidate only). */
  drafts: z.array(draft).optional(),
  jobDescriptionId: id.nullable().optional(),
  /** The server's time when this was read, so a countdown does not trust the device clock. */
  serverNow: isoDateTime.optional(),
  /** Follow-ups asked so far, by question and order; their answers are among `answers`. */
  followUpQuestions: z.array(followUpQuestion).optional(),
  /** In the start response of a proctored interview: the first link of the integrity chain. */
  integrityNonce: z.string().nullable().optional(),
});
export type Interview = z.infer<typeof interview>;

export const interviewList = paginated(interviewSummary);
export type InterviewList = z.infer<typeof interviewList>;

export const report = z.object({
  interviewId: id,
  overallScore: z.number().int().nullable(),
  dimensions: dimensionScores.nullable(),
  questions: z.array(
    z.object({
      questionId: id,
      order: z.number().int(),
      type: questionType,
      text: z.string(),
      answer: z.string().nullable(),
      evaluation: evaluation.nullable(),
      /** The score that counts for the question: its answer combined with its answered follow-ups. */
      score: z.number().int().min(0).max(100).nullable().optional(),
      /** How many times the question was answered (retries included); 0 when it was not. */
      attempts: z.number().int().min(0).optional(),
      /** Which attempt counts (1 is the first answer); null when the question was not answered. */
      countingAttempt: z.number().int().min(1).nullable().optional(),
      /** The conversation after the answer, in order. */
      followUps: z
        .array(
          z.object({
            id,
            order: z.number().int(),
            kind: followUpKind,
            text: z.string(),
            answer: z.string().nullable(),
            evaluation: evaluation.nullable(),
          }),
        )
        .optional(),
    }),
  ),
  strengths: z.array(z.string()),
  improvements: z.array(z.string()),
  /** Per skill: how many answered questions targeted it and their average score. */
  skillCoverage: z
    .array(
      z.object({
        skill: z.string(),
        name: z.string(),
        questions: z.number().int(),
        averageScore: z.number().int().min(0).max(100),
      }),
    )
    .optional(),
  /** The spoken answers taken together; absent when none was spoken. */
  delivery: deliverySummary.optional(),
});
export type Report = z.infer<typeof report>;
