import type { ParsedResume } from '../../contract/resumes.js';
import type { SkillTaxonomy } from '../skills/taxonomy.js';
import { findEmail, findLinks, findLocation, findName, findPhone } from './resume-contact.js';
import { formatResumeDate, yearsCovered, type ReferenceMonth } from './resume-dates.js';
import { findEducation } from './resume-education.js';
import { findPositions } from './resume-positions.js';
import { sectionLines, sectionsFound } from './resume-sections.js';
import { findResumeSkills } from './resume-skills.js';
import { limitResumeText } from './resume-text-limit.js';

export interface ParseResumeOptions {
  /** "Present" is measured up to this month; the caller passes its clock's today. */
  now: ReferenceMonth;
}

/** "8+ years of experience", "over 12 years in nursing", "with 5 years' experience". */
const STATED_YEARS =
  /\b(?:over\s+|more\s+than\s+|nearly\s+|almost\s+|about\s+|around\s+)?(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:years?|yrs?)(?:'|’)?\.?\s+(?:of\s+)?(?:[\w-]+\s+){0,4}?(?:experience|expertise|in\s+(?:the\s+)?(?:field|industry|profession))\b/i;

/**
 * Reads a resume's visible, trusted text into the contract's fields. Pure: the caller supplies
 * the taxonomy and the reference month for "present". Every step is linear in the text, and only
 * its resume-sized start is read (the caller warns when it cut the text it passes).
 */
export function parseResume(fullText: string, taxonomy: SkillTaxonomy, options: ParseResumeOptions): ParsedResume {
  const { text } = limitResumeText(fullText);
  const lines = sectionLines(text);
  const positions = findPositions(lines);
  let yearsOfExperience: number | null = positions.length > 0 ? yearsCovered(positions, options.now) : null;
  if (yearsOfExperience === null || yearsOfExperience === 0) {
    const stated = STATED_YEARS.exec(text);
    if (stated) yearsOfExperience = Math.min(70, Number(stated[1]));
  }
  const education = findEducation(lines).filter((e) => e.year === null || (e.year >= 1950 && e.year <= 2100));
  const organisations = [...positions.map((p) => p.employer), ...education.map((e) => e.institution)];
  return {
    name: findName(lines),
    email: findEmail(text),
    phone: findPhone(lines)?.slice(0, 50) ?? null,
    location: findLocation(lines),
    links: findLinks(text),
    skills: findResumeSkills(lines, taxonomy, organisations),
    yearsOfExperience: yearsOfExperience === null ? null : Math.min(70, yearsOfExperience),
    positions: positions.map((p) => ({
      title: p.title.slice(0, 200),
      employer: p.employer.slice(0, 200),
      start: formatResumeDate(p.start),
      end: formatResumeDate(p.end),
    })),
    education,
    sections: sectionsFound(lines).slice(0, 30),
  };
}

/** An empty parse, for a file with no readable text. */
export function emptyParsedResume(): ParsedResume {
  return {
    name: null,
    email: null,
    phone: null,
    location: null,
    links: [],
    skills: [],
    yearsOfExperience: null,
    positions: [],
    education: [],
    sections: [],
  };
}
