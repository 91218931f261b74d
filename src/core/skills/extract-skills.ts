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
