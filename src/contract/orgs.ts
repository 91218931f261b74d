import { z } from 'zod';
import { id, isoDateTime, pageQuery, paginated } from './common.js';

export const orgRole = z.enum(['admin', 'coach', 'candidate']);
export type OrgRole = z.infer<typeof orgRole>;

const email = z
  .email()
  .max(254)
  .transform((s) => s.trim().toLowerCase());
const name = z.string().trim().min(1).max(120);

export const orgParams = z.object({ orgId: id });
export type OrgParams = z.infer<typeof orgParams>;

export const createOrgBody = z.object({ name });
export type CreateOrgBody = z.infer<typeof createOrgBody>;
export const updateOrgBody = z.object({ name });
export type UpdateOrgBody = z.infer<typeof updateOrgBody>;

export const org = z.object({
  id,
  name,
  /** The caller's role in this organization; null for a platform admin who is not a member. */
  myRole: orgRole.nullable(),
  memberCount: z.number().int(),
  createdAt: isoDateTime,
});
export type Org = z.infer<typeof org>;
export const orgList = z.object({ items: z.array(org) });
export type OrgList = z.infer<typeof orgList>;
/** `all=true`: every organization on the platform (platform admin only). */
export const orgListQuery = z.object({
  all: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type OrgListQuery = z.infer<typeof orgListQuery>;

export const team = z.object({ id, orgId: id, name, memberCount: z.number().int(), createdAt: isoDateTime });
export type Team = z.infer<typeof team>;
export const teamList = z.object({ items: z.array(team) });
export type TeamList = z.infer<typeof teamList>;
export const createTeamBody = z.object({ name });
export type CreateTeamBody = z.infer<typeof createTeamBody>;
export const teamParams = z.object({ orgId: id, teamId: id });
export type TeamParams = z.infer<typeof teamParams>;

export const member = z.object({
  userId: id,
  name: z.string(),
  email: z.string(),
  role: orgRole,
  teamId: id.nullable(),
  joinedAt: isoDateTime,
  /** For candidates: their coaches in this organization. */
  coachIds: z.array(id),
  /** For coaches: how many candidates they are assigned. */
  candidateCount: z.number().int(),
});
export type Member = z.infer<typeof member>;
export const memberList = paginated(member);
export type MemberList = z.infer<typeof memberList>;
export const memberQuery = pageQuery.extend({
  role: orgRole.optional(),
  teamId: id.optional(),
  q: z.string().trim().max(100).optional(),
});
export type MemberQuery = z.infer<typeof memberQuery>;
export const memberParams = z.object({ orgId: id, userId: id });
export type MemberParams = z.infer<typeof memberParams>;
/** `teamId: null` takes the member out of their team. */
export const updateMemberBody = z
  .object({ role: orgRole.optional(), teamId: id.nullable().optional() })
  .refine((b) => b.role !== undefined || b.teamId !== undefined, 'give role or teamId');
export type UpdateMemberBody = z.infer<typeof updateMemberBody>;

export const invitationStatus = z.enum(['pending', 'accepted', 'expired', 'revoked']);
export type InvitationStatus = z.infer<typeof invitationStatus>;
export const createInvitationBody = z.object({ email, role: orgRole, teamId: id.optional() });
export type CreateInvitationBody = z.infer<typeof createInvitationBody>;
/** The token is never in a response: it travels only in the email. */
export const invitation = z.object({
  id,
  orgId: id,
  email: z.string(),
  role: orgRole,
  teamId: id.nullable(),
  status: invitationStatus,
  invitedBy: z.object({ id, name: z.string() }).nullable(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
});
export type Invitation = z.infer<typeof invitation>;
export const invitationList = paginated(invitation);
export type InvitationList = z.infer<typeof invitationList>;
export const invitationQuery = pageQuery.extend({ status: invitationStatus.optional() });
export type InvitationQuery = z.infer<typeof invitationQuery>;
export const invitationParams = z.object({ orgId: id, invitationId: id });
export type InvitationParams = z.infer<typeof invitationParams>;

const invitationToken = z.string().min(10).max(200);
export const invitationPreviewQuery = z.object({ token: invitationToken });
/** What the accept page shows before the person signs in or registers. */
export const invitationPreview = z.object({
  orgName: z.string(),
  email: z.string(),
  role: orgRole,
  invitedBy: z.string().nullable(),
  expiresAt: isoDateTime,
  /** Whether an account with this email exists (then the person signs in to accept). */
  accountExists: z.boolean(),
});
export type InvitationPreview = z.infer<typeof invitationPreview>;
/** Signed in: only the token. Not signed in: name and password create the account as well. */
export const acceptInvitationBody = z.object({
  token: invitationToken,
  name: z.string().trim().min(1).max(100).optional(),
  password: z.string().min(10).max(256).optional(),
});
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBody>;
export const acceptedInvitation = z.object({
  orgId: id,
  orgName: z.string(),
  role: orgRole,
  /** Set when accepting created the account and signed it in (browser session cookie set). */
  csrfToken: z.string().nullable(),
});
export type AcceptedInvitation = z.infer<typeof acceptedInvitation>;

export const assignmentBody = z.object({ coachId: id, candidateId: id });
export type AssignmentBody = z.infer<typeof assignmentBody>;
export const assignmentParams = z.object({ orgId: id, coachId: id, candidateId: id });
export const assignment = z.object({
  orgId: id,
  coach: z.object({ id, name: z.string() }),
  candidate: z.object({ id, name: z.string() }),
  createdAt: isoDateTime,
});
export type Assignment = z.infer<typeof assignment>;
export const assignmentList = z.object({ items: z.array(assignment) });
export type AssignmentList = z.infer<typeof assignmentList>;
export const assignmentQuery = z.object({ coachId: id.optional(), candidateId: id.optional() });

/** The coach dashboard's "my candidates": everyone the caller coaches, in every organization. */
export const coachedCandidate = z.object({
  userId: id,
  name: z.string(),
  email: z.string(),
  orgId: id,
  orgName: z.string(),
  upcoming: z.number().int(),
  toReview: z.number().int(),
  lastScore: z.number().int().nullable(),
});
export type CoachedCandidate = z.infer<typeof coachedCandidate>;
export const coachedCandidateList = z.object({ items: z.array(coachedCandidate) });
export type CoachedCandidateList = z.infer<typeof coachedCandidateList>;

export const auditEntry = z.object({
  id,
  orgId: id.nullable(),
  actor: z.object({ id, name: z.string() }).nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  createdAt: isoDateTime,
});
export type AuditEntry = z.infer<typeof auditEntry>;
export const auditLogList = paginated(auditEntry);
export type AuditLogList = z.infer<typeof auditLogList>;
/** Org admins must name their organization; the platform admin may leave it out to see all. */
export const auditLogQuery = pageQuery.extend({
  orgId: id.optional(),
  actorId: id.optional(),
  action: z.string().trim().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditLogQuery = z.infer<typeof auditLogQuery>;

/** The org admin's view of members' accounts (like the platform admin's users page, for one organization). */
export const memberAccountQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(['active', 'deactivated']).optional(),
});
export type MemberAccountQuery = z.infer<typeof memberAccountQuery>;
export const memberAccount = z.object({
  userId: id,
  name: z.string(),
  email: z.string(),
  role: orgRole,
  /** `deactivated`: the org admin switched the membership off; it keeps its role for reactivation. */
  status: z.enum(['active', 'deactivated']),
  joinedAt: isoDateTime,
  deactivatedAt: isoDateTime.nullable(),
  lastSignInAt: isoDateTime.nullable(),
  twoFactor: z.boolean(),
  emailVerified: z.boolean(),
});
export type MemberAccount = z.infer<typeof memberAccount>;
export const memberAccountList = paginated(memberAccount);
export type MemberAccountList = z.infer<typeof memberAccountList>;
