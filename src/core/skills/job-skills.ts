import {
  byPosition,
  findSkillMentions,
  splitLines,
  summarizeMentions,
  type ExtractedSkill,
  type Line,
  type SkillMention,
} from './extract-skills.js';
import { isTechnicalSkill, type SkillTaxonomy } from './taxonomy.js';

/** Job descriptions: which skills a job asks for, and which of them are only nice to have. */

export interface JobSkills {
  required: ExtractedSkill[];
  niceToHave: ExtractedSkill[];
}

type Importance = 'required' | 'nice' | 'neutral';

const NICE_HEADING =
  /\b(?:nice[\s-]to[\s-]haves?|bonus(?:\s+points)?|preferred|pluses|desirable|good[\s-]to[\s-]have|extra\s+credit|not\s+required|optional|would\s+be\s+(?:a\s+)?(?:plus|great))\b/i;
const REQUIRED_HEADING =
  /\b(?:requirements?|required|must[\s-]haves?|qualifications|what\s+you(?:'ll|’ll|\s+will)?\s+(?:need|bring)|you\s+(?:have|bring|should\s+have)|skills\s+needed|who\s+you\s+are|about\s+you|minimum|essential|what\s+we(?:'re|’re|\s+are)\s+looking\s+for|we\s+expect)\b/i;
const NEUTRAL_HEADING =
  /\b(?:responsibilities|what\s+you(?:'ll|’ll|\s+will)\s+do|about\s+(?:us|the\s+team|the\s+role|the\s+company)|benefits|perks|we\s+offer|compensation|salary|the\s+role|your\s+role|day[\s-]to[\s-]day|how\s+to\s+apply|our\s+stack|tech\s+stack|the\s+team)\b/i;
const NICE_SENTENCE =
  /\b(?:nice[\s-]to[\s-]have|a\s+(?:big\s+|huge\s+|strong\s+|real\s+)?plus|bonus|preferred|preferably|ideally|desirable|not\s+required|not\s+a\s+must|good[\s-]to[\s-]have|advantageous|an\s+advantage|would\s+be\s+great|helpful\s+but)\b/i;
const REQUIRED_SENTENCE = /\b(?:required|requires?|must|mandatory|essential|need\s+to\s+have|\d+\+?\s*years?)\b/i;

/**
 * Splits a job description's skills into required and nice-to-have. Section headings set the
 * default ("Requirements", "Nice to have", "Preferred qualifications"); a sentence's own wording
 * ("… is a plus", "must have …") overrides it. Skills named outside any such section (the
 * responsibilities, a one-paragraph ad) count as required unless marked as a plus somewhere.
 */
export function extractJobSkills(text: string, taxonomy: SkillTaxonomy): JobSkills {
  const lines = splitLines(text);
  const mentions = withoutNonSkills(text, lines, findSkillMentions(text, taxonomy), taxonomy);
  const lineImportance: Importance[] = [];
  let section: Importance = 'neutral';
  for (const line of lines) {
    const heading = classifyJobHeading(line.text);
    if (heading) section = heading;
    lineImportance.push(section);
  }
  const classes = new Map<string, { required: SkillMention[]; nice: SkillMention[]; neutral: SkillMention[] }>();
  for (const m of mentions) {
    const lineIndex = lines.findIndex((l) => m.start >= l.start && m.start <= l.end);
    const line = lines[lineIndex];
    const sentence = line ? sentenceAround(line.text, m.start - line.start) : '';
    let importance: Importance = lineImportance[lineIndex] ?? 'neutral';
    if (NICE_SENTENCE.test(sentence)) importance = 'nice';
    else if (REQUIRED_SENTENCE.test(sentence)) importance = 'required';
    const entry = classes.get(m.skillId) ?? { required: [], nice: [], neutral: [] };
    entry[importance].push(m);
    classes.set(m.skillId, entry);
  }
  const required: SkillMention[] = [];
  const nice: SkillMention[] = [];
  for (const entry of classes.values()) {
    const all = [...entry.required, ...entry.nice, ...entry.neutral].sort(byPosition);
    if (entry.required.length > 0) required.push(...entry.required, ...entry.neutral, ...entry.nice);
    else if (entry.nice.length > 0) nice.push(...all);
    else required.push(...all);
  }
  return {
    required: summarizeMentions(text, required.sort(byPosition), taxonomy),
    niceToHave: summarizeMentions(text, nice.sort(byPosition), taxonomy),
  };
}

/** A heading line ("Requirements:", "## Nice to have", "Bonus: Kafka") or null for a normal line. */
function classifyJobHeading(line: string): Importance | null {
  const stripped = line
    .replace(/^[\s#*>•\-–—]+/, '')
    .replace(/[*_]+/g, '')
    .trim();
  if (stripped.length === 0) return null;
  const colon = stripped.indexOf(':');
  const head = colon > 0 ? stripped.slice(0, colon) : stripped;
  const looksLikeHeading = (colon > 0 && colon <= 50) || (stripped.length <= 50 && !/[.!?]$/.test(stripped));
  if (!looksLikeHeading || head.split(/\s+/).length > 8) return null;
  if (NICE_HEADING.test(head)) return 'nice';
  if (REQUIRED_HEADING.test(head)) return 'required';
  if (NEUTRAL_HEADING.test(head)) return 'neutral';
  return null;
}

/** The sentence of a line that contains position `at`. */
function sentenceAround(line: string, at: number): string {
  const before = line.slice(0, at);
  const boundary = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '), before.lastIndexOf('! '), before.lastIndexOf('? '));
  const start = boundary >= 0 ? boundary + 2 : 0;
  const rest = line.slice(at);
  const endMatch = /[.;!?](?:\s|$)/.exec(rest);
  return line.slice(start, endMatch ? at + endMatch.index + 1 : line.length);
}

/** Sentences about the hiring itself: who interviews, how to apply. Nothing in them is asked of a candidate. */
const HIRING_PROCESS =
  /\b(?:we(?:'re|’re|\s+are)\s+(?:hiring|recruiting)|(?:is|are|now)\s+hiring|hiring\s+(?:manager|process|panel|team|committee|lead|now|for)|recruit(?:er|ment\s+process)|interview(?:s|\s+(?:process|loop|stages?))?|how\s+to\s+apply|apply\s+(?:now|by|here|via|with)|take[\s-]home|final\s+loop|(?:equal|eeo)\s+opportunit)/i;
/** Sentences describing the employer ("Our Payments team owns …", "Harbourline builds payments software"). */
const ABOUT_THE_EMPLOYER =
  /^(?:our|we(?:'re|’re|\s+are)?|at\s+\p{Lu}[\w&-]*|about\s+(?:us|the\s+(?:company|team))|the\s+(?:company|team|unit|school|trust|practice)|\p{Lu}[\w&-]*(?:\s+\p{Lu}[\w&-]*)?\s+(?:is|builds|makes|helps|provides|offers|runs|serves|was\s+founded))\b/iu;
/** Words that address the candidate: a sentence with them asks something, whatever its subject. */
const ASKS_CANDIDATE = /\b(?:you|your|candidate|experience|required|must|should|need|ability|knowledge|familiar)\b/i;

/**
 * Drops what an ad names that is not a skill asked of the candidate: the hiring process ("Hiring
 * manager: …", "We are hiring nurses"), and what the employer does or is called ("Our Payments
 * team", "builds payments software") unless the skill is technical — "We run Kafka" still
 * describes the stack the job works in. The title line counts only for skills the ad names again.
 */
function withoutNonSkills(
  text: string,
  lines: readonly Line[],
  mentions: readonly SkillMention[],
  taxonomy: SkillTaxonomy,
): SkillMention[] {
  const titleIndex = lines.findIndex((l) => l.text.trim().length > 0);
  const kept = mentions.filter((m) => {
    const line = lines.find((l) => m.start >= l.start && m.start <= l.end);
    if (!line) return true;
    const sentence = sentenceAround(line.text, m.start - line.start).trim();
    const skill = taxonomy.byId.get(m.skillId);
    // "We are hiring nurses with IV experience" still asks for a technical skill.
    if (!skill || (isTechnicalSkill(skill) && skill.category !== 'architecture')) return true;
    if (HIRING_PROCESS.test(sentence)) return false;
    return !(ABOUT_THE_EMPLOYER.test(sentence.replace(/^[\s#*>•\-–—]+/, '')) && !ASKS_CANDIDATE.test(sentence));
  });
  // A title is a short first line of a longer ad, not a sentence.
  const titleLine = titleIndex >= 0 ? lines[titleIndex]! : null;
  const bodyLines = lines.filter((l) => l.text.trim().length > 0).length;
  if (!titleLine || bodyLines < 2 || titleLine.text.trim().length > 80 || /[.!?]\s*$/.test(titleLine.text.trim())) return kept;
  const inTitle = (m: SkillMention) => m.start >= titleLine.start && m.start <= titleLine.end;
  const namedInBody = new Set(kept.filter((m) => !inTitle(m)).map((m) => m.skillId));
  return kept.filter((m) => !inTitle(m) || namedInBody.has(m.skillId));
}
