import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { LEVELS } from '../../contract/interviews.js';
import type { CuratedQuestion } from '../../contract/job-descriptions.js';
import { users } from '../auth/auth.table.js';
import { organizations } from '../orgs/orgs.table.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const jobDescriptions = pgTable(
  'job_descriptions',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    level: text('level', { enum: LEVELS }).notNull(),
    text: text('text').notNull(),
    /** Skill names as the taxonomy spells them (or as a coach typed them). */
    requiredSkills: jsonb('required_skills').$type<string[]>().notNull().default([]),
    niceToHaveSkills: jsonb('nice_to_have_skills').$type<string[]>().notNull().default([]),
    questionSet: jsonb('question_set').$type<CuratedQuestion[]>().notNull().default([]),
    requiredYears: integer('required_years'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [index('job_descriptions_org_idx').on(t.orgId, t.createdAt)],
);

/** Candidates a job description is shared with. */
export const jobDescriptionShares = pgTable(
  'job_description_shares',
  {
    jobDescriptionId: uuid('job_description_id')
      .notNull()
      .references(() => jobDescriptions.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobDescriptionId, t.candidateId] }), index('job_description_shares_candidate_idx').on(t.candidateId)],
);
