import type { TimedWordBody } from '../../contract/media.js';

export interface Transcript {
  text: string;
  /** ISO 639-1 code of the language heard, when the service says. */
  language: string | null;
  words: TimedWordBody[];
}

export interface TranscriberOptions {
  baseUrl: string;
  apiKey?: string | undefined;
  model: string;
  /** Longest wait for one request; a transcription waits at most timeoutMs × (maxRetries + 1). */
  timeoutMs: number;
  maxRetries: number;
  fetch?: typeof fetch;
}

export class TranscriptionFailed extends Error {}

// verbose_json names the language in English ("english"); the interview stores a code.
const LANGUAGE_CODES: Record<string, string> = {
  english: 'en',
  french: 'fr',
  german: 'de',
  spanish: 'es',
  italian: 'it',
  portuguese: 'pt',
  dutch: 'nl',
  polish: 'pl',
  russian: 'ru',
  ukrainian: 'uk',
  turkish: 'tr',
  arabic: 'ar',
  hindi: 'hi',
  chinese: 'zh',
  japanese: 'ja',
  korean: 'ko',
  swedish: 'sv',
  czech: 'cs',
  greek: 'el',
  hebrew: 'he',
  indonesian: 'id',
  vietnamese: 'vi',
};

export function languageCode(name: string | null | undefined): string | null {
  if (!name) return null;
  const n = name.trim().toLowerCase();
  return LANGUAGE_CODES[n] ?? (/^[a-z]{2}$/.test(n) ? n : null);
}

const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

/**
 * The OpenAI-compatible `POST /audio/transcriptions` (hosted Whisper, whisper.cpp's server,
 * faster-whisper servers, LocalAI) asking for word timestamps. Retries timeouts, network errors,
 * 408/429/5xx; any other failure is final, and the caller falls back to the browser transcript.
 */
export function createOpenAiTranscriber(options: TranscriberOptions) {
  const doFetch = options.fetch ?? fetch;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/audio/transcriptions`;

  async function once(audio: Blob, fileName: string): Promise<Transcript> {
    const form = new FormData();
    form.append('file', audio, fileName);
    form.append('model', options.model);
    form.append('response_format', 'verbose_json');
    form.append('timestamp_granularities[]', 'word');
    const res = await doFetch(url, {
      method: 'POST',
      body: form,
      headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (!res.ok) throw Object.assign(new TranscriptionFailed(`transcription service answered ${res.status}`), { status: res.status });
    const body = (await res.json()) as { text?: unknown; language?: unknown; words?: unknown };
    if (typeof body.text !== 'string') throw new TranscriptionFailed('transcription service sent no text');
    const words = Array.isArray(body.words)
      ? body.words
          .filter(
            (w): w is { word: string; start: number; end: number } =>
              typeof w?.word === 'string' && typeof w.start === 'number' && typeof w.end === 'number',
          )
          .map((w) => ({ word: w.word.trim(), start: w.start, end: w.end }))
      : [];
    return { text: body.text.trim(), language: languageCode(typeof body.language === 'string' ? body.language : null), words };
  }

  return {
    async transcribe(audio: Blob, fileName: string): Promise<Transcript> {
      let last: unknown;
      for (let attempt = 0; attempt <= options.maxRetries; attempt++) {
        try {
          return await once(audio, fileName);
        } catch (err) {
          last = err;
          const status = (err as { status?: number }).status;
          if (status !== undefined && !retryable(status)) break;
        }
      }
      throw last instanceof TranscriptionFailed
        ? last
        : new TranscriptionFailed(`transcription failed: ${String((last as Error)?.message ?? last)}`);
    },
  };
}

export type Transcriber = ReturnType<typeof createOpenAiTranscriber>;
