import { eq } from 'drizzle-orm';
import { DEFAULT_THRESHOLDS, type ProctoringSettings, type ProctoringSettingsBody } from '../../contract/proctoring.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { OrgAccess } from '../orgs/org-access.js';
import { orgProctoringSettings } from './proctoring.table.js';

export const DEFAULT_SETTINGS: ProctoringSettings = { thresholds: DEFAULT_THRESHOLDS, terminateOnThreshold: false };

/** An organization's thresholds; the defaults (advisory) when it never chose. */
export async function settingsOf(tx: DbOrTx, orgId: string | null): Promise<ProctoringSettings> {
  if (!orgId) return DEFAULT_SETTINGS;
  const [row] = await tx.select().from(orgProctoringSettings).where(eq(orgProctoringSettings.orgId, orgId));
  if (!row) return DEFAULT_SETTINGS;
  return { thresholds: { ...DEFAULT_THRESHOLDS, ...row.thresholds }, terminateOnThreshold: row.terminateOnThreshold };
}

/** Admins set them; coaches may read them (their integrity panel shows counts against them). */
export function createProctoringSettings(deps: { db: Database; clock: Clock; orgAccess: OrgAccess }) {
  const { db, clock, orgAccess } = deps;
  return {
    async getSettings(actor: Actor, orgId: string): Promise<ProctoringSettings> {
      await orgAccess.requireRole(actor, orgId, ['admin', 'coach']);
      return settingsOf(db, orgId);
    },

    async updateSettings(
      actor: Actor,
      orgId: string,
      body: ProctoringSettingsBody,
      meta: { ip?: string | undefined } = {},
    ): Promise<ProctoringSettings> {
      await orgAccess.requireRole(actor, orgId, ['admin']);
      return db.transaction(async (tx) => {
        const before = await settingsOf(tx, orgId);
        const next: ProctoringSettings = {
          thresholds: { ...before.thresholds, ...body.thresholds },
          terminateOnThreshold: body.terminateOnThreshold ?? before.terminateOnThreshold,
        };
        const now = clock.now();
        await tx
          .insert(orgProctoringSettings)
          .values({ orgId, ...next, updatedAt: now, updatedBy: actor.userId })
          .onConflictDoUpdate({ target: orgProctoringSettings.orgId, set: { ...next, updatedAt: now, updatedBy: actor.userId } });
        await writeAudit(tx, {
          orgId,
          actorId: actor.userId,
          action: 'proctoring.settings',
          targetType: 'organization',
          targetId: orgId,
          before,
          after: next,
          ip: meta.ip ?? null,
          at: now,
        });
        return next;
      });
    },
  };
}
