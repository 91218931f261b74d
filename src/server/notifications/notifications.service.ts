import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type {
  MarkReadBody,
  Notification,
  NotificationKind,
  NotificationList,
  NotificationQuery,
  UnreadCount,
} from '../../contract/notifications.js';
import type { Database, DbOrTx } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import { notifications } from './notifications.table.js';
import { publishEvent } from './notify.js';

type NotificationRow = typeof notifications.$inferSelect;

export type NotificationsService = ReturnType<typeof createNotificationsService>;

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    title: row.title,
    body: row.body,
    link: row.link,
    data: row.data,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** A user's own in-app notifications. Every query is scoped to the caller: nobody reads or marks another's. */
export function createNotificationsService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  return {
    async list(actor: Actor, query: NotificationQuery): Promise<NotificationList> {
      const mine = eq(notifications.userId, actor.userId);
      const where = query.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
      const [rows, [totalRow], unread] = await Promise.all([
        db
          .select()
          .from(notifications)
          .where(where)
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(query.limit)
          .offset((query.page - 1) * query.limit),
        db.select({ n: count() }).from(notifications).where(where),
        countUnread(db, actor.userId),
      ]);
      const total = totalRow?.n ?? 0;
      return {
        items: rows.map(toNotification),
        total,
        page: query.page,
        limit: query.limit,
        pages: Math.ceil(total / query.limit),
        unread,
      };
    },

    /** Ids of other users' notifications match nothing and are ignored, so ids cannot be probed. */
    async markRead(actor: Actor, body: MarkReadBody): Promise<UnreadCount> {
      return db.transaction(async (tx) => {
        const conditions = [eq(notifications.userId, actor.userId), isNull(notifications.readAt)];
        if (!body.all) conditions.push(inArray(notifications.id, body.ids ?? []));
        const changed = await tx
          .update(notifications)
          .set({ readAt: clock.now() })
          .where(and(...conditions))
          .returning({ id: notifications.id });
        // The user's other tabs and devices update their badge.
        if (changed.length > 0) await publishEvent(tx, { type: 'unread', userId: actor.userId });
        return { unread: await countUnread(tx, actor.userId) };
      });
    },

    unreadCount: (userId: string) => countUnread(db, userId),

    /** What a live socket receives for a new notification; null when it is not (or no longer) the user's. */
    async forDelivery(userId: string, notificationId: string): Promise<{ notification: Notification; unread: number } | null> {
      const [row] = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId)));
      if (!row) return null;
      return { notification: toNotification(row), unread: await countUnread(db, userId) };
    },
  };
}
