import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Evaluation } from '../../contract/interviews.js';
import { users } from '../auth/auth.table.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const interviews = pgTable(
  'interviews',
  {
    id: uuid('id').primaryKey(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['practice'] }).notNull(),
    type: text('type').notNull(),
    role: text('role').notNull(),
    level: text('level').notNull(),
    questionCount: integer('question_count').notNull(),
    jobDescription: text('job_description'),
    status: text('status', { enum: ['in_progress', 'completed'] }).notNull(),
    overallScore: integer('overall_score'),
    createdAt: ts('created_at').notNull(),
    completedAt: ts('completed_at'),
  },
  (t) => [index('interviews_candidate_created_idx').on(t.candidateId, t.createdAt)],
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
    type: text('type').notNull(),
    text: text('text').notNull(),
    bankQuestionId: text('bank_question_id'),
    referenceAnswer: text('reference_answer'),
    keyPoints: jsonb('key_points').$type<string[]>().notNull(),
    expectedAnswer: text('expected_answer'),
    /** Skill ids (content/skills) the question exercises; the report's skill coverage reads them. */
    targetSkills: jsonb('target_skills').$type<string[]>().notNull().default([]),
  },
  (t) => [uniqueIndex('interview_questions_order_key').on(t.interviewId, t.order)],
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
  },
  (t) => [
    index('answers_interview_idx').on(t.interviewId, t.questionId),
    // At most one current answer per question, even when two submissions race.
    uniqueIndex('answers_current_key').on(t.questionId).where(sql`superseded_at is null`),
  ],
);
