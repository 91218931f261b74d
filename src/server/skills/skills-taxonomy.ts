import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type SkillTaxonomy, validateSkillTaxonomy } from '../../core/skills/taxonomy.js';

/** Resolved from this file rather than process.cwd(), like the question bank. */
export const DEFAULT_SKILLS_FILE = fileURLToPath(new URL('../../../content/skills/skills.json', import.meta.url));

/** Reads and validates the skills taxonomy; a broken file stops start-up with the reason. */
export async function loadSkillsTaxonomy(file: string = DEFAULT_SKILLS_FILE): Promise<SkillTaxonomy> {
  const text = await readFile(file, 'utf8');
  let content: unknown;
  try {
    content = JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`skills taxonomy ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return validateSkillTaxonomy(content);
}
