import { and, desc, eq, isNull } from 'drizzle-orm';
import {
  CURRENT_PRIVACY_VERSION,
  CURRENT_PROCTORING_VERSION,
  CURRENT_RECORDING_VERSION,
  CURRENT_TERMS_VERSION,
  type Consent,
  type ConsentKind,
  type ConsentList,
} from '../../contract/privacy.js';
import { AppError } from '../../core/errors.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import { consents } from './privacy.table.js';

type ConsentRow = typeof consents.$inferSelect;
const toConsent = (r: ConsentRow): Consent => ({
  id: r.id,
  kind: r.kind,
  version: r.version,
  scope: r.scope,
  givenAt: r.givenAt.toISOString(),
  withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
});

/** Consents: recorded at registration and before recordings, listed and withdrawn by their owner. */
export function createConsentsService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  async function give(tx: Pick<Database, 'insert'>, userId: string, kind: ConsentKind, version: string, at: Date) {
    await tx.insert(consents).values({ id: newId(), userId, kind, version, givenAt: at });
  }

  async function current(userId: string, kind: ConsentKind, tx: DbOrTx = db): Promise<ConsentRow | undefined> {
    const [row] = await tx
      .select()
      .from(consents)
      .where(and(eq(consents.userId, userId), eq(consents.kind, kind)))
      .orderBy(desc(consents.givenAt), desc(consents.id))
      .limit(1);
    return row;
  }

  return {
    /** Called by the auth feature in the transaction that creates an account: the versions the form showed. */
    async recordRegistration(tx: Pick<Database, 'insert'>, userId: string, at: Date): Promise<void> {
      await give(tx, userId, 'terms', CURRENT_TERMS_VERSION, at);
      await give(tx, userId, 'privacy', CURRENT_PRIVACY_VERSION, at);
    },

    /** Called by the proctoring feature when the candidate saves a pre-check (after ticking the consent box). */
    async recordProctoring(tx: Pick<Database, 'insert'>, userId: string, interviewId: string, at: Date): Promise<void> {
      await tx
        .insert(consents)
        .values({ id: newId(), userId, kind: 'proctoring', version: CURRENT_PROCTORING_VERSION, scope: interviewId, givenAt: at });
    },

    async list(actor: Actor): Promise<ConsentList> {
      const rows = await db
        .select()
        .from(consents)
        .where(eq(consents.userId, actor.userId))
        .orderBy(desc(consents.givenAt), desc(consents.id));
      return { items: rows.map(toConsent) };
    },

    /** Gives recording consent (again); a consent already in force is returned as it is. */
    async giveRecording(actor: Actor): Promise<Consent> {
      return db.transaction(async (tx) => {
        const now = clock.now();
        const existing = await current(actor.userId, 'recording', tx);
        if (existing && !existing.withdrawnAt) return toConsent(existing);
        await give(tx, actor.userId, 'recording', CURRENT_RECORDING_VERSION, now);
        await writeAudit(tx, {
          actorId: actor.userId,
          action: 'consent.give',
          targetType: 'user',
          targetId: actor.userId,
          after: { kind: 'recording', version: CURRENT_RECORDING_VERSION },
          at: now,
        });
        return toConsent((await current(actor.userId, 'recording', tx))!);
      });
    },

    /**
     * Withdraws a consent. Recording consent can be withdrawn (new recordings are then refused);
     * the terms and privacy notice cannot be withdrawn while the account exists: deleting the
     * account is how one leaves them.
     */
    async withdraw(actor: Actor, kind: ConsentKind): Promise<Consent> {
      if (kind !== 'recording')
        throw new AppError(
          'invalid_state',
          'The terms and privacy notice hold while you have an account: delete the account to leave them.',
        );
      return db.transaction(async (tx) => {
        const now = clock.now();
        const row = await current(actor.userId, kind, tx);
        if (row?.withdrawnAt) return toConsent(row);
        if (row)
          await tx
            .update(consents)
            .set({ withdrawnAt: now })
            .where(and(eq(consents.id, row.id), isNull(consents.withdrawnAt)));
        // Never given: the withdrawal is still recorded, so recordings are refused from now on.
        else
          await tx
            .insert(consents)
            .values({ id: newId(), userId: actor.userId, kind, version: CURRENT_RECORDING_VERSION, givenAt: now, withdrawnAt: now });
        await writeAudit(tx, {
          actorId: actor.userId,
          action: 'consent.withdraw',
          targetType: 'user',
          targetId: actor.userId,
          after: { kind },
          at: now,
        });
        return toConsent((await current(actor.userId, kind, tx))!);
      });
    },

    /**
     * Whether new recordings of this person may be accepted: not after they withdrew recording
     * consent (until they give it again). A recording started by the person is itself the act of
     * consent when none was ever asked (practice voice answers); the proctoring pre-check and the
     * recorder record it explicitly.
     */
    async recordingAllowed(userId: string): Promise<boolean> {
      const row = await current(userId, 'recording');
      return !row?.withdrawnAt;
    },
  };
}

export type ConsentsService = ReturnType<typeof createConsentsService>;
