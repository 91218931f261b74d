import type { InterviewType, Level, QuestionType } from '../../contract/interviews.js';
import type { BankQuestion } from './bank.js';
import { matchRoleProfile, profileFit, type RoleCatalog, type RoleProfile } from './role-profiles.js';

export interface SelectQuestionsRequest {
  type: InterviewType;
  level: Level;
  /** Free text as the candidate typed it, e.g. "Senior Backend Engineer". */
  role: string;
  count: number;
  jobDescription?: string;
  /**
   * Bank topics the candidate's extracted skills point to (from the job description, resume and
   * role). A question sharing one counts as relevant just like a topic named in the text.
   */
  preferredTopics?: readonly string[];
  /** Questions the candidate answered recently; used only while enough others exist. */
  recentlySeenIds?: string[];
  /** Same seed, same questions in the same order. */
  seed: string;
  /**
   * Role profiles: when given, the role text is matched to a profile, questions tagged only for
   * other profiles are never picked, and a role that matches nothing gets generic behavioural and
   * communication questions instead of random technical ones.
   */
  roleCatalog?: RoleCatalog;
}

/**
 * When a single-type interview has no question that fits the role (a nurse asking for system
 * design, a role no profile knows asking for technical questions), the nearest types fill it.
 */
const TOP_UP_TYPES: Readonly<Record<QuestionType, readonly QuestionType[]>> = {
  technical: ['behavioral', 'communication'],
  system_design: ['technical', 'behavioral', 'communication'],
  behavioral: ['communication'],
  communication: ['behavioral'],
  aptitude: [],
};

/** The order a mixed interview runs in: warm up with the candidate's story, end with puzzles. */
export const MIXED_INTERVIEW_ORDER: readonly QuestionType[] = ['behavioral', 'communication', 'technical', 'system_design', 'aptitude'];

/** When a mixed interview's count does not divide evenly, these types get the extra slots first. */
const MIXED_EXTRA_SLOT_PRIORITY: readonly QuestionType[] = ['technical', 'behavioral', 'system_design', 'communication', 'aptitude'];

const LEVELS: readonly Level[] = ['junior', 'mid', 'senior'];

/**
 * Picks `count` bank questions for an interview.
 *
 * Ranking inside one question type, most important first:
 * 1. level distance — the level the candidate asked for, then an adjacent one, then the far one.
 *    Level decides difficulty and how answers are judged, so it outranks everything else and is
 *    only relaxed when the bank runs out at the requested level;
 * 2. not recently seen — repeats are used only when nothing fresh is left at that level;
 * 3. relevance — role word overlap and topics named in the role or job description;
 * 4. a seeded shuffle, so equally good questions vary between interviews.
 *
 * Returns fewer than `count` only when the bank has no more questions of the type(s).
 */
export function selectQuestions(bank: BankQuestion[], request: SelectQuestionsRequest): BankQuestion[] {
  const count = Math.max(0, Math.floor(request.count));
  if (count === 0) return [];

  const catalog = request.roleCatalog;
  const profile = catalog ? matchRoleProfile(catalog, request.role) : undefined;
  const preferred = [...(request.preferredTopics ?? []), ...(profile ? [...profile.topics, ...profile.skills] : [])];
  const context = buildMatchContext(request.role, request.jobDescription, preferred, catalog, profile);
  const seen = new Set(request.recentlySeenIds ?? []);
  const candidates = removeDuplicateIds(bank).filter((q) => !catalog || profileFit(catalog, q, profile) !== null);
  const rankType = (type: QuestionType): BankQuestion[] =>
    rankCandidates(
      candidates.filter((q) => q.type === type),
      request.level,
      seen,
      context,
      createSeededRandom(`${request.seed}:${type}`),
    );

  // Coding problems come from the coding bank (src/server/coding), not from this one.
  if (request.type === 'coding') return [];
  if (request.type !== 'mixed') {
    const picked = rankType(request.type).slice(0, count);
    // Only a type with nothing at all for the role is replaced; a short one is left for the
    // tailored writer to fill, which keeps the interview's type.
    if (!catalog || picked.length > 0) return picked;
    for (const type of TOP_UP_TYPES[request.type]) {
      if (picked.length >= count) break;
      picked.push(...rankType(type).slice(0, count - picked.length));
    }
    return picked;
  }

  const ranked = new Map(MIXED_INTERVIEW_ORDER.map((type) => [type, rankType(type)] as const));
  const slots = allocateMixedSlots(count, ranked);
  return MIXED_INTERVIEW_ORDER.flatMap((type) => (ranked.get(type) ?? []).slice(0, slots.get(type) ?? 0));
}

/**
 * Deals slots one at a time around the types, so counts differ by at most one; a type that runs
 * out simply stops taking slots and the others absorb them. Balance wins over level here: a mixed
 * interview missing a whole type would be worse than one question from an adjacent level.
 */
function allocateMixedSlots(count: number, ranked: Map<QuestionType, BankQuestion[]>): Map<QuestionType, number> {
  const slots = new Map<QuestionType, number>(MIXED_EXTRA_SLOT_PRIORITY.map((type) => [type, 0]));
  let given = 0;
  let progressed = true;
  while (given < count && progressed) {
    progressed = false;
    for (const type of MIXED_EXTRA_SLOT_PRIORITY) {
      if (given >= count) break;
      const taken = slots.get(type) ?? 0;
      if (taken < (ranked.get(type)?.length ?? 0)) {
        slots.set(type, taken + 1);
        given += 1;
        progressed = true;
      }
    }
  }
  return slots;
}

function rankCandidates(
  questions: BankQuestion[],
  level: Level,
  seen: Set<string>,
  context: MatchContext,
  random: () => number,
): BankQuestion[] {
  // Sorting by id before drawing random keys makes the result independent of file order.
  const byId = [...questions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const scored = byId.map((question) => ({
    question,
    levelDistance: measureLevelDistance(question.levels, level),
    seen: seen.has(question.id) ? 1 : 0,
    relevance: scoreRelevance(question, context),
    tieBreak: random(),
  }));
  scored.sort((a, b) => a.levelDistance - b.levelDistance || a.seen - b.seen || b.relevance - a.relevance || a.tieBreak - b.tieBreak);
  return scored.map((s) => s.question);
}

function measureLevelDistance(levels: readonly Level[], wanted: Level): number {
  const target = LEVELS.indexOf(wanted);
  return Math.min(...levels.map((l) => Math.abs(LEVELS.indexOf(l) - target)));
}

function removeDuplicateIds(bank: BankQuestion[]): BankQuestion[] {
  const ids = new Set<string>();
  return bank.filter((q) => {
    if (ids.has(q.id)) return false;
    ids.add(q.id);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Relevance: what the candidate told us (role, job description) against a question's roles/topics

interface MatchContext {
  /** Distinctive words of the role, e.g. "backend" from "Senior Backend Engineer". */
  roleWords: Set<string>;
  /** Normalized role + job description, padded with spaces for whole-phrase matching. */
  text: string;
  /** Topics preferred because of extracted skills, lower-case as the bank writes them. */
  preferredTopics: ReadonlySet<string>;
  /** With role profiles, fit to the profile replaces the word overlap of role names. */
  roles?: { catalog: RoleCatalog; profile: RoleProfile | undefined };
}

/**
 * Words that appear in almost every job title; matching on them would make every engineering
 * question "match" every engineering role.
 */
const GENERIC_ROLE_WORDS = new Set([
  'engineer',
  'engineering',
  'developer',
  'development',
  'dev',
  'programmer',
  'specialist',
  'senior',
  'sr',
  'junior',
  'jr',
  'mid',
  'level',
  'lead',
  'staff',
  'principal',
  'intern',
  'associate',
  'head',
  'chief',
  'i',
  'ii',
  'iii',
  'iv',
  'of',
  'and',
  'the',
  'a',
  'an',
  'for',
  'in',
  'at',
  'with',
  'to',
  'or',
]);

/** Spellings of the same skill that should meet in one word before matching. */
const SPELLING_VARIANTS: readonly [RegExp, string][] = [
  [/\bfront[\s-]+end\b/g, 'frontend'],
  [/\bback[\s-]+end\b/g, 'backend'],
  [/\bfull[\s-]+stack\b/g, 'fullstack'],
  [/\bnode\.js\b/g, 'nodejs'],
  [/\bdev[\s-]+ops\b/g, 'devops'],
];

/** Terms that imply topics the bank names differently; their expansion is appended to the text. */
const IMPLIED_TERMS: readonly [RegExp, string][] = [
  [/\bfullstack\b/, 'frontend backend'],
  [/\bk8s\b/, 'kubernetes'],
  [/\bjs\b/, 'javascript'],
  [/\bml\b/, 'machine learning'],
  [/\b(?:postgres|postgresql|mysql|mariadb|sqlite|oracle|sql server)\b/, 'sql databases'],
  [/\b(?:ios|android|swift|kotlin|flutter|react native)\b/, 'mobile'],
  [/\b(?:sre|site reliability)\b/, 'reliability observability'],
  [/\b(?:aws|azure|gcp|google cloud)\b/, 'cloud'],
  [/\b(?:qa|quality assurance|sdet)\b/, 'testing quality assurance'],
];

/**
 * "go" is an everyday English verb, so only treat it as the language where the original casing
 * and punctuation make that likely ("Go, Rust", "with Go", "Go developer").
 */
const GO_LANGUAGE = /(?:[,;(/]\s*Go\b|\bGo\s*[,;)/]|\b(?:in|with|and|or)\s+Go\b|\bGo\s+(?:developer|engineer|programmer|services?))/;

function buildMatchContext(
  role: string,
  jobDescription: string | undefined,
  preferredTopics: readonly string[] = [],
  catalog?: RoleCatalog,
  profile?: RoleProfile,
): MatchContext {
  const roleText = normalizeText(role);
  const fullText = `${roleText} ${normalizeText(jobDescription ?? '')}`;
  const mentionsGo = GO_LANGUAGE.test(`${role} ${jobDescription ?? ''}`);
  const implied = IMPLIED_TERMS.filter(([pattern]) => pattern.test(fullText)).map(([, expansion]) => expansion);
  const withImplied = [fullText, ...implied].join(' ');
  // A bare "go" left in the text would match the language topic on "go live" or "go-to".
  const text = stemWords(withImplied.replace(/\bgo\b/g, ' ') + (mentionsGo || /\bgolang\b/.test(fullText) ? ' go' : ''));
  return {
    roleWords: toRoleWords(roleText),
    text: ` ${text} `,
    preferredTopics: new Set(preferredTopics.map((t) => t.toLowerCase())),
    ...(catalog ? { roles: { catalog, profile } } : {}),
  };
}

/**
 * Role fit plus shared topics. Topics count once whether the text names them or an extracted skill
 * points to them; the cap of 3 keeps a question tagged with many topics from outranking a better
 * fitting one on tag count alone.
 */
function scoreRelevance(question: BankQuestion, context: MatchContext): number {
  const role = context.roles
    ? (profileFit(context.roles.catalog, question, context.roles.profile) ?? 0)
    : scoreRole(question.roles, context.roleWords);
  return role + Math.min(countTopicMatches(question.topics, context), 3);
}

/** 2 when a role shares a distinctive word, 1 for questions meant for any role, 0 otherwise. */
function scoreRole(roles: readonly string[], roleWords: Set<string>): number {
  if (roles.length === 0 || roleWords.size === 0) return 1;
  for (const role of roles) {
    for (const word of toRoleWords(normalizeText(role))) if (roleWords.has(word)) return 2;
  }
  return 0;
}

function countTopicMatches(topics: readonly string[], context: MatchContext): number {
  let matches = 0;
  for (const topic of topics) {
    const phrase = stemWords(normalizeText(topic));
    if (context.preferredTopics.has(topic.toLowerCase()) || (phrase.length > 0 && context.text.includes(` ${phrase} `))) matches += 1;
  }
  return matches;
}

function toRoleWords(normalized: string): Set<string> {
  const implied = IMPLIED_TERMS.filter(([pattern]) => pattern.test(normalized)).map(([, expansion]) => expansion);
  const words = stemWords([normalized, ...implied].join(' ')).split(' ');
  return new Set(words.filter((w) => w.length > 0 && !GENERIC_ROLE_WORDS.has(w)));
}

function normalizeText(text: string): string {
  let result = text.toLowerCase();
  for (const [pattern, replacement] of SPELLING_VARIANTS) result = result.replace(pattern, replacement);
  // Keep + and # so "c++" and "c#" survive as words of their own.
  return result.replace(/[^a-z0-9+#]+/g, ' ').trim();
}

/** Crude plural folding so "databases" meets "database"; applied to both sides alike. */
function stemWords(text: string): string {
  return text
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .join(' ');
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness: core may not call Math.random, and interviews must be reproducible.

/** A deterministic random function in [0, 1) derived from a string seed (FNV-1a + mulberry32). */
export function createSeededRandom(seed: string): () => number {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) {
    state ^= seed.charCodeAt(i);
    state = Math.imul(state, 0x01000193);
  }
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
