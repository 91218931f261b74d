import { createHash } from 'node:crypto';
import { chainText, type IntegrityEvent, type TamperProblem, type UnhashedIntegrityEvent } from '../../contract/proctoring.js';

/** Lowercase hex SHA-256 of a UTF-8 text. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The hash an event must carry after `previous` (the prior event's hash, or the interview's integrityNonce for seq 1). */
export function hashEvent(previous: string, event: UnhashedIntegrityEvent): string {
  return sha256Hex(chainText(previous, event));
}

/** Builds a well-formed chain from unhashed events (tests, and the shape the browser follows). */
export function chainEvents(nonce: string, events: UnhashedIntegrityEvent[]): IntegrityEvent[] {
  let previous = nonce;
  return events.map((e) => {
    const hash = hashEvent(previous, e);
    previous = hash;
    return { ...e, hash };
  });
}

/** Where the chain stands: the last accepted seq and hash (seq 0 and the nonce before any event). */
export interface ChainHead {
  seq: number;
  hash: string;
}

export interface CheckedEvent {
  event: IntegrityEvent;
  problem: TamperProblem | null;
}

/**
 * Checks events that arrive after `head`, one by one, and says what is wrong with each; nothing
 * is dropped. A seq that skips ahead is a gap (events deleted); a seq already seen with a hash
 * already seen is a replay; any other seq at or below the head is out of order; the right seq
 * with the wrong hash is an edited event. After a problem the head moves to the event received,
 * so one bad event does not mark every later honest one as well (the log stays tampered).
 */
export function checkAppend(
  head: ChainHead,
  events: IntegrityEvent[],
  seenHashes: ReadonlySet<string>,
): { checked: CheckedEvent[]; head: ChainHead } {
  const seen = new Set(seenHashes);
  let current = head;
  const checked: CheckedEvent[] = [];
  for (const event of events) {
    let problem: TamperProblem | null = null;
    if (event.seq > current.seq + 1) problem = 'gap';
    else if (event.seq <= current.seq) problem = seen.has(event.hash) ? 'replay' : 'out_of_order';
    else if (hashEvent(current.hash, event) !== event.hash) problem = 'broken_hash';
    checked.push({ event, problem });
    seen.add(event.hash);
    // A replayed or reordered event does not move the head: the honest continuation still verifies.
    if (problem === null || problem === 'gap' || problem === 'broken_hash') current = { seq: event.seq, hash: event.hash };
  }
  return { checked, head: current };
}

export interface ChainVerdict {
  valid: boolean;
  /** The seq of the first event found wrong (for a missing tail: the seq after the last one kept). */
  tamperedAt: number | null;
  problem: TamperProblem | null;
}

/**
 * Verifies a whole stored log from the nonce. `head` is the chain's end as recorded when the
 * events arrived: without it, deleting the last events would leave a shorter chain that is
 * still well formed, so the recorded head is what makes a cut tail visible.
 */
export function verifyChain(nonce: string, events: IntegrityEvent[], head?: ChainHead): ChainVerdict {
  const { checked, head: end } = checkAppend({ seq: 0, hash: nonce }, events, new Set());
  const bad = checked.find((c) => c.problem !== null);
  if (bad) return { valid: false, tamperedAt: bad.event.seq, problem: bad.problem };
  if (head && (end.seq !== head.seq || end.hash !== head.hash)) {
    return { valid: false, tamperedAt: Math.min(end.seq, head.seq) + 1, problem: end.seq < head.seq ? 'gap' : 'broken_hash' };
  }
  return { valid: true, tamperedAt: null, problem: null };
}
