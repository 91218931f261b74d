import type { Level } from '../../contract/interviews.js';
import type { AtsAnalysis, AtsPart, ParsedResume, ResumeFlags } from '../../contract/resumes.js';
import type { TextAnalyzer } from '../evaluation/analyzed-text.js';
import { extractSkills, findSkillMentions } from '../skills/extract-skills.js';
import { findSkill, normalizeSkillTerm, type Skill, type SkillTaxonomy } from '../skills/taxonomy.js';
import { importantJobTerms, singular, termsOf } from './job-keywords.js';
import { DEGREE_NAMES, degreeLevelOf, extractDegreeRequirement, type DegreeLevel } from './job-requirements.js';

export const ATS_WEIGHTS: Record<AtsPart, number> = {
  skills: 0.4,
  experience: 0.2,
  education: 0.1,
  keywords: 0.15,
  formatting: 0.15,
};

export interface AtsJob {
  id: string | null;
  title: string | null;
  level: Level | null;
  text: string;
  requiredSkills: readonly string[];
  niceToHaveSkills: readonly string[];
  /** As stated by the job description; null when it does not say. */
  requiredYears: number | null;
}

export interface AtsResume {
  /** With the owner's corrections applied. */
  parsed: ParsedResume;
  /** The visible text without hidden or instruction-like parts. */
  text: string;
  flags: Pick<ResumeFlags, 'hiddenText' | 'injection' | 'noTextLayer'>;
}

export interface AnalyzeResumeInput {
  resume: AtsResume;
  job: AtsJob;
  taxonomy: SkillTaxonomy;
  analyzer: TextAnalyzer;
  /** "YYYY-MM": where "present" ends when years are counted from positions. */
  today: string;
}

/** A required skill is worth twice a nice-to-have one. */
const REQUIRED_WEIGHT = 2;
const NICE_WEIGHT = 1;
/** Credit for a skill the job names when the resume has a close relative of it. */
const RELATED_CREDIT = 0.4;
const SIBLING_CREDIT = 0.2;
/** Years a level implies when the job states none; a miss against them costs half. */
const IMPLIED_YEARS: Record<Level, number> = { junior: 0, mid: 2, senior: 5 };

interface Loss {
  part: AtsPart;
  points: number;
  reason: string;
  suggestion?: string;
}

/**
 * Scores a resume against a job the way an applicant-tracking system and a recruiter's first
 * pass would: skills (required ones count double; a related skill earns partial credit),
 * experience, education, the job's own vocabulary, and whether the resume is machine-readable
 * and honest. Pure and deterministic: the same input gives the same analysis, and every point
 * lost is listed with its reason.
 */
export function analyzeResume(input: AnalyzeResumeInput): AtsAnalysis {
  const { resume, job, taxonomy } = input;
  const skills = scoreSkills(resume, job, taxonomy);
  const experience = scoreExperience(resume.parsed, job, input.today, skills.relevant);
  const education = scoreEducation(resume, job, experience.meetsYears);
  const keywords = scoreKeywords(resume, job, taxonomy, input.analyzer);
  const formatting = scoreFormatting(resume);

  const settled = {
    skills: settle(skills.losses),
    experience: settle(experience.losses),
    education: settle(education),
    keywords: settle(keywords),
    formatting: settle(formatting),
  };
  const parts = {
    skills: settled.skills.score,
    experience: settled.experience.score,
    education: settled.education.score,
    keywords: settled.keywords.score,
    formatting: settled.formatting.score,
  };
  const score = Math.round((Object.keys(parts) as AtsPart[]).reduce((sum, p) => sum + ATS_WEIGHTS[p] * parts[p], 0));
  const all = (Object.keys(settled) as AtsPart[]).flatMap((p) => settled[p].losses);
  const suggestions = [...all]
    // What costs most overall comes first: a part's points are worth its weight.
    .sort((a, b) => ATS_WEIGHTS[b.part] * b.points - ATS_WEIGHTS[a.part] * a.points)
    .map((l) => l.suggestion)
    .filter((s): s is string => s !== undefined)
    .filter((s, i, list) => list.indexOf(s) === i)
    .slice(0, 8);
  return {
    score,
    parts,
    weights: { ...ATS_WEIGHTS },
    matchedSkills: skills.matched,
    missingSkills: skills.missing,
    deductions: all.map(({ part, points, reason }) => ({ part, points, reason })),
    suggestions,
    jobDescription: { id: job.id, title: job.title, requiredYears: job.requiredYears },
  };
}

/**
 * Turns raw losses into whole points that add up exactly: the part loses round(sum) points
 * (at most 100), shared out by largest remainder, biggest losses first. Losses that round to
 * nothing are dropped.
 */
function settle(raw: Loss[]): { score: number; losses: Loss[] } {
  const sorted = raw.filter((l) => l.points > 0).sort((a, b) => b.points - a.points || a.reason.localeCompare(b.reason));
  let room = 100;
  const capped = sorted.map((l) => {
    const points = Math.min(l.points, room);
    room -= points;
    return { ...l, points };
  });
  const total = Math.min(100, Math.round(capped.reduce((s, l) => s + l.points, 0) + 1e-9));
  const whole = capped.map((l) => ({ ...l, points: Math.floor(l.points + 1e-9) }));
  let left = total - whole.reduce((s, l) => s + l.points, 0);
  const byRemainder = capped
    .map((l, i) => ({ i, rest: l.points - Math.floor(l.points + 1e-9) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    whole[i]!.points += 1;
    left -= 1;
  }
  return { score: 100 - total, losses: whole.filter((l) => l.points > 0) };
}

// ---------------------------------------------------------------------------------------------
// Skills

interface JobSkill {
  name: string;
  required: boolean;
  skill: Skill | undefined;
}

function scoreSkills(resume: AtsResume, job: AtsJob, taxonomy: SkillTaxonomy) {
  const wanted = jobSkills(job, taxonomy);
  const have = new Set<string>();
  const haveNames = new Set<string>();
  for (const name of resume.parsed.skills) {
    const s = findSkill(taxonomy, name);
    if (s) have.add(s.id);
    else haveNames.add(normalizeSkillTerm(name));
  }
  for (const s of extractSkills(resume.text, taxonomy)) have.add(s.skillId);
  const hasSkill = (w: JobSkill) =>
    w.skill ? have.has(w.skill.id) : haveNames.has(normalizeSkillTerm(w.name)) || mentions(resume.text, w.name);

  const matched: { name: string; required: boolean }[] = [];
  const missing: { name: string; required: boolean }[] = [];
  const losses: Loss[] = [];
  // "Go or Java" is one requirement that either skill meets.
  const groups = alternativeGroups(wanted, job.text, taxonomy);
  const total = groups.reduce((sum, g) => sum + (g[0]!.required ? REQUIRED_WEIGHT : NICE_WEIGHT), 0);
  let anyCredit = false;
  for (const group of groups) {
    const required = group[0]!.required;
    const found = group.filter(hasSkill);
    if (found.length > 0) {
      anyCredit = true;
      for (const w of found) matched.push({ name: w.name, required });
      continue;
    }
    for (const w of group) missing.push({ name: w.name, required });
    const names = group.map((w) => w.name).join(' or ');
    const share = ((required ? REQUIRED_WEIGHT : NICE_WEIGHT) / total) * 100;
    const relative = bestRelative(group, have, taxonomy);
    const kind = required ? 'required' : 'nice-to-have';
    if (relative) {
      anyCredit = true;
      losses.push({
        part: 'skills',
        points: share * (1 - relative.credit),
        reason: `${names} (${kind}) is missing; ${relative.skill.name} is related, so it earns partial credit`,
        suggestion: `The job ${required ? 'requires' : 'would like'} ${names}; your resume shows ${relative.skill.name}. If you have used ${names}, name it explicitly.`,
      });
    } else {
      losses.push({
        part: 'skills',
        points: share,
        reason: `${names} (${kind}) is not on your resume`,
        suggestion: required
          ? `Add ${names} to your skills if you have used it — the job requires it.`
          : `If you know ${names}, mention it — the job lists it as a plus.`,
      });
    }
  }
  return { matched, missing, losses, relevant: groups.length === 0 || anyCredit };
}

/**
 * Groups the job's skills that its text offers as alternatives ("Go or Java", "AWS/GCP",
 * "Python, Ruby or Go"); every other skill is a group of its own. Groups keep the job's order.
 */
function alternativeGroups(wanted: JobSkill[], text: string, taxonomy: SkillTaxonomy): JobSkill[][] {
  const byId = new Map(wanted.filter((w) => w.skill).map((w) => [w.skill!.id, w]));
  const mentions = findSkillMentions(text, taxonomy).filter((m) => byId.has(m.skillId));
  const groupOf = new Map<JobSkill, JobSkill[]>(wanted.map((w) => [w, [w]]));
  const join = (a: JobSkill, b: JobSkill) => {
    const ga = groupOf.get(a)!;
    const gb = groupOf.get(b)!;
    if (ga === gb || a.required !== b.required) return;
    ga.push(...gb);
    for (const w of gb) groupOf.set(w, ga);
  };
  let run: JobSkill[] = [];
  let sawOr = false;
  const closeRun = () => {
    if (sawOr) for (const w of run.slice(1)) join(run[0]!, w);
    run = [];
    sawOr = false;
  };
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const w = byId.get(m.skillId)!;
    const prev = mentions[i - 1];
    const between = prev ? text.slice(prev.end, m.start) : '';
    if (prev && /^\s*(?:or|\/|,\s*or|,)\s*$/i.test(between)) {
      if (/or|\//i.test(between)) sawOr = true;
    } else {
      closeRun();
    }
    if (!run.includes(w)) run.push(w);
  }
  closeRun();
  const seen = new Set<JobSkill[]>();
  const out: JobSkill[][] = [];
  for (const w of wanted) {
    const g = groupOf.get(w)!;
    if (seen.has(g)) continue;
    seen.add(g);
    out.push(wanted.filter((x) => g.includes(x)));
  }
  return out;
}

function bestRelative(group: JobSkill[], have: ReadonlySet<string>, taxonomy: SkillTaxonomy): { skill: Skill; credit: number } | null {
  let best: { skill: Skill; credit: number } | null = null;
  for (const w of group) {
    const r = w.skill ? closestRelative(w.skill, have, taxonomy) : null;
    if (r && r.credit > (best?.credit ?? 0)) best = r;
  }
  return best;
}

/** The job's skills, resolved to the taxonomy where possible; a skill both required and nice is required. */
function jobSkills(job: AtsJob, taxonomy: SkillTaxonomy): JobSkill[] {
  const out: JobSkill[] = [];
  const seen = new Set<string>();
  const add = (name: string, required: boolean) => {
    const skill = findSkill(taxonomy, name);
    const key = skill?.id ?? normalizeSkillTerm(name);
    if (key.length === 0 || seen.has(key)) return;
    seen.add(key);
    out.push({ name: skill?.name ?? name.trim(), required, skill });
  };
  for (const n of job.requiredSkills) add(n, true);
  for (const n of job.niceToHaveSkills) add(n, false);
  return out;
}

/**
 * The resume skill closest to a missing one: directly related in the taxonomy (either way), or
 * a sibling that shares a related skill with it (Docker and Kubernetes both relate to containers).
 */
function closestRelative(wanted: Skill, have: ReadonlySet<string>, taxonomy: SkillTaxonomy): { skill: Skill; credit: number } | null {
  let best: { skill: Skill; credit: number } | null = null;
  const wantedRelated = new Set(wanted.related);
  for (const id of [...have].sort()) {
    const s = taxonomy.byId.get(id);
    if (!s || s.id === wanted.id) continue;
    let credit = 0;
    if (wantedRelated.has(s.id) || s.related.includes(wanted.id)) credit = RELATED_CREDIT;
    else if (s.related.some((r) => wantedRelated.has(r))) credit = SIBLING_CREDIT;
    if (credit > (best?.credit ?? 0)) best = { skill: s, credit };
  }
  return best;
}

/** A skill outside the taxonomy, named in the text on word boundaries. */
function mentions(text: string, name: string): boolean {
  const escaped = name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (escaped.length === 0) return false;
  return new RegExp(`(?<![\\w])${escaped}(?![\\w])`, 'i').test(text);
}

// ---------------------------------------------------------------------------------------------
// Experience

function monthIndex(value: string, today: string, edge: 'start' | 'end'): number | null {
  const present = value === 'present';
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(present ? today : value);
  if (!m) return null;
  // A bare year says "some time that year": take its middle rather than guess the ends. An end
  // month counts in full ("to March" includes March); "present" runs to now.
  const month = m[2] ? Number(m[2]) - 1 : 6;
  return Number(m[1]) * 12 + month + (edge === 'end' && m[2] && !present ? 1 : 0);
}

/** Years covered by the dated positions, overlaps counted once. */
export function yearsFromPositions(positions: ParsedResume['positions'], today: string): number | null {
  const spans: [number, number][] = [];
  for (const p of positions) {
    if (!p.start) continue;
    const start = monthIndex(p.start, today, 'start');
    const end = p.end ? monthIndex(p.end, today, 'end') : null;
    if (start === null || end === null || end <= start) continue;
    spans.push([start, end]);
  }
  if (spans.length === 0) return null;
  spans.sort((a, b) => a[0] - b[0]);
  let months = 0;
  let [curStart, curEnd] = spans[0]!;
  for (const [s, e] of spans.slice(1)) {
    if (s <= curEnd) curEnd = Math.max(curEnd, e);
    else {
      months += curEnd - curStart;
      [curStart, curEnd] = [s, e];
    }
  }
  months += curEnd - curStart;
  return Math.round((months / 12) * 10) / 10;
}

/** `relevant`: the resume shows at least one of the job's skills (or a relative), so its years count. */
function scoreExperience(parsed: ParsedResume, job: AtsJob, today: string, relevant: boolean): { losses: Loss[]; meetsYears: boolean } {
  const years = parsed.yearsOfExperience ?? yearsFromPositions(parsed.positions, today);
  const implied = job.requiredYears === null;
  const required = job.requiredYears ?? (job.level ? IMPLIED_YEARS[job.level] : 0);
  const factor = implied ? 0.5 : 1;
  const asked = implied ? `a ${job.level}-level role usually means ${required}+ years` : `the job asks for ${required}+ years`;
  const losses: Loss[] = [];
  const undated = parsed.positions.filter((p) => p.start === null).length;

  if (years === null) {
    if (parsed.positions.length > 0) {
      losses.push({
        part: 'experience',
        points: required > 0 ? 40 : 15,
        reason: 'Your positions have no dates, so your years of experience cannot be counted',
        suggestion: 'Add dates (start and end month) to every position so an ATS can count your years of experience.',
      });
    } else {
      losses.push({
        part: 'experience',
        points: required > 0 ? 100 * factor : 20,
        reason: required > 0 ? `No work experience found; ${asked}` : 'No work experience found',
        suggestion: 'Add an Experience section with your positions (title, employer, dates), including internships and relevant projects.',
      });
    }
    return { losses, meetsYears: required === 0 };
  }
  if (required > 0 && years < required) {
    const shortfall = (required - years) / required;
    losses.push({
      part: 'experience',
      points: shortfall * 100 * factor,
      reason: `About ${formatYears(years)} of experience found; ${asked}`,
      suggestion: `The job asks for ${required}+ years and your resume shows about ${formatYears(years)}. Check that every relevant position (including earlier or part-time roles) is listed with dates.`,
    });
  }
  if (!relevant) {
    losses.push({
      part: 'experience',
      points: 50,
      reason: 'None of the skills the job asks for appear on your resume, so your years of experience count for little here',
    });
  }
  if (undated > 0 && parsed.positions.length > undated) {
    losses.push({
      part: 'experience',
      points: Math.min(15, 5 * undated),
      reason: `${undated} position${undated === 1 ? ' has' : 's have'} no dates and could not be counted`,
      suggestion: 'Add dates to every position; undated ones do not count toward your years of experience.',
    });
  }
  return { losses, meetsYears: years >= required };
}

function formatYears(years: number): string {
  const rounded = Math.round(years * 10) / 10;
  return `${rounded} year${rounded === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------------------------------------
// Education

const DEGREE_WORDS = /\b(?:bachelor|master|ph\.?\s?d|doctorate|b\.?\s?sc|m\.?\s?sc|b\.?\s?s\.|m\.?\s?s\.|b\.?\s?a\.|mba|degree)\b/i;

function scoreEducation(resume: AtsResume, job: AtsJob, meetsYears: boolean): Loss[] {
  const asked = extractDegreeRequirement(job.text);
  if (!asked) return [];
  let have: DegreeLevel = 0;
  for (const e of resume.parsed.education) have = Math.max(have, degreeLevelOf(e.degree, e.institution)) as DegreeLevel;
  if (resume.parsed.education.length === 0) {
    // The parser may have missed the section; a degree written anywhere still counts.
    for (const line of resume.text.split('\n')) if (DEGREE_WORDS.test(line)) have = Math.max(have, degreeLevelOf(line)) as DegreeLevel;
  }
  if (have >= asked.level) return [];
  let points = have === 0 ? 100 : Math.min(100, (asked.level - have) * 40);
  let why = '';
  if (asked.preferred) {
    points *= 0.5;
    why = ' (preferred, not required)';
  }
  if (asked.equivalentExperience && meetsYears) {
    points *= 0.4;
    why += '; equivalent experience is accepted and yours counts';
  }
  const found = have === 0 ? 'no degree was found on your resume' : `your resume shows ${DEGREE_NAMES[have]}`;
  return [
    {
      part: 'education',
      points,
      reason: `The job asks for ${DEGREE_NAMES[asked.level]}${why}; ${found}`,
      suggestion:
        have === 0
          ? `List your education with the degree's full name (e.g. "BSc Computer Science"); the job asks for ${DEGREE_NAMES[asked.level]}.`
          : `The job asks for ${DEGREE_NAMES[asked.level]}; if you have one (or are completing one), list it with its full name.`,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Keywords

function scoreKeywords(resume: AtsResume, job: AtsJob, taxonomy: SkillTaxonomy, analyzer: TextAnalyzer): Loss[] {
  const jobText = analyzer(job.text);
  const terms = importantJobTerms(jobText, findSkillMentions(job.text, taxonomy));
  if (terms.length === 0) return [];
  const resumeTerms = termsOf(analyzer(resume.text));
  // Repetition says importance, up to a point.
  const weight = (count: number) => Math.min(3, count);
  const total = terms.reduce((s, t) => s + weight(t.count), 0);
  const missing = terms.filter((t) => !hasTerm(resumeTerms, t.term));
  const losses: Loss[] = missing.map((t) => ({
    part: 'keywords',
    points: (weight(t.count) / total) * 100,
    reason: `"${t.display}" (named ${t.count === 1 ? 'once' : `${t.count} times`} in the job) does not appear in your resume`,
  }));
  if (missing.length > 0) {
    const words = missing.slice(0, 5).map((t) => t.display);
    losses[0]!.suggestion = `Use the job's own words where they are true for you: ${words.join(', ')}.`;
  }
  return losses;
}

/**
 * The term, its singular, or a word of the same family: a long shared beginning stands in for
 * a stemmer ("reliability" and "reliable", "settlement" and "settle").
 */
function hasTerm(words: ReadonlySet<string>, term: string): boolean {
  if (words.has(term) || words.has(singular(term))) return true;
  if (term.length < 5) return false;
  for (const w of words) {
    if (w.length < 5) continue;
    const shorter = Math.min(w.length, term.length);
    const need = Math.max(5, Math.ceil(shorter * 0.75));
    if (w.slice(0, need) === term.slice(0, need) && shorter >= need) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Formatting and honesty

const STANDARD_SECTIONS: readonly { name: string; points: number }[] = [
  { name: 'experience', points: 10 },
  { name: 'skills', points: 10 },
  { name: 'education', points: 5 },
];

function scoreFormatting(resume: AtsResume): Loss[] {
  const { parsed, flags } = resume;
  const losses: Loss[] = [];
  if (flags.noTextLayer) {
    losses.push({
      part: 'formatting',
      points: 60,
      reason: 'No readable text: the file looks like a scan or an image',
      suggestion: 'Upload a PDF exported from a word processor (with selectable text), a DOCX or a TXT file: an ATS cannot read a scan.',
    });
  }
  if (flags.injection) {
    losses.push({
      part: 'formatting',
      points: 30,
      reason: 'Instructions aimed at automated screening were found and ignored',
      suggestion: 'Remove instructions aimed at AI or ATS screeners: they are flagged, ignored, and read badly with recruiters.',
    });
  }
  if (flags.hiddenText) {
    losses.push({
      part: 'formatting',
      points: 20,
      reason: 'Hidden text (white, tiny or off-page) was found and ignored',
      suggestion: 'Remove hidden text: it is not scored and recruiters treat it as keyword stuffing.',
    });
  }
  if (!parsed.email) {
    losses.push({
      part: 'formatting',
      points: 15,
      reason: 'No email address found',
      suggestion: 'Put your email address at the top of the resume.',
    });
  }
  if (!parsed.phone) {
    losses.push({
      part: 'formatting',
      points: 10,
      reason: 'No phone number found',
      suggestion: 'Add a phone number next to your email address.',
    });
  }
  const sections = new Set(parsed.sections.map((s) => s.toLowerCase()));
  for (const s of STANDARD_SECTIONS) {
    if (sections.has(s.name)) continue;
    losses.push({
      part: 'formatting',
      points: s.points,
      reason: `No ${capitalize(s.name)} section found`,
      suggestion: `Use a standard "${capitalize(s.name)}" heading so an ATS files your content correctly.`,
    });
  }
  const words = resume.text.split(/\s+/).filter(Boolean).length;
  if (!flags.noTextLayer && words < 150) {
    losses.push({
      part: 'formatting',
      points: 15,
      reason: `The resume is very short (${words} words)`,
      suggestion: 'Describe your positions with a few concrete bullet points each (what you did, with what, and the result).',
    });
  } else if (words > 1400) {
    losses.push({
      part: 'formatting',
      points: 10,
      reason: `The resume is long (${words} words, more than about three pages)`,
      suggestion: 'Trim the resume to two pages: keep the recent, relevant positions in detail and summarize older ones.',
    });
  }
  return losses;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
