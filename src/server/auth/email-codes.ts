import { createHmac, randomInt } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client.js';
import { newId } from '../ids.js';
import { emailCodes } from './auth.table.js';
import { hashToken, randomToken, safeEqual } from './tokens.js';

export type EmailCodePurpose = (typeof emailCodes.$inferSelect)['purpose'];
type EmailCodeRow = typeof emailCodes.$inferSelect;

/** Wrong guesses a code allows before it is spent: 3 in a million is the odds of a guesser. */
export const EMAIL_CODE_ATTEMPTS = 3;

export const EMAIL_CODE_TTL_MS: Record<EmailCodePurpose, number> = {
  sign_in: 10 * 60_000,
  password_reset: 10 * 60_000,
  verify_email: 7 * 86400_000,
  change_email: 24 * 3600_000,
};

export interface IssuedCode {
  code: string;
  linkToken: string;
  expiresAt: Date;
}

/** Keyed by the server secret and the row, so a copied table does not give the codes away. */
function codeHash(secret: string, rowId: string, code: string): string {
  return createHmac('sha256', secret).update(`email-code:${rowId}:${code}`).digest('hex');
}

/** Six digits, leading zeros kept, uniformly drawn. */
export const sixDigits = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/**
 * Issues a code (and a link token) inside the caller's transaction, spending the user's earlier
 * codes of the same purpose so only the newest mail works.
 */
export async function issueEmailCode(
  tx: DbOrTx,
  input: { secret: string; userId: string; purpose: EmailCodePurpose; email?: string; now: Date },
): Promise<IssuedCode> {
  const { now } = input;
  await tx
    .update(emailCodes)
    .set({ usedAt: now })
    .where(and(eq(emailCodes.userId, input.userId), eq(emailCodes.purpose, input.purpose), isNull(emailCodes.usedAt)));
  const id = newId();
  const code = sixDigits();
  const linkToken = randomToken();
  const expiresAt = new Date(now.getTime() + EMAIL_CODE_TTL_MS[input.purpose]);
  await tx.insert(emailCodes).values({
    id,
    userId: input.userId,
    purpose: input.purpose,
    codeHash: codeHash(input.secret, id, code),
    linkTokenHash: hashToken(linkToken),
    email: input.email ?? null,
    createdAt: now,
    expiresAt,
  });
  return { code, linkToken, expiresAt };
}

/** When the user's newest live code of a purpose was issued, to space out resends. */
export async function lastCodeIssuedAt(db: DbOrTx, userId: string, purpose: EmailCodePurpose, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ createdAt: emailCodes.createdAt })
    .from(emailCodes)
    .where(and(eq(emailCodes.userId, userId), eq(emailCodes.purpose, purpose), isNull(emailCodes.usedAt), gt(emailCodes.expiresAt, now)))
    .orderBy(desc(emailCodes.createdAt))
    .limit(1);
  return row?.createdAt ?? null;
}

/**
 * Spends the user's live code of a purpose if `code` matches. A wrong guess is counted in its
 * own transaction, so it sticks even when the caller then fails the request; the third wrong
 * guess spends the code. Returns the row (for its email) or null.
 */
export async function redeemEmailCode(
  db: Database,
  input: { secret: string; userId: string; purpose: EmailCodePurpose; code: string; now: Date },
): Promise<EmailCodeRow | null> {
  const { now } = input;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(emailCodes)
      .where(
        and(
          eq(emailCodes.userId, input.userId),
          eq(emailCodes.purpose, input.purpose),
          isNull(emailCodes.usedAt),
          gt(emailCodes.expiresAt, now),
        ),
      )
      .orderBy(desc(emailCodes.createdAt))
      .limit(1)
      .for('update');
    if (!row) return null;
    if (safeEqual(codeHash(input.secret, row.id, input.code), row.codeHash)) {
      await tx.update(emailCodes).set({ usedAt: now }).where(eq(emailCodes.id, row.id));
      return row;
    }
    const attempts = row.attempts + 1;
    await tx
      .update(emailCodes)
      .set({ attempts, ...(attempts >= EMAIL_CODE_ATTEMPTS ? { usedAt: now } : {}) })
      .where(eq(emailCodes.id, row.id));
    return null;
  });
}

/** Spends a code by the token of its link instead of its digits. */
export async function redeemEmailLink(
  db: DbOrTx,
  input: { purpose: EmailCodePurpose; token: string; now: Date },
): Promise<EmailCodeRow | null> {
  const [row] = await db
    .update(emailCodes)
    .set({ usedAt: input.now })
    .where(
      and(
        eq(emailCodes.linkTokenHash, hashToken(input.token)),
        eq(emailCodes.purpose, input.purpose),
        isNull(emailCodes.usedAt),
        gt(emailCodes.expiresAt, input.now),
      ),
    )
    .returning();
  return row ?? null;
}
