import type { Skill, SkillCategory, SkillTaxonomy } from './taxonomy.js';

/** A skill found in a text, with how often it was named and where (for explanations in the UI). */
export interface ExtractedSkill {
  skillId: string;
  name: string;
  category: SkillCategory;
  mentions: number;
  /** The words around the first mention, whitespace collapsed. */
  evidence: string;
}

/** One occurrence of a skill's spelling in a text. */
export interface SkillMention {
  skillId: string;
  start: number;
  end: number;
  /** Named by a deed ("Mentored two engineers"), not by the skill's own word. */
  deed?: true;
}

interface AliasMatcher {
  skillId: string;
  pattern: RegExp;
  ambiguous: boolean;
  /** A lower-case literal the text must contain before the regex is worth running. */
  probe: string;
  deed?: true;
}

// Compiled once per taxonomy object; the taxonomy is immutable after validation.
const matcherCache = new WeakMap<SkillTaxonomy, AliasMatcher[]>();

/**
 * Finds the skills a text names. Plain aliases match case-insensitively on word boundaries that
 * respect the punctuation inside names ("C++", "C#", ".NET", "Node.js", "CI/CD"); ambiguous aliases
 * ("Go", "R", "Spark") need their exact casing and a technical context. Sorted by mentions, then by
 * first appearance.
 */
export function extractSkills(text: string, taxonomy: SkillTaxonomy): ExtractedSkill[] {
  return summarizeMentions(text, findSkillMentions(text, taxonomy), taxonomy);
}

/** Every accepted mention, in text order, without overlaps (the longest spelling wins). */
export function findSkillMentions(text: string, taxonomy: SkillTaxonomy): SkillMention[] {
  const matchers = compileMatchers(taxonomy);
  const lower = text.toLowerCase();
  const plain: SkillMention[] = [];
  const ambiguous: SkillMention[] = [];
  for (const m of matchers) {
    if (!lower.includes(m.probe)) continue;
    m.pattern.lastIndex = 0;
    for (let hit = m.pattern.exec(text); hit !== null; hit = m.pattern.exec(text)) {
      const mention: SkillMention = { skillId: m.skillId, start: hit.index, end: hit.index + hit[0].length };
      if (m.deed) mention.deed = true;
      (m.ambiguous ? ambiguous : plain).push(mention);
      if (hit[0].length === 0) m.pattern.lastIndex += 1;
    }
  }
  const accepted = removeOverlaps(plain);
  return acceptInContext(text, accepted, withoutOverlapping(removeOverlaps(ambiguous), accepted));
}

/** The mentions of `candidates` that overlap none of `kept`; both sorted and without overlaps inside. */
function withoutOverlapping(candidates: readonly SkillMention[], kept: readonly SkillMention[]): SkillMention[] {
  const out: SkillMention[] = [];
  let k = 0;
  for (const c of candidates) {
    while (k < kept.length && kept[k]!.end <= c.start) k += 1;
    if (k < kept.length && overlaps(kept[k]!, c)) continue;
    out.push(c);
  }
  return out;
}

/** How far a neighbour can vouch for an ambiguous mention (see hasTechnicalContext). */
const CONTEXT_REACH = 20;

/**
 * Adds the ambiguous mentions read in a technical context to the accepted ones. An ambiguous word
 * may be vouched for by a neighbour that was itself ambiguous ("R, Julia"), so when one is
 * accepted its pending neighbours are looked at again, until nothing changes. Acceptance only
 * grows the context, so the result is the same in any order; looking only at near neighbours
 * keeps this linear in the text (a resume can be one long list of "R, R, R").
 */
function acceptInContext(text: string, accepted: readonly SkillMention[], pending: readonly SkillMention[]): SkillMention[] {
  if (pending.length === 0) return [...accepted];
  // Every mention in text order; none overlap, so a mention's neighbours sit next to it.
  const all = [...accepted.map((m) => ({ m, ok: true })), ...pending.map((m) => ({ m, ok: false }))].sort((a, b) => byPosition(a.m, b.m));
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineStartOf = (position: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= position) lo = mid;
      else hi = mid - 1;
    }
    return lineStarts[lo]!;
  };
  const neighbours = (i: number): number[] => {
    const { m } = all[i]!;
    const near: number[] = [];
    for (let j = i - 1; j >= 0 && m.start - all[j]!.m.end <= CONTEXT_REACH; j -= 1) near.push(j);
    for (let j = i + 1; j < all.length && all[j]!.m.start - m.end <= CONTEXT_REACH; j += 1) near.push(j);
    return near;
  };
  const queue: number[] = [];
  const queued = new Uint8Array(all.length);
  all.forEach((entry, i) => {
    if (entry.ok) return;
    queue.push(i);
    queued[i] = 1;
  });
  for (let q = 0; q < queue.length; q += 1) {
    const i = queue[q]!;
    queued[i] = 0;
    const near = neighbours(i);
    const acceptedNear = near.filter((j) => all[j]!.ok).map((j) => all[j]!.m);
    if (!hasTechnicalContext(text, all[i]!.m, acceptedNear, lineStartOf(all[i]!.m.start))) continue;
    all[i]!.ok = true;
    for (const j of near) {
      if (all[j]!.ok || queued[j]) continue;
      queue.push(j);
      queued[j] = 1;
    }
  }
  return all.filter((e) => e.ok).map((e) => e.m);
}

/** Groups mentions into one entry per skill. */
export function summarizeMentions(text: string, mentions: readonly SkillMention[], taxonomy: SkillTaxonomy): ExtractedSkill[] {
  const bySkill = new Map<string, { skill: Skill; mentions: number; first: SkillMention }>();
  for (const m of mentions) {
    const entry = bySkill.get(m.skillId);
    if (entry) entry.mentions += 1;
    else {
      const skill = taxonomy.byId.get(m.skillId);
      if (skill) bySkill.set(m.skillId, { skill, mentions: 1, first: m });
    }
  }
  return [...bySkill.values()]
    .sort((a, b) => b.mentions - a.mentions || a.first.start - b.first.start)
    .map(({ skill, mentions: n, first }) => ({
      skillId: skill.id,
      name: skill.name,
      category: skill.category,
      mentions: n,
      evidence: cutSnippet(text, first.start, first.end),
    }));
}

// ---------------------------------------------------------------------------------------------
// Resumes: employers, projects, titles and technologies, to ground tailored questions

export interface ResumeEmployer {
  name: string;
  title?: string;
  evidence: string;
}

export interface ResumeProject {
  name: string;
  /** The employer whose entry the project was listed under, if any. */
  employer?: string;
  /** Skills named on the project's own lines. */
  skillIds: string[];
  evidence: string;
}

export interface ResumeFacts {
  /** In resume order, which is usually most recent first. */
  employers: ResumeEmployer[];
  /** Most recent first: the headline, then titles from the experience entries. */
  titles: string[];
  projects: ResumeProject[];
  /** Technical skills only (no soft skills, methods or industries). */
  technologies: ExtractedSkill[];
}

type ResumeSection = 'experience' | 'projects' | 'skills' | 'education' | 'summary' | 'other';

const RESUME_HEADINGS: readonly [RegExp, ResumeSection][] = [
  [
    /^(?:professional\s+|work\s+|relevant\s+)?(?:experience|employment(?:\s+history)?|work\s+history|career(?:\s+history)?)$/i,
    'experience',
  ],
  [
    /^(?:(?:personal|selected|side|key|notable|open[\s-]source)\s+)?projects?(?:\s+and\s+open[\s-]source)?$|^open[\s-]source(?:\s+work)?$/i,
    'projects',
  ],
  [/^(?:technical\s+|core\s+|key\s+)?(?:skills|technologies|tech\s+stack|tools|competencies|expertise)(?:\s+(?:and|&)\s+\w+)?$/i, 'skills'],
  [/^(?:education|academic\s+background|qualifications)$/i, 'education'],
  [/^(?:summary|profile|about(?:\s+me)?|objective|professional\s+summary)$/i, 'summary'],
  [/^(?:certifications?|awards|languages|interests|hobbies|publications|references|volunteering|contact)$/i, 'other'],
];

const BULLET = /^\s*(?:[-*•·▪◦‣–]|\d+[.)])\s+/;

const TITLE_NOUNS = new Set([
  'engineer',
  'developer',
  'programmer',
  'architect',
  'manager',
  'lead',
  'analyst',
  'scientist',
  'designer',
  'consultant',
  'intern',
  'administrator',
  'specialist',
  'director',
  'officer',
  'tester',
  'researcher',
  'technician',
  'coordinator',
  'owner',
  'strategist',
  'writer',
  'founder',
  'co-founder',
  'cto',
  'cio',
  'ceo',
  'vp',
  'sre',
  'devops',
  'trainee',
  'apprentice',
  'contractor',
  'freelancer',
  'head',
  'partner',
  'teacher',
]);
const TITLE_LEVEL = /^(?:i{1,3}|iv|v|[1-5])$/i;
const TITLE_CONNECTORS = new Set(['of', 'and', '&', 'for', '/', '-']);

const COMPANY_SUFFIX =
  /^(?:inc|ltd|llc|gmbh|corp|corporation|co|company|labs|technologies|technology|systems|group|ag|sa|bv|plc|limited|software|solutions|analytics|logistics|bank|health|studios|games|networks|media|partners|consulting|digital|ventures)\.?$/i;

const NOT_AN_EMPLOYER =
  /^(?:remote|hybrid|on[\s-]?site|freelance|self[\s-]employed|contract|full[\s-]time|part[\s-]time|present|current|various|confidential)$/i;

/** Capitalized words that describe rather than name a project ("the New Data platform"). */
const GENERIC_NAME_WORDS = new Set([
  'new',
  'internal',
  'core',
  'main',
  'legacy',
  'data',
  'mobile',
  'web',
  'customer',
  'customers',
  'company',
  'team',
  'our',
  'the',
  'a',
  'an',
  'my',
  'api',
  'apis',
  'backend',
  'frontend',
  'platform',
  'service',
  'services',
  'system',
  'app',
  'application',
  'tool',
  'tools',
  'project',
  'product',
  'feature',
  'features',
  'infrastructure',
  'cloud',
  'payments',
  'payment',
  'billing',
  'search',
  'analytics',
  'reporting',
  'admin',
  'user',
  'users',
  'i',
  'we',
  'it',
  'this',
  'that',
  'several',
  'multiple',
  'two',
  'three',
  'first',
  'global',
  'company-wide',
  'end-to-end',
]);

// Bullets start with a capital ("Led …") but names must stay capitalized, so the verbs carry their
// own case-insensitivity instead of a flag that would loosen the name pattern too.
const PROJECT_VERBS = [
  'led',
  'built',
  'launched',
  'shipped',
  'created',
  'designed',
  'developed',
  'owned',
  'delivered',
  'maintained',
  'rebuilt',
  'architected',
  'wrote',
  'started',
  'founded',
  'migrated',
  'introduced',
  'implemented',
  'rewrote',
  'co-founded',
  'spearheaded',
  'drove',
  'ran',
]
  .map((verb) => `[${verb[0]!.toUpperCase()}${verb[0]}]${verb.slice(1)}`)
  .join('|');
const PROJECT_NOUNS =
  'project|platform|service|system|app|application|tool|pipeline|engine|dashboard|initiative|library|framework|portal|website|product|migration|rewrite|sdk|cli|bot';
const NAME = String.raw`[A-Z0-9][\w.+'’-]*(?:\s+[A-Z0-9][\w.+'’-]*){0,3}`;
const INLINE_PROJECT_PATTERNS: readonly RegExp[] = [
  // "Led the Route Planner project", "built our Atlas platform"
  new RegExp(String.raw`\b(?:${PROJECT_VERBS})\s+(?:the\s+|our\s+|a\s+new\s+|an?\s+)?(${NAME})\s+(?:${PROJECT_NOUNS})s?\b`, 'g'),
  // "Built Harbor, an internal data pipeline"
  new RegExp(String.raw`\b(?:${PROJECT_VERBS})\s+(${NAME}),?\s+(?:an?|the|our)\s+`, 'g'),
  // "a tool called Beacon", "project named Nightjar"
  new RegExp(String.raw`\b(?:${PROJECT_NOUNS})\s+(?:called|named|codenamed)\s+["“']?(${NAME})`, 'g'),
];
const INLINE_EMPLOYER = new RegExp(String.raw`\b(?:at|for|joined)\s+((?:[A-Z][\w&.'’-]*\s+){0,3}[A-Z][\w&.'’-]*)`, 'g');

/**
 * Pulls the facts a question can be grounded in ("At Northwind you led Route Planner …") out of
 * plain resume text. Heuristic by nature: it prefers missing a fact to inventing one, so every
 * project and employer it returns was written as a name by the candidate.
 */
export function extractResumeFacts(text: string, taxonomy: SkillTaxonomy): ResumeFacts {
  const lines = splitLines(text);
  const employers: ResumeEmployer[] = [];
  const titles: string[] = [];
  const projects: ResumeProject[] = [];
  const isSkillName = (name: string) => isMostlySkills(name, taxonomy);
  const employerKnown = (name: string) => employers.some((e) => e.name.toLowerCase() === name.toLowerCase());

  const addProject = (name: string, lineIndex: number, employer: string | undefined) => {
    const clean = name.replace(/[.,;:'’"”]+$/, '').trim();
    if (clean.length < 2 || isGenericName(clean) || isSkillName(clean) || employerKnown(clean) || looksLikeTitle(clean)) return;
    if (projects.some((p) => p.name.toLowerCase() === clean.toLowerCase())) return;
    const block = collectBlock(lines, lineIndex);
    projects.push({
      name: clean,
      employer,
      skillIds: [...new Set(findSkillMentions(block, taxonomy).map((m) => m.skillId))].filter((id) => {
        const s = taxonomy.byId.get(id);
        return s !== undefined && s.category !== 'soft-skill' && s.category !== 'methodology';
      }),
      evidence: collapse(lines[lineIndex]!.text.replace(BULLET, '')).slice(0, 160),
    });
  };

  let section: ResumeSection | null = null;
  let currentEmployer: string | undefined;
  let seenHeading = false;
  // The previous header line of the experience section, for entries split over two lines.
  let previousHeader: string | undefined;
  const recordRole = (title: string, employer: string, evidence: string) => {
    currentEmployer = employer;
    pushUnique(titles, title);
    const known = employers.find((e) => e.name.toLowerCase() === employer.toLowerCase());
    if (known) known.title ??= title;
    else employers.push({ name: employer, title, evidence: collapse(evidence) });
  };
  lines.forEach((line, index) => {
    const content = line.text.trim();
    if (content.length === 0) return;
    const heading = classifyResumeHeading(content);
    if (heading) {
      section = heading;
      seenHeading = true;
      if (heading !== 'experience') currentEmployer = undefined;
      return;
    }
    // Markdown resumes wrap job headers in "### " and "**…**"; the words inside are what count.
    const unmarked = content.replace(/^#{1,6}\s+/, '');
    const bullet = BULLET.test(unmarked);
    const body = unmarked
      .replace(BULLET, '')
      .replace(/\*\*|__/g, '')
      .trim();

    // The headline under the name: "Senior Backend Engineer", "Staff Engineer · me@example.com".
    const headline = stripDates(body.split(/\s+[|·•–—]\s+/)[0] ?? '');
    if (!seenHeading && index < 6 && !bullet && looksLikeTitle(headline)) {
      pushUnique(titles, headline);
      return;
    }
    if (!bullet && (section === 'experience' || section === null) && body.length <= 140) {
      const role = parseRoleLine(body, isSkillName);
      if (role) {
        recordRole(role.title, role.employer, body);
        previousHeader = undefined;
        return;
      }
      // "Acme Robotics" then "Senior Engineer, 2019 – 2022" (or the other way round).
      const single = stripDates(body)
        .replace(/[,;]\s*.*$/, '')
        .trim();
      if (section === 'experience' && previousHeader !== undefined) {
        const before = previousHeader;
        if (looksLikeTitle(single) && looksLikeOrganisation(before) && !isSkillName(before)) {
          recordRole(single, before, `${before} ${body}`);
          previousHeader = undefined;
          return;
        }
        if (looksLikeTitle(before) && looksLikeOrganisation(single) && !isSkillName(single)) {
          recordRole(before, single, `${before} ${body}`);
          previousHeader = undefined;
          return;
        }
      }
      previousHeader = single;
    } else {
      previousHeader = undefined;
    }
    if (section === 'projects') {
      const head = /^([A-Z0-9][\w.+'’-]*(?:\s+[A-Z0-9][\w.+'’-]*){0,4})\s*(?:[–—:|(]|\s-\s|,|$)/.exec(body);
      if (head?.[1]) addProject(head[1], index, undefined);
    }
    if (section !== 'skills' && section !== 'education') {
      for (const pattern of INLINE_PROJECT_PATTERNS) {
        pattern.lastIndex = 0;
        for (let hit = pattern.exec(body); hit !== null; hit = pattern.exec(body)) {
          if (hit[1]) addProject(trimTrailingLowercase(hit[1]), index, section === 'experience' ? currentEmployer : undefined);
        }
      }
      INLINE_EMPLOYER.lastIndex = 0;
      for (let hit = INLINE_EMPLOYER.exec(body); hit !== null; hit = INLINE_EMPLOYER.exec(body)) {
        const name = hit[1]!.replace(/[.,;:]+$/, '');
        const last = name.split(/\s+/).at(-1) ?? '';
        if (COMPANY_SUFFIX.test(last) && name.split(/\s+/).length >= 2 && !employerKnown(name) && !isSkillName(name)) {
          employers.push({ name, evidence: collapse(body).slice(0, 160) });
        }
      }
    }
  });

  const technologies = extractSkills(text, taxonomy).filter((s) => {
    const skill = taxonomy.byId.get(s.skillId);
    return skill !== undefined && isTechnology(skill);
  });
  return { employers, titles, projects, technologies };
}

function isTechnology(skill: Skill): boolean {
  return !['soft-skill', 'methodology', 'domain', 'design'].includes(skill.category);
}

function classifyResumeHeading(line: string): ResumeSection | null {
  const stripped = line
    .replace(/^[#*=\s]+/, '')
    .replace(/[*_:=]+\s*$/, '')
    .replace(/[*_]+/g, '')
    .trim();
  if (stripped.length === 0 || stripped.length > 40) return null;
  for (const [pattern, section] of RESUME_HEADINGS) if (pattern.test(stripped)) return section;
  return null;
}

/**
 * Reads a job header line in the usual shapes: "Title at Org", "Title, Org — City (2019–2023)",
 * "Org | Title", "Org — Title". Returns null unless one part is clearly a job title and another
 * looks like an organisation name.
 */
function parseRoleLine(line: string, isSkillName: (s: string) => boolean): { title: string; employer: string } | null {
  const cleaned = stripDates(line);
  const at = /^(.+?)\s+(?:at|@)\s+(.+)$/.exec(cleaned);
  const segments = at ? [at[1]!, ...splitSegments(at[2]!)] : splitSegments(cleaned);
  const parts = segments.map((s) => s.trim()).filter((s) => s.length > 0);
  const titleIndex = parts.findIndex((p) => looksLikeTitle(p));
  if (titleIndex < 0) return null;
  const candidates = titleIndex === 0 ? [parts[1]] : [parts[titleIndex - 1], parts[titleIndex + 1]];
  for (const candidate of candidates) {
    if (candidate && looksLikeOrganisation(candidate) && !isSkillName(candidate)) return { title: parts[titleIndex]!, employer: candidate };
  }
  return null;
}

function splitSegments(text: string): string[] {
  return text.split(/\s+[|·•–—]\s+|\s+-\s+|,\s+|\t+|\s{3,}/);
}

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
const DATE = String.raw`(?:${MONTH}\s+)?(?:\d{1,2}[/.])?(?:19|20)\d{2}`;
const DATE_RANGE = new RegExp(String.raw`\(?\s*${DATE}\s*(?:(?:[-–—]|to|until)\s*(?:${DATE}|present|now|current|today)?)?\s*\)?`, 'gi');

function stripDates(text: string): string {
  return text
    .replace(DATE_RANGE, ' ')
    .replace(/\(\s*(?:present|current|now)?\s*\)/gi, ' ')
    .replace(/\s*[|·•–—,-]\s*$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function looksLikeTitle(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length === 0 || words.length > 7) return false;
  if (!words.every((w) => /^[A-Z0-9(]/.test(w) || TITLE_CONNECTORS.has(w.toLowerCase()) || TITLE_LEVEL.test(w))) return false;
  const lowered = words.map((w) => w.toLowerCase().replace(/[(),.]/g, ''));
  const significant = lowered.filter((w) => !TITLE_LEVEL.test(w));
  const last = significant.at(-1) ?? '';
  if (TITLE_NOUNS.has(last)) return true;
  // "Head of Platform", "Director of Engineering", "VP of Product"
  const ofAt = lowered.indexOf('of');
  return ofAt > 0 && TITLE_NOUNS.has(lowered[ofAt - 1] ?? '');
}

function looksLikeOrganisation(text: string): boolean {
  const words = text.split(/\s+/);
  if (words.length === 0 || words.length > 6) return false;
  if (!/^[A-Z0-9]/.test(text) || NOT_AN_EMPLOYER.test(text)) return false;
  if (looksLikeTitle(text) || /\d{4}/.test(text)) return false;
  return true;
}

function isGenericName(name: string): boolean {
  return name.split(/\s+/).every((w) => GENERIC_NAME_WORDS.has(w.toLowerCase()));
}

/** True when every word of a name is a skill spelling or generic ("React Native", "AWS Lambda"). */
function isMostlySkills(name: string, taxonomy: SkillTaxonomy): boolean {
  const normalized = name.toLowerCase().trim();
  if (taxonomy.terms.has(normalized.replace(/[\s_-]+/g, ' '))) return true;
  const words = normalized.split(/\s+/);
  return words.every((w) => taxonomy.terms.has(w) || GENERIC_NAME_WORDS.has(w));
}

/** Drops lower-case tail words a greedy name pattern may have taken ("Harbor and"). */
function trimTrailingLowercase(name: string): string {
  const words = name.split(/\s+/);
  while (words.length > 1 && !/^[A-Z0-9]/.test(words.at(-1)!)) words.pop();
  return words.join(' ');
}

/** A project's own lines: its line and, for a header line, the bullets under it. */
function collectBlock(lines: readonly Line[], index: number): string {
  const parts = [lines[index]!.text];
  if (BULLET.test(lines[index]!.text)) return parts[0]!;
  for (let i = index + 1; i < lines.length && i <= index + 4; i += 1) {
    if (!BULLET.test(lines[i]!.text)) break;
    parts.push(lines[i]!.text);
  }
  return parts.join('\n');
}

function pushUnique(list: string[], value: string): void {
  if (value && !list.some((v) => v.toLowerCase() === value.toLowerCase())) list.push(value);
}

// ---------------------------------------------------------------------------------------------
// Matching machinery

function compileMatchers(taxonomy: SkillTaxonomy): AliasMatcher[] {
  const cached = matcherCache.get(taxonomy);
  if (cached) return cached;
  const matchers: AliasMatcher[] = [];
  for (const skill of taxonomy.skills) {
    const ambiguousLower = new Set(skill.ambiguousAliases.map((a) => a.toLowerCase()));
    const plain = new Set<string>();
    for (const spelling of [skill.name, ...skill.aliases]) {
      if (!ambiguousLower.has(spelling.toLowerCase())) plain.add(spelling.toLowerCase());
    }
    for (const spelling of plain) matchers.push(compileAlias(skill.id, spelling, false));
    for (const spelling of new Set(skill.ambiguousAliases)) matchers.push(compileAlias(skill.id, spelling, true));
    // Only the skill's own name: an alias's verb is often too common to be a claim ("presented").
    const name = skill.name.toLowerCase();
    if (skill.category === 'soft-skill' && /^[a-z]{3,}ing$/.test(name)) matchers.push(compileDeed(skill.id, name));
  }
  matcherCache.set(taxonomy, matchers);
  return matchers;
}

function compileAlias(skillId: string, alias: string, ambiguous: boolean): AliasMatcher {
  let body = '';
  for (const part of alias.trim().split(/(\s+|-)/)) {
    if (part.length === 0) continue;
    if (/^\s+$/.test(part)) body += String.raw`[\s\-_]+`;
    else if (part === '-') body += String.raw`[\s\-_]?`;
    else body += part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  // "databases", "microservices", "REST APIs": plurals of real words, never of short or ambiguous ones.
  const plural = !ambiguous && alias.length >= 4 && /[a-z]$/i.test(alias) ? '(?:e?s)?' : '';
  // An ambiguous word glued to punctuation is part of something else: "R&D", "C-level", "Node.js".
  const before = ambiguous ? String.raw`(?<![A-Za-z0-9_])(?<![A-Za-z0-9][-'’.&])` : String.raw`(?<![A-Za-z0-9_])`;
  const after = ambiguous ? String.raw`(?![A-Za-z0-9_+#])(?![-'’.&][A-Za-z0-9])` : String.raw`(?![A-Za-z0-9_+#])`;
  const probe = alias.toLowerCase().split(/[\s-]+/)[0] ?? alias.toLowerCase();
  return { skillId, pattern: new RegExp(`${before}${body}${plural}${after}`, ambiguous ? 'g' : 'gi'), ambiguous, probe };
}

/**
 * "Mentored two engineers", "• Negotiated renewals", "hired and coached a team": the past tense of
 * a soft skill's verb is that skill, when it opens a bullet or sentence or follows "I" or "and" —
 * the shape of an accomplishment, not a passing word ("a mentored programme").
 */
function compileDeed(skillId: string, gerund: string): AliasMatcher {
  const stem = gerund.slice(0, -3);
  const opening = String.raw`(?<=(?:^|\n)[\t ]*(?:[-*•·▪◦‣–][\t ]*)?|[.!?;][\t ]+|\b(?:I|and|&)[\t ]+)`;
  return { skillId, pattern: new RegExp(`${opening}${stem}ed(?![A-Za-z0-9_])`, 'gi'), ambiguous: false, probe: `${stem}ed`, deed: true };
}

const ROLE_AFTER =
  /^\s*(?:developers?|engineers?|programmers?|code(?:base)?s?|services?|microservices?|backends?|stack|language|librar(?:y|ies)|apps?|applications?|modules?|experience|skills?|expertise|programming|development|projects?|scripts?|ecosystem|runtime|frameworks?|api|apis|jobs?|clusters?|\d{1,2}(?:\.\d+)*)\b/i;
/** "services in Go", "written in R", "tools using Rust": a technical noun before the usage word. */
const TECH_NOUN_BEFORE =
  /\b(?:services?|code|apps?|applications?|systems?|tools?|backends?|apis?|microservices|written|built|developed|implemented|programming|scripting|coding|rewritten|ported)\s+(?:in|with|using)\s+$/i;
const USAGE_BEFORE =
  /(?:\b(?:in|with|using|use|uses|used|like|including|knowledge\s+of|proficiency\s+in|proficient\s+in|fluent\s+in|familiar\s+with|familiarity\s+with|expertise\s+in|skilled\s+in|written\s+in|built\s+(?:with|in)|programming\s+in|such\s+as|e\.g\.))\s*$/i;
const LIST_AFTER = /^\s*(?:[,.;:)/|]|$|\b(?:and|or)\b)/i;
const USAGE_GAP = /^(?:\s|[,;/|&+()]|\b(?:and|or|on|with|plus|over|via)\b)*$/i;
const LIST_GAP = /^\s*(?:[,;/|&+()]|\band\b|\bor\b|,\s*(?:and|or)\b)?\s*$/i;
const SKILLS_LINE =
  /^\s*(?:[-*•]\s*)?(?:technical\s+|core\s+|key\s+)?(?:skills|languages|programming\s+languages|technologies|tech\s+stack|stack|tools|tooling|frameworks)\s*[:\-–—]/i;

/**
 * An ambiguous spelling counts when the text treats it as technology: a role noun after it
 * ("Go developer", "Spark jobs"), a list neighbour that is a skill ("Python, Go and Rust"), a
 * skills line ("Languages: Go, R"), or a usage phrase before it closed by list punctuation
 * ("experience in R," "written in Go.").
 */
function hasTechnicalContext(text: string, m: SkillMention, accepted: readonly SkillMention[], lineStart: number): boolean {
  const after = text.slice(m.end, m.end + 40);
  if (ROLE_AFTER.test(after)) return true;
  for (const other of accepted) {
    if (other.end <= m.start && LIST_GAP.test(text.slice(other.end, m.start)) && m.start - other.end <= 8) return true;
    if (other.start >= m.end && LIST_GAP.test(text.slice(m.end, other.start)) && other.start - m.end <= 8) return true;
  }
  if (SKILLS_LINE.test(text.slice(lineStart, m.start)) && LIST_AFTER.test(after)) return true;
  const before = text.slice(Math.max(0, m.start - 40), m.start);
  if (TECH_NOUN_BEFORE.test(before)) return true;
  // "Engineer (Go)"; single letters are left out because "(C)" and "(R)" are legal marks.
  if (m.end - m.start > 1 && /\(\s*$/.test(before) && /^\s*\)/.test(after)) return true;
  if (!USAGE_BEFORE.test(before)) return false;
  if (LIST_AFTER.test(after)) return true;
  // "in Go on Kubernetes", "with Spark plus Airflow": the usage phrase runs on into another skill.
  return accepted.some((other) => other.start >= m.end && other.start - m.end <= 20 && USAGE_GAP.test(text.slice(m.end, other.start)));
}

function removeOverlaps(mentions: SkillMention[]): SkillMention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: SkillMention[] = [];
  for (const m of sorted) {
    const last = kept.at(-1);
    if (last && m.start < last.end) {
      // A longer spelling starting later inside the kept one cannot win; a longer one that starts
      // at the same place already sorted first.
      continue;
    }
    kept.push(m);
  }
  return kept;
}

const overlaps = (a: SkillMention, b: SkillMention) => a.start < b.end && b.start < a.end;
export const byPosition = (a: SkillMention, b: SkillMention) => a.start - b.start;

export interface Line {
  text: string;
  start: number;
  end: number;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    lines.push({ text: part.replace(/\r$/, ''), start, end: start + part.length });
    start += part.length + 1;
  }
  return lines;
}

function cutSnippet(text: string, start: number, end: number, radius = 60): string {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  // Do not cut words in half.
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  return `${from > 0 ? '…' : ''}${collapse(text.slice(from, to))}${to < text.length ? '…' : ''}`;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
