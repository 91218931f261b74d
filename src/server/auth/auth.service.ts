import { createHash, createSecretKey } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { SignJWT, jwtVerify } from 'jose';
import type { LoginBody, RegisterBody, SetupBody, TokenResponse, User } from '../../contract/auth.js';
import { AppError } from '../../core/errors.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Actor } from './actor.js';
import { newId } from '../ids.js';
import { oneTimeTokens, refreshTokens, sessions, users } from './auth.table.js';
import { assertNotThrottled, clearLoginFailures, recordLoginFailure, throttlePolicy } from './login-throttle.js';
import { decoyPasswordHash, hashPassword, passwordWeakness, verifyPassword } from './passwords.js';
import { hashToken, randomToken } from './tokens.js';

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

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    platformRole: row.platformRole,
    createdAt: row.createdAt.toISOString(),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService(deps: { db: Database; config: Config; clock: Clock }) {
  const { db, config, clock } = deps;
  // A KeyObject lets jose use node:crypto directly instead of importing a WebCrypto key per call.
  const accessKey = createSecretKey(createHash('sha256').update(`access-token:${config.secretKey}`).digest());

  function rejectWeakPassword(password: string, context: { email: string; name: string }) {
    const weakness = passwordWeakness(password, context);
    if (weakness) {
      throw new AppError('validation_failed', `The password ${weakness}.`, {
        errors: [{ path: 'body.password', message: weakness }],
      });
    }
  }

  async function insertUser(input: RegisterBody, platformRole: 'user' | 'superadmin', tx: Pick<Database, 'insert'> = db) {
    const now = clock.now();
    const passwordHash = await hashPassword(input.password);
    const rows = await tx
      .insert(users)
      .values({ id: newId(), email: input.email, name: input.name, passwordHash, platformRole, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning();
    const row = rows[0];
    if (!row) throw new AppError('email_taken', 'An account with this email already exists. Log in instead.');
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
    });
    return { user: toUser(user), sessionId, token, expiresAt };
  }

  /** Same answer, and about the same time, whether the email is unknown or the password wrong. */
  async function checkCredentials(input: LoginBody, meta: RequestMeta): Promise<UserRow> {
    const now = clock.now();
    const accountKey = `account:${input.email}`;
    const ipKey = `ip:${meta.ip}`;
    await assertNotThrottled(db, [accountKey, ipKey], now);
    const [row] = await db
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email}`);
    const ok = row
      ? await verifyPassword(row.passwordHash, input.password)
      : (await verifyPassword(await decoyPasswordHash(), input.password), false);
    if (!row || !ok || row.deactivatedAt) {
      await recordLoginFailure(db, accountKey, throttlePolicy.account.limit, now);
      await recordLoginFailure(db, ipKey, throttlePolicy.ip.limit, now);
      throw new AppError('unauthenticated', BAD_CREDENTIALS);
    }
    await clearLoginFailures(db, accountKey);
    return row;
  }

  async function issueTokenPair(user: UserRow, familyId: string, tx: Pick<Database, 'insert'> = db): Promise<TokenResponse> {
    const now = clock.now();
    const refreshToken = randomToken();
    await tx.insert(refreshTokens).values({
      id: newId(),
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      createdAt: now,
      expiresAt: new Date(now.getTime() + config.refreshTokenTtlDays * 86400_000),
    });
    const accessToken = await new SignJWT({ role: user.platformRole })
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
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare('auth_user_by_id');
  const sessionByTokenHash = db
    .select({ sessionId: sessions.id, expiresAt: sessions.expiresAt, revokedAt: sessions.revokedAt, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare('auth_session_by_token_hash');

  async function activeUser(userId: string): Promise<UserRow | null> {
    const [row] = await userById.execute({ id: userId });
    return row && !row.deactivatedAt ? row : null;
  }

  return {
    async register(input: RegisterBody, meta: RequestMeta): Promise<NewSession> {
      rejectWeakPassword(input.password, input);
      const row = await insertUser(input, 'user');
      return createSession(row, meta);
    },

    /**
     * Creates an account inside the caller's transaction, so accepting an invitation makes
     * the account and the membership together or not at all. Sign it in with startSession
     * once the transaction has committed.
     */
    async createAccount(tx: DbOrTx, input: RegisterBody): Promise<User> {
      rejectWeakPassword(input.password, input);
      return toUser(await insertUser(input, 'user', tx));
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
      await db.update(sessions).set({ revokedAt: clock.now() }).where(eq(sessions.id, sessionId));
    },

    /** The user behind a session cookie, or null if it is unknown, expired or revoked. */
    async resolveSession(token: string): Promise<{ actor: Actor; sessionId: string } | null> {
      const now = clock.now();
      const [row] = await sessionByTokenHash.execute({ tokenHash: hashToken(token) });
      if (!row || row.revokedAt || row.expiresAt <= now || row.user.deactivatedAt) return null;
      return { actor: { userId: row.user.id, platformRole: row.user.platformRole }, sessionId: row.sessionId };
    },

    async resolveAccessToken(token: string): Promise<Actor | null> {
      try {
        const { payload } = await jwtVerify(token, accessKey, {
          algorithms: ['HS256'],
          currentDate: clock.now(),
        });
        if (!payload.sub) return null;
        // Looked up each time so a deactivated user loses access at once, not at expiry.
        const row = await activeUser(payload.sub);
        return row ? { userId: row.id, platformRole: row.platformRole } : null;
      } catch {
        return null;
      }
    },

    async issueTokens(input: LoginBody, meta: RequestMeta): Promise<TokenResponse> {
      const row = await checkCredentials(input, meta);
      return issueTokenPair(row, newId());
    },

    /** Spends a refresh token. A token spent twice means theft: its whole family is revoked. */
    async refresh(refreshToken: string): Promise<TokenResponse> {
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
            await tx
              .update(refreshTokens)
              .set({ revokedAt: now })
              .where(and(eq(refreshTokens.familyId, row.familyId), isNull(refreshTokens.revokedAt)));
            return { reused: true } as const;
          }
          if (row.expiresAt <= now) throw invalid;
          const [user] = await tx.select().from(users).where(eq(users.id, row.userId));
          if (!user || user.deactivatedAt) throw invalid;
          await tx.update(refreshTokens).set({ usedAt: now }).where(eq(refreshTokens.id, row.id));
          return issueTokenPair(user, row.familyId, tx);
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
        const user = await insertUser(input, 'superadmin', tx);
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
            .set({ platformRole: 'superadmin', passwordHash: await hashPassword(input.password), updatedAt: now })
            .where(eq(users.id, existing.id))
            .returning();
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
        const row = await insertUser(input, 'superadmin', tx);
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
