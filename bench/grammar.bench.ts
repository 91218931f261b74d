/**
 * Grammar notes on technical answers: how often the checker flags correct text (false
 * positives) and how many planted real errors it catches, through the real local evaluator
 * (harper.js plus the filters of src/core/evaluation/grammar.ts).
 *   npm run bench:grammar [-- --verbose --json]
 * The labelled set: src/server/ai/fixtures/grammar-technical.jsonl — `errors` lists the wrong
 * words of each text (empty for a correct one).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createLocalEvaluator } from '../src/server/ai/local-evaluator.js';

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Item {
  id: string;
  question: string;
  text: string;
  errors: string[];
}
const items = readFileSync(path.join(root, 'src/server/ai/fixtures/grammar-technical.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Item);

/** Where a planted error sits: the first whole-word occurrence. */
function spanOf(text: string, wrong: string): { start: number; end: number } {
  const m = new RegExp(`(?<![\\w'])${wrong.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w'])`).exec(text);
  if (!m) throw new Error(`planted error "${wrong}" is not in: ${text}`);
  return { start: m.index, end: m.index + wrong.length };
}

const evaluator = await createLocalEvaluator({ grammar: true });
let correctTexts = 0;
let correctWithNotes = 0;
let falseNotes = 0;
let correctWords = 0;
let planted = 0;
let caught = 0;
const falsePositives: { id: string; flagged: string; message: string }[] = [];
const missed: { id: string; wrong: string }[] = [];
const started = performance.now();
for (const item of items) {
  const evaluation = await evaluator.evaluate({ question: item.question, type: 'technical', answer: item.text });
  const spans = item.errors.map((e) => spanOf(item.text, e));
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
  const wrongNotes = evaluation.grammar.filter((n) => !spans.some((s) => overlaps(n, s)));
  for (const n of wrongNotes) falsePositives.push({ id: item.id, flagged: item.text.slice(n.start, n.end), message: n.message });
  falseNotes += wrongNotes.length;
  if (item.errors.length === 0) {
    correctTexts++;
    correctWords += item.text.split(/\s+/).filter(Boolean).length;
    if (wrongNotes.length > 0) correctWithNotes++;
  }
  for (const [i, s] of spans.entries()) {
    planted++;
    if (evaluation.grammar.some((n) => overlaps(n, s))) caught++;
    else missed.push({ id: item.id, wrong: item.errors[i]! });
  }
}
const pct = (a: number, b: number) => Math.round((a / Math.max(1, b)) * 1000) / 10;
const result = {
  texts: items.length,
  correctTexts,
  falsePositiveRate: pct(correctWithNotes, correctTexts),
  falseNotesPer1000Words: Math.round((falseNotes / Math.max(1, correctWords)) * 10_000) / 10,
  falseNotes,
  plantedErrors: planted,
  catchRate: pct(caught, planted),
  ms: Math.round(performance.now() - started),
};
if (values.json) process.stdout.write(`${JSON.stringify({ ...result, falsePositives, missed }, null, 2)}\n`);
else {
  process.stdout.write(
    `false positives: ${correctWithNotes} of ${correctTexts} correct texts have a note (${result.falsePositiveRate} %), ${falseNotes} wrong notes in all\n` +
      `catch rate: ${caught} of ${planted} planted errors flagged (${result.catchRate} %)\n`,
  );
  if (values.verbose) {
    for (const f of falsePositives) process.stdout.write(`  FP ${f.id}: "${f.flagged}" — ${f.message}\n`);
    for (const m of missed) process.stdout.write(`  missed ${m.id}: "${m.wrong}"\n`);
  }
}
