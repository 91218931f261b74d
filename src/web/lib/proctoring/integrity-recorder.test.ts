import { describe, expect, it } from 'vitest';
import type { IntegrityEvent, IntegrityReceipt } from '../../../contract/index.js';
import { IntegrityRecorder } from './integrity-recorder.js';

/** A server that keeps what it was sent; `fail` decides, per send, whether it stores and whether the answer arrives. */
function fakeServer(fail: (call: number) => 'none' | 'lost_answer' | 'not_stored') {
  const stored: IntegrityEvent[] = [];
  let calls = 0;
  const receipt = (): IntegrityReceipt => ({
    accepted: 0,
    nextSeq: stored.length + 1,
    lastHash: stored.at(-1)?.hash ?? 'nonce',
    counts: { face_missing: 0, tab_switch: 0, fullscreen_exit: 0, multiple_faces: 0, suspicious_input: 0 },
    newWarnings: [],
    warnings: [],
    terminated: false,
  });
  return {
    stored,
    send: async (events: IntegrityEvent[]) => {
      const mode = fail(++calls);
      if (mode === 'not_stored') throw new Error('offline');
      stored.push(...events);
      if (mode === 'lost_answer') throw new Error('the connection closed before the answer');
      return receipt();
    },
    headOf: async () => stored.length + 1,
  };
}

async function recordAndFlush(server: ReturnType<typeof fakeServer>, rounds: number) {
  const r = new IntegrityRecorder({
    send: server.send,
    headOf: server.headOf,
    start: { nextSeq: 1, lastHash: 'nonce' },
    onReceipt: () => {},
  });
  r.record('tab_hidden');
  r.record('paste', { length: 12, fromOutside: true });
  await r.flush();
  r.record('window_blur');
  for (let i = 0; i < rounds; i++) await r.flush();
  return server.stored.map((e) => e.seq);
}

describe('the integrity recorder', () => {
  it('after a send whose answer was lost, sends only what the server does not have (no replay)', async () => {
    const server = fakeServer((call) => (call === 1 ? 'lost_answer' : 'none'));
    expect(await recordAndFlush(server, 2)).toEqual([1, 2, 3]);
  });

  it('after a send that never arrived, sends the same events again', async () => {
    const server = fakeServer((call) => (call === 1 ? 'not_stored' : 'none'));
    expect(await recordAndFlush(server, 2)).toEqual([1, 2, 3]);
  });

  it('chains each event on the one before, from the start it was given', async () => {
    const server = fakeServer(() => 'none');
    await recordAndFlush(server, 1);
    const hashes = server.stored.map((e) => e.hash);
    expect(new Set(hashes).size).toBe(3);
    for (const h of hashes) expect(h).toMatch(/^[0-9a-f]{64}$/);
  });
});
