import { canonicalJson, type IntegrityEvent, type TamperProblem } from '../../contract/proctoring.js';
import { checkAppend, sha256Hex, type ChainHead } from './integrity-chain.js';

/** A row of the server's log: the browser's event, where it was received, and what was found wrong on arrival. */
export interface StoredEvent extends IntegrityEvent {
  position: number;
  receivedAt: string;
  problem: TamperProblem | null;
  serverHash: string;
}

/** The server's own chain over rows in arrival order, starting from the nonce; it covers the receive time and the problem found. */
export function serverHashOf(previous: string, row: Omit<StoredEvent, 'serverHash'>): string {
  const { position, receivedAt, problem, seq, kind, at, details, hash } = row;
  return sha256Hex(previous + canonicalJson({ position, receivedAt, problem, seq, kind, at, details, hash }));
}

export interface LogVerdict {
  valid: boolean;
  tamperedAt: number | null;
  problem: TamperProblem | null;
}

/**
 * Re-checks a stored log against the heads recorded on arrival: the browser's chain (events in
 * arrival order, checked again from the nonce, must find exactly the problems stored) and the
 * server's chain over the rows (an edited, deleted or inserted row breaks it).
 */
export function verifyStoredLog(
  nonce: string,
  rows: StoredEvent[],
  recorded: { head: ChainHead; positions: number; serverHead: string | null },
): LogVerdict {
  const firstStored = rows.find((r) => r.problem !== null);
  const stored: LogVerdict = firstStored
    ? { valid: false, tamperedAt: firstStored.seq, problem: firstStored.problem }
    : { valid: true, tamperedAt: null, problem: null };

  let previous = nonce;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.position !== i + 1 || serverHashOf(previous, row) !== row.serverHash)
      return { valid: false, tamperedAt: row.seq, problem: 'broken_hash' };
    previous = row.serverHash;
  }
  if (rows.length !== recorded.positions || (rows.length > 0 && previous !== recorded.serverHead)) {
    return { valid: false, tamperedAt: (rows.at(-1)?.seq ?? 0) + 1, problem: 'gap' };
  }

  const { checked, head } = checkAppend({ seq: 0, hash: nonce }, rows, new Set());
  const differs = checked.findIndex((c, i) => c.problem !== rows[i]!.problem);
  if (differs >= 0) return { valid: false, tamperedAt: rows[differs]!.seq, problem: checked[differs]!.problem ?? 'broken_hash' };
  if (head.seq !== recorded.head.seq || head.hash !== recorded.head.hash) return { valid: false, tamperedAt: head.seq + 1, problem: 'gap' };
  return stored;
}
