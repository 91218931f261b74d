import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  INTEGRITY_EVENT_KINDS,
  TAMPER_PROBLEMS,
  type PrecheckResult,
  type SimilarityMatch,
  type Thresholds,
  type TypingSignals,
} from '../../contract/proctoring.js';
import { users } from '../auth/auth.table.js';
import { interviews } from '../interviews/interviews.table.js';
import { organizations } from '../orgs/orgs.table.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One row per proctored interview: the pre-check as last submitted, the nonce the chain starts
 * from, and both chains' heads (the browser's, and the server's over the stored rows). The heads
 * are what make a cut tail visible: a shorter chain is still well formed.
 */
export const proctoringSessions = pgTable('proctoring_sessions', {
  interviewId: uuid('interview_id')
    .primaryKey()
    .references(() => interviews.id, { onDelete: 'cascade' }),
  precheck: jsonb('precheck').$type<PrecheckResult>(),
  precheckPassed: boolean('precheck_passed').notNull().default(false),
  /** Made at start; null before. */
  nonce: text('nonce'),
  headSeq: integer('head_seq').notNull().default(0),
  headHash: text('head_hash'),
  /** Rows stored so far (the next row's position is this + 1) and the last row's server hash. */
  positions: integer('positions').notNull().default(0),
  serverHead: text('server_head'),
  /** The first problem found while receiving: the seq it was found at and what it was. */
  tamperedAt: integer('tampered_at'),
  tamperProblem: text('tamper_problem', { enum: TAMPER_PROBLEMS }),
  terminatedReason: text('terminated_reason'),
  updatedAt: ts('updated_at').notNull(),
});

/**
 * The integrity log, append-only: the code only ever inserts here. Each row keeps the event as the
 * browser sent it (at as text, so its hash can be recomputed byte for byte), what was wrong with
 * it, when the server received it, and a server hash chaining the rows in arrival order.
 */
export const integrityEvents = pgTable(
  'integrity_events',
  {
    id: uuid('id').primaryKey(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: INTEGRITY_EVENT_KINDS }).notNull(),
    at: text('at').notNull(),
    details: jsonb('details').$type<Record<string, string | number | boolean | null>>().notNull(),
    hash: text('hash').notNull(),
    problem: text('problem', { enum: TAMPER_PROBLEMS }),
    receivedAt: ts('received_at').notNull(),
    serverHash: text('server_hash').notNull(),
  },
  (t) => [uniqueIndex('integrity_events_position_key').on(t.interviewId, t.position)],
);

/** What a coach should look at: thresholds reached, similar answers, typing, a tampered log; reviewed with a note. */
export const integrityFlags = pgTable(
  'integrity_flags',
  {
    id: uuid('id').primaryKey(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['threshold', 'similarity', 'typing', 'tampered'] }).notNull(),
    /** The threshold category, the question id, or the tamper problem: one flag per (kind, category). */
    category: text('category').notNull(),
    message: text('message').notNull(),
    createdAt: ts('created_at').notNull(),
    reviewedAt: ts('reviewed_at'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewNote: text('review_note'),
  },
  (t) => [uniqueIndex('integrity_flags_kind_key').on(t.interviewId, t.kind, t.category)],
);

/** The similarity job's findings for one interview's answers (replaced whole when the job runs again). */
export const answerSimilarity = pgTable(
  'answer_similarity',
  {
    id: uuid('id').primaryKey(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id').notNull(),
    /** Whose answers this one is compared with: the organization's, for the same question. */
    orgId: uuid('org_id').references(() => organizations.id, { onDelete: 'cascade' }),
    /** The same question across interviews: the bank question's id, or a hash of the question's words. */
    questionKey: text('question_key').notNull().default(''),
    matches: jsonb('matches').$type<SimilarityMatch[]>().notNull(),
    typing: jsonb('typing').$type<TypingSignals>(),
    /** MinHash signature of the answer, kept so later answers compare without re-reading every text. */
    signature: jsonb('signature').$type<number[]>().notNull(),
    maxSimilarity: real('max_similarity').notNull().default(0),
    computedAt: ts('computed_at').notNull(),
  },
  (t) => [
    uniqueIndex('answer_similarity_question_key').on(t.interviewId, t.questionId),
    index('answer_similarity_interview_idx').on(t.interviewId),
    index('answer_similarity_peers_idx').on(t.orgId, t.questionKey),
  ],
);

/** An organization's proctoring choices; no row means the defaults (advisory thresholds). */
export const orgProctoringSettings = pgTable('org_proctoring_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  thresholds: jsonb('thresholds').$type<Thresholds>().notNull(),
  terminateOnThreshold: boolean('terminate_on_threshold').notNull().default(false),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
});

export type ProctoringSessionRow = typeof proctoringSessions.$inferSelect;
export type IntegrityEventRow = typeof integrityEvents.$inferSelect;
export type IntegrityFlagRow = typeof integrityFlags.$inferSelect;
