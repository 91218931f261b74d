import { count, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { mails } from './mail.table.js';

/** Mails waiting to go and mails given up on, for /readyz. */
export async function outboxStatus(db: DbOrTx): Promise<{ queued: number; failed: number }> {
  const rows = await db
    .select({ status: mails.status, n: count() })
    .from(mails)
    .where(inArray(mails.status, ['queued', 'failed']))
    .groupBy(mails.status);
  const n = (status: string) => rows.find((row) => row.status === status)?.n ?? 0;
  return { queued: n('queued'), failed: n('failed') };
}
