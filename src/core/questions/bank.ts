import { z } from 'zod';
import { level, questionType } from '../../contract/interviews.js';

/**
 * One question of the curated bank (content/questions/*.json). Reviewed like code: the
 * reference answer and key points are what the local evaluator scores against.
 */
export const bankQuestion = z.object({
  id: z.string().regex(/^[a-z]+(-[a-z0-9]+)+$/, 'ids look like "beh-conflict-01"'),
  type: questionType,
  levels: z.array(level).min(1),
  /** Skills or topics the question exercises, as lower-case names (e.g. "sql", "leadership"). */
  topics: z.array(z.string().min(1)).min(1),
  /** Roles the question suits best, lower-case; empty means any role. */
  roles: z.array(z.string()).default([]),
  text: z.string().min(15),
  referenceAnswer: z.string().min(40),
  keyPoints: z.array(z.string().min(3)).min(2).max(8),
  /** Aptitude questions with one correct answer carry it here (a number or short phrase). */
  expectedAnswer: z.string().optional(),
});
export type BankQuestion = z.infer<typeof bankQuestion>;

export const bankFile = z.object({ questions: z.array(bankQuestion).min(1) });

/** Checks a whole bank: schema per question plus cross-question rules (unique ids and texts). */
export function validateBank(files: { name: string; content: unknown }[]): BankQuestion[] {
  const all: BankQuestion[] = [];
  const problems: string[] = [];
  for (const f of files) {
    const parsed = bankFile.safeParse(f.content);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${f.name}: ${issue.path.join('.')}: ${issue.message}`);
      continue;
    }
    all.push(...parsed.data.questions);
  }
  const ids = new Set<string>();
  const texts = new Set<string>();
  for (const q of all) {
    if (ids.has(q.id)) problems.push(`duplicate question id ${q.id}`);
    ids.add(q.id);
    const norm = q.text.toLowerCase().replace(/\W+/g, ' ').trim();
    if (texts.has(norm)) problems.push(`duplicate question text in ${q.id}`);
    texts.add(norm);
    if (q.type === 'aptitude' && !q.expectedAnswer) problems.push(`${q.id}: aptitude questions need expectedAnswer`);
  }
  if (problems.length > 0) throw new Error(`question bank is invalid:\n${problems.join('\n')}`);
  return all;
}
