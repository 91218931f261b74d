import type { ExtractedSkills } from '../../contract/job-descriptions.js';
import { extractRequiredYears } from '../../core/ats/job-requirements.js';
import { extractJobSkills } from '../../core/skills/job-skills.js';
import type { SkillTaxonomy } from '../../core/skills/taxonomy.js';

/**
 * A job description's required and nice-to-have skills and required years. The server runs it
 * in the resume reading process (reading-child.ts), never on its own thread.
 */
export function readJobDescription(text: string, taxonomy: SkillTaxonomy): ExtractedSkills {
  const found = extractJobSkills(text, taxonomy);
  return {
    requiredSkills: found.required.map((s) => s.name),
    niceToHaveSkills: found.niceToHave.map((s) => s.name),
    requiredYears: extractRequiredYears(text),
  };
}
