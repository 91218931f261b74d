import { describe, expect, it } from 'vitest';
import { buildTopicIndex, topicStanding } from './topic-index.js';

/**
 * Relevance as a ranking, on a small bank written for this test: an answer on a neighbouring
 * subject fits another question's topic better than its own; an answer in other words than
 * the reference still fits its own best; a copy of the asked question in the bank is not
 * "another" topic.
 */
const bank = [
  {
    id: 'dns',
    question: 'How does DNS resolution work, and what record types should an engineer know?',
    text: 'How does DNS resolution work? A recursive resolver asks the root, the top-level domain and the authoritative name servers; answers are cached for their TTL. A and AAAA records map names to addresses, CNAME is an alias, MX names mail servers.',
  },
  {
    id: 'tls',
    question: 'What happens during a TLS handshake?',
    text: 'What happens during a TLS handshake? Client and server agree on a cipher suite, the server presents a certificate signed by a certificate authority, an ephemeral key exchange derives session keys, then records are encrypted symmetrically.',
  },
  {
    id: 'heap',
    question: 'What is a heap, and what problems is it good for?',
    text: 'What is a heap? A complete binary tree stored in an array with the minimum at the root; insert and pop take logarithmic time. Used for top-k, scheduling and Dijkstra.',
  },
];
const index = buildTopicIndex(bank);
const task = bank[0]!;

describe('an answer is ranked against its own topic and the other questions of the bank', () => {
  it('text about the TLS handshake given to the DNS question fits another topic much better', () => {
    const s = topicStanding(
      index,
      { ...task, id: '' },
      'The client and server first agree on a cipher suite; the server shows its certificate, signed by an authority the client trusts, and an ephemeral key exchange gives both sides the session keys.',
    );
    expect(s.bestOtherId).toBe('tls');
    expect(s.ratio).toBeLessThan(0.7);
    expect(s.rank).toBeGreaterThanOrEqual(1);
  });

  it('an answer to the question in its own words fits its own topic best', () => {
    const s = topicStanding(
      index,
      { ...task, id: '' },
      'Your resolver asks a root server, is sent on to the servers for the top-level domain and then to the domain’s authoritative servers; each record is cached until its TTL runs out. A records give IPv4 addresses, MX records say where mail goes.',
    );
    expect(s.ratio).toBe(1);
    expect(s.rank).toBe(0);
  });

  it('the asked question itself, found in the bank under another id, is not counted as another topic', () => {
    const s = topicStanding(
      index,
      { id: 'tailored-1', question: task.question, text: task.text },
      'A recursive resolver caches answers for their TTL.',
    );
    expect(s.bestOtherId).not.toBe('dns');
  });
});
