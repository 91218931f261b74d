import { inArray } from 'drizzle-orm';
import { users } from '../auth/auth.table.js';
import { organizations, memberships, coachAssignments } from '../orgs/orgs.table.js';
import { newId } from '../ids.js';
import type { TestApp } from './test-app.js';
import { registerUser, type Browser } from './test-app.js';

export interface OrgFixture {
  orgId: string;
  admin: Browser;
  coaches: Browser[];
  candidates: Browser[];
}

/**
 * An organization with signed-in members, written straight to the tables so tests of other
 * features do not depend on the organization endpoints. By default coach i coaches candidate i
 * (and the first coach every candidate without a coach of their own). The admin and coaches have
 * confirmed their email (inviting waits for it); candidates have not, unless `confirmAll`.
 */
export async function createOrgFixture(
  t: TestApp,
  spec: { name?: string; coaches?: number; candidates?: number; assign?: [coach: number, candidate: number][]; confirmAll?: boolean } = {},
): Promise<OrgFixture> {
  const { app, database, clock } = t;
  const admin = await registerUser(app, { name: 'Org Admin' });
  const coaches: Browser[] = [];
  for (let i = 0; i < (spec.coaches ?? 1); i++) coaches.push(await registerUser(app, { name: `Coach ${i + 1}` }));
  const candidates: Browser[] = [];
  for (let i = 0; i < (spec.candidates ?? 1); i++) candidates.push(await registerUser(app, { name: `Candidate ${i + 1}` }));
  const orgId = newId();
  const now = clock.now();
  const db = database.db;
  await db.insert(organizations).values({ id: orgId, name: spec.name ?? 'Acme Hiring', createdBy: admin.user.id, createdAt: now });
  const member = (userId: string, role: 'admin' | 'coach' | 'candidate') => ({
    id: newId(),
    orgId,
    userId,
    role,
    teamId: null,
    createdAt: now,
  });
  await db
    .insert(memberships)
    .values([
      member(admin.user.id, 'admin'),
      ...coaches.map((c) => member(c.user.id, 'coach')),
      ...candidates.map((c) => member(c.user.id, 'candidate')),
    ]);
  const pairs = spec.assign ?? candidates.map((_, i) => [Math.min(i, coaches.length - 1), i] as [number, number]);
  const rows = pairs
    .filter(([c, k]) => coaches[c] && candidates[k])
    .map(([c, k]) => ({
      id: newId(),
      orgId,
      coachId: coaches[c]!.user.id,
      candidateId: candidates[k]!.user.id,
      createdBy: admin.user.id,
      createdAt: now,
    }));
  if (rows.length > 0) await db.insert(coachAssignments).values(rows);
  await confirmEmails(t, [admin, ...coaches, ...(spec.confirmAll ? candidates : [])]);
  return { orgId, admin, coaches, candidates };
}

/** Marks these accounts' email addresses confirmed, as the link in the confirmation mail would. */
export async function confirmEmails(t: TestApp, people: Browser[]): Promise<void> {
  if (people.length === 0) return;
  await t.database.db
    .update(users)
    .set({ emailVerifiedAt: t.clock.now() })
    .where(
      inArray(
        users.id,
        people.map((p) => p.user.id),
      ),
    );
  for (const p of people) p.user = { ...p.user, emailVerified: true };
}
