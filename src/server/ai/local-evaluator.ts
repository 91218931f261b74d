import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseGraderWeights, type GraderWeights } from '../../core/evaluation/calibrate.js';
import { createAnswerEvaluator, type EvaluatorResources } from '../../core/evaluation/evaluate-answer.js';
import type { GrammarChecker } from '../../core/evaluation/grammar.js';
import { parseKeyPointModel, type KeyPointModel } from '../../core/evaluation/key-point-model.js';
import { parseLexicon, type Lexicon } from '../../core/evaluation/lexicon.js';
import type { AnswerEvaluator } from '../../core/evaluation/types.js';
import { buildTopicIndex, type TopicIndex } from '../../core/evaluation/topic-index.js';
import { parseWordVectors, type WordVectors } from '../../core/evaluation/word-vectors.js';
import { loadQuestionBank } from '../questions/question-bank.js';
import { createHarperGrammarChecker } from './harper-grammar-checker.js';
import { createWinkTextAnalyzer } from './wink-text-analyzer.js';

/** Bumped when scoring logic changes; the weights' own version is appended. */
export const LOCAL_ENGINE_VERSION = '2.0.0';

export interface LocalEvaluatorOptions {
  /** Folder holding grader/ and embeddings/; defaults to the repository's content/. */
  contentDir?: string;
  /** Check grammar with harper.js (≈ 400 MiB, loaded lazily on first answer). Default true. */
  grammar?: boolean;
  /** Use the word embeddings (≈ 25 MiB). Default true; without them alignment is lexical only. */
  embeddings?: boolean;
  /**
   * An answer that arrives while harper is still loading: 'wait' for it (default: the CLI and
   * tests want every answer checked) or 'skip' grammar for that answer (the server: a candidate
   * should not wait a second for notes; see docs/DESIGN.md "Background model loading").
   */
  grammarWhileLoading?: 'wait' | 'skip';
}

function findContentDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'content', 'grader'))) return join(dir, 'content');
    dir = dirname(dir);
  }
  return resolve('content');
}

export async function loadGraderWeights(contentDir = findContentDir()): Promise<GraderWeights> {
  const raw = await readFile(join(contentDir, 'grader', 'weights.json'), 'utf8');
  return parseGraderWeights(JSON.parse(raw));
}

/** The domain thesaurus: a small JSON file (≈ 20 KB), parsed in about a millisecond. */
export async function loadLexicon(contentDir = findContentDir()): Promise<Lexicon | undefined> {
  const file = join(contentDir, 'grader', 'thesaurus.json');
  if (!existsSync(file)) return undefined;
  return parseLexicon(JSON.parse(await readFile(file, 'utf8')));
}

/** The key-point state model (a few hundred bytes); absent → the hand-set thresholds decide. */
export async function loadKeyPointModel(contentDir = findContentDir()): Promise<KeyPointModel | undefined> {
  const file = join(contentDir, 'grader', 'keypoint-model.json');
  if (!existsSync(file)) return undefined;
  return parseKeyPointModel(JSON.parse(await readFile(file, 'utf8')));
}

export async function loadWordVectors(contentDir = findContentDir()): Promise<WordVectors | undefined> {
  const bin = join(contentDir, 'embeddings', 'vectors.bin');
  const vocabFile = join(contentDir, 'embeddings', 'vocab.txt');
  if (!existsSync(bin) || !existsSync(vocabFile)) return undefined;
  const [bytes, vocab] = await Promise.all([readFile(bin), readFile(vocabFile, 'utf8')]);
  return parseWordVectors(
    new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    vocab.split('\n').filter((w, i, all) => w !== '' || i < all.length - 1),
  );
}

/**
 * The bank's topics (question, reference, key points per question), against which an answer's
 * fit to its own question is ranked. Without the bank folder relevance falls back to the
 * question alone.
 */
export async function loadTopicIndex(contentDir = findContentDir(), vectors?: WordVectors): Promise<TopicIndex | undefined> {
  const dir = join(contentDir, 'questions');
  if (!existsSync(dir)) return undefined;
  const bank = await loadQuestionBank(dir);
  return buildTopicIndex(
    bank.map((q) => ({ id: q.id, question: q.text, text: [q.text, q.referenceAnswer ?? '', ...(q.keyPoints ?? [])].join('\n') })),
    vectors,
  );
}

// One load per resource per process: the API, CLI and jobs all share it.
const shared = new Map<string, Promise<unknown>>();
function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = shared.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    shared.set(key, p);
    // A failed load may succeed later (e.g. a file being written); do not cache the failure.
    p.catch(() => shared.delete(key));
  }
  return p;
}

let harperLoaded: GrammarChecker | undefined;

/** Sets up harper (≈ 0.8 s) now rather than on the first answer; the server calls this right after listening. */
export async function preloadGrammar(): Promise<void> {
  harperLoaded = await once('harper', createHarperGrammarChecker);
}

/** Grammar checking is set up on the first answer that needs it (or by preloadGrammar), then shared. */
function lazyHarper(whileLoading: 'wait' | 'skip'): GrammarChecker {
  return {
    async check(text) {
      if (harperLoaded) return harperLoaded.check(text);
      if (whileLoading === 'skip') {
        preloadGrammar().catch(() => undefined);
        return [];
      }
      await preloadGrammar();
      return harperLoaded!.check(text);
    },
  };
}

/**
 * The local answer evaluator. Resources (NLP model, embeddings, weights) load once per
 * process and are shared by every evaluator created here.
 */
export async function createLocalEvaluator(options: LocalEvaluatorOptions = {}): Promise<AnswerEvaluator> {
  const contentDir = options.contentDir ?? findContentDir();
  const [analyze, weights, vectors, lexicon, keyPointModel] = await Promise.all([
    once('wink', async () => createWinkTextAnalyzer()),
    once(`weights:${contentDir}`, () => loadGraderWeights(contentDir)),
    options.embeddings === false ? Promise.resolve(undefined) : once(`vectors:${contentDir}`, () => loadWordVectors(contentDir)),
    once(`lexicon:${contentDir}`, () => loadLexicon(contentDir)),
    once(`keypoint-model:${contentDir}`, () => loadKeyPointModel(contentDir)),
  ]);
  const topics = await once(`topics:${contentDir}:${vectors ? 'v' : 'l'}`, () => loadTopicIndex(contentDir, vectors));
  const resources: EvaluatorResources = {
    topics,
    analyze,
    weights,
    vectors,
    lexicon,
    keyPointModel,
    grammar: options.grammar === false ? undefined : lazyHarper(options.grammarWhileLoading ?? 'wait'),
    engineVersion: `${LOCAL_ENGINE_VERSION}+${weights.version}${vectors ? '' : '-lexical'}`,
  };
  return createAnswerEvaluator(resources);
}
