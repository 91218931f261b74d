import { splitTextLines, type TextLine } from './normalize-text.js';
import { charIn, trimEdges } from './trim-edges.js';

/** Canonical section names, as `parsedResume.sections` lists them. */
export type ResumeSectionName =
  | 'contact'
  | 'summary'
  | 'experience'
  | 'education'
  | 'skills'
  | 'projects'
  | 'certifications'
  | 'awards'
  | 'languages'
  | 'interests'
  | 'publications'
  | 'volunteering'
  | 'references';

// Order matters: "Volunteer Experience" is volunteering before it is experience, "Skills &
// Languages" is skills before it is languages.
const HEADINGS: readonly [ResumeSectionName, RegExp][] = [
  ['volunteering', /^(?:volunteer(?:ing)?|community(?:\s+(?:service|involvement))?)(?:\s+(?:experience|work|activities|roles))?$/],
  [
    'summary',
    /^(?:(?:professional|career|executive|personal|short)\s+)?(?:summary|profile|objective|overview|statement)(?:\s+(?:summary|statement))?$|^about(?:\s+me)?$|^in\s+(?:short|brief|a\s+nutshell)$|^(?:summary|profile)\s+of\s+qualifications$|^(?:career|professional)\s+objective$/,
  ],
  [
    'skills',
    /^(?:(?:technical|core|key|professional|relevant|clinical|hard|soft|transferable|additional|selected|digital|computer|it|software)\s+)*(?:skills?|competenc(?:ies|e)|expertise|proficienc(?:ies|y)|technologies|tools|tech(?:nical)?\s+stack|skill\s*set|strengths|capabilities|qualifications\s+summary)(?:\s*(?:&|and|\/)\s*(?:tools|technologies|expertise|interests|abilities|competencies|languages|strengths|software|qualifications|certifications))?$|^areas?\s+of\s+(?:expertise|strength|focus)$|^what\s+i\s+(?:do|bring|use|know|work\s+with)$|^(?:things\s+)?i(?:'m|\s+am)\s+good\s+at$|^(?:trade|craft)(?:\s+skills)?$|^(?:my\s+)?(?:toolbox|toolkit|tool\s+kit)$|^(?:(?:key|core|technical)\s+)?skills?\s+(?:summary|profile|overview|highlights)$|^summary\s+of\s+(?:skills|competencies)$/,
  ],
  [
    'experience',
    /^(?:(?:professional|work|relevant|employment|career|industry|teaching|clinical|nursing|sales|design|research|related|previous|prior|leadership|management|military|work\s+&|selected|engineering|consulting|freelance|internship)\s+)*(?:experience|history|background|record)s?(?:\s*(?:&|and)\s*(?:projects|leadership|achievements|internships))?$|^(?:employment|work|career)(?:\s+(?:history|record|summary|timeline))?$|^(?:positions?\s+held|where\s+i(?:'ve|\s+have)\s+(?:worked|taught|been)|internships?|jobs|roles|track\s+record)$/,
  ],
  [
    'education',
    /^(?:education|academic\s+(?:background|history|qualifications|record)|educational\s+background|schooling|degrees?|training)(?:\s*(?:&|and|\/)\s*(?:training|certifications?|qualifications|credentials|professional\s+development|licensure|licenses?))?$|^(?:qualifications|studies|study|where\s+i\s+(?:learned|learnt|studied|trained))$/,
  ],
  [
    'certifications',
    /^(?:certifications?|certificates|licen[sc]es?|credentials|accreditations?|licen[sc](?:es|ure)\s*(?:&|and)\s*certifications?|certifications?\s*(?:&|and)\s*(?:licen[sc]es?|training|courses|awards)|professional\s+development|courses|training\s*(?:&|and)\s*certifications?)$/,
  ],
  [
    'projects',
    /^(?:(?:personal|selected|side|key|notable|academic|open[\s-]source|recent|featured)\s+)?(?:projects?|portfolio|work\s+samples)(?:\s*(?:&|and)\s*(?:open[\s-]source|publications))?$/,
  ],
  [
    'awards',
    /^(?:awards?|honou?rs|achievements|accomplishments|recognition)(?:\s*(?:&|and)\s*(?:awards|honou?rs|achievements|recognition))?$/,
  ],
  ['publications', /^(?:publications?|papers|talks|presentations|speaking)(?:\s*(?:&|and)\s*(?:talks|presentations|publications))?$/],
  ['languages', /^(?:(?:spoken|foreign)\s+)?languages?(?:\s+spoken)?$/],
  [
    'interests',
    /^(?:interests|hobbies|activities|hobbies\s*(?:&|and)\s*interests|interests\s*(?:&|and)\s*hobbies|personal\s+interests|extracurricular\s+activities)$/,
  ],
  ['references', /^references?(?:\s+available\s+(?:up)?on\s+request)?$/],
  [
    'contact',
    /^(?:contact(?:\s+(?:info(?:rmation)?|details|me))?|personal\s+(?:details|information|info)|say\s+(?:hello|hi)|get\s+in\s+touch|reach\s+(?:me|out)|find\s+me|where\s+to\s+find\s+me|let's\s+talk)$/,
  ],
];

/** Headings are a few words; with decorations ("=== E X P E R I E N C E ===") still short. */
const MAX_HEADING_LINE = 200;
const isDecoration = charIn(/[\s=_~\-–—|:•*]/);

/** Strips the decorations headings wear: "## ", "**", "—— EXPERIENCE ——", "Skills:", "E X P E R I E N C E". */
function headingWords(line: string): string {
  let t = line
    .trim()
    .replace(/^#{1,6}\s+/, '')
    .replace(/\*\*|__/g, '');
  t = trimEdges(t, isDecoration);
  if (/^(?:\p{Lu}\s){3,}\p{Lu}(?:\s{2,}(?:\p{Lu}\s)*\p{Lu})*$/u.test(t)) {
    t = t
      .split(/\s{2,}/)
      .map((w) => w.replace(/\s/g, ''))
      .join(' ');
  }
  return t.replace(/\s+/g, ' ').trim();
}

/** The section a heading line opens, or null when the line is not a heading. */
export function classifyHeading(line: string): ResumeSectionName | null {
  if (line.length > MAX_HEADING_LINE) return null;
  const words = headingWords(line);
  if (words.length === 0 || words.length > 60 || words.split(' ').length > 7) return null;
  const lower = words.toLowerCase().replace(/[’]/g, "'");
  for (const [name, pattern] of HEADINGS) if (pattern.test(lower)) return name;
  return null;
}

/** "Skills: Python, SQL" — a heading with its content on the same line. */
export function splitInlineHeading(line: string): { section: ResumeSectionName; label: string; rest: string } | null {
  const m = /^([^:]{2,40}):\s*(\S.*)$/.exec(line.replace(/^[#•*\s]+/, '').replace(/\*\*/g, ''));
  if (!m) return null;
  const section = classifyHeading(m[1]!);
  return section ? { section, label: m[1]!.trim(), rest: m[2]! } : null;
}

export interface SectionedLine extends TextLine {
  /** The section the line belongs to; `contact` for the header above the first heading. */
  section: ResumeSectionName;
  /** True for the heading line itself. */
  heading: boolean;
  /** The line without an inline heading label ("Skills: Python" → "Python"). */
  content: string;
}

export function sectionLines(text: string): SectionedLine[] {
  let section: ResumeSectionName = 'contact';
  return splitTextLines(text).map((line) => {
    const trimmed = line.text.trim();
    const heading = classifyHeading(trimmed);
    if (heading) {
      section = heading;
      return { ...line, section, heading: true, content: '' };
    }
    const inline = splitInlineHeading(trimmed);
    // "Tools: Jira" under a job is a detail of that job, not a new section.
    const insideEntries = section === 'experience' || section === 'projects' || section === 'volunteering';
    if (inline && (!insideEntries || /skills|competenc|education|certific|licen/i.test(inline.label))) {
      // "Languages: Python, Go" inside a skills section stays in skills.
      if (!(section === 'skills' && inline.section === 'languages')) section = inline.section;
      return { ...line, section, heading: false, content: inline.rest };
    }
    return { ...line, section, heading: false, content: trimmed };
  });
}

/** Section names in the order they first appear (a heading, or a line with content under it). */
export function sectionsFound(lines: readonly SectionedLine[]): ResumeSectionName[] {
  const found: ResumeSectionName[] = [];
  for (const l of lines) {
    if (!l.heading && l.content.length === 0) continue;
    if (!found.includes(l.section)) found.push(l.section);
  }
  return found;
}
