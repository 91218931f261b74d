import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  FOLLOW_UP_KINDS,
  INTERVIEW_STATUSES,
  INTERVIEW_TYPES,
  LEVELS,
  QUESTION_TYPES,
  type Evaluation,
} from '../../contract/interviews.js';
import { PROCTORING_LEVELS } from '../../contract/proctoring.js';
import type { Delivery } from '../../contract/media.js';
import { users } from '../auth/auth.table.js';
import { media } from '../media/media.table.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const interviews = pgTable(
  'interviews',
  {
    id: uuid('id').primaryKey(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['practice', 'assigned'] }).notNull(),
    // The enums are TypeScript's only (no CHECK): the contract validates every value written.
    type: text('type', { enum: INTERVIEW_TYPES }).notNull(),
    role: text('role').notNull(),
    level: text('level', { enum: LEVELS }).notNull(),
    questionCount: integer('question_count').notNull(),
    jobDescription: text('job_description'),
    status: text('status', { enum: INTERVIEW_STATUSES }).notNull(),
    overallScore: integer('overall_score'),
    createdAt: ts('created_at').notNull(),
    completedAt: ts('completed_at'),
    language: text('language').notNull().default('en'),
    // Assigned interviews only. The organization is a plain uuid: interviews reach orgs through its service.
    orgId: uuid('org_id'),
    coachId: uuid('coach_id').references(() => users.id, { onDelete: 'set null' }),
    jobDescriptionId: uuid('job_description_id'),
    windowStart: ts('window_start'),
    windowEnd: ts('window_end'),
    durationMinutes: integer('duration_minutes'),
    startedAt: ts('started_at'),
    /** started_at + duration, capped at window_end: the server's deadline, not the browser's. */
    deadlineAt: ts('deadline_at'),
    releaseResults: text('release_results', { enum: ['on_finalize', 'immediately'] }),
    finalizedAt: ts('finalized_at'),
    finalizedBy: uuid('finalized_by').references(() => users.id, { onDelete: 'set null' }),
    cancelledAt: ts('cancelled_at'),
    cancelReason: text('cancel_reason'),
    /** The calendar invitation's SEQUENCE: calendars apply an update only when it grows. */
    inviteSequence: integer('invite_sequence').notNull().default(0),
    /** When the "starting soon" reminder went out for the current window (null again after a reschedule). */
    remindedAt: ts('reminded_at'),
    /** Practice: how many follow-ups (0–2) the interviewer may ask after each answer. */
    followUps: integer('follow_ups').notNull().default(0),
    /** How closely the interview is observed (assigned only); the log itself lives in the proctoring feature. */
    proctoring: text('proctoring', { enum: PROCTORING_LEVELS }).notNull().default('off'),
    /** Practice pace, per question: think time before answering and answer time (the browser's timers). */
    thinkSeconds: integer('think_seconds'),
    answerSeconds: integer('answer_seconds'),
    /** Practice: the target company named when it was created (so "Practise again" repeats it). */
    targetCompany: text('target_company'),
  },
  (t) => [
    index('interviews_candidate_created_idx').on(t.candidateId, t.createdAt),
    index('interviews_org_status_idx').on(t.orgId, t.status),
    index('interviews_coach_idx').on(t.coachId, t.status),
  ],
);

/** A question as asked in one interview: a copy, so editing the bank never rewrites history. */
export const interviewQuestions = pgTable(
  'interview_questions',
  {
    id: uuid('id').primaryKey(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    order: integer('order').notNull(),
    type: text('type', { enum: QUESTION_TYPES }).notNull(),
    text: text('text').notNull(),
    bankQuestionId: text('bank_question_id'),
    referenceAnswer: text('reference_answer'),
    keyPoints: jsonb('key_points').$type<string[]>().notNull(),
    expectedAnswer: text('expected_answer'),
    /** Skill ids (content/skills) the question exercises; the report's skill coverage reads them. */
    targetSkills: jsonb('target_skills').$type<string[]>().notNull().default([]),
    /**
     * A follow-up the interviewer asked after the answer to this question; null for the
     * interview's own questions. Follow-ups are rows here so they are answered, drafted and graded
     * exactly like questions; `order` counts them within their question.
     */
    parentQuestionId: uuid('parent_question_id').references((): AnyPgColumn => interviewQuestions.id, { onDelete: 'cascade' }),
    followUpKind: text('follow_up_kind', { enum: FOLLOW_UP_KINDS }),
    /** What the follow-up is about (a key point, "example", a claim's words), so it is not asked again. */
    followUpTarget: text('follow_up_target'),
  },
  (t) => [
    uniqueIndex('interview_questions_order_key')
      .on(t.interviewId, t.order)
      .where(sql`parent_question_id is null`),
    uniqueIndex('interview_follow_ups_order_key').on(t.parentQuestionId, t.order),
  ],
);

/**
 * Every answer ever given. Re-answering supersedes the previous row instead of overwriting it,
 * so history is kept; the current answer is the one with superseded_at null.
 */
export const answers = pgTable(
  'answers',
  {
    id: uuid('id').primaryKey(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => interviewQuestions.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    durationSeconds: integer('duration_seconds'),
    score: integer('score').notNull(),
    evaluation: jsonb('evaluation').$type<Evaluation>().notNull(),
    engine: text('engine').notNull(),
    engineVersion: text('engine_version').notNull(),
    createdAt: ts('created_at').notNull(),
    supersededAt: ts('superseded_at'),
    // A coach's override; score and evaluation above stay as the engine gave them.
    overrideScore: integer('override_score'),
    overrideNote: text('override_note'),
    overriddenBy: uuid('overridden_by').references(() => users.id, { onDelete: 'set null' }),
    overriddenAt: ts('overridden_at'),
    // A spoken answer: its recording (the text above is the transcript) and how it was delivered.
    mediaId: uuid('media_id').references(() => media.id, { onDelete: 'set null' }),
    delivery: jsonb('delivery').$type<Delivery>(),
  },
  (t) => [
    index('answers_interview_idx').on(t.interviewId, t.questionId),
    // At most one current answer per question, even when two submissions race.
    uniqueIndex('answers_current_key')
      .on(t.questionId)
      .where(sql`superseded_at is null`),
  ],
);

/** The candidate's unsent text per question, saved as they type so a reload loses nothing. */
export const answerDrafts = pgTable(
  'answer_drafts',
  {
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => interviewQuestions.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.interviewId, t.questionId] })],
);

export type InterviewRow = typeof interviews.$inferSelect;
export type QuestionRow = typeof interviewQuestions.$inferSelect;
export type AnswerRow = typeof answers.$inferSelect;
export type DraftRow = typeof answerDrafts.$inferSelect;
