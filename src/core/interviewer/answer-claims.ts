/**
 * The things a candidate named in an answer that an interviewer could dig into: product and
 * protocol names, acronyms, code-like terms, and technical noun phrases ("composite index").
 * Pure text heuristics; they only choose what to ask about, never a score.
 */

/** Head nouns that make a two- or three-word technical phrase worth asking about. */
const TECHNICAL_HEADS = new Set(
  (
    'index indexes cache caches queue queues lock locks key keys table tables service services test tests pattern patterns algorithm ' +
    'tree trees hash map maps transaction transactions replica replicas partition partitions token tokens pool pools ' +
    'balancer balancers proxy proxies protocol protocols model models schema schemas buffer buffers log logs stream streams ' +
    'database databases store stores broker brokers thread threads process processes limiter limiters breaker breakers ' +
    'consistency isolation encryption replication sharding caching batching retries retry backoff rollback rollout flag flags ' +
    'framework library endpoint endpoints api contract migration migrations pipeline pipelines deployment metric metrics ' +
    'dashboard dashboards alert alerts experiment experiments survey interview interviews review reviews roadmap backlog ' +
    'budget forecast retrospective standup sprint'
  ).split(' '),
);

const STOP = new Set(
  (
    'a an the this that these those my our your their its his her we i you they it he she and or but so if then than ' +
    'of to in on at by for with from into over about as is are was were be been being have has had do does did ' +
    'not no very really just also more most some any each every one two first second new good better best other same ' +
    'what which who when where why how all can could would should will may might must'
  ).split(' '),
);

export interface AnswerClaim {
  /** The words as the candidate wrote them. */
  phrase: string;
  /** Character offset in the answer. */
  start: number;
}

function lower(s: string): string {
  return s.toLocaleLowerCase('en');
}

/**
 * Named things in the answer, the most specific first, skipping what the question itself already
 * says (asking "you mentioned an index" of an index question is no follow-up).
 */
export function findClaims(answer: string, question: string): AnswerClaim[] {
  const questionWords = new Set(lower(question).match(/[\p{L}\p{N}]+/gu) ?? []);
  const found: (AnswerClaim & { weight: number })[] = [];
  const seen = new Set<string>();
  const add = (phrase: string, start: number, weight: number) => {
    const key = lower(phrase);
    const words = key.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0 || words.every((w) => questionWords.has(w) || STOP.has(w))) return;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ phrase, start, weight });
  };

  // Acronyms and code-like names: JWT, B-tree, useEffect, Redis, PostgreSQL, HTTP/2.
  for (const m of answer.matchAll(
    /\b(?:[A-Z]{2,}[A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)?|[a-z]+[A-Z][A-Za-z0-9]*|[A-Z][a-z]+[A-Z][A-Za-z0-9]*)\b/g,
  ))
    add(m[0], m.index, 3);
  // Capitalised names inside a sentence (not its first word): Kafka, Kubernetes, Stripe.
  for (const m of answer.matchAll(/(?<=[a-z,;:] )[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?\b/g)) add(m[0], m.index, 2);
  // Technical noun phrases: one or two modifiers before a known head noun ("composite index", "read replica").
  const words = [...answer.matchAll(/[A-Za-z][A-Za-z-]*/g)];
  words.forEach((w, i) => {
    if (!TECHNICAL_HEADS.has(lower(w[0]))) return;
    const modifiers: RegExpExecArray[] = [];
    for (let j = i - 1; j >= Math.max(0, i - 2); j--) {
      const m = words[j]!;
      const gap = answer.slice(m.index + m[0].length, words[j + 1]!.index);
      if (gap !== ' ' || m[0].length < 3 || STOP.has(lower(m[0]))) break;
      modifiers.unshift(m as RegExpExecArray);
    }
    if (modifiers.length === 0) return;
    const start = modifiers[0]!.index;
    add(answer.slice(start, w.index + w[0].length), start, 2 + modifiers.length * 0.5);
  });
  return found.sort((a, b) => b.weight - a.weight || a.start - b.start).map(({ phrase, start }) => ({ phrase, start }));
}

const EXAMPLE_MARKERS =
  /\b(for example|for instance|e\.g\.|such as|in my (?:last|previous|current) (?:job|role|team|project|company)|at my (?:last|previous|current)|when i (?:was|worked|led|built|joined)|once,? (?:i|we)|we had|i had|last year|one time)\b/i;

/** Whether the answer grounds itself in a concrete case (a story, a named system, a number). */
export function hasConcreteExample(answer: string): boolean {
  if (EXAMPLE_MARKERS.test(answer)) return true;
  // A measured figure ("cut p99 from 900 ms to 120 ms", "40 %") is concrete as well.
  return /\b\d+(?:[.,]\d+)?\s?(?:%|ms|s|seconds|minutes|hours|days|weeks|users|requests|x)\b/i.test(answer);
}
