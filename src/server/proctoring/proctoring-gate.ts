import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.js';
import type { Tx } from '../../db/client.js';
import type { ProctoringGate } from '../interviews/interview-context.js';
import { proctoringSessions } from './proctoring.table.js';

/**
 * The start check the interviews feature asks for: a proctored interview starts only after its
 * pre-check passed, and starting makes the nonce the integrity chain begins from. Built before the
 * interviews service (it reads only this feature's tables), so the two need not know each other.
 */
export function createProctoringGate(): ProctoringGate {
  async function session(tx: Tx, interviewId: string) {
    const [row] = await tx.select().from(proctoringSessions).where(eq(proctoringSessions.interviewId, interviewId)).for('update');
    return row;
  }
  return {
    async beforeStart(tx, row, now) {
      if (row.proctoring === 'off') return null;
      const s = await session(tx, row.id);
      if (!s?.precheckPassed) {
        const failed = s?.precheck?.failed ?? [];
        const which = failed.length > 0 ? `these checks did not pass: ${failed.join(', ')}` : 'it has not been run';
        throw new AppError('precheck_required', `This interview is proctored: pass the device pre-check first (${which}).`, {
          failed,
          level: row.proctoring,
        });
      }
      const nonce = s.nonce ?? randomBytes(32).toString('hex');
      await tx.update(proctoringSessions).set({ nonce, updatedAt: now }).where(eq(proctoringSessions.interviewId, row.id));
      return nonce;
    },
    async nonceOf(tx, row) {
      if (row.proctoring === 'off') return null;
      return (await session(tx, row.id))?.nonce ?? null;
    },
  };
}
