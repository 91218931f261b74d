import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BankQuestion, validateBank } from '../../core/questions/bank.js';

/**
 * Resolved from this file rather than process.cwd(), so the CLI, the server and tests find the
 * bank no matter which directory they are started from.
 */
export const DEFAULT_QUESTION_BANK_DIR = fileURLToPath(new URL('../../../content/questions/', import.meta.url));

/** Reads every *.json file of the bank directory and validates them together. */
export async function loadQuestionBank(dir: string = DEFAULT_QUESTION_BANK_DIR): Promise<BankQuestion[]> {
  // Sorted so the bank's order, and with it any seeded selection, is the same on every machine.
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  // An empty bank would make every interview silently empty; a wrong path is the likely cause.
  if (names.length === 0) throw new Error(`question bank is empty: no .json files in ${dir}`);
  const files = await Promise.all(
    names.map(async (name) => ({ name, content: parseBankFile(name, await readFile(path.join(dir, name), 'utf8')) })),
  );
  return validateBank(files);
}

function parseBankFile(name: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // JSON.parse does not say which file it was reading.
    throw new Error(`question bank file ${name} is not valid JSON: ${(error as Error).message}`);
  }
}
