import type { WordVectors } from './word-vectors.js';

/**
 * Relevance as a ranking. Whether an answer is about its question cannot be read from its
 * similarity to that question alone: fluent text on a neighbouring subject (TLS for a DNS
 * question, a story about cutting cloud costs for "a time you asked for help") shares general
 * vocabulary and scores a middling similarity everywhere. What tells it apart is that it fits
 * another question's topic much better than its own. So the answer is compared with the topic
 * of its own question (question, reference, key points) and with every other question of the
 * bank; the ratio of its own fit to the best other fit is the signal.
 *
 * Topics are bags of distinctive words (TF-IDF over the bank, light stemming) plus an
 * IDF-weighted centroid of word vectors; both are cheap (a few milliseconds for 600 questions).
 */
export interface TopicDocument {
  id: string;
  /** The question's text; a task whose question is the same (or nearly) is not "another" topic. */
  question: string;
  /** Question, reference answer and key points together. */
  text: string;
}

interface TopicVector {
  id: string;
  questionKey: string;
  terms: Map<string, number>;
  centroid: Float32Array | null;
}

export interface TopicIndex {
  readonly docs: readonly TopicVector[];
  readonly idf: ReadonlyMap<string, number>;
  readonly defaultIdf: number;
}

export interface TopicStanding {
  /** Similarity (0–1) of the answer to its own question's topic. */
  own: number;
  /** Highest similarity to another question's topic. */
  bestOther: number;
  bestOtherId: string | null;
  /** own / max(own, bestOther): 1 when its own topic fits best, low when another fits much better. */
  ratio: number;
  /** How many other topics fit the answer better than its own. */
  rank: number;
}

const STOP = new Set(
  (
    'a an the and or but if then so of to in on at by for with from as is are was were be been being it its this that these those ' +
    'i we you he she they me my our your their them us what which who whom when where why how can could would should will shall may might ' +
    'must do does did done have has had not no nor than too very just also only more most much many some any all each every other such ' +
    'there here about into over under again further once both few own same up down out off above below between through during before after ' +
    'while because until against among per via etc e g ie eg one two three first second new use used using make makes made get gets way ' +
    'thing things time times tell describe explain give example would like well really'
  ).split(' '),
);

/** A light stemmer: enough to bring "indexes", "indexing" and "indexed" together. */
function stem(w: string): string {
  if (w.length <= 4) return w;
  return w
    .replace(/(ies)$/, 'y')
    .replace(/(sses)$/, 'ss')
    .replace(/([^s])s$/, '$1')
    .replace(/(ing|ed)$/, '')
    .replace(/(ation|ations)$/, 'ate')
    .replace(/e$/, '');
}

function words(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z0-9+#-]*[a-z0-9+#]|[a-z]/g) ?? []).filter((w) => w.length >= 3 && !STOP.has(w));
}

function termCounts(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of words(text)) {
    const s = stem(w);
    out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

function weigh(counts: Map<string, number>, idf: ReadonlyMap<string, number>, defaultIdf: number): Map<string, number> {
  const out = new Map<string, number>();
  let norm = 0;
  for (const [t, c] of counts) {
    const w = (1 + Math.log(c)) * (idf.get(t) ?? defaultIdf);
    out.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of out) out.set(t, w / norm);
  return out;
}

function centroidOf(text: string, idf: ReadonlyMap<string, number>, defaultIdf: number, vectors?: WordVectors): Float32Array | null {
  if (!vectors) return null;
  const v = new Float32Array(vectors.dims);
  let any = false;
  for (const w of words(text)) {
    const i = vectors.indexOf(w);
    if (i < 0) continue;
    vectors.addTo(v, i, idf.get(stem(w)) ?? defaultIdf);
    any = true;
  }
  if (!any) return null;
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n) || 1;
  for (let k = 0; k < v.length; k++) v[k]! /= n;
  return v;
}

const questionKey = (q: string): string => words(q).map(stem).join(' ');

export function buildTopicIndex(documents: readonly TopicDocument[], vectors?: WordVectors): TopicIndex {
  const df = new Map<string, number>();
  const counts = documents.map((d) => termCounts(d.text));
  for (const c of counts) for (const t of c.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = documents.length;
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log((n + 1) / (d + 0.5)));
  const defaultIdf = Math.log((n + 1) / 0.5);
  const docs = documents.map((d, i) => ({
    id: d.id,
    questionKey: questionKey(d.question),
    terms: weigh(counts[i]!, idf, defaultIdf),
    centroid: centroidOf(d.text, idf, defaultIdf, vectors),
  }));
  return { docs, idf, defaultIdf };
}

function sparseCosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) s += w * (large.get(t) ?? 0);
  return s;
}

function denseCosine(a: Float32Array | null, b: Float32Array | null): number {
  if (!a || !b) return 0;
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return Math.max(0, s);
}

/** Word overlap carries most of it; the centroid adds synonyms ("pupil" for "student"). */
function similarity(a: TopicVector, b: TopicVector): number {
  const lexical = sparseCosine(a.terms, b.terms);
  if (!a.centroid || !b.centroid) return lexical;
  // Centroids of any two texts are rather alike; only how far above that floor they are counts.
  const dense = Math.max(0, (denseCosine(a.centroid, b.centroid) - 0.5) / 0.5);
  return 0.6 * lexical + 0.4 * dense;
}

/** Documents nearer than this to the asked question's own topic are the same question (tailored framing, a copy). */
const SAME_TOPIC = 0.6;

export function topicStanding(index: TopicIndex, task: TopicDocument, answer: string, vectors?: WordVectors): TopicStanding {
  const vec = (text: string, id: string, q: string): TopicVector => ({
    id,
    questionKey: questionKey(q),
    terms: weigh(termCounts(text), index.idf, index.defaultIdf),
    centroid: centroidOf(text, index.idf, index.defaultIdf, vectors),
  });
  const ownTopic = vec(task.text, task.id, task.question);
  const ans = vec(answer, 'answer', '');
  const own = similarity(ans, ownTopic);
  let bestOther = 0;
  let bestOtherId: string | null = null;
  let rank = 0;
  for (const d of index.docs) {
    if (d.id === task.id || d.questionKey === ownTopic.questionKey) continue;
    if (sparseCosine(d.terms, ownTopic.terms) >= SAME_TOPIC) continue;
    const s = similarity(ans, d);
    if (s > own) rank++;
    if (s > bestOther) {
      bestOther = s;
      bestOtherId = d.id;
    }
  }
  const ratio = own + bestOther > 0 ? own / Math.max(own, bestOther) : 1;
  return { own, bestOther, bestOtherId, ratio, rank };
}
