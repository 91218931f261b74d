import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { CreateTeamBody, Org, OrgList, OrgRole, Team, TeamList, UpdateOrgBody } from '../../contract/orgs.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { OrgAccess } from './org-access.js';
import { memberships, organizations, teams } from './orgs.table.js';
import { queryAll } from '../../db/query-all.js';

type OrgRow = typeof organizations.$inferSelect;
type TeamRow = typeof teams.$inferSelect;

/** Where the action came from, for the audit log. */
export interface ActionMeta {
  ip: string;
}

export type OrgsService = ReturnType<typeof createOrgsService>;

/** Organizations and their teams. Members, assignments and invitations have services of their own. */
export function createOrgsService(deps: { db: Database; clock: Clock; orgAccess: OrgAccess }) {
  const { db, clock, orgAccess } = deps;

  async function memberCounts(tx: DbOrTx, orgIds: string[] | 'all'): Promise<Map<string, number>> {
    const q = tx.select({ orgId: memberships.orgId, n: count() }).from(memberships);
    const rows = await (orgIds === 'all' ? q : q.where(inArray(memberships.orgId, orgIds))).groupBy(memberships.orgId);
    return new Map(rows.map((r) => [r.orgId, Number(r.n)]));
  }

  function toOrg(row: OrgRow, myRole: OrgRole | null, memberCount: number): Org {
    return { id: row.id, name: row.name, myRole, memberCount, createdAt: row.createdAt.toISOString() };
  }

  async function loadOrg(actor: Actor, orgId: string, tx: DbOrTx = db): Promise<Org> {
    const [row] = await tx.select().from(organizations).where(eq(organizations.id, orgId));
    if (!row) throw notFound('Organization');
    const [myRole, counts] = await queryAll(tx, [() => orgAccess.roleIn(actor.userId, orgId, tx), () => memberCounts(tx, [orgId])]);
    return toOrg(row, myRole, counts.get(orgId) ?? 0);
  }

  async function teamInOrg(tx: DbOrTx, orgId: string, teamId: string): Promise<TeamRow> {
    const [row] = await tx
      .select()
      .from(teams)
      .where(and(eq(teams.orgId, orgId), eq(teams.id, teamId)));
    if (!row) throw notFound('Team');
    return row;
  }

  async function toTeam(tx: DbOrTx, row: TeamRow): Promise<Team> {
    const [c] = await tx.select({ n: count() }).from(memberships).where(eq(memberships.teamId, row.id));
    return { id: row.id, orgId: row.orgId, name: row.name, memberCount: Number(c?.n ?? 0), createdAt: row.createdAt.toISOString() };
  }

  const duplicateTeam = (name: string) => new AppError('conflict', `A team named “${name}” already exists in this organization.`);

  return {
    /** Anyone signed in may start an organization; they become its first admin. */
    async create(actor: Actor, name: string, meta: ActionMeta): Promise<Org> {
      const now = clock.now();
      const id = newId();
      await db.transaction(async (tx) => {
        await tx.insert(organizations).values({ id, name, createdBy: actor.userId, createdAt: now });
        await tx.insert(memberships).values({ id: newId(), orgId: id, userId: actor.userId, role: 'admin', teamId: null, createdAt: now });
        await writeAudit(tx, {
          orgId: id,
          actorId: actor.userId,
          action: 'org.create',
          targetType: 'organization',
          targetId: id,
          after: { name },
          ip: meta.ip,
          at: now,
        });
      });
      return { id, name, myRole: 'admin', memberCount: 1, createdAt: now.toISOString() };
    },

    /** The caller's organizations; with `all`, every organization (platform admin only). */
    async list(actor: Actor, all: boolean): Promise<OrgList> {
      const mine = await orgAccess.membershipsOf(actor.userId);
      const roles = new Map(mine.map((m) => [m.orgId, m.role]));
      let rows: OrgRow[];
      if (all) {
        if (actor.platformRole !== 'superadmin') throw new AppError('forbidden', 'Only the platform admin can list every organization.');
        rows = await db
          .select()
          .from(organizations)
          .orderBy(asc(sql`lower(${organizations.name})`), asc(organizations.id));
      } else {
        if (mine.length === 0) return { items: [] };
        rows = await db
          .select()
          .from(organizations)
          .where(inArray(organizations.id, [...roles.keys()]))
          .orderBy(asc(sql`lower(${organizations.name})`), asc(organizations.id));
      }
      const counts = await memberCounts(db, all ? 'all' : rows.map((r) => r.id));
      return { items: rows.map((r) => toOrg(r, roles.get(r.id) ?? null, counts.get(r.id) ?? 0)) };
    },

    async get(actor: Actor, orgId: string): Promise<Org> {
      await orgAccess.requireRole(actor, orgId, ['admin', 'coach', 'candidate']);
      return loadOrg(actor, orgId);
    },

    async rename(actor: Actor, orgId: string, body: UpdateOrgBody, meta: ActionMeta): Promise<Org> {
      const now = clock.now();
      return db.transaction(async (tx) => {
        await orgAccess.requireRole(actor, orgId, ['admin'], tx);
        const [before] = await tx.select().from(organizations).where(eq(organizations.id, orgId)).for('no key update');
        if (!before) throw notFound('Organization');
        if (before.name !== body.name) {
          await tx.update(organizations).set({ name: body.name }).where(eq(organizations.id, orgId));
          await writeAudit(tx, {
            orgId,
            actorId: actor.userId,
            action: 'org.rename',
            targetType: 'organization',
            targetId: orgId,
            before: { name: before.name },
            after: { name: body.name },
            ip: meta.ip,
            at: now,
          });
        }
        return loadOrg(actor, orgId, tx);
      });
    },

    /** Admins manage teams; coaches read them to filter their members. */
    async listTeams(actor: Actor, orgId: string): Promise<TeamList> {
      await orgAccess.requireRole(actor, orgId, ['admin', 'coach']);
      const rows = await db
        .select({ team: teams, n: count(memberships.id) })
        .from(teams)
        .leftJoin(memberships, eq(memberships.teamId, teams.id))
        .where(eq(teams.orgId, orgId))
        .groupBy(teams.id)
        .orderBy(asc(sql`lower(${teams.name})`), asc(teams.id));
      return {
        items: rows.map(({ team, n }) => ({
          id: team.id,
          orgId: team.orgId,
          name: team.name,
          memberCount: Number(n),
          createdAt: team.createdAt.toISOString(),
        })),
      };
    },

    async createTeam(actor: Actor, orgId: string, body: CreateTeamBody, meta: ActionMeta): Promise<Team> {
      const now = clock.now();
      return db.transaction(async (tx) => {
        await orgAccess.requireRole(actor, orgId, ['admin'], tx);
        // The unique index on (org, lower(name)) decides races; no row back means the name is taken.
        const [row] = await tx
          .insert(teams)
          .values({ id: newId(), orgId, name: body.name, createdAt: now })
          .onConflictDoNothing()
          .returning();
        if (!row) throw duplicateTeam(body.name);
        await writeAudit(tx, {
          orgId,
          actorId: actor.userId,
          action: 'team.create',
          targetType: 'team',
          targetId: row.id,
          after: { name: row.name },
          ip: meta.ip,
          at: now,
        });
        return { id: row.id, orgId, name: row.name, memberCount: 0, createdAt: now.toISOString() };
      });
    },

    async renameTeam(actor: Actor, orgId: string, teamId: string, body: CreateTeamBody, meta: ActionMeta): Promise<Team> {
      const now = clock.now();
      return db.transaction(async (tx) => {
        await orgAccess.requireRole(actor, orgId, ['admin'], tx);
        const before = await teamInOrg(tx, orgId, teamId);
        if (before.name === body.name) return toTeam(tx, before);
        const [row] = await tx
          .update(teams)
          .set({ name: body.name })
          .where(eq(teams.id, teamId))
          .returning()
          .catch((e: unknown) => {
            throw isUniqueViolation(e) ? duplicateTeam(body.name) : e;
          });
        await writeAudit(tx, {
          orgId,
          actorId: actor.userId,
          action: 'team.rename',
          targetType: 'team',
          targetId: teamId,
          before: { name: before.name },
          after: { name: body.name },
          ip: meta.ip,
          at: now,
        });
        return toTeam(tx, row!);
      });
    },

    /** Its members stay in the organization without a team (the foreign key sets their team to null). */
    async deleteTeam(actor: Actor, orgId: string, teamId: string, meta: ActionMeta): Promise<void> {
      const now = clock.now();
      await db.transaction(async (tx) => {
        await orgAccess.requireRole(actor, orgId, ['admin'], tx);
        const team = await teamInOrg(tx, orgId, teamId);
        const [c] = await tx.select({ n: count() }).from(memberships).where(eq(memberships.teamId, teamId));
        await tx.delete(teams).where(eq(teams.id, teamId));
        await writeAudit(tx, {
          orgId,
          actorId: actor.userId,
          action: 'team.delete',
          targetType: 'team',
          targetId: teamId,
          before: { name: team.name, memberCount: Number(c?.n ?? 0) },
          ip: meta.ip,
          at: now,
        });
      });
    },

    teamInOrg,
  };
}
