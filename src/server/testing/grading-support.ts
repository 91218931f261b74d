import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QuestionType } from '../../contract/interviews.js';

/**
 * What tests of the pure evaluator (src/core/evaluation) need from outside it: the bank's
 * questions, the text analyzer, the thesaurus and the shipped local evaluator.
 */
export { createLocalEvaluator, loadLexicon } from '../ai/local-evaluator.js';
export { createWinkTextAnalyzer } from '../ai/wink-text-analyzer.js';

export interface BankQuestion {
  id: string;
  type: QuestionType;
  text: string;
  referenceAnswer?: string;
  keyPoints: string[];
}

let bank: BankQuestion[] | undefined;

/** A question of content/questions by id; throws on an unknown id so a renamed question fails loudly. */
export function bankQuestion(id: string): BankQuestion {
  const dir = join(import.meta.dirname, '..', '..', '..', 'content', 'questions');
  bank ??= readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { questions: BankQuestion[] }).questions);
  const q = bank.find((x) => x.id === id);
  if (!q) throw new Error(`no bank question ${id}`);
  return q;
}
