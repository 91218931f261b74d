import { z } from 'zod';
import type { QuestionType } from '../../contract/interviews.js';
import type { BankQuestion } from './bank.js';

/**
 * Role profiles (content/roles/roles.json): a free role text such as "Sr. Backend Dev (Go)" or
 * "registered nurse" maps to one profile, which says which skills and bank topics the role cares
 * about and which role-tagged questions it may be asked. Pure: the catalog is passed in.
 */
export const roleProfile = z.object({
  id: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  name: z.string().min(3),
  family: z.enum(['software', 'data', 'business', 'care']),
  /** The role name bank questions use to tag themselves for this profile; it must match the profile. */
  tag: z.string().min(2),
  /** Phrases a role text may contain; the longest one found wins. */
  aliases: z.array(z.string().min(2)).min(1),
  /** Words too general to decide alone ("engineer"): used only when no alias of any profile matched. */
  weakAliases: z.array(z.string().min(2)).default([]),
  /** Profiles whose tagged questions also suit this one (full stack takes backend and frontend). */
  includes: z.array(z.string()).default([]),
  /** Skill ids of the taxonomy (content/skills/skills.json). */
  skills: z.array(z.string()).min(1),
  /** Bank topics preferred for this role. */
  topics: z.array(z.string()).min(1),
});
export type RoleProfile = z.infer<typeof roleProfile>;

export const roleCatalogFile = z.object({
  vetoWeakAliases: z.array(z.string()).default([]),
  profiles: z.array(roleProfile).min(1),
});

export interface RoleCatalog {
  profiles: readonly RoleProfile[];
  byId: ReadonlyMap<string, RoleProfile>;
  /** Words that stop weak aliases: a "civil engineer" is not a software engineer. */
  vetoWeak: ReadonlySet<string>;
  /** Aliases as word lists, longest first, with their profile. */
  aliases: readonly { words: string[]; profile: RoleProfile }[];
  weakAliases: readonly { words: string[]; profile: RoleProfile }[];
  /** Question role tag → profile id (or null), memoized: tags repeat across the bank. */
  tagCache: Map<string, string | null>;
}

/** Validates the catalog and checks cross-references (includes name real profiles, ids and aliases unique). */
export function parseRoleCatalog(content: unknown): RoleCatalog {
  const file = roleCatalogFile.parse(content);
  const byId = new Map<string, RoleProfile>();
  const problems: string[] = [];
  for (const p of file.profiles) {
    if (byId.has(p.id)) problems.push(`duplicate role profile ${p.id}`);
    byId.set(p.id, p);
  }
  const seenAlias = new Map<string, string>();
  const aliases: { words: string[]; profile: RoleProfile }[] = [];
  const weakAliases: { words: string[]; profile: RoleProfile }[] = [];
  for (const p of file.profiles) {
    for (const inc of p.includes) if (!byId.has(inc)) problems.push(`${p.id} includes unknown profile ${inc}`);
    for (const alias of p.aliases) {
      const words = roleWords(alias);
      const key = words.join(' ');
      const owner = seenAlias.get(key);
      if (owner !== undefined && owner !== p.id) problems.push(`alias "${alias}" belongs to both ${owner} and ${p.id}`);
      seenAlias.set(key, p.id);
      aliases.push({ words, profile: p });
    }
    for (const alias of p.weakAliases) weakAliases.push({ words: roleWords(alias), profile: p });
  }
  if (problems.length > 0) throw new Error(`role profiles are invalid:\n${problems.join('\n')}`);
  // Longest first, so "machine learning engineer" is tried before "machine learning"; file order breaks ties.
  aliases.sort((a, b) => b.words.length - a.words.length);
  weakAliases.sort((a, b) => b.words.length - a.words.length);
  const catalog: RoleCatalog = {
    profiles: file.profiles,
    byId,
    vetoWeak: new Set(file.vetoWeakAliases.flatMap(roleWords)),
    aliases,
    weakAliases,
    tagCache: new Map(),
  };
  for (const p of file.profiles) {
    const tagged = matchRoleProfile(catalog, p.tag);
    if (tagged?.id !== p.id) throw new Error(`role profiles are invalid: the tag "${p.tag}" of ${p.id} maps to ${tagged?.id ?? 'nothing'}`);
  }
  return catalog;
}

/** Spellings of one thing that should meet before matching ("Front-End" and "frontend"). */
const SPELLINGS: readonly [RegExp, string][] = [
  [/\bfront[\s-]+end\b/g, 'frontend'],
  [/\bback[\s-]+end\b/g, 'backend'],
  [/\bfull[\s-]+stack\b/g, 'fullstack'],
  [/\bdev[\s-]+ops\b/g, 'devops'],
  [/\bnode\.?js\b/g, 'nodejs'],
  [/\bserver[\s-]+side\b/g, 'server side'],
  [/\bhelp[\s-]+desk\b/g, 'helpdesk'],
  [/&/g, ' and '],
];

/** Lower-case words of a role text, plurals folded ("nurses" → "nurse"), keeping c# and c++. */
export function roleWords(text: string): string[] {
  let t = text.toLowerCase();
  for (const [pattern, replacement] of SPELLINGS) t = t.replace(pattern, replacement);
  return t
    .replace(/[^a-z0-9+#]+/g, ' ')
    .split(' ')
    .filter((w) => w.length > 0)
    .map((w) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('ics') ? w.slice(0, -1) : w));
}

/**
 * The profile a role text names, or undefined when none fits (the caller then asks generic
 * behavioural and communication questions). The longest alias found decides ("machine learning
 * engineer" over "machine learning"); between equally long ones the earliest in the text wins, so
 * "Backend Engineer (AWS)" is backend, not cloud.
 */
export function matchRoleProfile(catalog: RoleCatalog, role: string): RoleProfile | undefined {
  const words = roleWords(role);
  if (words.length === 0) return undefined;
  let best: { length: number; position: number; profile: RoleProfile } | undefined;
  for (const alias of catalog.aliases) {
    if (best && alias.words.length < best.length) break;
    const position = indexOfRun(words, alias.words);
    if (position < 0) continue;
    if (!best || position < best.position) best = { length: alias.words.length, position, profile: alias.profile };
  }
  if (best) return best.profile;
  if (words.some((w) => catalog.vetoWeak.has(w))) return undefined;
  return catalog.weakAliases.find((alias) => indexOfRun(words, alias.words) >= 0)?.profile;
}

function indexOfRun(words: readonly string[], run: readonly string[]): number {
  outer: for (let i = 0; i + run.length <= words.length; i += 1) {
    for (let j = 0; j < run.length; j += 1) if (words[i + j] !== run[j]) continue outer;
    return i;
  }
  return -1;
}

/** Technical and design questions with no role tag are software questions, not for a nurse or a sales rep. */
const SOFTWARE_BY_DEFAULT: ReadonlySet<QuestionType> = new Set(['technical', 'system_design']);
const SOFTWARE_GENERALIST = 'software-engineer';

/** The profiles a question is tagged for; empty means any role. */
export function questionProfiles(catalog: RoleCatalog, question: Pick<BankQuestion, 'roles' | 'type'>): string[] {
  const ids = new Set<string>();
  for (const tag of question.roles) {
    let id = catalog.tagCache.get(tag);
    if (id === undefined) {
      id = matchRoleProfile(catalog, tag)?.id ?? null;
      catalog.tagCache.set(tag, id);
    }
    if (id !== null) ids.add(id);
  }
  if (ids.size === 0 && SOFTWARE_BY_DEFAULT.has(question.type) && catalog.byId.has(SOFTWARE_GENERALIST)) ids.add(SOFTWARE_GENERALIST);
  return [...ids];
}

/** The profile itself and those it includes. */
export function allowedProfiles(profile: RoleProfile | undefined): Set<string> {
  return profile ? new Set([profile.id, ...profile.includes]) : new Set();
}

/**
 * How well a question fits a candidate's profile: 3 tagged for the profile itself, 2 for a profile
 * it includes, 1 for any role, and null when it is tagged only for other profiles (never asked).
 */
export function profileFit(
  catalog: RoleCatalog,
  question: Pick<BankQuestion, 'roles' | 'type'>,
  profile: RoleProfile | undefined,
): number | null {
  const tagged = questionProfiles(catalog, question);
  if (tagged.length === 0) return 1;
  if (profile && tagged.includes(profile.id)) return 3;
  const allowed = allowedProfiles(profile);
  return tagged.some((id) => allowed.has(id)) ? 2 : null;
}
