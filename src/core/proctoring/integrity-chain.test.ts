import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  chainText,
  INTEGRITY_EVENT_KINDS,
  type IntegrityEvent,
  type UnhashedIntegrityEvent,
} from '../../contract/proctoring.js';
import { chainEvents, checkAppend, hashEvent, sha256Hex, verifyChain } from './integrity-chain.js';

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}

function randomEvents(r: ReturnType<typeof rng>, n: number): UnhashedIntegrityEvent[] {
  const start = Date.parse('2026-12-01T10:00:00Z');
  return Array.from({ length: n }, (_, i) => {
    const kind = INTEGRITY_EVENT_KINDS[r.int(INTEGRITY_EVENT_KINDS.length)]!;
    const details: Record<string, string | number | boolean | null> = {};
    if (kind === 'paste') Object.assign(details, { length: r.int(2000), fromOutside: r.next() < 0.5 });
    if (r.next() < 0.5) details.question = r.int(10);
    return { seq: i + 1, kind, at: new Date(start + i * 1000 + r.int(900)).toISOString(), details };
  });
}

const nonce = 'b3c1f0a4e5d6c7b8a9f0e1d2c3b4a5f6';
const CASES = 400;

function mutate(kind: 'edit' | 'delete' | 'reorder' | 'replay', events: IntegrityEvent[], r: ReturnType<typeof rng>): IntegrityEvent[] {
  const copy = events.map((e) => ({ ...e, details: { ...e.details } }));
  const i = r.int(copy.length);
  switch (kind) {
    case 'edit': {
      const e = copy[i]!;
      const field = r.int(4);
      if (field === 0) e.kind = e.kind === 'paste' ? 'copy' : 'paste';
      else if (field === 1) e.at = new Date(Date.parse(e.at) + 1 + r.int(5000)).toISOString();
      else if (field === 2) e.details = { ...e.details, length: typeof e.details.length === 'number' ? e.details.length + 1 : 1 };
      else e.details = {};
      if (field === 3 && Object.keys(events[i]!.details).length === 0) e.details = { note: 'added' };
      return copy;
    }
    case 'delete':
      copy.splice(i, 1);
      return copy;
    case 'reorder': {
      let j = r.int(copy.length - 1);
      if (j >= i) j += 1;
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      return copy;
    }
    case 'replay': {
      const at = i + 1 + r.int(copy.length - i);
      copy.splice(at, 0, { ...copy[i]! });
      return copy;
    }
  }
}

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units, drops whitespace and writes numbers as ECMAScript does', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], é: 1e21, A: 0.000001, z: -0 })).toBe(
      '{"A":0.000001,"a":[true,null,"x"],"b":1,"z":0,"é":1e+21}',
    );
    // The RFC's own ordering example: code units, so the surrogate pair sorts before U+FB33.
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ufb33': 3, '\ud83d\ude00': 4, '1': 5, '\u0080': 6, '\u00f6': 7 })).toBe(
      '{"\\r":2,"1":5,"\u0080":6,"\u00f6":7,"\u20ac":1,"\ud83d\ude00":4,"\ufb33":3}',
    );
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
  });

  it('hashes the previous hash followed directly by the event without its hash', () => {
    const e = { seq: 1, kind: 'tab_hidden' as const, at: '2026-12-01T10:00:00.000Z', details: {} };
    expect(chainText(nonce, { ...e, hash: 'f'.repeat(64) })).toBe(
      `${nonce}{"at":"2026-12-01T10:00:00.000Z","details":{},"kind":"tab_hidden","seq":1}`,
    );
    expect(hashEvent(nonce, e)).toBe(sha256Hex(`${nonce}{"at":"2026-12-01T10:00:00.000Z","details":{},"kind":"tab_hidden","seq":1}`));
    expect(hashEvent(nonce, e)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('verifyChain', () => {
  it('accepts every honest chain, checked whole or in batches', () => {
    const r = rng(1);
    for (let c = 0; c < CASES; c++) {
      const events = chainEvents(nonce, randomEvents(r, 1 + r.int(30)));
      const head = { seq: events.length, hash: events.at(-1)!.hash };
      expect(verifyChain(nonce, events, head)).toEqual({ valid: true, tamperedAt: null, problem: null });
      const cut = r.int(events.length);
      const first = checkAppend({ seq: 0, hash: nonce }, events.slice(0, cut), new Set());
      const second = checkAppend(first.head, events.slice(cut), new Set(events.slice(0, cut).map((e) => e.hash)));
      expect([...first.checked, ...second.checked].every((x) => x.problem === null)).toBe(true);
      expect(second.head).toEqual(head);
    }
  });

  it('starts from the nonce: the same events under another interview nonce do not verify', () => {
    const events = chainEvents(nonce, randomEvents(rng(2), 5));
    expect(verifyChain('another-nonce', events).valid).toBe(false);
  });

  for (const kind of ['edit', 'delete', 'reorder', 'replay'] as const) {
    it(`detects a ${kind === 'edit' ? 'edited' : kind === 'delete' ? 'deleted' : kind === 'reorder' ? 'reordered' : 'replayed'} event in every one of ${CASES} random chains`, () => {
      const r = rng(100 + kind.length);
      let detected = 0;
      for (let c = 0; c < CASES; c++) {
        const events = chainEvents(nonce, randomEvents(r, 2 + r.int(30)));
        const head = { seq: events.length, hash: events.at(-1)!.hash };
        const verdict = verifyChain(nonce, mutate(kind, events, r), head);
        if (!verdict.valid && verdict.tamperedAt !== null) detected++;
      }
      expect(detected).toBe(CASES);
    });
  }

  it('names where and what: an edit at event 3 is a broken hash at 3, a missing event 3 a gap at 4, a replay of 2 after 4', () => {
    const events = chainEvents(nonce, randomEvents(rng(7), 6));
    const head = { seq: 6, hash: events[5]!.hash };
    const edited = events.map((e, i) => (i === 2 ? { ...e, at: '2030-01-01T00:00:00.000Z' } : e));
    expect(verifyChain(nonce, edited, head)).toEqual({ valid: false, tamperedAt: 3, problem: 'broken_hash' });
    expect(verifyChain(nonce, [...events.slice(0, 2), ...events.slice(3)], head)).toEqual({ valid: false, tamperedAt: 4, problem: 'gap' });
    expect(verifyChain(nonce, [...events.slice(0, 4), events[1]!, ...events.slice(4)], head)).toEqual({
      valid: false,
      tamperedAt: 2,
      problem: 'replay',
    });
    // Cutting the tail leaves a well-formed chain; the recorded head shows it.
    expect(verifyChain(nonce, events.slice(0, 4))).toEqual({ valid: true, tamperedAt: null, problem: null });
    expect(verifyChain(nonce, events.slice(0, 4), head)).toEqual({ valid: false, tamperedAt: 5, problem: 'gap' });
  });

  it('an edited event whose later hashes were all recomputed still differs from the recorded head', () => {
    const events = chainEvents(nonce, randomEvents(rng(9), 5));
    const head = { seq: 5, hash: events[4]!.hash };
    const forged = chainEvents(
      nonce,
      events.map(({ hash: _h, ...e }, i) => (i === 1 ? { ...e, details: {}, kind: 'online' as const } : e)),
    );
    expect(verifyChain(nonce, forged, head).valid).toBe(false);
  });
});
