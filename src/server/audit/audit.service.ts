import type { DbOrTx } from '../../db/client.js';
import { newId } from '../ids.js';
import { auditLog } from './audit.table.js';

export interface AuditEntry {
  /** Set for actions inside an organization, so its admins can read them. */
  orgId?: string | null;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  at: Date;
}

/** Call inside the transaction of the action itself: no action without its audit row. */
export async function writeAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    id: newId(),
    orgId: entry.orgId ?? null,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    ip: entry.ip ?? null,
    createdAt: entry.at,
  });
}
