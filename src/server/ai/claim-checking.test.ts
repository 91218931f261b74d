import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkClaims } from '../../core/evaluation/claims.js';
import type { Lexicon } from '../../core/evaluation/lexicon.js';
import type { AnswerEvaluator } from '../../core/evaluation/types.js';
import { createLocalEvaluator, loadLexicon } from './local-evaluator.js';
import { createWinkTextAnalyzer } from './wink-text-analyzer.js';

/**
 * Claim checking on bank questions with answers written for these tests: swapped terms,
 * reversed comparisons and wrong complexities are found and hold the score down, while
 * correct answers in other words, and answers comparing both sides in one sentence, pass.
 */
interface BankQuestion {
  id: string;
  type: 'technical' | 'behavioral' | 'system_design' | 'communication' | 'aptitude';
  text: string;
  referenceAnswer: string;
  keyPoints: string[];
}
const bankDir = join(import.meta.dirname, '..', '..', '..', 'content', 'questions');
const bank: BankQuestion[] = readdirSync(bankDir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(readFileSync(join(bankDir, f), 'utf8')) as { questions: BankQuestion[] }).questions);
const question = (id: string): BankQuestion => bank.find((q) => q.id === id)!;

const analyze = createWinkTextAnalyzer();
let lexicon: Lexicon | undefined;
let evaluator: AnswerEvaluator;
beforeAll(async () => {
  lexicon = await loadLexicon();
  evaluator = await createLocalEvaluator({ grammar: false });
});

function conflicts(id: string, answer: string) {
  const q = question(id);
  return checkClaims(analyze(answer), {
    question: analyze(q.text),
    truth: [q.referenceAnswer, ...q.keyPoints].map((t) => analyze(t)),
    lexicon,
  });
}

describe('claims that contradict the reference are found', () => {
  it('swapped terms: the properties of TCP given to UDP', () => {
    const found = conflicts(
      'tech-networking-tcp-udp-01',
      'UDP is the protocol with a connection: it sets up a handshake first and then guarantees reliable, ordered delivery of every byte.',
    );
    expect(found.map((c) => c.kind)).toContain('swapped_terms');
    expect(found[0]!.detail).toMatch(/udp/i);
  });

  it('a reversed comparison: effects running before the render instead of after it', () => {
    const found = conflicts(
      'tech-react-effects-01',
      'useEffect runs its function before React renders the component, so the effect blocks painting.',
    );
    expect(found.map((c) => c.kind)).toContain('reversed_comparison');
  });

  it('a correct comparison of both sides in other words trips nothing', () => {
    expect(
      conflicts(
        'tech-networking-tcp-udp-01',
        'TCP opens a connection and makes sure bytes arrive complete and in order, retransmitting what is lost, which costs latency. ' +
          'UDP just sends datagrams with no promise of delivery or order, so it is lighter; I use it for voice, games and DNS, and TCP for web pages and file downloads.',
      ),
    ).toEqual([]);
    expect(
      conflicts(
        'tech-react-effects-01',
        'The effect runs after React has rendered and committed, to sync with something outside React such as a subscription.',
      ),
    ).toEqual([]);
  });
});

describe('a claim denied where the reference affirms it (or the reverse) is found', () => {
  it('denying what the reference says: a retry after a timeout "cannot" charge twice', () => {
    const found = conflicts(
      'tech-be-idempotency-01',
      'A retry after a timeout cannot cause a double charge, because the payment provider deduplicates every request anyway.',
    );
    expect(found.map((c) => c.kind)).toContain('reversed_polarity');
    expect(found[0]!.detail).toMatch(/denies/);
  });

  it('denying a practice the reference prescribes: no need to rate-limit logins or offer MFA', () => {
    const found = conflicts(
      'tech-sec-password-storage-01',
      'Once the hashes are salted there is no need to rate-limit logins or to offer MFA to users.',
    );
    expect(found.map((c) => c.kind)).toContain('reversed_polarity');
  });

  it('"X instead of Y" is a choice, not a denial of what the reference says of Y', () => {
    expect(
      conflicts('tech-sql-index-01', 'The engine walks down the tree in a few steps instead of reading every row of the table.'),
    ).toEqual([]);
  });

  it('the same claim made with a denial on both sides, or in other words, trips nothing', () => {
    expect(
      conflicts(
        'tech-be-idempotency-01',
        'Without an idempotency key, a client that retries after a timeout could be charged twice for one payment.',
      ),
    ).toEqual([]);
    expect(
      conflicts(
        'tech-sql-index-01',
        'The index lets the database skip the full table scan and jump to the matching rows through the tree.',
      ),
    ).toEqual([]);
  });
});

describe('a confidently wrong answer is held down however fluent it is', () => {
  it('caps the score with a contradiction guard that says what is wrong', async () => {
    const q = question('tech-networking-tcp-udp-01');
    const e = await evaluator.evaluate({
      question: q.text,
      type: q.type,
      referenceAnswer: q.referenceAnswer,
      keyPoints: q.keyPoints,
      answer:
        'UDP is the connection-oriented protocol: it performs a handshake and guarantees reliable, ordered delivery with flow control. ' +
        'TCP, on the other hand, just fires datagrams without any delivery guarantees, which keeps its overhead and latency low. ' +
        'That is why games, voice calls and DNS run over TCP, while file transfers, web traffic and databases use UDP.',
    });
    const guard = e.guards?.find((g) => g.kind === 'contradiction');
    expect(guard).toBeDefined();
    expect(guard!.detail.length).toBeGreaterThan(10);
    expect(e.score).toBeLessThanOrEqual(20);
    expect(e.dimensions.correctness).toBeLessThanOrEqual(20);
  });
});

describe('the sides a confident answer can swap are found however the question names them', () => {
  it('a list of keywords in the question ("var, let and const"): let given var’s hoisting', () => {
    const found = conflicts(
      'tech-js-scope-hoisting-01',
      'Reading a let variable before the line that declares it just gives you undefined, nothing is thrown.',
    );
    expect(found.map((c) => c.kind)).toContain('swapped_terms');
    expect(
      conflicts(
        'tech-js-scope-hoisting-01',
        'Reading a var before its declaration gives undefined because var is hoisted, while a let variable throws until its declaration runs.',
      ),
    ).toEqual([]);
  });

  it('adjectives joined by "and" ("vertical and horizontal scaling"): vertical given horizontal’s machines', () => {
    const found = conflicts(
      'tech-cloud-scaling-01',
      'Vertical scaling is when you put more servers behind a load balancer and spread the traffic over them.',
    );
    expect(found.map((c) => c.kind)).toContain('swapped_terms');
    expect(
      conflicts(
        'tech-cloud-scaling-01',
        'Vertical scaling gives one machine more CPU and memory until you reach the largest size; horizontal scaling puts more machines behind a load balancer.',
      ),
    ).toEqual([]);
  });

  it('acronyms that head the key points (BFS, DFS) when the question spells the names out', () => {
    const found = conflicts(
      'tech-algo-graph-traversal-01',
      'For the shortest route in an unweighted graph you want DFS, since it works outward level by level from a queue.',
    );
    expect(found.map((c) => c.kind)).toContain('swapped_terms');
    expect(
      conflicts(
        'tech-algo-graph-traversal-01',
        'BFS takes nodes from a queue, ring by ring, so it finds the shortest route in an unweighted graph; DFS dives deep with a stack and suits cycle detection.',
      ),
    ).toEqual([]);
  });
});

describe('a swapped answer scores low while the same answer with its facts right scores well', () => {
  const ask = async (id: string, answer: string) => {
    const q = question(id);
    return evaluator.evaluate({ question: q.text, type: q.type, referenceAnswer: q.referenceAnswer, keyPoints: q.keyPoints, answer });
  };
  it('breadth-first and depth-first search', async () => {
    const wrong = await ask(
      'tech-algo-graph-traversal-01',
      'DFS moves outward ring by ring, taking the next node from a queue, and that is why DFS gives the shortest path in an unweighted graph. ' +
        'BFS instead plunges down one branch with a stack or recursion before backing up, which makes BFS the natural choice for cycle detection and topological sorting. ' +
        'Both keep a visited set and run in O(V + E).',
    );
    const right = await ask(
      'tech-algo-graph-traversal-01',
      'BFS moves outward ring by ring, taking the next node from a queue, and that is why BFS gives the shortest path in an unweighted graph. ' +
        'DFS instead plunges down one branch with a stack or recursion before backing up, which makes DFS the natural choice for cycle detection and topological sorting. ' +
        'Both keep a visited set and run in O(V + E).',
    );
    expect(wrong.score).toBeLessThanOrEqual(30);
    expect(wrong.guards?.map((g) => g.kind)).toContain('contradiction');
    // The reversed points are not reported as made.
    expect(wrong.keyPoints?.filter((k) => k.state === 'missed').length).toBeGreaterThanOrEqual(1);
    expect(right.score).toBeGreaterThanOrEqual(60);
    expect(right.guards?.map((g) => g.kind) ?? []).not.toContain('contradiction');
  });
});

describe('sides the question does not name, comparisons of a side and wrong thresholds are found', () => {
  it('compounds of the reference ("little-endian", "big-endian") are sides: their byte orders swapped', () => {
    const found = conflicts(
      'tech-emb-endianness-01',
      'Little-endian keeps the most significant byte at the lowest address, and big-endian keeps the least significant byte there.',
    );
    expect(found.some((c) => c.certain)).toBe(true);
    expect(
      conflicts(
        'tech-emb-endianness-01',
        'Little-endian puts the least significant byte at the lowest address and big-endian puts the most significant byte there, as network protocols do.',
      ),
    ).toEqual([]);
  });

  it('a side given the opposite comparison: asymmetric encryption called the fast one', () => {
    const found = conflicts(
      'tech-sec-encryption-basics-01',
      'Asymmetric encryption is the faster of the two, so it is what encrypts disks and video streams.',
    );
    expect(found.map((c) => c.kind)).toContain('reversed_comparison');
    expect(found[0]!.detail).toMatch(/slower/);
    expect(
      conflicts(
        'tech-sec-encryption-basics-01',
        'Asymmetric encryption is far slower, so it only sets up a shared key that AES then uses.',
      ),
    ).toEqual([]);
  });

  it('status codes swapped: a word one code affirms and the other denies tells them apart', () => {
    const found = conflicts(
      'tech-http-status-01',
      '403 means the request is not authenticated at all, and 401 means the user is authenticated but not allowed to do it.',
    );
    expect(found.map((c) => c.kind)).toContain('swapped_terms');
    expect(
      conflicts(
        'tech-http-status-01',
        '401 means the request is not authenticated, and 403 means the user is authenticated but not allowed to do it.',
      ),
    ).toEqual([]);
  });

  it('a threshold ten times off is a wrong number; the right one, or an example the speaker picks, is not', () => {
    const found = conflicts(
      'tech-fe-core-web-vitals-01',
      'Largest Contentful Paint tracks when the main content shows up and should stay under 25 seconds.',
    );
    expect(found.map((c) => c.kind)).toEqual(['wrong_number']);
    expect(found[0]!.detail).toMatch(/25 seconds.*2\.5 seconds/);
    expect(
      conflicts('tech-fe-core-web-vitals-01', 'Largest Contentful Paint tracks when the main content shows up; aim for under 2.5 s.'),
    ).toEqual([]);
    expect(
      conflicts(
        'tech-sre-slo-error-budget-01',
        'The SLO is a target for the indicator over a window, say 99.5 percent of requests over four weeks.',
      ),
    ).toEqual([]);
  });

  it('one certain error among points that seem made caps the score, with the error as the guard’s detail', async () => {
    const q = question('tech-fe-core-web-vitals-01');
    const e = await evaluator.evaluate({
      question: q.text,
      type: q.type,
      referenceAnswer: q.referenceAnswer,
      keyPoints: q.keyPoints,
      answer:
        'Largest Contentful Paint measures loading, when the main content appears, and should stay under 25 seconds; I optimise the hero image and preload key resources. ' +
        'Interaction to Next Paint measures responsiveness, and I break up long JavaScript tasks. ' +
        'Cumulative Layout Shift measures visual stability, fixed by reserving space for images. I check real-user data too.',
    });
    const guard = e.guards?.find((g) => g.kind === 'contradiction');
    expect(guard?.detail).toMatch(/25 seconds/);
    expect(e.score).toBeLessThanOrEqual(30);
  });
});
