/**
 * Speed benchmark of the local evaluator on one core: answers per second and per-answer
 * latency (p50/p99) for short (≈ 40 words) and long (≈ 300 words) answers, with and without
 * grammar checking. Also reports start-up time and memory.
 *
 *   npm run bench:evaluate [-- --rounds 300] [--json]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AnswerEvaluator, EvaluationInput } from '../src/core/evaluation/types.js';
import { createLocalEvaluator } from '../src/server/ai/local-evaluator.js';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '300' }, json: { type: 'boolean', default: false } },
});
const rounds = Number(values.rounds);
const root = new URL('..', import.meta.url).pathname;

interface BankQuestion {
  type: EvaluationInput['type'];
  text: string;
  referenceAnswer: string;
  keyPoints: string[];
  expectedAnswer?: string;
}
const bankDir = join(root, 'content', 'questions');
const bank: BankQuestion[] = readdirSync(bankDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => (JSON.parse(readFileSync(join(bankDir, f), 'utf8')) as { questions: BankQuestion[] }).questions)
  .filter((q) => q.type !== 'aptitude');

// Deterministic variety: answers are built from other questions' reference sentences, with
// a few typos and fillers so the grammar checker and guards have work to do.
function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}
function buildAnswer(i: number, targetWords: number): string {
  const own = bank[i % bank.length]!;
  const parts: string[] = [];
  let k = 0;
  while (words(parts.join(' ')).length < targetWords) {
    const src = k === 0 ? own : bank[(i * 7 + k * 13) % bank.length]!;
    parts.push(src.referenceAnswer);
    k++;
  }
  let text = words(parts.join(' ')).slice(0, targetWords).join(' ');
  // A unique opening keeps every answer distinct (harper caches repeated texts).
  text = `Um, in case ${i + 1} I think ${text.charAt(0).toLowerCase()}${text.slice(1)}`.replace(/ the /, ' teh ').replace(/ is /, ' are ');
  return text.endsWith('.') ? text : `${text}.`;
}
function inputs(targetWords: number): EvaluationInput[] {
  return Array.from({ length: rounds }, (_, i) => {
    const q = bank[i % bank.length]!;
    return {
      question: q.text,
      type: q.type,
      referenceAnswer: q.referenceAnswer,
      keyPoints: q.keyPoints,
      answer: buildAnswer(i, targetWords),
    };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

async function run(evaluator: AnswerEvaluator, items: EvaluationInput[]) {
  // Warm up: JIT, caches of question analyses, WASM.
  for (const x of items.slice(0, 50)) await evaluator.evaluate(x);
  const times: number[] = [];
  const start = performance.now();
  for (const x of items) {
    const t = performance.now();
    await evaluator.evaluate(x);
    times.push(performance.now() - t);
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  return {
    answersPerSecond: Math.round((items.length / total) * 1000),
    p50ms: Number(percentile(times, 0.5).toFixed(2)),
    p99ms: Number(percentile(times, 0.99).toFixed(2)),
    meanWords: Math.round(items.reduce((s, x) => s + words(x.answer).length, 0) / items.length),
  };
}

const mib = (): number => Math.round(process.memoryUsage().rss / 2 ** 20);
const rssBefore = mib();
let t = performance.now();
const fast = await createLocalEvaluator({ grammar: false });
const startMs = Math.round(performance.now() - t);
const rssLoaded = mib();
const short = inputs(40);
const long = inputs(300);
const results: Record<string, unknown> = {
  startup: { createLocalEvaluatorMs: startMs, rssBeforeMiB: rssBefore, rssAfterLoadMiB: rssLoaded },
  withoutGrammar: { short: await run(fast, short), long: await run(fast, long) },
};
const withGrammar = await createLocalEvaluator({ grammar: true });
t = performance.now();
await withGrammar.evaluate(short[0]!);
const grammarFirstMs = Math.round(performance.now() - t);
results.withGrammar = { firstAnswerMs: grammarFirstMs, short: await run(withGrammar, short), long: await run(withGrammar, long) };
(results.startup as Record<string, number>).rssWithGrammarMiB = mib();

if (values.json) process.stdout.write(`${JSON.stringify(results)}\n`);
else {
  const s = results.startup as Record<string, number>;
  process.stdout.write(
    `start: createLocalEvaluator ${s.createLocalEvaluatorMs} ms; RSS ${s.rssBeforeMiB} → ${s.rssAfterLoadMiB} MiB loaded, ${s.rssWithGrammarMiB} MiB with grammar (first graded answer ${grammarFirstMs} ms)\n`,
  );
  for (const mode of ['withoutGrammar', 'withGrammar'] as const) {
    const r = results[mode] as Record<'short' | 'long', { answersPerSecond: number; p50ms: number; p99ms: number; meanWords: number }>;
    for (const size of ['short', 'long'] as const) {
      const x = r[size];
      process.stdout.write(
        `${mode.padEnd(15)} ${size.padEnd(5)} (${String(x.meanWords).padStart(3)} words): ${String(x.answersPerSecond).padStart(5)} answers/s  p50 ${x.p50ms.toFixed(2)} ms  p99 ${x.p99ms.toFixed(2)} ms\n`,
      );
    }
  }
}
