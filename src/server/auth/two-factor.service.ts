import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { OrgSecurity, OrgSecurityBody, TwoFactorSetup, TwoFactorStatus } from '../../contract/auth-two-factor.js';
import { AppError } from '../../core/errors.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { newId } from '../ids.js';
import type { OrgAccess } from '../orgs/org-access.js';
import type { Actor } from './actor.js';
import { users } from './auth.table.js';
import type { RequestMeta } from './auth.service.js';
import { verifyPassword } from './passwords.js';
import { recoveryCodes, twoFactor } from './two-factor.table.js';
import { announceAccountChange } from './revocation.js';
import {
  RECOVERY_CODE_COUNT,
  newRecoveryCode,
  newTotpSecret,
  openSecret,
  otpauthUri,
  recoveryCodeHash,
  sealSecret,
  totpStepOf,
} from './two-factor.js';

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;

/** What a sign-in carried besides the password. */
export interface SecondFactor {
  totpCode?: string | undefined;
  recoveryCode?: string | undefined;
}

export type SecondFactorCheck = 'not_enrolled' | 'passed' | 'missing' | 'wrong';

/**
 * SQL true when the user is a coach or admin of an organization that requires two-factor and
 * has not enrolled: such a user reaches only the account pages until they do. Read with the
 * user row on every request, so the requirement bites at once.
 */
export const mustEnrolTwoFactorSql = sql<boolean>`(exists (select 1 from "memberships" m join "organizations" o on o."id" = m."org_id" where m."user_id" = "users"."id" and m."role" in ('coach', 'admin') and o."require_two_factor") and not exists (select 1 from "two_factor" f where f."user_id" = "users"."id" and f."enabled_at" is not null))`;
// Written out with its table names: Drizzle drops the qualifiers of columns in one-table queries,
// which would make "id" ambiguous inside the subqueries.

/** Ends a user's two-factor: authenticator and recovery codes (disable, admin reset, erasure). */
export async function removeTwoFactor(tx: DbOrTx, userId: string): Promise<boolean> {
  const removed = await tx.delete(twoFactor).where(eq(twoFactor.userId, userId)).returning({ userId: twoFactor.userId });
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await announceAccountChange(tx, userId);
  return removed.length > 0;
}

export function createTwoFactorService(deps: { db: Database; config: Config; clock: Clock; orgAccess: OrgAccess }) {
  const { db, config, clock, orgAccess } = deps;

  async function requirePassword(userId: string, password: string) {
    const [row] = await db.select().from(users).where(eq(users.id, userId));
    if (!row || !(await verifyPassword(row.passwordHash, password))) {
      throw new AppError('validation_failed', 'The password is not right.', {
        errors: [{ path: 'body.password', message: 'is not right' }],
      });
    }
    return row;
  }

  async function issueRecoveryCodes(tx: DbOrTx, userId: string, now: Date): Promise<string[]> {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await tx
      .insert(recoveryCodes)
      .values(codes.map((code) => ({ id: newId(), userId, codeHash: recoveryCodeHash(config.secretKey, code), createdAt: now })));
    return codes;
  }

  return {
    async status(actor: Actor): Promise<TwoFactorStatus> {
      const [row] = await db.select().from(twoFactor).where(eq(twoFactor.userId, actor.userId));
      const [left] = await db
        .select({ n: count() })
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, actor.userId), isNull(recoveryCodes.usedAt)));
      const enabled = Boolean(row?.enabledAt);
      return {
        enabled,
        enabledAt: row?.enabledAt?.toISOString() ?? null,
        recoveryCodesLeft: enabled ? (left?.n ?? 0) : 0,
        requiredByOrg: await orgAccess.twoFactorDemandedOf(actor.userId),
      };
    },

    /** A new secret waiting for its first code; asking again replaces it. */
    async beginSetup(actor: Actor, password: string): Promise<TwoFactorSetup> {
      const user = await requirePassword(actor.userId, password);
      const now = clock.now();
      const secret = newTotpSecret();
      const sealed = sealSecret(config.secretKey, secret);
      const [existing] = await db.select().from(twoFactor).where(eq(twoFactor.userId, actor.userId));
      if (existing?.enabledAt)
        throw new AppError('invalid_state', 'Two-factor sign-in is already on. Turn it off first to use another device.');
      await db
        .insert(twoFactor)
        .values({ userId: actor.userId, secretCipher: sealed, createdAt: now })
        .onConflictDoUpdate({ target: twoFactor.userId, set: { secretCipher: sealed, createdAt: now, lastUsedStep: null } });
      const uri = otpauthUri(secret, user.email);
      // Loaded here, not at start: only two-factor enrolment draws a QR code (≈ 40–60 ms to load).
      const { default: QRCode } = await import('qrcode');
      return { secret, otpauthUri: uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }) };
    },

    /** The first code proves the app holds the secret; the recovery codes are returned this once. */
    async enable(actor: Actor, code: string, meta: RequestMeta): Promise<string[]> {
      const now = clock.now();
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(twoFactor).where(eq(twoFactor.userId, actor.userId)).for('update');
        if (!row) throw new AppError('invalid_state', 'Start the set-up first: no authenticator is waiting for a code.');
        if (row.enabledAt) throw new AppError('invalid_state', 'Two-factor sign-in is already on.');
        const step = totpStepOf(openSecret(config.secretKey, row.secretCipher), code, now);
        if (step === null) {
          throw new AppError('validation_failed', 'That code does not match. Check the time on your phone and enter the newest code.', {
            errors: [{ path: 'body.code', message: 'does not match' }],
          });
        }
        await tx.update(twoFactor).set({ enabledAt: now, lastUsedStep: step }).where(eq(twoFactor.userId, actor.userId));
        // A coach who had to enrol is let through on their next request, on any instance.
        await announceAccountChange(tx, actor.userId);
        const codes = await issueRecoveryCodes(tx, actor.userId, now);
        await writeAudit(tx, {
          actorId: actor.userId,
          action: 'user.two_factor_enabled',
          targetType: 'user',
          targetId: actor.userId,
          ip: meta.ip,
          at: now,
        });
        return codes;
      });
    },

    async disable(actor: Actor, password: string, meta: RequestMeta): Promise<void> {
      await requirePassword(actor.userId, password);
      const now = clock.now();
      await db.transaction(async (tx) => {
        if (!(await removeTwoFactor(tx, actor.userId))) throw new AppError('invalid_state', 'Two-factor sign-in is not on.');
        await writeAudit(tx, {
          actorId: actor.userId,
          action: 'user.two_factor_disabled',
          targetType: 'user',
          targetId: actor.userId,
          ip: meta.ip,
          at: now,
        });
      });
    },

    /** New recovery codes; the old ones stop working. */
    async renewRecoveryCodes(actor: Actor, password: string, meta: RequestMeta): Promise<string[]> {
      await requirePassword(actor.userId, password);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(twoFactor).where(eq(twoFactor.userId, actor.userId)).for('update');
        if (!row?.enabledAt) throw new AppError('invalid_state', 'Two-factor sign-in is not on.');
        const codes = await issueRecoveryCodes(tx, actor.userId, now);
        await writeAudit(tx, {
          actorId: actor.userId,
          action: 'user.recovery_codes_renewed',
          targetType: 'user',
          targetId: actor.userId,
          ip: meta.ip,
          at: now,
        });
        return codes;
      });
    },

    /**
     * The second step of a sign-in whose password was right. A TOTP code is good once (its step
     * must come after the last accepted one, checked under the row lock); a recovery code is spent.
     */
    async check(userId: string, factor: SecondFactor): Promise<SecondFactorCheck> {
      const now = clock.now();
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(twoFactor).where(eq(twoFactor.userId, userId)).for('update');
        if (!row?.enabledAt) return 'not_enrolled';
        if (factor.totpCode) {
          const step = totpStepOf(openSecret(config.secretKey, row.secretCipher), factor.totpCode, now);
          if (step === null || (row.lastUsedStep !== null && step <= row.lastUsedStep)) return 'wrong';
          await tx.update(twoFactor).set({ lastUsedStep: step }).where(eq(twoFactor.userId, userId));
          return 'passed';
        }
        if (factor.recoveryCode) {
          const spent = await tx
            .update(recoveryCodes)
            .set({ usedAt: now })
            .where(
              and(
                eq(recoveryCodes.userId, userId),
                eq(recoveryCodes.codeHash, recoveryCodeHash(config.secretKey, factor.recoveryCode)),
                isNull(recoveryCodes.usedAt),
              ),
            )
            .returning({ id: recoveryCodes.id });
          return spent.length > 0 ? 'passed' : 'wrong';
        }
        return 'missing';
      });
    },

    async orgSecurity(actor: Actor, orgId: string): Promise<OrgSecurity> {
      await orgAccess.requireRole(actor, orgId, ['admin', 'coach']);
      return { requireTwoFactor: await db.transaction((tx) => orgAccess.lockTwoFactorRequirement(orgId, tx)) };
    },

    /**
     * An org admin asks its coaches and admins for two-factor. Only an admin who has it on may
     * turn the requirement on, so nobody locks the organization away from themselves by accident.
     */
    async setOrgSecurity(actor: Actor, orgId: string, body: OrgSecurityBody, meta: RequestMeta): Promise<OrgSecurity> {
      const now = clock.now();
      return db.transaction(async (tx) => {
        await orgAccess.requireRole(actor, orgId, ['admin'], tx);
        const before = await orgAccess.lockTwoFactorRequirement(orgId, tx);
        if (body.requireTwoFactor) {
          const [mine] = await tx.select({ enabledAt: twoFactor.enabledAt }).from(twoFactor).where(eq(twoFactor.userId, actor.userId));
          if (!mine?.enabledAt) throw new AppError('invalid_state', 'Turn on two-factor sign-in for your own account first.');
        }
        const staff = await orgAccess.setTwoFactorRequirement(orgId, body.requireTwoFactor, tx);
        // Every instance forgets what it knew of their sign-ins, so the requirement bites on their next request.
        if (before !== body.requireTwoFactor) for (const userId of staff) await announceAccountChange(tx, userId);
        await writeAudit(tx, {
          orgId,
          actorId: actor.userId,
          action: 'org.two_factor_requirement',
          targetType: 'organization',
          targetId: orgId,
          before: { requireTwoFactor: before },
          after: { requireTwoFactor: body.requireTwoFactor },
          ip: meta.ip,
          at: now,
        });
        return { requireTwoFactor: body.requireTwoFactor };
      });
    },
  };
}
