import { describe, expect, it } from 'vitest';
import type { IntegrityEvent } from '../../contract/proctoring.js';
import { chainEvents, checkAppend } from './integrity-chain.js';
import { serverHashOf, verifyStoredLog, type StoredEvent } from './stored-log.js';

const nonce = 'n'.repeat(64);

/** Stores events as the server does on arrival: checked, numbered, server-chained. */
function store(events: IntegrityEvent[]) {
  const { checked, head } = checkAppend({ seq: 0, hash: nonce }, events, new Set());
  let previous = nonce;
  const rows: StoredEvent[] = checked.map(({ event, problem }, i) => {
    const base = { ...event, position: i + 1, receivedAt: `2026-12-01T10:00:0${i}.000Z`, problem };
    previous = serverHashOf(previous, base);
    return { ...base, serverHash: previous };
  });
  return { rows, recorded: { head, positions: rows.length, serverHead: rows.at(-1)?.serverHash ?? null } };
}

const events = chainEvents(
  nonce,
  ['tab_hidden', 'paste', 'window_blur', 'online'].map((kind, i) => ({
    seq: i + 1,
    kind: kind as IntegrityEvent['kind'],
    at: `2026-12-01T10:00:0${i}.000Z`,
    details: {},
  })),
);

describe('verifyStoredLog', () => {
  it('verifies an honest log', () => {
    const { rows, recorded } = store(events);
    expect(verifyStoredLog(nonce, rows, recorded)).toEqual({ valid: true, tamperedAt: null, problem: null });
  });

  it('reports a log that arrived tampered where it was found', () => {
    const { rows, recorded } = store([events[0]!, events[2]!, events[3]!]);
    expect(verifyStoredLog(nonce, rows, recorded)).toEqual({ valid: false, tamperedAt: 3, problem: 'gap' });
  });

  it('finds a row edited, deleted or cut off in the database after it was stored', () => {
    const { rows, recorded } = store(events);
    const edited = rows.map((r, i) => (i === 1 ? { ...r, details: { length: 3 } } : r));
    expect(verifyStoredLog(nonce, edited, recorded)).toMatchObject({ valid: false, tamperedAt: 2 });
    const withoutSecond = rows.filter((_, i) => i !== 1);
    expect(verifyStoredLog(nonce, withoutSecond, recorded)).toMatchObject({ valid: false, tamperedAt: 3 });
    expect(verifyStoredLog(nonce, rows.slice(0, 3), recorded)).toMatchObject({ valid: false, tamperedAt: 4, problem: 'gap' });
    const cleared = rows.map((r, i) => (i === 0 ? { ...r, kind: 'online' as const } : r));
    expect(verifyStoredLog(nonce, cleared, recorded).valid).toBe(false);
  });
});
