import { eq } from 'drizzle-orm';
import type { NotificationKind } from '../../contract/notifications.js';
import type { DbOrTx } from '../../db/client.js';
import { profiles } from './profiles.table.js';

export interface NotificationChannels {
  inApp: boolean;
  email: boolean;
}

/**
 * The channels a person lets a kind of notification use (profile preferences, set on any device).
 * Kinds they never chose use both, so a new kind reaches people until they say otherwise.
 */
export async function notificationChannelsOf(db: DbOrTx, userId: string, kind: NotificationKind): Promise<NotificationChannels> {
  const [row] = await db.select({ preferences: profiles.preferences }).from(profiles).where(eq(profiles.userId, userId));
  return row?.preferences?.notifications?.[kind] ?? { inApp: true, email: true };
}
