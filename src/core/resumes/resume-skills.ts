import { findSkillMentions } from '../skills/extract-skills.js';
import { isTechnicalSkill, type SkillTaxonomy } from '../skills/taxonomy.js';
import { classifyHeading, type SectionedLine } from './resume-sections.js';
import { readSkillTables } from './skill-tables.js';
import { charIn, trimEdges } from './trim-edges.js';

const SKILLS_SECTION_WEIGHT = 3;
const TECHNICAL_WEIGHT = 1;
// "Communication", "Planning", "Leadership" are named in passing in any job story; outside the
// skills section they need a second mention to count as a claimed skill.
const SOFT_WEIGHT = 0.5;
// A plain lower-case word that happens to be a skill's spelling ("metrics", "protocols",
// "transactions", "scaling") is usually just a word: it needs three mentions.
const COMMON_WORD_WEIGHT = 0.34;
const MIN_WEIGHT = 1;
/** A skills section lists dozens of items and the parse keeps 200 skills: reading more only costs time. */
const MAX_SKILLS_SECTION_ITEMS = 1000;

const SPOKEN_LANGUAGE =
  /^(?:english|spanish|french|german|italian|portuguese|mandarin|cantonese|chinese|japanese|korean|hindi|urdu|bengali|arabic|russian|polish|dutch|swedish|turkish|vietnamese|tagalog|greek|hebrew|ukrainian|punjabi|tamil|telugu|swahili|asl|american sign language)\b/i;
const PROFICIENCY_WORDS =
  /\b(?:native|fluent|conversational|basic|intermediate|advanced|proficient|bilingual|professional working|elementary|expert|confident|competent|beginner|novice|learning|familiar)\b/i;
/** Organisations and places: where a skill was learned or used, never the skill. */
const ORGANISATION_WORDS =
  /\b(?:university|college|school|academy|institute|hospital|clinic|ltd|inc|llc|gmbh|corp|bootcamp|placements?)\b/i;
/** Contact details: an address, a phone number, a link. */
const CONTACT_LIKE = /@|https?:\/\/|www\.|\b[\w-]+\.(?:com|org|net|io|dev|co|me)\b|\d[\d\s().-]{6,}\d/i;

const foldName = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}&+#]+/gu, ' ')
    .trim();

/**
 * The skills a resume claims, as the taxonomy spells them, strongest first. Every line counts,
 * but a mention in the skills section weighs more than one in a job story. Skills-section items
 * the taxonomy does not know ("Wound Care", "Lesson Planning") are kept as written.
 */
export function findResumeSkills(
  lines: readonly SectionedLine[],
  taxonomy: SkillTaxonomy,
  organisations: readonly string[] = [],
): string[] {
  const weights = new Map<string, { weight: number; first: number }>();
  const add = (skillId: string, weight: number, at: number) => {
    const entry = weights.get(skillId);
    if (entry) entry.weight += weight;
    else weights.set(skillId, { weight, first: at });
  };
  const unknown: { name: string; at: number }[] = [];

  const body = joinWrappedListLines(readSkillTables(lines).filter((l) => !l.heading && l.content.length > 0));
  const organisationNames = new Set(organisations.map(foldName));
  // Links and addresses name hosts ("github.com/jane"), and "Lumen Payments Inc." or "Northwind
  // Logistics" name an employer, not skills.
  const text = maskNames(maskLinks(body.map((l) => l.content).join('\n')), organisations);
  let offset = 0;
  const lineAt: number[] = [];
  for (const l of body) {
    lineAt.push(offset);
    offset += l.content.length + 1;
  }
  /** The body line a position falls in (binary search: mentions can be many). */
  const lineOf = (position: number) => {
    let lo = 0;
    let hi = lineAt.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineAt[mid]! <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  for (const m of findSkillMentions(text, taxonomy)) {
    const skill = taxonomy.byId.get(m.skillId);
    const line = lineOf(m.start);
    // The skills section is read item by item below.
    if (!skill || body[line]?.section === 'skills') continue;
    // "Mentored two engineers" claims the skill as plainly as a skills list does.
    if (m.deed) add(m.skillId, MIN_WEIGHT, m.start);
    else if (!readsAsName(text, m.start, m.end, lineAt[line] ?? 0)) add(m.skillId, COMMON_WORD_WEIGHT, m.start);
    else add(m.skillId, isTechnicalSkill(skill) ? TECHNICAL_WEIGHT : SOFT_WEIGHT, m.start);
  }

  let items = 0;
  body.forEach((line, i) => {
    if (line.section !== 'skills' || items >= MAX_SKILLS_SECTION_ITEMS) return;
    const content = maskLinks(line.content);
    // "Observability: Prometheus, Grafana": a label that is itself a skill counts too.
    const label = /^([^:]{2,30}):\s*/.exec(content);
    if (label) for (const m of findSkillMentions(`Skills: ${label[1]}`, taxonomy)) add(m.skillId, SKILLS_SECTION_WEIGHT, lineAt[i]!);
    // Each item is read as if after a "Skills:" label, so "Go" and "R" count as they would there.
    // Items keep their listed order (k / 100 stays inside the line's offset range).
    listItems(content).forEach((item, k) => {
      items += 1;
      if (items > MAX_SKILLS_SECTION_ITEMS) return;
      const at = lineAt[i]! + k / 100;
      const inItem = findSkillMentions(`Skills: ${item}`, taxonomy);
      if (inItem.length === 0 || qualifiesHeadWord(item, inItem, taxonomy)) {
        if (isKeepableItem(item) && !organisationNames.has(foldName(item))) unknown.push({ name: item, at });
        return;
      }
      for (const m of inItem) add(m.skillId, SKILLS_SECTION_WEIGHT, at);
    });
  });

  const known = [...weights.entries()]
    .filter(([, e]) => e.weight >= MIN_WEIGHT)
    .map(([id, e]) => ({ name: taxonomy.byId.get(id)!.name, weight: e.weight, first: e.first }));
  const names = new Set(known.map((k) => k.name.toLowerCase()));
  const kept = unknown
    .filter((u) => {
      const key = u.name.toLowerCase();
      if (names.has(key)) return false;
      names.add(key);
      return true;
    })
    .map((u) => ({ name: u.name, weight: SKILLS_SECTION_WEIGHT, first: u.at }));
  return [...known, ...kept]
    .sort((a, b) => b.weight - a.weight || a.first - b.first)
    .map((s) => s.name)
    .slice(0, 200);
}

/**
 * A long skills list wraps: "…, Testing and Inspection, Solar PV" then "Installation". A skills
 * line that is a list and stops without a separator goes on in the next line, unless that one
 * opens a group of its own ("Tools: …") or is a bullet.
 */
function joinWrappedListLines(lines: readonly SectionedLine[]): SectionedLine[] {
  // A joined line keeps its parts and separator count, so a long run of wrapped lines is joined
  // without rescanning what was already joined.
  const out: { line: SectionedLine; parts: string[]; length: number; separators: number }[] = [];
  const separatorsIn = (text: string) => (text.match(/[,;|•]/g) ?? []).length;
  for (const line of lines) {
    const previous = out.at(-1);
    if (
      previous &&
      previous.line.section === 'skills' &&
      line.section === 'skills' &&
      line.index === previous.line.index + 1 &&
      previous.length >= 50 &&
      previous.separators >= 2 &&
      !/[,;:|•]\s*$/.test(previous.parts.at(-1)!) &&
      !/^[^,]{2,30}:/.test(line.content) &&
      !/^•/.test(line.content)
    ) {
      previous.parts.push(line.content);
      previous.length += line.content.length + 1;
      previous.separators += separatorsIn(line.content);
      previous.line = { ...previous.line, index: line.index };
    } else out.push({ line, parts: [line.content], length: line.content.length, separators: separatorsIn(line.content) });
  }
  return out.map((o) => (o.parts.length === 1 ? o.line : { ...o.line, content: o.parts.join(' ') }));
}

/**
 * Whether a mention reads as the name of a skill rather than an ordinary word: several words
 * ("customer service"), an acronym or inner capitals ("AWS", "PostgreSQL"), symbols ("C++",
 * "CI/CD"), or a capital in mid-sentence ("deployed with Terraform"). A capital that only starts
 * a line or sentence ("Monitoring dashboards …") says nothing.
 */
function readsAsName(text: string, start: number, end: number, lineStart: number): boolean {
  const written = text.slice(start, end);
  if (/[^\p{L}]/u.test(written)) return true;
  if (/\p{Lu}/u.test(written.slice(1))) return true;
  if (!/^\p{Lu}/u.test(written)) return false;
  // Read back from the mention, not forward from the line start: a line can be long and hold
  // many mentions. A capital after nothing, a bullet, a list number, a sentence end or a cell
  // break is only a capital.
  let p = start - 1;
  for (; p >= lineStart && /\s/.test(text[p]!); p -= 1) if (text[p] === '\t') return false;
  if (p < lineStart || /[.!?•]/.test(text[p]!)) return false;
  if (text[p] === ')') {
    let q = p - 1;
    while (q >= lineStart && q >= p - 3 && /\d/.test(text[q]!)) q -= 1;
    if (q < p - 1 && q >= p - 3) {
      while (q >= lineStart && /\s/.test(text[q]!)) q -= 1;
      if (q < lineStart) return false;
    }
  }
  return true;
}

// Addresses and hosts start where a run of their characters starts (masking a stray leading dot
// too): starting at every word boundary inside a long dotted run was quadratic.
const LINK_OR_EMAIL =
  /\b(?:https?:\/\/|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w.-])(?:[\w-]*\.)+(?:com|io|dev|net|org|me|co|app)\/\S*/gi;

function maskLinks(text: string): string {
  return text.replace(LINK_OR_EMAIL, (m) => ' '.repeat(m.length));
}

/** Blanks out every occurrence of the given names, keeping offsets. */
function maskNames(text: string, names: readonly string[]): string {
  let out = text;
  for (const name of new Set(names.map((n) => n.trim()).filter((n) => n.length >= 3))) {
    out = out.split(name).join(' '.repeat(name.length));
  }
  return out;
}

const QUALIFIERS =
  /^(?:advanced|basic|strong|expert|excellent|proficient|intermediate|fluent|good|solid|modern|applied|effective|microsoft|ms|google|apache|amazon|aws|azure|adobe|oracle|general|hands-on|working|deep|extensive)$/i;

/**
 * "Lesson Planning", "Parent Communication", "Boolean Search": a list item whose only skill is its
 * last, plain word names a narrower skill of its own, which is kept as written rather than
 * widened to "Planning". "Advanced Excel" is still Excel.
 */
function qualifiesHeadWord(
  item: string,
  mentions: readonly { skillId: string; start: number; end: number }[],
  taxonomy: SkillTaxonomy,
): boolean {
  if (mentions.length !== 1) return false;
  const offset = 'Skills: '.length;
  const m = mentions[0]!;
  const words = item.trim().split(/\s+/);
  if (words.length < 2 || m.end - offset !== item.trimEnd().length) return false;
  const written = item.slice(m.start - offset, m.end - offset);
  if (!/^\p{L}+$/u.test(written) || /\p{Lu}/u.test(written.slice(1))) return false;
  const before = item
    .slice(0, m.start - offset)
    .trim()
    .split(/\s+/);
  if (before.every((w) => QUALIFIERS.test(w))) return false;
  return taxonomy.byId.has(m.skillId);
}

const isItemLead = charIn(/[•*\-–\s]/);
const isItemTail = charIn(/[.\s]/);

/** "Clinical: IV therapy, wound care; triage" → ["IV therapy", "wound care", "triage"]. */
export function listItems(line: string): string[] {
  const withoutLabel = line.replace(/^[^:]{2,30}:\s*/, '');
  return withoutLabel
    .split(/\s*(?:[,;|•·\t]|\s-\s|\s–\s)\s*/)
    .map((s) => trimEdges(s, isItemLead, isItemTail))
    .filter((s) => s.length > 0);
}

function isKeepableItem(item: string): boolean {
  if (item.length < 2 || item.length > 40) return false;
  const words = item.split(/\s+/);
  if (words.length > 4) return false;
  if (!/^[\p{L}\d]/u.test(item) || /^\d+$/.test(item)) return false;
  if (SPOKEN_LANGUAGE.test(item) && (words.length === 1 || PROFICIENCY_WORDS.test(item) || /\(/.test(item))) return false;
  if (PROFICIENCY_WORDS.test(item) && words.length <= 2) return false;
  // Sentence fragments ("and more", "etc") are not skills.
  if (/^(?:and|or|etc|including|with|plus|more|other|others)\b/i.test(item)) return false;
  // A heading, a label, a place, an organisation or a contact detail that landed in the list.
  if (classifyHeading(item) !== null || /:$/.test(item)) return false;
  if (ORGANISATION_WORDS.test(item) || CONTACT_LIKE.test(item) || /^based\s+in\b/i.test(item)) return false;
  return true;
}
