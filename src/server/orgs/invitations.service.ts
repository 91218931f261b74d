import { and, count, desc, eq, gt, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import type {
  AcceptInvitationBody,
  AcceptedInvitation,
  CreateInvitationBody,
  Invitation,
  InvitationList,
  InvitationPreview,
  InvitationQuery,
  InvitationStatus,
} from '../../contract/orgs.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { AuthService } from '../auth/auth.service.js';
import { hashToken, randomToken } from '../auth/tokens.js';
import { emailConfirmed, userByEmail, usersByIds } from '../auth/user-directory.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { newId } from '../ids.js';
import { linkUrl } from '../mail/app-url.js';
import { queueMail } from '../mail/mail-outbox.js';
import { notify } from '../notifications/notify.js';
import { invitationMail } from './invitation-mail.js';
import type { OrgAccess } from './org-access.js';
import type { ActionMeta } from './orgs.service.js';
import { coachAssignments, invitations, memberships, organizations, teams } from './orgs.table.js';

type InvitationRow = typeof invitations.$inferSelect;

export const INVITATION_TTL_MS = 7 * 86400_000;
const LINK_GONE = 'This invitation link has expired, was already used or was withdrawn. Ask for a new invitation.';

function statusOf(row: InvitationRow, now: Date): InvitationStatus {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt <= now ? 'expired' : 'pending';
}

/** The same rule as statusOf, as a filter. */
function statusIs(status: InvitationStatus, now: Date): SQL {
  const open = and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
  switch (status) {
    case 'accepted':
      return isNotNull(invitations.acceptedAt);
    case 'revoked':
      return and(isNull(invitations.acceptedAt), isNotNull(invitations.revokedAt))!;
    case 'expired':
      return and(open, lte(invitations.expiresAt, now))!;
    case 'pending':
      return and(open, gt(invitations.expiresAt, now))!;
  }
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;

/** Email invitations into an organization, and accepting them (with or without an account). */
export function createInvitationsService(deps: { db: Database; clock: Clock; config: Config; orgAccess: OrgAccess; auth: AuthService }) {
  const { db, clock, config, orgAccess, auth } = deps;

  async function toInvitations(tx: DbOrTx, rows: InvitationRow[], now: Date): Promise<Invitation[]> {
    const inviters = await usersByIds(
      tx,
      rows.flatMap((r) => (r.invitedBy ? [r.invitedBy] : [])),
    );
    return rows.map((r) => {
      const inviter = r.invitedBy ? inviters.get(r.invitedBy) : undefined;
      return {
        id: r.id,
        orgId: r.orgId,
        email: r.email,
        role: r.role,
        teamId: r.teamId,
        status: statusOf(r, now),
        invitedBy: inviter ? { id: inviter.id, name: inviter.name } : null,
        createdAt: r.createdAt.toISOString(),
        expiresAt: r.expiresAt.toISOString(),
      };
    });
  }

  /** Admins manage every invitation; a coach only their own (others' are "not found" to them). */
  async function inviterScope(actor: Actor, orgId: string, tx: DbOrTx = db): Promise<{ everyone: boolean }> {
    const role = await orgAccess.requireRole(actor, orgId, ['admin', 'coach'], tx);
    return { everyone: role === 'admin' || actor.platformRole === 'superadmin' };
  }

  async function byToken(tx: DbOrTx, token: string, lock: boolean) {
    const q = tx
      .select({ inv: invitations, orgName: organizations.name })
      .from(invitations)
      .innerJoin(organizations, eq(organizations.id, invitations.orgId))
      .where(eq(invitations.tokenHash, hashToken(token)));
    const [row] = await (lock ? q.for('update', { of: invitations }) : q);
    if (!row) throw notFound('Invitation');
    if (statusOf(row.inv, clock.now()) !== 'pending') throw new AppError('link_expired', LINK_GONE);
    return row;
  }

  return {
    /**
     * Sends an invitation by email. A pending invitation for the same address is withdrawn and
     * replaced, so "invite again" re-sends with a fresh link.
     */
    async create(actor: Actor, orgId: string, body: CreateInvitationBody, meta: ActionMeta): Promise<Invitation> {
      const now = clock.now();
      return db.transaction(async (tx) => {
        const { everyone } = await inviterScope(actor, orgId, tx);
        if (!everyone && body.role !== 'candidate') throw new AppError('forbidden', 'Coaches can invite candidates only.');
        // An invitation mails a stranger in this person's name: it waits for a confirmed address, as sharing does.
        if (!(await emailConfirmed(tx, actor.userId)))
          throw new AppError(
            'forbidden',
            'Confirm your email address before inviting anyone: use the link in the confirmation mail, or send it again.',
            {
              reason: 'email_unconfirmed',
            },
          );
        // One invitation at a time per organization, so two "invite again" clicks leave one pending invitation.
        const [org] = await tx.select().from(organizations).where(eq(organizations.id, orgId)).for('no key update');
        if (!org) throw notFound('Organization');
        if (body.teamId) {
          const [team] = await tx
            .select({ id: teams.id })
            .from(teams)
            .where(and(eq(teams.orgId, orgId), eq(teams.id, body.teamId)));
          if (!team) throw notFound('Team');
        }
        const existing = await userByEmail(tx, body.email);
        if (existing && (await orgAccess.roleIn(existing.id, orgId, tx))) {
          throw new AppError('already_member', `${body.email} is already a member of this organization.`);
        }
        const pending = await tx
          .select()
          .from(invitations)
          .where(and(eq(invitations.orgId, orgId), eq(invitations.email, body.email), statusIs('pending', now)));
        if (!everyone && pending.some((p) => p.invitedBy !== actor.userId)) {
          throw new AppError('conflict', `${body.email} already has a pending invitation from someone else; ask an admin.`);
        }
        for (const old of pending) {
          await tx.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, old.id));
          await writeAudit(tx, {
            orgId,
            actorId: actor.userId,
            action: 'invitation.revoke',
            targetType: 'invitation',
            targetId: old.id,
            before: { email: old.email, role: old.role },
            after: { reason: 'reissued' },
            ip: meta.ip,
            at: now,
          });
        }
        const token = randomToken();
        const [row] = await tx
          .insert(invitations)
          .values({
            id: newId(),
            orgId,
            email: body.email,
            role: body.role,
            teamId: body.teamId ?? null,
            tokenHash: hashToken(token),
            invitedBy: actor.userId,
            createdAt: now,
            expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
          })
          .returning();
        const inviter = (await usersByIds(tx, [actor.userId])).get(actor.userId);
        const link = linkUrl(config, `/invitations/accept?token=${encodeURIComponent(token)}`);
        await queueMail(
          tx,
          {
            to: body.email,
            kind: 'invitation',
            ...invitationMail({ orgName: org.name, inviterName: inviter?.name ?? null, role: body.role, link, expiresAt: row!.expiresAt }),
          },
          now,
        );
        await writeAudit(tx, {
          orgId,
          actorId: actor.userId,
          action: 'invitation.create',
          targetType: 'invitation',
          targetId: row!.id,
          after: { email: body.email, role: body.role, teamId: body.teamId ?? null, replaced: pending.map((p) => p.id) },
          ip: meta.ip,
          at: now,
        });
        return (await toInvitations(tx, [row!], now))[0]!;
      });
    },

    async list(actor: Actor, orgId: string, query: InvitationQuery): Promise<InvitationList> {
      const now = clock.now();
      const { everyone } = await inviterScope(actor, orgId);
      const where = and(
        eq(invitations.orgId, orgId),
        everyone ? undefined : eq(invitations.invitedBy, actor.userId),
        query.status ? statusIs(query.status, now) : undefined,
      );
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(invitations)
          .where(where)
          .orderBy(desc(invitations.createdAt), desc(invitations.id))
          .limit(query.limit)
          .offset((query.page - 1) * query.limit),
        db.select({ n: count() }).from(invitations).where(where),
      ]);
      const n = Number(total?.n ?? 0);
      return {
        items: await toInvitations(db, rows, now),
        total: n,
        page: query.page,
        limit: query.limit,
        pages: Math.ceil(n / query.limit),
      };
    },

    /** Withdraws a pending invitation; withdrawing one already withdrawn changes nothing. */
    async revoke(actor: Actor, orgId: string, invitationId: string, meta: ActionMeta): Promise<void> {
      const now = clock.now();
      await db.transaction(async (tx) => {
        const { everyone } = await inviterScope(actor, orgId, tx);
        const [row] = await tx
          .select()
          .from(invitations)
          .where(and(eq(invitations.orgId, orgId), eq(invitations.id, invitationId)))
          .for('update');
        if (!row || (!everyone && row.invitedBy !== actor.userId)) throw notFound('Invitation');
        if (row.acceptedAt) throw new AppError('invalid_state', 'This invitation was already accepted; remove the member instead.');
        if (row.revokedAt) return;
        await tx.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, row.id));
        await writeAudit(tx, {
          orgId,
          actorId: actor.userId,
          action: 'invitation.revoke',
          targetType: 'invitation',
          targetId: row.id,
          before: { email: row.email, role: row.role, status: statusOf(row, now) },
          ip: meta.ip,
          at: now,
        });
      });
    },

    /** What the accept page shows; the token is the only credential. */
    async preview(token: string): Promise<InvitationPreview> {
      const { inv, orgName } = await byToken(db, token, false);
      const [inviters, account] = await Promise.all([usersByIds(db, inv.invitedBy ? [inv.invitedBy] : []), userByEmail(db, inv.email)]);
      return {
        orgName,
        email: inv.email,
        role: inv.role,
        invitedBy: inv.invitedBy ? (inviters.get(inv.invitedBy)?.name ?? null) : null,
        expiresAt: inv.expiresAt.toISOString(),
        accountExists: account !== null,
      };
    },

    /**
     * Joins the organization. Signed in: the account must be the one invited. Not signed in:
     * creates the account (the caller then starts its session). Everything happens in one
     * transaction holding the invitation's row lock, so of two concurrent accepts one wins.
     */
    async accept(
      actor: Actor | null,
      body: AcceptInvitationBody,
      meta: ActionMeta,
    ): Promise<{ accepted: Omit<AcceptedInvitation, 'csrfToken'>; createdUserId: string | null }> {
      const now = clock.now();
      return db.transaction(async (tx) => {
        const { inv, orgName } = await byToken(tx, body.token, true);
        let user: { id: string; name: string; email: string };
        let createdUserId: string | null = null;
        if (actor) {
          const me = (await usersByIds(tx, [actor.userId])).get(actor.userId);
          if (!me) throw new AppError('unauthenticated', 'Sign in to continue.');
          if (me.email.toLowerCase() !== inv.email) {
            throw new AppError(
              'forbidden',
              `This invitation was sent to ${inv.email}, but you are signed in as ${me.email}. Sign out and accept it with the invited account.`,
            );
          }
          user = me;
        } else {
          if (await userByEmail(tx, inv.email)) {
            throw new AppError('unauthenticated', `An account for ${inv.email} already exists. Sign in first, then accept the invitation.`);
          }
          if (!body.name || !body.password) {
            const missing = [...(body.name ? [] : ['name']), ...(body.password ? [] : ['password'])];
            throw new AppError('validation_failed', 'Give your name and a password to create your account.', {
              errors: missing.map((f) => ({ path: `body.${f}`, message: 'is required to create your account' })),
            });
          }
          user = await auth.createAccount(tx, { email: inv.email, name: body.name, password: body.password });
          createdUserId = user.id;
        }
        const [membership] = await tx
          .insert(memberships)
          .values({ id: newId(), orgId: inv.orgId, userId: user.id, role: inv.role, teamId: inv.teamId, createdAt: now })
          .onConflictDoNothing()
          .returning();
        if (!membership) throw new AppError('already_member', `You are already a member of ${orgName}.`);
        const inviterRole = inv.invitedBy ? await orgAccess.roleIn(inv.invitedBy, inv.orgId, tx) : null;
        // A coach who invites a candidate coaches them; an admin's invitation assigns no one.
        let coachId: string | null = null;
        if (inv.role === 'candidate' && inv.invitedBy && inviterRole === 'coach') {
          coachId = inv.invitedBy;
          await tx
            .insert(coachAssignments)
            .values({ id: newId(), orgId: inv.orgId, coachId, candidateId: user.id, createdBy: coachId, createdAt: now })
            .onConflictDoNothing();
        }
        await tx.update(invitations).set({ acceptedAt: now, acceptedBy: user.id }).where(eq(invitations.id, inv.id));
        await writeAudit(tx, {
          orgId: inv.orgId,
          actorId: user.id,
          action: 'invitation.accept',
          targetType: 'invitation',
          targetId: inv.id,
          after: { userId: user.id, role: inv.role, accountCreated: createdUserId !== null, coachId },
          ip: meta.ip,
          at: now,
        });
        // Someone who has left the organization since inviting is not told about it any more.
        if (inv.invitedBy && inviterRole && inv.invitedBy !== user.id) {
          const title = `${user.name} joined ${orgName}`;
          const body = `${user.name} (${user.email}) accepted your invitation and joined ${orgName} as ${inv.role}.`;
          await notify(
            tx,
            {
              userId: inv.invitedBy,
              kind: 'invitation_accepted',
              title,
              body,
              link: `/orgs/${inv.orgId}/members`,
              data: { orgId: inv.orgId, invitationId: inv.id, userId: user.id, role: inv.role },
              email: { subject: title, text: `${body}\n\n${linkUrl(config, `/orgs/${inv.orgId}/members`)}` },
            },
            now,
          );
        }
        return { accepted: { orgId: inv.orgId, orgName, role: inv.role }, createdUserId };
      });
    },
  };
}
