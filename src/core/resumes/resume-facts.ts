import { extractSkills, findSkillMentions, type ExtractedSkill } from '../skills/extract-skills.js';
import type { Skill, SkillTaxonomy } from '../skills/taxonomy.js';
import { normalizeResumeText } from './normalize-text.js';
import { findPositions } from './resume-positions.js';
import { titleScore } from './resume-roles.js';
import { sectionLines, type SectionedLine } from './resume-sections.js';

/**
 * Resume facts a question can be grounded in ("At Northwind you led Route Planner …"): employers
 * with titles, named projects with their technologies. Read with the same reader as the parsed
 * resume (sections, positions, roles), so tailoring and the resume page never disagree.
 */

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

const COMPANY_SUFFIX =
  /^(?:inc|ltd|llc|gmbh|corp|corporation|co|company|labs|technologies|technology|systems|group|ag|sa|bv|plc|limited|software|solutions|analytics|logistics|bank|health|studios|games|networks|media|partners|consulting|digital|ventures)\.?$/i;

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

const BULLET = /^\s*(?:[-*•·▪◦‣–]|\d+[.)])\s+/;
/** A title reads as one at this score (see resume-roles.ts). */
const TITLE_SCORE = 3;

/**
 * Heuristic by nature: it prefers missing a fact to inventing one, so every project and employer
 * it returns was written as a name by the candidate.
 */
export function extractResumeFacts(text: string, taxonomy: SkillTaxonomy): ResumeFacts {
  // Markdown marks are layout, not words: "### Quillmark Inc. — …", "**Staff Engineer**".
  const plain = normalizeResumeText(text.replace(/^#{1,6}\s+/gm, '').replace(/\*\*|__/g, ''));
  const lines = sectionLines(plain);
  const positions = findPositions(lines).filter((p) => p.employer.length > 0);
  const employers: ResumeEmployer[] = [];
  const titles: string[] = [];
  const projects: ResumeProject[] = [];
  const isSkillName = (name: string) => isMostlySkills(name, taxonomy);
  const employerKnown = (name: string) => employers.some((e) => e.name.toLowerCase() === name.toLowerCase());
  const looksLikeTitle = (name: string) => titleScore(name) >= TITLE_SCORE;

  // The headline under the name: the first title-like line above any section.
  for (const line of lines) {
    if (line.section !== 'contact' || line.heading) break;
    const first = line.content.split(/\s+[|·•–—]\s+/)[0]?.trim() ?? '';
    if (first.length > 0 && first.split(/\s+/).length <= 7 && looksLikeTitle(first) && !/@/.test(first)) {
      pushUnique(titles, first);
      break;
    }
  }
  for (const p of positions) {
    if (p.title) pushUnique(titles, p.title);
    if (isSkillName(p.employer)) continue;
    const known = employers.find((e) => e.name.toLowerCase() === p.employer.toLowerCase());
    const header = lines.find((l) => l.index === p.line);
    if (known) known.title ??= p.title || undefined;
    else employers.push({ name: p.employer, ...(p.title ? { title: p.title } : {}), evidence: collapse(header?.text ?? p.employer) });
  }
  /** The employer whose entry a line of the experience section falls under. */
  const employerAt = (index: number) => positions.filter((p) => p.line <= index).at(-1)?.employer;

  /** `named`: the text calls it a project ("the Route Planner project"), so a title-like name is still one. */
  const addProject = (name: string, line: SectionedLine, employer: string | undefined, named = false) => {
    const clean = name.replace(/[.,;:'’"”]+$/, '').trim();
    if (clean.length < 2 || isGenericName(clean) || isSkillName(clean) || employerKnown(clean) || (!named && looksLikeTitle(clean))) return;
    if (projects.some((p) => p.name.toLowerCase() === clean.toLowerCase())) return;
    projects.push({
      name: clean,
      ...(employer ? { employer } : {}),
      skillIds: [...new Set(findSkillMentions(projectBlock(lines, line), taxonomy).map((m) => m.skillId))].filter((id) => {
        const s = taxonomy.byId.get(id);
        return s !== undefined && s.category !== 'soft-skill' && s.category !== 'methodology';
      }),
      evidence: collapse(line.content.replace(BULLET, '')).slice(0, 160),
    });
  };

  for (const line of lines) {
    if (line.heading || line.content.length === 0) continue;
    const body = line.content.replace(BULLET, '').trim();
    if (line.section === 'projects') {
      const head = /^([A-Z0-9][\w.+'’-]*(?:\s+[A-Z0-9][\w.+'’-]*){0,4})\s*(?:[–—:|(]|\s-\s|,|$)/.exec(body);
      if (head?.[1]) addProject(head[1], line, undefined);
    }
    if (line.section === 'skills' || line.section === 'education') continue;
    const employer = line.section === 'experience' ? employerAt(line.index) : undefined;
    INLINE_PROJECT_PATTERNS.forEach((pattern, k) => {
      pattern.lastIndex = 0;
      for (let hit = pattern.exec(body); hit !== null; hit = pattern.exec(body)) {
        if (hit[1]) addProject(trimTrailingLowercase(hit[1]), line, employer, k !== 1);
      }
    });
    INLINE_EMPLOYER.lastIndex = 0;
    for (let hit = INLINE_EMPLOYER.exec(body); hit !== null; hit = INLINE_EMPLOYER.exec(body)) {
      const name = hit[1]!.replace(/[.,;:]+$/, '');
      const last = name.split(/\s+/).at(-1) ?? '';
      if (COMPANY_SUFFIX.test(last) && name.split(/\s+/).length >= 2 && !employerKnown(name) && !isSkillName(name)) {
        employers.push({ name, evidence: collapse(body).slice(0, 160) });
      }
    }
  }

  const technologies = extractSkills(plain, taxonomy).filter((s) => {
    const skill = taxonomy.byId.get(s.skillId);
    return skill !== undefined && isTechnology(skill);
  });
  return { employers, titles, projects, technologies };
}

function isTechnology(skill: Skill): boolean {
  return !['soft-skill', 'methodology', 'domain', 'design'].includes(skill.category);
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

function pushUnique(list: string[], value: string): void {
  if (value && !list.some((v) => v.toLowerCase() === value.toLowerCase())) list.push(value);
}

/** A project's own lines: its line and, for a header line, the bullets under it. */
function projectBlock(lines: readonly SectionedLine[], line: SectionedLine): string {
  const parts = [line.content];
  if (BULLET.test(line.content)) return line.content;
  const at = lines.indexOf(line);
  for (let i = at + 1; i < lines.length && i <= at + 4; i += 1) {
    if (!BULLET.test(lines[i]!.content)) break;
    parts.push(lines[i]!.content);
  }
  return parts.join('\n');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
