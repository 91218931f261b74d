import { createHash } from 'node:crypto';
import { MAX_ANSWER_CHARS, type Evaluation } from '../../contract/interviews.js';
import { combineWithLocal, reduceToMedian, type LlmGrade, type SampledGrade } from '../../core/evaluation/combine-engines.js';
import { stripGraderInstructions } from '../../core/evaluation/guards.js';
import type { AnswerEvaluator, EvaluationInput } from '../../core/evaluation/types.js';
import {
  LlmCallError,
  RUBRIC,
  RUBRIC_FOR_JSON_OBJECT,
  RUBRIC_VERSION,
  parseCompletion,
  replyJsonSchema,
  writeUserMessage,
} from './llm-rubric.js';

// The HTTP side of the LLM engine: requests, retries, time budget, sampling and the cache. What
// the model is asked lives in llm-rubric.ts; how its grading meets the local one, in
// core/evaluation/combine-engines.ts.
export { LlmCallError, RECORD_CLOSE, RECORD_OPEN, RUBRIC_VERSION } from './llm-rubric.js';

export interface OpenAiEvaluatorOptions {
  /** e.g. https://api.openai.com/v1 or http://localhost:11434/v1; `/chat/completions` is appended. */
  baseUrl: string;
  apiKey?: string;
  model: string;
  /** Longest wait for one HTTP request. One evaluation waits at most timeoutMs × (maxRetries + 1) in all. */
  timeoutMs: number;
  /** Further attempts after a timeout, network error, 429, 5xx or unusable reply. */
  maxRetries: number;
  /** Independent gradings per answer; the median is kept. Default 1. */
  samples?: number;
  /** The local engine: always run alongside for its guards, grammar and STAR, and used alone on any failure. */
  fallback: AnswerEvaluator;
  /** Evaluations kept in memory by input hash. Default 1000; 0 turns the cache off. */
  cacheSize?: number;
  fetch?: typeof globalThis.fetch;
  /** Injectable so tests need not wait for real backoff. */
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds since the epoch; used for the time budget and HTTP-date Retry-After values. */
  now?: () => number;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /** Told why the LLM could not be used, so the server can log it; the answer still gets graded locally. */
  onFallback?: (error: Error) => void;
}

// Gradings vary with temperature; that variation is what several samples are meant to average out.
const SAMPLE_TEMPERATURE = 0.7;
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 8_000;

type ResponseFormat = 'json_schema' | 'json_object';

/**
 * The LLM engine: grades with any OpenAI-compatible chat-completions endpoint, checks the
 * result against the local engine's guards, and gives the local evaluation instead whenever
 * the model cannot be used.
 */
export function createOpenAiEvaluator(options: OpenAiEvaluatorOptions): AnswerEvaluator {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const samples = Math.max(1, Math.floor(options.samples ?? 1));
  const maxRetries = Math.max(0, Math.floor(options.maxRetries));
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const engine = `openai:${options.model}`;
  // Read when used: a local engine loading in the background knows its version only once loaded.
  const engineVersion = () => `rubric-${RUBRIC_VERSION}+local-${options.fallback.version}`;
  const cache = createLruCache<Promise<Evaluation>>(options.cacheSize ?? 1000);
  // Learned once per process: servers that reject json_schema are asked for json_object from then on.
  let preferredFormat: ResponseFormat = 'json_schema';

  async function postOnce(input: EvaluationInput, format: ResponseFormat, temperature: number, timeoutMs: number): Promise<LlmGrade> {
    const body = {
      model: options.model,
      temperature,
      messages: [
        { role: 'system', content: format === 'json_schema' ? RUBRIC : RUBRIC_FOR_JSON_OBJECT },
        { role: 'user', content: writeUserMessage(input) },
      ],
      response_format:
        format === 'json_schema'
          ? { type: 'json_schema', json_schema: { name: 'answer_evaluation', strict: true, schema: replyJsonSchema } }
          : { type: 'json_object' },
    };
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const failed = (err: unknown): LlmCallError =>
      controller.signal.aborted
        ? new LlmCallError(`no reply within ${timeoutMs} ms`, { retryable: true })
        : new LlmCallError(`network error: ${err instanceof Error ? err.message : String(err)}`, { retryable: true, cause: err });
    try {
      let response: Response;
      let text: string;
      try {
        response = await fetchFn(url, { method: 'POST', headers, body: JSON.stringify(body), signal: controller.signal });
        // Still under the timer: a server that sends headers and then stalls is a timeout too.
        text = await response.text();
      } catch (err) {
        throw failed(err);
      }
      if (!response.ok) {
        // 408, 429 and 5xx are the server's trouble and may pass; other 4xx mean our request is wrong.
        const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
        throw new LlmCallError(`HTTP ${response.status}: ${text.slice(0, 200)}`, {
          retryable,
          status: response.status,
          retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now()),
        });
      }
      return parseCompletion(text, input);
    } finally {
      clearTimeout(timer);
    }
  }

  /** One grading, with retries, inside the evaluation's time budget. */
  async function requestGrade(input: EvaluationInput, temperature: number, deadline: number): Promise<LlmGrade> {
    let format = preferredFormat;
    let retries = 0;
    for (;;) {
      const remaining = deadline - now();
      if (remaining <= 0) throw new LlmCallError('the time budget for this answer ran out', { retryable: false });
      try {
        const grade = await postOnce(input, format, temperature, Math.min(options.timeoutMs, remaining));
        preferredFormat = format;
        return grade;
      } catch (err) {
        const error = err instanceof LlmCallError ? err : new LlmCallError(String(err), { retryable: false, cause: err });
        // Older servers and some models know only JSON mode; switching is not a retry.
        if (format === 'json_schema' && error.status === 400) {
          format = 'json_object';
          continue;
        }
        if (!error.retryable || retries >= maxRetries) throw error;
        const wait = error.retryAfterMs ?? computeBackoff(retries, random);
        // A wait that overruns the budget would only delay the local result.
        if (now() + wait >= deadline) throw error;
        retries++;
        await sleep(wait);
      }
    }
  }

  async function gradeWithLlm(input: EvaluationInput): Promise<SampledGrade> {
    const deadline = now() + options.timeoutMs * (maxRetries + 1);
    const temperature = samples > 1 ? SAMPLE_TEMPERATURE : 0;
    const settled = await Promise.allSettled(Array.from({ length: samples }, () => requestGrade(input, temperature, deadline)));
    const grades = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    // A median needs most of its samples; one survivor of three is just one opinion.
    if (grades.length < Math.ceil(samples / 2)) {
      const reason = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')?.reason;
      throw reason instanceof Error ? reason : new Error(String(reason));
    }
    return reduceToMedian(grades);
  }

  async function evaluateFresh(input: EvaluationInput): Promise<{ evaluation: Evaluation; usedLlm: boolean }> {
    const [llm, local] = await Promise.allSettled([gradeWithLlm(input), options.fallback.evaluate(input)]);
    if (llm.status === 'rejected') {
      options.onFallback?.(llm.reason instanceof Error ? llm.reason : new Error(String(llm.reason)));
      if (local.status === 'rejected') throw local.reason;
      return { evaluation: local.value, usedLlm: false };
    }
    const answer = input.answer.slice(0, MAX_ANSWER_CHARS);
    const context = {
      answer,
      keyPoints: input.keyPoints ?? [],
      injection: stripGraderInstructions(answer, input.question, input.referenceAnswer).found,
      engine,
      engineVersion: engineVersion(),
      rubricVersion: RUBRIC_VERSION,
    };
    const evaluation = combineWithLocal(context, llm.value, local.status === 'fulfilled' ? local.value : undefined);
    return { evaluation, usedLlm: true };
  }

  return {
    name: engine,
    get version() {
      return engineVersion();
    },
    async evaluate(input) {
      const key = hashInput([options.baseUrl, options.model, RUBRIC_VERSION, samples, options.fallback.version], input);
      const cached = cache.get(key);
      if (cached) return structuredClone(await cached);
      const fresh = evaluateFresh(input);
      const entry = fresh.then((r) => r.evaluation);
      entry.catch(() => undefined); // the caller below sees the failure; this copy must not go unhandled
      // Kept while in flight so identical concurrent answers share one request; a local
      // result is dropped so the next call tries the model again.
      cache.set(key, entry);
      fresh.then(
        (r) => {
          if (!r.usedLlm) cache.deleteIf(key, entry);
        },
        () => cache.deleteIf(key, entry),
      );
      return structuredClone((await fresh).evaluation);
    },
  };
}

/** Exponential backoff with equal jitter: half fixed, half random, so clients do not retry in step. */
function computeBackoff(retry: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** retry);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function hashInput(context: readonly unknown[], input: EvaluationInput): string {
  // A fixed field order: the same input always hashes the same, whatever order its keys came in.
  const fields = [
    input.type,
    input.level ?? null,
    input.question,
    input.referenceAnswer ?? null,
    input.keyPoints ?? null,
    input.expectedAnswer ?? null,
    input.answer,
    input.durationSeconds ?? null,
  ];
  return createHash('sha256')
    .update(JSON.stringify([...context, ...fields]))
    .digest('hex');
}

function createLruCache<V>(capacity: number) {
  const entries = new Map<string, V>();
  return {
    get(key: string): V | undefined {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key: string, value: V): void {
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > capacity) entries.delete(entries.keys().next().value!);
    },
    /** Removes the entry only if it is still this value (a newer one may have replaced it). */
    deleteIf(key: string, value: V): void {
      if (entries.get(key) === value) entries.delete(key);
    },
  };
}
