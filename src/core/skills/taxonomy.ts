import { z } from 'zod';

export const skillCategory = z.enum([
  'language',
  'frontend',
  'backend',
  'database',
  'cloud',
  'devops',
  'data',
  'ml',
  'testing',
  'security',
  'mobile',
  'architecture',
  'tool',
  'design',
  'methodology',
  'domain',
  'soft-skill',
]);
export type SkillCategory = z.infer<typeof skillCategory>;

/**
 * One skill of the taxonomy (content/skills/skills.json). The id doubles as the topic name the
 * question bank uses ("ci-cd", "stakeholder-management"), so bank topics resolve to skills.
 */
export const skill = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case kebab-case'),
  name: z.string().min(1),
  category: skillCategory,
  /** Other spellings and abbreviations; matched case-insensitively on word boundaries. */
  aliases: z.array(z.string().trim().min(1)).default([]),
  /**
   * Spellings that are also everyday words or single letters ("Go", "R", "Spark", "Lean").
   * They count only with exactly this casing and a technical context around them.
   */
  ambiguousAliases: z.array(z.string().trim().min(1)).default([]),
  related: z.array(z.string()).default([]),
});
export type Skill = z.infer<typeof skill>;

export const skillsFile = z.object({ skills: z.array(skill).min(1) });

export interface SkillTaxonomy {
  readonly skills: readonly Skill[];
  readonly byId: ReadonlyMap<string, Skill>;
  /** Every normalized spelling (id, name, aliases) → skill id; used to resolve bank topics. */
  readonly terms: ReadonlyMap<string, string>;
}

/** Categories that name a technology or technique, as opposed to a soft skill, method or industry. */
const NON_TECHNICAL_CATEGORIES: readonly SkillCategory[] = ['design', 'methodology', 'domain', 'soft-skill'];
const TECHNICAL_CATEGORIES: ReadonlySet<SkillCategory> = new Set(
  skillCategory.options.filter((c) => !NON_TECHNICAL_CATEGORIES.includes(c)),
);

export function isTechnicalSkill(s: Pick<Skill, 'category'>): boolean {
  return TECHNICAL_CATEGORIES.has(s.category);
}

/**
 * Folds case, hyphens, underscores and runs of spaces so "CI-CD", "ci cd" and "Ci_Cd" are one
 * term; keeps the punctuation that tells skills apart ("c++", "c#", ".net", "ci/cd").
 */
export function normalizeSkillTerm(term: string): string {
  return term
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/**
 * Validates the file content and builds the lookup maps. Besides the schema it insists on unique
 * ids, related ids that exist, and no spelling shared by two skills: a colliding alias would make
 * extraction depend on file order.
 */
export function validateSkillTaxonomy(content: unknown): SkillTaxonomy {
  const parsed = skillsFile.safeParse(content);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`skills taxonomy is invalid:\n${problems.join('\n')}`);
  }
  const skills = parsed.data.skills;
  const problems: string[] = [];
  const byId = new Map<string, Skill>();
  for (const s of skills) {
    if (byId.has(s.id)) problems.push(`duplicate skill id ${s.id}`);
    byId.set(s.id, s);
  }
  const terms = new Map<string, string>();
  for (const s of skills) {
    for (const spelling of [s.id, s.name, ...s.aliases, ...s.ambiguousAliases]) {
      const term = normalizeSkillTerm(spelling);
      if (term.length === 0) continue;
      const owner = terms.get(term);
      if (owner !== undefined && owner !== s.id) problems.push(`"${spelling}" of ${s.id} collides with ${owner}`);
      else terms.set(term, s.id);
    }
    for (const r of s.related) {
      if (!byId.has(r)) problems.push(`${s.id}: related skill ${r} does not exist`);
      if (r === s.id) problems.push(`${s.id}: a skill cannot be related to itself`);
    }
  }
  if (problems.length > 0) throw new Error(`skills taxonomy is invalid:\n${problems.join('\n')}`);
  return { skills, byId, terms };
}

/**
 * Resolves a free term (a bank topic such as "data-structures", a spelling such as "postgres")
 * to a skill, tolerating a plural on either side.
 */
export function findSkill(taxonomy: SkillTaxonomy, term: string): Skill | undefined {
  const normalized = normalizeSkillTerm(term);
  const candidates = [normalized];
  if (normalized.endsWith('s') && normalized.length > 3) candidates.push(normalized.slice(0, -1));
  else candidates.push(`${normalized}s`);
  for (const c of candidates) {
    const id = taxonomy.terms.get(c);
    if (id !== undefined) return taxonomy.byId.get(id);
  }
  return undefined;
}
