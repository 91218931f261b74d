import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { QUESTION_TYPES } from '../../contract/interviews.js';
import { users } from '../auth/auth.table.js';
import { interviewQuestions, interviews } from './interviews.table.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A question a candidate bookmarked. The question is copied (text, reference answer, key points),
 * so practising it later grades it as it was asked, even after the interview is deleted.
 */
export const savedQuestions = pgTable(
  'saved_questions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    interviewId: uuid('interview_id').references(() => interviews.id, { onDelete: 'set null' }),
    questionId: uuid('question_id').references(() => interviewQuestions.id, { onDelete: 'set null' }),
    type: text('type', { enum: QUESTION_TYPES }).notNull(),
    text: text('text').notNull(),
    bankQuestionId: text('bank_question_id'),
    referenceAnswer: text('reference_answer'),
    keyPoints: jsonb('key_points').$type<string[]>().notNull(),
    expectedAnswer: text('expected_answer'),
    targetSkills: jsonb('target_skills').$type<string[]>().notNull().default([]),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('saved_questions_user_idx').on(t.userId, t.createdAt),
    // The same question asked in two interviews is one bookmark.
    uniqueIndex('saved_questions_user_text_key').on(t.userId, t.text),
  ],
);

export type SavedQuestionRow = typeof savedQuestions.$inferSelect;
