import { createHash, createSecretKey } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { SignJWT, jwtVerify } from 'jose';
import { createVerifiedTokens } from './verified-tokens.js';
import type { LoginBody, RegisterBody, SetupBody, SetupLinkState, TokenResponse, User } from '../../contract/auth.js';
import type { Actor } from './actor.js';
import { AppError } from '../../core/errors.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { newId } from '../ids.js';
import { oneTimeTokens, refreshTokens, sessions, users } from './auth.table.js';
import { queueMail } from '../mail/mail-outbox.js';
import { accountExistsMail, signInCodeMail, verifyEmailMail } from '../mail/account-mails.js';
import { appUrl } from '../mail/app-url.js';
import { EMAIL_CODE_TTL_MS, issueEmailCode, lastCodeIssuedAt, redeemEmailCode } from './email-codes.js';
import { assertNotThrottled, clearLoginFailures, lockedFor, recordLoginFailure, throttlePolicy } from './login-throttle.js';
import { decoyPasswordHash, hashPassword, passwordWeakness, verifyPassword } from './passwords.js';
import { hashToken, randomToken } from './tokens.js';
import { revokeFamily, revokeSession } from './revocation.js';
import { createCredentialCache, forgetUserCredentialsHere, type CredentialCache } from './credential-cache.js';
import { publishEvent } from '../notifications/notify.js';
import { mustEnrolTwoFactorSql, type SecondFactorCheck, type SecondFactor } from './two-factor.service.js';

type UserRow = typeof users.$inferSelect;

export interface RequestMeta {
  ip: string;
  userAgent?: string | undefined;
}

export interface NewSession {
  user: User;
  sessionId: string;
  token: string;
  expiresAt: Date;
}

const BAD_CREDENTIALS = 'Email or password is incorrect.';
const SETUP_LINK_TTL_MS = 24 * 3600_000;
const LAST_SEEN_EVERY_MS = 60_000;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    platformRole: row.platformRole,
    emailVerified: row.emailVerifiedAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** One code mail per purpose per minute at most, however often the form is sent. */
export const CODE_RESEND_INTERVAL_MS = 60_000;

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService(deps: {
  db: Database;
  config: Config;
  clock: Clock;
  credentials?: CredentialCache;
  /** The second step of a sign-in when the account has two-factor on (absent in the CLI). */
  secondFactor?: (userId: string, factor: SecondFactor) => Promise<SecondFactorCheck>;
  /** In the transaction that creates any account (the privacy feature records the consents of registration). */
  onAccountCreated?: (tx: Pick<Database, 'insert'>, userId: string, at: Date) => Promise<void>;
}) {
  const { db, config, clock } = deps;
  // Without a cache (a script, a one-off service) every request reads the database.
  const credentials = deps.credentials ?? createCredentialCache(0);
  const accessKey = createSecretKey(createHash('sha256').update(`access-token:${config.secretKey}`).digest());
  const verifiedTokens = createVerifiedTokens();

  function rejectWeakPassword(password: string, context: { email: string; name: string }) {
    const weakness = passwordWeakness(password, context);
    if (weakness) {
      throw new AppError('validation_failed', `The password ${weakness}.`, {
        errors: [{ path: 'body.password', message: weakness }],
      });
    }
  }

  async function insertUser(
    input: RegisterBody,
    platformRole: 'user' | 'superadmin',
    tx: Pick<Database, 'insert'> = db,
    emailVerifiedAt: Date | null = null,
  ) {
    const now = clock.now();
    const passwordHash = await hashPassword(input.password);
    const rows = await tx
      .insert(users)
      .values({
        id: newId(),
        email: input.email,
        name: input.name,
        passwordHash,
        platformRole,
        createdAt: now,
        updatedAt: now,
        emailVerifiedAt,
      })
      .onConflictDoNothing()
      .returning();
    const row = rows[0];
    if (!row) throw new AppError('email_taken', 'An account with this email already exists. Log in instead.');
    await deps.onAccountCreated?.(tx, row.id, now);
    return row;
  }

  async function createSession(user: UserRow, meta: RequestMeta): Promise<NewSession> {
    const now = clock.now();
    const token = randomToken();
    const expiresAt = new Date(now.getTime() + config.sessionTtlDays * 86400_000);
    const sessionId = newId();
    await db.insert(sessions).values({
      id: sessionId,
      userId: user.id,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      lastSeenAt: now,
    });
    await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
    return { user: toUser(user), sessionId, token, expiresAt };
  }

  /**
   * Same answer, and about the same time, whether the email is unknown or the password wrong.
   * While an account is slowed down after failures, the right password alone is answered like
   * a wrong one (no oracle for a guesser), but it mails the owner a code: password plus code
   * lets the owner in, so nobody can lock another person out by failing on purpose.
   */
  async function checkPassword(input: LoginBody, meta: RequestMeta): Promise<UserRow> {
    const now = clock.now();
    const accountKey = `account:${input.email}`;
    const ipKey = `ip:${meta.ip}`;
    await assertNotThrottled(db, [ipKey], now);
    const [row] = await db
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email}`);
    const ok = row
      ? await verifyPassword(row.passwordHash, input.password)
      : (await verifyPassword(await decoyPasswordHash(), input.password), false);
    const lockSeconds = await lockedFor(db, accountKey, now);
    const slowedDown = () =>
      new AppError(
        'too_many_requests',
        `Too many failed sign-in attempts. Try again in ${lockSeconds} seconds. If this is your account, enter your password again with the code we email you.`,
        { retryAfterSeconds: lockSeconds, emailCodeAccepted: true },
      );
    if (!row || !ok || row.deactivatedAt) {
      await recordLoginFailure(db, accountKey, throttlePolicy.account.limit, now);
      await recordLoginFailure(db, ipKey, throttlePolicy.ip.limit, now);
      await writeAudit(db, {
        actorId: null,
        action: 'auth.sign_in_failed',
        targetType: 'user',
        targetId: row?.id ?? null,
        ip: meta.ip,
        at: now,
        after: { reason: !row ? 'unknown_email' : row.deactivatedAt ? 'deactivated' : 'wrong_password' },
      });
      if (lockSeconds) throw slowedDown();
      throw new AppError('unauthenticated', BAD_CREDENTIALS);
    }
    if (lockSeconds) {
      const code = input.emailCode;
      if (code && (await redeemEmailCode(db, { secret: config.secretKey, userId: row.id, purpose: 'sign_in', code, now }))) {
        await clearLoginFailures(db, accountKey);
        return row;
      }
      if (!code) await mailSignInCode(row, now);
      throw slowedDown();
    }
    await clearLoginFailures(db, accountKey);
    return row;
  }

  /**
   * Password first, then the second factor when the account has one. A wrong code counts as a
   * failed sign-in, so guessing six digits meets the same slowdown as guessing the password.
   */
  async function checkCredentials(input: LoginBody, meta: RequestMeta): Promise<UserRow> {
    const row = await checkPassword(input, meta);
    const outcome = deps.secondFactor ? await deps.secondFactor(row.id, input) : 'not_enrolled';
    if (outcome === 'not_enrolled' || outcome === 'passed') return row;
    if (outcome === 'missing') {
      throw new AppError('two_factor_required', 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.', {
        twoFactorRequired: true,
      });
    }
    const now = clock.now();
    await recordLoginFailure(db, `account:${input.email}`, throttlePolicy.account.limit, now);
    await writeAudit(db, {
      actorId: null,
      action: 'auth.sign_in_failed',
      targetType: 'user',
      targetId: row.id,
      ip: meta.ip,
      at: now,
      after: { reason: 'wrong_two_factor_code' },
    });
    throw new AppError('two_factor_required', 'That code is not right. Enter the newest code from your authenticator app.', {
      twoFactorRequired: true,
    });
  }

  async function mailSignInCode(row: UserRow, now: Date) {
    const last = await lastCodeIssuedAt(db, row.id, 'sign_in', now);
    if (last && now.getTime() - last.getTime() < CODE_RESEND_INTERVAL_MS) return;
    await db.transaction(async (tx) => {
      const issued = await issueEmailCode(tx, { secret: config.secretKey, userId: row.id, purpose: 'sign_in', now });
      const mail = signInCodeMail({ name: row.name, code: issued.code, ttlMs: EMAIL_CODE_TTL_MS.sign_in });
      await queueMail(tx, { to: row.email, kind: 'sign_in_code', ...mail }, now);
    });
  }

  async function issueTokenPair(
    user: UserRow,
    familyId: string,
    meta: Partial<RequestMeta>,
    tx: Pick<Database, 'insert'> = db,
  ): Promise<TokenResponse> {
    const now = clock.now();
    const refreshToken = randomToken();
    await tx.insert(refreshTokens).values({
      id: newId(),
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      createdAt: now,
      expiresAt: new Date(now.getTime() + config.refreshTokenTtlDays * 86400_000),
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    // fam names the refresh family, so revoking the family (logout, sessions page, password
    // change) stops its access tokens at once rather than at their expiry.
    const accessToken = await new SignJWT({ role: user.platformRole, fam: familyId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.id)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(now.getTime() / 1000) + config.accessTokenTtlSeconds)
      .setJti(newId())
      .sign(accessKey);
    return { accessToken, refreshToken, tokenType: 'bearer', expiresIn: config.accessTokenTtlSeconds };
  }

  // Run on every authenticated request: prepared once, so neither Drizzle nor PostgreSQL
  // rebuilds or re-plans them each time.
  const userById = db
    .select({ user: users, mustEnrolTwoFactor: mustEnrolTwoFactorSql })
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare('auth_user_by_id');
  const sessionByTokenHash = db
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      lastSeenAt: sessions.lastSeenAt,
      user: users,
      mustEnrolTwoFactor: mustEnrolTwoFactorSql,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare('auth_session_by_token_hash');
  const liveFamily = db
    .select({ id: refreshTokens.id })
    .from(refreshTokens)
    .where(and(eq(refreshTokens.familyId, sql.placeholder('familyId')), isNull(refreshTokens.revokedAt)))
    .limit(1)
    .prepare('auth_live_refresh_family');
  const touchSession = db
    .update(sessions)
    .set({ lastSeenAt: sql`now()` })
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('auth_touch_session');

  async function activeUserWithDuties(userId: string) {
    const [row] = await userById.execute({ id: userId });
    return row && !row.user.deactivatedAt ? row : null;
  }
  async function activeUser(userId: string): Promise<UserRow | null> {
    return (await activeUserWithDuties(userId))?.user ?? null;
  }
  const actorOf = (user: UserRow, mustEnrolTwoFactor: boolean): Actor =>
    mustEnrolTwoFactor
      ? { userId: user.id, platformRole: user.platformRole, mustEnrolTwoFactor }
      : { userId: user.id, platformRole: user.platformRole };

  return {
    /**
     * Creates an account, or, when the email already has one, mails its owner instead. The
     * answer is the same either way (see the route), and both paths hash the password, so
     * neither the response nor its timing tells whether the email is registered.
     */
    async register(input: RegisterBody, meta: RequestMeta): Promise<void> {
      rejectWeakPassword(input.password, input);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const created = await insertUser(input, 'user', tx).catch((error: unknown) => {
          if (error instanceof AppError && error.code === 'email_taken') return null;
          throw error;
        });
        if (created) {
          const issued = await issueEmailCode(tx, {
            secret: config.secretKey,
            userId: created.id,
            purpose: 'verify_email',
            email: created.email,
            now,
          });
          const link = appUrl(config, `/verify-email?token=${encodeURIComponent(issued.linkToken)}`);
          await queueMail(
            tx,
            { to: created.email, kind: 'verify_email', ...verifyEmailMail({ name: created.name, code: issued.code, link }) },
            now,
          );
          await writeAudit(tx, {
            actorId: created.id,
            action: 'user.register',
            targetType: 'user',
            targetId: created.id,
            ip: meta.ip,
            at: now,
          });
          return;
        }
        const [existing] = await tx
          .select()
          .from(users)
          .where(sql`lower(${users.email}) = ${input.email}`);
        if (!existing || existing.deactivatedAt) return;
        const mail = accountExistsMail({
          name: existing.name,
          signInLink: appUrl(config, '/login'),
          resetLink: appUrl(config, `/reset-password?email=${encodeURIComponent(existing.email)}`),
        });
        await queueMail(tx, { to: existing.email, kind: 'account_exists', ...mail }, now);
      });
    },

    /**
     * Creates an account inside the caller's transaction, so accepting an invitation makes
     * the account and the membership together or not at all. Sign it in with startSession
     * once the transaction has committed.
     */
    async createAccount(tx: DbOrTx, input: RegisterBody): Promise<User> {
      rejectWeakPassword(input.password, input);
      // The invitation link came to this address, which proves it.
      return toUser(await insertUser(input, 'user', tx, clock.now()));
    },

    /** A browser session for an account that has just been created (see createAccount). */
    async startSession(userId: string, meta: RequestMeta): Promise<NewSession> {
      const row = await activeUser(userId);
      if (!row) throw new AppError('unauthenticated', 'This account cannot sign in.');
      return createSession(row, meta);
    },

    async login(input: LoginBody, meta: RequestMeta): Promise<NewSession> {
      const row = await checkCredentials(input, meta);
      return createSession(row, meta);
    },

    async logout(sessionId: string): Promise<void> {
      await db.transaction((tx) => revokeSession(tx, sessionId, clock.now()));
    },

    /** Ends an API client's refresh-token family, and with it the access tokens it issued. */
    async logoutFamily(familyId: string): Promise<void> {
      await db.transaction((tx) => revokeFamily(tx, familyId, clock.now()));
    },

    /** The user behind a session cookie, or null if it is unknown, expired or revoked. */
    async resolveSession(token: string): Promise<{ actor: Actor; sessionId: string } | null> {
      const now = clock.now();
      const tokenHash = hashToken(token);
      const key = `s:${tokenHash}`;
      let known = credentials.get(key);
      if (!known) {
        const [row] = await sessionByTokenHash.execute({ tokenHash });
        if (!row || row.revokedAt || row.user.deactivatedAt) return null;
        known = {
          actor: actorOf(row.user, row.mustEnrolTwoFactor),
          sessionId: row.sessionId,
          expiresAt: row.expiresAt,
          lastSeenAt: row.lastSeenAt,
        };
        credentials.set(key, known);
      }
      if (known.expiresAt! <= now) return null;
      // "Last seen" for the sessions page, written at most once a minute per session.
      if (!known.lastSeenAt || now.getTime() - known.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
        known.lastSeenAt = now;
        await touchSession.execute({ id: known.sessionId! });
      }
      return { actor: known.actor, sessionId: known.sessionId! };
    },

    async resolveAccessToken(token: string): Promise<{ actor: Actor; familyId: string } | null> {
      try {
        let payload = verifiedTokens.get(token, clock.now().getTime());
        if (!payload) {
          const verified = (
            await jwtVerify(token, accessKey, {
              algorithms: ['HS256'],
              currentDate: clock.now(),
            })
          ).payload;
          if (!verified.sub || typeof verified.fam !== 'string' || typeof verified.exp !== 'number') return null;
          payload = { sub: verified.sub, fam: verified.fam, exp: verified.exp };
          verifiedTokens.remember(token, payload);
        }
        const key = `f:${payload.fam}:${payload.sub}`;
        const known = credentials.get(key);
        if (known) return { actor: known.actor, familyId: payload.fam };
        // Looked up (or taken from the cache, which revocation empties) so a deactivated user or
        // a revoked family loses access at once, not at expiry.
        const [row, family] = await Promise.all([activeUserWithDuties(payload.sub), liveFamily.execute({ familyId: payload.fam })]);
        if (!row || family.length === 0) return null;
        const actor = actorOf(row.user, row.mustEnrolTwoFactor);
        credentials.set(key, { actor, sessionId: null, expiresAt: null, lastSeenAt: null });
        return { actor, familyId: payload.fam };
      } catch {
        return null;
      }
    },

    async issueTokens(input: LoginBody, meta: RequestMeta): Promise<TokenResponse> {
      const row = await checkCredentials(input, meta);
      await db.update(users).set({ lastSignInAt: clock.now() }).where(eq(users.id, row.id));
      return issueTokenPair(row, newId(), meta);
    },

    /** Spends a refresh token. A token spent twice means theft: its whole family is revoked. */
    async refresh(refreshToken: string, meta: Partial<RequestMeta> = {}): Promise<TokenResponse> {
      const now = clock.now();
      const invalid = new AppError('unauthenticated', 'The refresh token is invalid or expired. Sign in again.');
      return db
        .transaction(async (tx) => {
          const [row] = await tx
            .select()
            .from(refreshTokens)
            .where(eq(refreshTokens.tokenHash, hashToken(refreshToken)))
            .for('update');
          if (!row) throw invalid;
          if (row.usedAt || row.revokedAt) {
            await revokeFamily(tx, row.familyId, now);
            return { reused: true } as const;
          }
          if (row.expiresAt <= now) throw invalid;
          const [user] = await tx.select().from(users).where(eq(users.id, row.userId));
          if (!user || user.deactivatedAt) throw invalid;
          await tx.update(refreshTokens).set({ usedAt: now }).where(eq(refreshTokens.id, row.id));
          return issueTokenPair(user, row.familyId, meta, tx);
        })
        .then((result) => {
          // Thrown after the transaction commits, so the family revocation is kept.
          if ('reused' in result) throw invalid;
          return result;
        });
    },

    async getUser(userId: string): Promise<User> {
      const row = await activeUser(userId);
      if (!row) throw new AppError('unauthenticated', 'Your session has ended. Sign in again.');
      return toUser(row);
    },

    async hasPlatformAdmin(): Promise<boolean> {
      const rows = await db.select({ id: users.id }).from(users).where(eq(users.platformRole, 'superadmin')).limit(1);
      return rows.length > 0;
    },

    /** A one-time link for creating the first platform admin; printed in the log at start. */
    async createSetupToken(): Promise<string> {
      const now = clock.now();
      const token = randomToken();
      await db.insert(oneTimeTokens).values({
        id: newId(),
        purpose: 'setup',
        tokenHash: hashToken(token),
        createdAt: now,
        expiresAt: new Date(now.getTime() + SETUP_LINK_TTL_MS),
      });
      return token;
    },

    /** Whether a setup link still works (the page says so before showing the form). */
    async setupLinkState(token: string): Promise<SetupLinkState> {
      const [link] = await db
        .select()
        .from(oneTimeTokens)
        .where(eq(oneTimeTokens.tokenHash, hashToken(token)));
      if (!link || link.purpose !== 'setup') return { state: 'unknown' };
      if (link.usedAt) return { state: 'used' };
      const admins = await db.select({ id: users.id }).from(users).where(eq(users.platformRole, 'superadmin')).limit(1);
      if (admins.length > 0) return { state: 'used' };
      if (link.expiresAt <= clock.now()) return { state: 'expired' };
      return { state: 'ready' };
    },

    async completeSetup(input: SetupBody, meta: RequestMeta): Promise<NewSession> {
      rejectWeakPassword(input.password, input);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const [link] = await tx
          .select()
          .from(oneTimeTokens)
          .where(eq(oneTimeTokens.tokenHash, hashToken(input.token)))
          .for('update');
        if (!link || link.purpose !== 'setup' || link.usedAt || link.expiresAt <= now) {
          throw new AppError('forbidden', 'This setup link is invalid, expired or already used. Restart the server for a new one.');
        }
        const admins = await tx.select({ id: users.id }).from(users).where(eq(users.platformRole, 'superadmin')).limit(1);
        if (admins.length > 0) throw new AppError('conflict', 'A platform admin already exists.');
        await tx.update(oneTimeTokens).set({ usedAt: now }).where(eq(oneTimeTokens.id, link.id));
        // The operator who holds the setup link typed this address: it counts as confirmed.
        const user = await insertUser(input, 'superadmin', tx, now);
        await writeAudit(tx, {
          actorId: user.id,
          action: 'platform_admin.create',
          targetType: 'user',
          targetId: user.id,
          ip: meta.ip,
          at: now,
          after: { via: 'setup-link' },
        });
        return user;
      });
      return createSession(row, meta);
    },

    /** `panelist create-admin`: makes a platform admin, or promotes an existing account. */
    async createPlatformAdmin(input: RegisterBody): Promise<{ user: User; created: boolean }> {
      rejectWeakPassword(input.password, input);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const [existing] = await tx
          .select()
          .from(users)
          .where(sql`lower(${users.email}) = ${input.email}`)
          .for('update');
        if (existing) {
          const [row] = await tx
            .update(users)
            .set({
              platformRole: 'superadmin',
              passwordHash: await hashPassword(input.password),
              updatedAt: now,
              // The operator vouches for the address they named (see createPlatformAdmin below).
              emailVerifiedAt: existing.emailVerifiedAt ?? now,
            })
            .where(eq(users.id, existing.id))
            .returning();
          // A running server may remember the old role for a moment: tell every instance.
          forgetUserCredentialsHere(existing.id);
          await publishEvent(tx, { type: 'account_changed', userId: existing.id });
          await writeAudit(tx, {
            actorId: null,
            action: 'platform_admin.promote',
            targetType: 'user',
            targetId: existing.id,
            before: { platformRole: existing.platformRole },
            after: { platformRole: 'superadmin' },
            at: now,
            ip: 'cli',
          });
          return { user: toUser(row!), created: false };
        }
        // The operator running the command vouches for the address, so the account starts confirmed
        // (invitations and sharing wait for a confirmed address).
        const row = await insertUser(input, 'superadmin', tx, now);
        await writeAudit(tx, {
          actorId: null,
          action: 'platform_admin.create',
          targetType: 'user',
          targetId: row.id,
          at: now,
          ip: 'cli',
          after: { via: 'cli' },
        });
        return { user: toUser(row), created: true };
      });
    },
  };
}
