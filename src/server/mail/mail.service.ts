import { and, count, desc, eq, ilike, sql } from 'drizzle-orm';
import type { Mail, MailList, MailQuery } from '../../contract/notifications.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { JobContext, JobRegistry } from '../jobs/job-registry.js';
import { SEND_MAIL_JOB } from './mail-outbox.js';
import { mails } from './mail.table.js';
import type { Mailer } from './mailer.js';

type MailRow = typeof mails.$inferSelect;

export type MailService = ReturnType<typeof createMailService>;

function toMail(row: MailRow): Mail {
  return {
    id: row.id,
    to: row.to,
    subject: row.subject,
    text: row.text,
    html: row.html,
    ics: row.ics,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

function requirePlatformAdmin(actor: Actor) {
  if (actor.platformRole !== 'superadmin') throw new AppError('forbidden', 'Only platform admins may read the mail outbox.');
}

/** LIKE treats % and _ as wildcards; an address search should not. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The outbox's delivery (the send-mail job) and its admin view. Mails are written by
 * queueMail inside the transaction of whatever they tell of; this only ever reads them and
 * records how delivery went.
 */
export function createMailService(deps: { db: Database; mailer: Mailer; jobs: JobRegistry; config: Config; clock: Clock }) {
  const { db, mailer, config, clock } = deps;
  const stillQueued = (id: string) => and(eq(mails.id, id), eq(mails.status, 'queued'));

  async function deliver(payload: Record<string, unknown>, ctx: JobContext): Promise<void> {
    const mailId = payload.mailId;
    if (typeof mailId !== 'string') throw new Error('send-mail job without a mailId');
    const [row] = await db.select().from(mails).where(eq(mails.id, mailId));
    // Gone (its user was erased) or already delivered by an earlier run: nothing to do, and
    // above all no second copy in the recipient's inbox.
    if (!row || row.status !== 'queued') return;
    let result;
    try {
      result = await mailer.send({
        from: config.mailFrom,
        to: row.to,
        subject: row.subject,
        text: row.text,
        html: row.html ?? undefined,
        ics: row.ics ?? undefined,
      });
    } catch (err) {
      const lastAttempt = ctx.attempt >= ctx.maxAttempts;
      await db
        .update(mails)
        .set({
          attempts: sql`${mails.attempts} + 1`,
          lastError: (err instanceof Error ? err.message : String(err)).slice(0, 1000),
          ...(lastAttempt ? { status: 'failed' as const } : {}),
        })
        .where(stillQueued(row.id));
      throw err;
    }
    await db
      .update(mails)
      .set({
        status: result.status,
        attempts: sql`${mails.attempts} + 1`,
        lastError: null,
        ...(result.status === 'sent' ? { sentAt: clock.now(), messageId: result.messageId } : {}),
      })
      .where(stillQueued(row.id));
  }

  deps.jobs.register(SEND_MAIL_JOB, deliver);

  return {
    async list(actor: Actor, query: MailQuery): Promise<MailList> {
      requirePlatformAdmin(actor);
      const where = query.to ? ilike(mails.to, containsPattern(query.to)) : undefined;
      const [rows, [totalRow]] = await Promise.all([
        db
          .select()
          .from(mails)
          .where(where)
          .orderBy(desc(mails.createdAt), desc(mails.id))
          .limit(query.limit)
          .offset((query.page - 1) * query.limit),
        db.select({ n: count() }).from(mails).where(where),
      ]);
      const total = totalRow?.n ?? 0;
      return { items: rows.map(toMail), total, page: query.page, limit: query.limit, pages: Math.ceil(total / query.limit) };
    },

    async get(actor: Actor, mailId: string): Promise<Mail> {
      requirePlatformAdmin(actor);
      const [row] = await db.select().from(mails).where(eq(mails.id, mailId));
      if (!row) throw notFound('Mail');
      return toMail(row);
    },

    close: () => mailer.close(),
  };
}
