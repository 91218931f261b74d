import { sql } from 'drizzle-orm';
import type { NotificationKind } from '../../contract/notifications.js';
import type { DbOrTx } from '../../db/client.js';
import { notificationChannelsOf } from '../auth/notification-preferences.js';
import { usersByIds } from '../auth/user-directory.js';
import { newId } from '../ids.js';
import { queueMail, type OutgoingMail } from '../mail/mail-outbox.js';
import { notifications } from './notifications.table.js';

/** The PostgreSQL channel every instance listens on; NOTIFY is delivered only when the transaction commits. */
export const EVENTS_CHANNEL = 'panelist_events';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link?: string;
  data?: Record<string, unknown>;
  /** Also email the user (to their account address). */
  email?: Omit<OutgoingMail, 'to' | 'kind'>;
}

/** A realtime event as it travels between instances (small: NOTIFY payloads stop at 8000 bytes). */
export type BusEvent =
  | { type: 'notification'; userId: string; notificationId: string }
  | { type: 'interview'; userIds: string[]; interviewId: string; status: string }
  /** An answer acknowledged pending has its grade (GET the interview for it, as the viewer may see it). */
  | { type: 'answer_graded'; userIds: string[]; interviewId: string; answerId: string; questionId: string }
  /** The user's unread count changed without a new notification (marked read elsewhere). */
  | { type: 'unread'; userId: string }
  /**
   * Sessions or token families of the user ended (sign-out elsewhere, password change): their
   * sockets close. `all` closes every socket of the user (reset, deactivation).
   */
  | { type: 'signed_out'; userId: string; sessionIds: string[]; familyIds: string[]; all: boolean }
  /** The user's rights changed (platform role): instances forget what they remembered of them. */
  | { type: 'account_changed'; userId: string };

export async function publishEvent(tx: DbOrTx, event: BusEvent): Promise<void> {
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`);
}

/**
 * Records an in-app notification (and its email) inside the caller's transaction, on the channels
 * the person allows for this kind (profile preferences). The live push rides on NOTIFY, so it goes
 * out on commit, to whichever instance holds the user's socket. Returns the notification's id, or
 * null when the person turned the in-app channel off for this kind.
 */
export async function notify(tx: DbOrTx, n: NewNotification, now: Date): Promise<string | null> {
  const channels = await notificationChannelsOf(tx, n.userId, n.kind);
  if (n.email && channels.email) {
    const user = (await usersByIds(tx, [n.userId])).get(n.userId);
    if (user && !user.deactivated) await queueMail(tx, { ...n.email, to: user.email, kind: n.kind }, now);
  }
  if (!channels.inApp) return null;
  const id = newId();
  await tx.insert(notifications).values({
    id,
    userId: n.userId,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link ?? null,
    data: n.data ?? {},
    createdAt: now,
  });
  await publishEvent(tx, { type: 'notification', userId: n.userId, notificationId: id });
  return id;
}
