import { eq, sql } from 'drizzle-orm';
import type { ChangeEmailBody, ChangePasswordBody, EmailProofBody, PasswordResetConfirmBody } from '../../contract/account.js';
import { AppError } from '../../core/errors.js';
import type { Database } from '../../db/client.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import {
  confirmNewEmailMail,
  emailChangeNoticeMail,
  passwordChangedMail,
  passwordResetMail,
  verifyEmailMail,
} from '../mail/account-mails.js';
import { appUrl } from '../mail/app-url.js';
import { queueMail } from '../mail/mail-outbox.js';
import type { Actor } from './actor.js';
import { users } from './auth.table.js';
import { CODE_RESEND_INTERVAL_MS, type RequestMeta } from './auth.service.js';
import {
  EMAIL_CODE_TTL_MS,
  issueEmailCode,
  lastCodeIssuedAt,
  redeemEmailCode,
  redeemEmailLink,
  type EmailCodePurpose,
} from './email-codes.js';
import { clearLoginFailures } from './login-throttle.js';
import { hashPassword, passwordWeakness, verifyPassword } from './passwords.js';
import { revokeUserSessions, type Keep } from './revocation.js';

type UserRow = typeof users.$inferSelect;

export type AccountSecurityService = ReturnType<typeof createAccountSecurityService>;

const WRONG_CODE = 'The code is wrong or has expired. Ask for a new one.';

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  return code === '23505';
}

/**
 * Password reset and change, email confirmation and change of address. Every code travels by
 * mail (queueMail, in the transaction of the change), and the answers to anonymous requests
 * never tell whether an email has an account.
 */
export function createAccountSecurityService(deps: { db: Database; config: Config; clock: Clock }) {
  const { db, config, clock } = deps;
  const resetLink = (email: string) => appUrl(config, `/reset-password?email=${encodeURIComponent(email)}`);

  async function activeUserByEmail(email: string): Promise<UserRow | null> {
    const [row] = await db
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    return row && !row.deactivatedAt ? row : null;
  }

  async function activeUser(userId: string): Promise<UserRow> {
    const [row] = await db.select().from(users).where(eq(users.id, userId));
    if (!row || row.deactivatedAt) throw new AppError('unauthenticated', 'Your session has ended. Sign in again.');
    return row;
  }

  function rejectWeak(password: string, user: { email: string; name: string }, field: string) {
    const weakness = passwordWeakness(password, user);
    if (weakness) throw new AppError('validation_failed', `The password ${weakness}.`, { errors: [{ path: field, message: weakness }] });
  }

  async function recentlySent(userId: string, purpose: EmailCodePurpose): Promise<boolean> {
    const now = clock.now();
    const last = await lastCodeIssuedAt(db, userId, purpose, now);
    return last !== null && now.getTime() - last.getTime() < CODE_RESEND_INTERVAL_MS;
  }

  async function setPassword(user: UserRow, password: string, how: 'reset' | 'change', meta: RequestMeta, keep?: Keep) {
    const now = clock.now();
    const passwordHash = await hashPassword(password);
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          passwordHash,
          updatedAt: now,
          // A reset code reached this inbox, which proves the address.
          ...(how === 'reset' && !user.emailVerifiedAt ? { emailVerifiedAt: now } : {}),
        })
        .where(eq(users.id, user.id));
      const ended = await revokeUserSessions(tx, user.id, now, keep);
      await queueMail(
        tx,
        { to: user.email, kind: 'password_changed', ...passwordChangedMail({ name: user.name, how, resetLink: resetLink(user.email) }) },
        now,
      );
      await writeAudit(tx, {
        actorId: user.id,
        action: how === 'reset' ? 'user.password_reset' : 'user.password_change',
        targetType: 'user',
        targetId: user.id,
        ip: meta.ip,
        at: now,
        after: { sessionsEnded: ended },
      });
    });
    // The owner proved themselves: earlier failures no longer slow them down.
    await clearLoginFailures(db, `account:${user.email.toLowerCase()}`);
  }

  return {
    /** Mails a reset code and link when the email has an active account; silent otherwise. */
    async requestPasswordReset(email: string, meta: RequestMeta): Promise<void> {
      const user = await activeUserByEmail(email);
      if (!user || (await recentlySent(user.id, 'password_reset'))) return;
      const now = clock.now();
      await db.transaction(async (tx) => {
        const issued = await issueEmailCode(tx, { secret: config.secretKey, userId: user.id, purpose: 'password_reset', now });
        const link = appUrl(
          config,
          `/reset-password?email=${encodeURIComponent(user.email)}&token=${encodeURIComponent(issued.linkToken)}`,
        );
        const mail = passwordResetMail({ name: user.name, code: issued.code, link, ttlMs: EMAIL_CODE_TTL_MS.password_reset });
        await queueMail(tx, { to: user.email, kind: 'password_reset', ...mail }, now);
        await writeAudit(tx, {
          actorId: null,
          action: 'user.password_reset_request',
          targetType: 'user',
          targetId: user.id,
          ip: meta.ip,
          at: now,
        });
      });
    },

    /** Sets a new password with the mailed code or link; every session and token of the user ends. */
    async confirmPasswordReset(body: PasswordResetConfirmBody, meta: RequestMeta): Promise<void> {
      const wrong = new AppError('bad_request', WRONG_CODE, { errors: [{ path: 'body.code', message: WRONG_CODE }] });
      const user = await activeUserByEmail(body.email);
      if (!user) throw wrong;
      rejectWeak(body.password, user, 'body.password');
      const now = clock.now();
      const spent = body.code
        ? await redeemEmailCode(db, { secret: config.secretKey, userId: user.id, purpose: 'password_reset', code: body.code, now })
        : await redeemEmailLink(db, { purpose: 'password_reset', token: body.token!, now });
      if (!spent || spent.userId !== user.id) throw wrong;
      await setPassword(user, body.password, 'reset', meta);
    },

    /** Needs the current password; the caller's own session or token family stays signed in. */
    async changePassword(actor: Actor, body: ChangePasswordBody, meta: RequestMeta, keep: Keep): Promise<void> {
      const user = await activeUser(actor.userId);
      if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
        throw new AppError('validation_failed', 'The current password is not right.', {
          errors: [{ path: 'body.currentPassword', message: 'is not right' }],
        });
      }
      rejectWeak(body.newPassword, user, 'body.newPassword');
      await setPassword(user, body.newPassword, 'change', meta, keep);
    },

    async resendVerification(actor: Actor): Promise<void> {
      const user = await activeUser(actor.userId);
      if (user.emailVerifiedAt) throw new AppError('invalid_state', 'Your email is already confirmed.');
      if (await recentlySent(user.id, 'verify_email')) return;
      const now = clock.now();
      await db.transaction(async (tx) => {
        const issued = await issueEmailCode(tx, {
          secret: config.secretKey,
          userId: user.id,
          purpose: 'verify_email',
          email: user.email,
          now,
        });
        const link = appUrl(config, `/verify-email?token=${encodeURIComponent(issued.linkToken)}`);
        await queueMail(
          tx,
          { to: user.email, kind: 'verify_email', ...verifyEmailMail({ name: user.name, code: issued.code, link }) },
          now,
        );
      });
    },

    /** The link works signed out (it may be opened on another device); the code needs the session. */
    async verifyEmail(actor: Actor | null, body: EmailProofBody, meta: RequestMeta): Promise<void> {
      const now = clock.now();
      const wrong = new AppError('bad_request', WRONG_CODE, { errors: [{ path: 'body.code', message: WRONG_CODE }] });
      let spent;
      if (body.token) spent = await redeemEmailLink(db, { purpose: 'verify_email', token: body.token, now });
      else {
        if (!actor) throw new AppError('unauthenticated', 'Sign in to enter the code.');
        spent = await redeemEmailCode(db, {
          secret: config.secretKey,
          userId: actor.userId,
          purpose: 'verify_email',
          code: body.code!,
          now,
        });
      }
      if (!spent) throw wrong;
      await db.transaction(async (tx) => {
        // Only the address the mail went to is confirmed: not one the account moved to since.
        const [row] = await tx
          .update(users)
          .set({ emailVerifiedAt: now })
          .where(sql`${users.id} = ${spent.userId} and lower(${users.email}) = lower(${spent.email ?? ''})`)
          .returning();
        if (!row) throw wrong;
        await writeAudit(tx, {
          actorId: row.id,
          action: 'user.email_verified',
          targetType: 'user',
          targetId: row.id,
          ip: meta.ip,
          at: now,
        });
      });
    },

    /** Mails a code to the new address and a notice to the current one; nothing changes until confirmed. */
    async requestEmailChange(actor: Actor, body: ChangeEmailBody, meta: RequestMeta): Promise<void> {
      const user = await activeUser(actor.userId);
      if (!(await verifyPassword(user.passwordHash, body.password))) {
        throw new AppError('validation_failed', 'The password is not right.', {
          errors: [{ path: 'body.password', message: 'is not right' }],
        });
      }
      if (body.newEmail === user.email.toLowerCase()) {
        throw new AppError('validation_failed', 'That is already your email.', {
          errors: [{ path: 'body.newEmail', message: 'is your current email' }],
        });
      }
      const now = clock.now();
      const taken = await activeUserByEmail(body.newEmail);
      await db.transaction(async (tx) => {
        // A taken address gets no code (the move could never finish), but the answer is the same.
        if (!taken) {
          const issued = await issueEmailCode(tx, {
            secret: config.secretKey,
            userId: user.id,
            purpose: 'change_email',
            email: body.newEmail,
            now,
          });
          const link = appUrl(config, `/account/confirm-email?token=${encodeURIComponent(issued.linkToken)}`);
          const mail = confirmNewEmailMail({ name: user.name, newEmail: body.newEmail, code: issued.code, link });
          await queueMail(tx, { to: body.newEmail, kind: 'email_change_confirm', ...mail }, now);
        }
        const notice = emailChangeNoticeMail({
          name: user.name,
          newEmail: body.newEmail,
          stage: 'requested',
          resetLink: resetLink(user.email),
        });
        await queueMail(tx, { to: user.email, kind: 'email_change_notice', ...notice }, now);
        await writeAudit(tx, {
          actorId: user.id,
          action: 'user.email_change_request',
          targetType: 'user',
          targetId: user.id,
          ip: meta.ip,
          at: now,
          after: { newEmail: body.newEmail },
        });
      });
    },

    async confirmEmailChange(actor: Actor | null, body: EmailProofBody, meta: RequestMeta): Promise<void> {
      const now = clock.now();
      const wrong = new AppError('bad_request', WRONG_CODE, { errors: [{ path: 'body.code', message: WRONG_CODE }] });
      let spent;
      if (body.token) spent = await redeemEmailLink(db, { purpose: 'change_email', token: body.token, now });
      else {
        if (!actor) throw new AppError('unauthenticated', 'Sign in to enter the code.');
        spent = await redeemEmailCode(db, {
          secret: config.secretKey,
          userId: actor.userId,
          purpose: 'change_email',
          code: body.code!,
          now,
        });
      }
      if (!spent?.email) throw wrong;
      const user = await activeUser(spent.userId);
      const newEmail = spent.email;
      try {
        await db.transaction(async (tx) => {
          await tx.update(users).set({ email: newEmail, emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, user.id));
          const notice = emailChangeNoticeMail({ name: user.name, newEmail, stage: 'done', resetLink: resetLink(newEmail) });
          await queueMail(tx, { to: user.email, kind: 'email_change_notice', ...notice }, now);
          await writeAudit(tx, {
            actorId: user.id,
            action: 'user.email_change',
            targetType: 'user',
            targetId: user.id,
            ip: meta.ip,
            at: now,
            before: { email: user.email },
            after: { email: newEmail },
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('conflict', 'Another account took this email in the meantime.');
        throw error;
      }
    },
  };
}
