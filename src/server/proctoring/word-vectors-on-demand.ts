import type { WordVectors } from '../../core/evaluation/word-vectors.js';
import { loadWordVectors } from '../ai/local-evaluator.js';

/**
 * The word vectors for the similarity job, loaded on this thread only when a job compares
 * answers and let go after a quiet while: the grading threads have their own copy, and this one
 * (about 20 MiB once expanded) should not sit in the server's memory between interviews.
 */
export function wordVectorsOnDemand(load: () => Promise<WordVectors | undefined> = () => loadWordVectors(), idleMs = 5 * 60_000) {
  let loading: Promise<WordVectors | undefined> | null = null;
  let release: ReturnType<typeof setTimeout> | undefined;
  return async (): Promise<WordVectors | undefined> => {
    clearTimeout(release);
    loading ??= load().catch(() => undefined);
    const vectors = await loading;
    release = setTimeout(() => (loading = null), idleMs);
    release.unref();
    return vectors;
  };
}
