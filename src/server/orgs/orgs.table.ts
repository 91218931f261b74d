import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.table.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const ORG_ROLES = ['admin', 'coach', 'candidate'] as const;

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: ts('created_at').notNull(),
  /** Coaches and admins must sign in with two-factor; until they enrol they reach only their account pages. */
  requireTwoFactor: boolean('require_two_factor').notNull().default(false),
  /** Recorded answers of the organization's interviews are deleted this many days after they were made. */
  recordingRetentionDays: integer('recording_retention_days').notNull().default(180),
});

/** Departments inside an organization; a member belongs to at most one. */
export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('teams_org_name_key').on(t.orgId, sql`lower(${t.name})`)],
);

/** One role per person per organization. */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ORG_ROLES }).notNull(),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('memberships_org_user_key').on(t.orgId, t.userId), index('memberships_user_idx').on(t.userId)],
);

/** A coach looks after a candidate within one organization; a candidate may have several coaches. */
export const coachAssignments = pgTable(
  'coach_assignments',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    coachId: uuid('coach_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('coach_assignments_key').on(t.orgId, t.coachId, t.candidateId),
    index('coach_assignments_candidate_idx').on(t.candidateId),
  ],
);

/** Email invitations; the single-use token is stored only as its SHA-256. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: ORG_ROLES }).notNull(),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('invitations_token_hash_key').on(t.tokenHash), index('invitations_org_idx').on(t.orgId, t.createdAt)],
);

/**
 * A membership an org admin has deactivated: the row leaves `memberships` (so every access check,
 * which reads memberships, refuses the person at once) and waits here, with its role and team,
 * until it is reactivated. Coach assignments stay, and count again on reactivation.
 */
export const membershipSuspensions = pgTable(
  'membership_suspensions',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ORG_ROLES }).notNull(),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    /** When the membership began, kept for its return. */
    memberSince: ts('member_since').notNull(),
    suspendedAt: ts('suspended_at').notNull(),
    suspendedBy: uuid('suspended_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('membership_suspensions_key').on(t.orgId, t.userId), index('membership_suspensions_user_idx').on(t.userId)],
);
