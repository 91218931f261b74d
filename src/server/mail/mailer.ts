import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  /** An iCalendar document: sent as a calendar alternative and as an invite.ics attachment. */
  ics?: string | undefined;
}

/** `stored`: nothing left the machine; the mail stays readable in the outbox (admin mail page). */
export type SendResult = { status: 'sent'; messageId: string } | { status: 'stored' };

export interface Mailer {
  send(message: MailMessage): Promise<SendResult>;
  close(): Promise<void>;
}

/** The METHOD line tells calendar clients whether this is an invitation, an update or a cancellation. */
function calendarMethod(ics: string): string {
  return /^METHOD:([A-Z-]+)\r?$/m.exec(ics)?.[1] ?? 'REQUEST';
}

/** Sends through the SMTP server of SMTP_URL (smtp:// with STARTTLS when offered, smtps:// for TLS). */
export function createSmtpMailer(smtpUrl: string): Mailer {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    // Bounded, so a stuck server fails the attempt (and it is retried) well inside the job's lease.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(m) {
      const calendar = m.ics ? { contentType: `text/calendar; charset=utf-8; method=${calendarMethod(m.ics)}`, content: m.ics } : undefined;
      const info = await transport.sendMail({
        from: m.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        ...(m.html ? { html: m.html } : {}),
        // Mail clients that understand invitations show the alternative as one; others offer the file.
        ...(calendar ? { alternatives: [calendar], attachments: [{ filename: 'invite.ics', ...calendar }] } : {}),
      });
      return { status: 'sent', messageId: String(info.messageId ?? '') };
    },
    async close() {
      transport.close();
    },
  };
}

/** Without SMTP_URL: mails are only kept in the outbox. The log names subject and recipient, never the body. */
export function createStoringMailer(log: FastifyBaseLogger): Mailer {
  return {
    async send(m) {
      log.info({ to: m.to, subject: m.subject }, 'mail stored, not sent (SMTP_URL is not set)');
      return { status: 'stored' };
    },
    async close() {},
  };
}
