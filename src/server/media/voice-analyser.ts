import { Piscina } from 'piscina';
import type { VoiceAnalysis } from '../../core/delivery/voice-analysis.js';
import { workerEntry } from '../worker-entry.js';

/** A recording that takes longer than this to measure is left unmeasured rather than hold a thread. */
const DEADLINE_MS = 60_000;

export interface VoiceAnalyser {
  /** The voice in a recording on disk; null when it cannot be decoded or holds no speech. */
  analyse(file: string, mimeType: string): Promise<VoiceAnalysis | null>;
  close(): Promise<void>;
}

/**
 * Decoding and measuring a recording is CPU work of about a second per minute of audio: it runs
 * on one worker thread, started on first use and stopped when idle, so requests never wait on it
 * and a server that records nothing pays nothing.
 */
export function createVoiceAnalyser(): VoiceAnalyser {
  let pool: Piscina | undefined;
  return {
    async analyse(file, mimeType) {
      pool ??= new Piscina({
        filename: workerEntry('voice-thread', new URL('./voice-thread.mjs', import.meta.url)).href,
        minThreads: 0,
        maxThreads: 1,
        idleTimeout: 30_000,
      });
      return (await pool.run({ file, mimeType }, { signal: AbortSignal.timeout(DEADLINE_MS) })) as VoiceAnalysis | null;
    },
    async close() {
      await pool?.destroy();
      pool = undefined;
    },
  };
}
