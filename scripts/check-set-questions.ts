/**
 * Verifies that the questions of a check set are used by no other grader file and are not on
 * the holdout list (read from DATA.md; content/grader/holdout/ itself is never opened).
 *
 *   npx tsx scripts/check-set-questions.ts content/grader/keypoint-judgements-check-w10.jsonl
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const dir = join(new URL('..', import.meta.url).pathname, 'content', 'grader');
const questionsOf = (file: string): Set<string> =>
  new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { question_id?: string; assignment?: string })
      .map((o) => o.question_id ?? o.assignment ?? ''),
  );
const holdout = /```holdout-questions\n([\s\S]*?)```/
  .exec(readFileSync(join(dir, 'DATA.md'), 'utf8'))![1]!
  .split('\n')
  .filter(Boolean);
let clashes = 0;
for (const file of process.argv.slice(2)) {
  const mine = questionsOf(file);
  for (const other of readdirSync(dir).filter((f) => f.endsWith('.jsonl') && f !== basename(file))) {
    for (const q of questionsOf(join(dir, other)))
      if (mine.has(q)) {
        clashes++;
        console.log(`${q}: also in ${other}`);
      }
  }
  for (const q of holdout)
    if (mine.has(q)) {
      clashes++;
      console.log(`${q}: on the holdout list`);
    }
  console.log(`${file}: ${mine.size} questions checked`);
}
process.exit(clashes ? 1 : 0);
