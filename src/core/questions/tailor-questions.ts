import type { InterviewType, Level, QuestionType } from '../../contract/interviews.js';
import { extractResumeFacts, type ResumeFacts } from '../resumes/resume-facts.js';
import { extractSkills, type ExtractedSkill } from '../skills/extract-skills.js';
import { extractJobSkills } from '../skills/job-skills.js';
import { findSkill, type SkillTaxonomy } from '../skills/taxonomy.js';
import type { BankQuestion } from './bank.js';
import { DEFAULT_COMPANY_CATALOG } from './company-catalog.js';
import {
  companyTopics,
  frameForCompany,
  matchCompany,
  valueForQuestion,
  type CompanyCatalog,
  type CompanyProfile,
} from './company-profiles.js';
import { DEFAULT_ROLE_CATALOG } from './role-catalog.js';
import type { RoleCatalog } from './role-profiles.js';
import { selectQuestions } from './select-questions.js';
import { createTailoredWriter, topicSkills } from './tailored-writer.js';

export interface PlanInterviewRequest {
  bank: readonly BankQuestion[];
  taxonomy: SkillTaxonomy;
  type: InterviewType;
  level: Level;
  role: string;
  count: number;
  jobDescription?: string;
  resumeText?: string;
  /** Bank question ids from the candidate's recent interviews. */
  recentlySeenIds?: readonly string[];
  /** Same seed, same plan. */
  seed: string;
  /** Role profiles that keep questions to the role; the shipped ones unless given, none when null. */
  roleCatalog?: RoleCatalog | null;
  /** The employer the candidate is preparing for, as typed ("Amazon"); behavioural questions then speak to its values. */
  targetCompany?: string;
  /** Target companies known to the planner; the shipped ones unless given. */
  companyCatalog?: CompanyCatalog;
}

/** A question as it will be asked, with what the evaluator needs to score the answer. */
export interface PlannedQuestion {
  type: QuestionType;
  text: string;
  /** Set for bank questions and for tailored questions that frame a bank question. */
  bankQuestionId?: string;
  referenceAnswer?: string;
  keyPoints: string[];
  expectedAnswer?: string;
  /** Skill ids of the taxonomy the question exercises, most relevant to the candidate first. */
  targetSkills: string[];
  source: 'bank' | 'tailored';
}

/** What we learned about the candidate and the job, in the order questions should care about. */
export interface CandidateProfile {
  jobRequired: ExtractedSkill[];
  jobNiceToHave: ExtractedSkill[];
  roleSkills: ExtractedSkill[];
  resume: ResumeFacts | null;
  /** Skill ids ranked by how much the interview should focus on them. */
  focus: string[];
}

/** Types a tailored question can be written for; aptitude puzzles have one right answer and stay in the bank. */
const TAILORABLE: readonly QuestionType[] = ['technical', 'behavioral', 'system_design', 'communication'];
const MAX_PREFERRED_SKILLS = 12;
/**
 * Plans an interview: bank questions chosen by level, freshness and the candidate's skills, with
 * about a third of them replaced by tailored questions grounded in the resume (projects,
 * employers, technologies) and the job description (required skills). Pure and seeded.
 */
export function planInterviewQuestions(request: PlanInterviewRequest): PlannedQuestion[] {
  const count = Math.max(0, Math.floor(request.count));
  if (count === 0) return [];
  const { taxonomy } = request;
  const profile = buildCandidateProfile(request);
  const focusSet = new Set(profile.focus);
  const company = matchCompany(request.companyCatalog ?? DEFAULT_COMPANY_CATALOG, request.targetCompany);

  const picks = selectQuestions([...request.bank], {
    type: request.type,
    level: request.level,
    role: request.role,
    count,
    jobDescription: request.jobDescription,
    recentlySeenIds: request.recentlySeenIds ? [...request.recentlySeenIds] : undefined,
    preferredTopics: [...collectPreferredTopics(request.bank, taxonomy, profile), ...(company ? companyTopics(company) : [])],
    seed: request.seed,
    roleCatalog: request.roleCatalog === null ? undefined : (request.roleCatalog ?? DEFAULT_ROLE_CATALOG),
  });
  const planned: PlannedQuestion[] = picks.map((q) => fromBank(q, taxonomy, focusSet, company));

  const budget = hasMaterial(request, profile) ? tailoredBudget(count) : 0;
  if (budget === 0) return planned;

  const writer = createTailoredWriter(request, profile, new Set(picks.map((q) => q.id)));
  const rotation =
    request.type === 'mixed' ? TAILORABLE.filter((t) => picks.some((q) => q.type === t)) : TAILORABLE.filter((t) => t === request.type);
  const replaced = new Map<QuestionType, PlannedQuestion[]>();
  // When the bank runs out for a single-type interview, tailored questions may fill the gap.
  const shortfall = request.type === 'mixed' ? 0 : count - planned.length;
  let made = 0;
  const active = new Set(rotation);
  while (made < budget && active.size > 0) {
    for (const type of rotation) {
      if (made >= budget) break;
      if (!active.has(type)) continue;
      const inType = planned.filter((q) => q.type === type).length + shortfall;
      const already = replaced.get(type)?.length ?? 0;
      // At most half (rounded up) of a type's questions are tailored: bank questions carry reviewed reference answers.
      if (already >= Math.ceil(inType / 2)) {
        active.delete(type);
        continue;
      }
      const question = writer.write(type);
      if (!question) {
        active.delete(type);
        continue;
      }
      replaced.set(type, [...(replaced.get(type) ?? []), question]);
      made += 1;
    }
  }
  return mergeTailored(planned, replaced, shortfall);
}

/** About a third of the interview, never the only question. */
function tailoredBudget(count: number): number {
  return Math.floor((count + 1) / 3);
}

function hasMaterial(request: PlanInterviewRequest, profile: CandidateProfile): boolean {
  const given = (request.jobDescription?.trim().length ?? 0) > 0 || (request.resumeText?.trim().length ?? 0) > 0;
  const found =
    profile.jobRequired.length + profile.jobNiceToHave.length > 0 ||
    (profile.resume !== null && profile.resume.projects.length + profile.resume.employers.length + profile.resume.technologies.length > 0);
  return given && found;
}

/**
 * Replaces the lowest-ranked bank questions of each type (the end of the type's run) with the
 * tailored ones, spread through the run, so type counts and the mixed order are unchanged. Up to
 * `shortfall` tailored questions are added instead, where the bank had too few.
 */
function mergeTailored(planned: PlannedQuestion[], replaced: Map<QuestionType, PlannedQuestion[]>, shortfall: number): PlannedQuestion[] {
  const result: PlannedQuestion[] = [];
  const types = [...new Set([...planned.map((q) => q.type), ...replaced.keys()])];
  for (const type of types) {
    const run = planned.filter((q) => q.type === type);
    const tailored = replaced.get(type) ?? [];
    const added = Math.min(shortfall, tailored.length);
    const kept = run.slice(0, run.length - (tailored.length - added));
    const length = kept.length + tailored.length;
    const slots = new Set(tailored.map((_, i) => Math.floor(((i + 1) * length) / (tailored.length + 1))));
    let t = 0;
    let b = 0;
    for (let position = 0; position < length; position += 1) {
      if ((slots.has(position) && t < tailored.length) || b >= kept.length) result.push(tailored[t++]!);
      else result.push(kept[b++]!);
    }
  }
  return result;
}

function fromBank(q: BankQuestion, taxonomy: SkillTaxonomy, focus: ReadonlySet<string>, company?: CompanyProfile): PlannedQuestion {
  // Only behavioural questions are framed: they are where a company's stated values are tested.
  const value = company && q.type === 'behavioral' ? valueForQuestion(company, q.topics) : undefined;
  return {
    type: q.type,
    text: company && value ? frameForCompany(company, value, q.text) : q.text,
    bankQuestionId: q.id,
    referenceAnswer: q.referenceAnswer,
    keyPoints: [...q.keyPoints],
    expectedAnswer: q.expectedAnswer,
    targetSkills: topicSkills(q, taxonomy, focus),
    source: 'bank',
  };
}

// ---------------------------------------------------------------------------------------------
// The candidate profile

export function buildCandidateProfile(
  request: Pick<PlanInterviewRequest, 'taxonomy' | 'role' | 'jobDescription' | 'resumeText'>,
): CandidateProfile {
  const { taxonomy } = request;
  const job = request.jobDescription?.trim() ? extractJobSkills(request.jobDescription, taxonomy) : { required: [], niceToHave: [] };
  const roleSkills = extractSkills(request.role, taxonomy);
  const resume = request.resumeText?.trim() ? extractResumeFacts(request.resumeText, taxonomy) : null;
  const onResume = new Set(resume?.technologies.map((s) => s.skillId) ?? []);
  const hasJob = job.required.length + job.niceToHave.length > 0;

  const weights = new Map<string, number>();
  const add = (id: string, weight: number) => weights.set(id, Math.max(weights.get(id) ?? 0, weight));
  // Order inside each source is kept by a tiny decreasing bonus: earlier and more often named wins.
  job.required.forEach((s, i) => add(s.skillId, 3 + (onResume.has(s.skillId) ? 1 : 0) - i * 0.001));
  roleSkills.forEach((s, i) => add(s.skillId, 3 - i * 0.001));
  job.niceToHave.forEach((s, i) => add(s.skillId, 1.5 + (onResume.has(s.skillId) ? 1 : 0) - i * 0.001));
  resume?.technologies.forEach((s, i) => add(s.skillId, (hasJob ? 0.5 : 1) - i * 0.001));
  const focus = [...weights.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  return { jobRequired: job.required, jobNiceToHave: job.niceToHave, roleSkills, resume, focus };
}

/**
 * Bank topics worth preferring: those naming the top focus skills, or skills related to the
 * required ones (a job asking for PostgreSQL makes "sql" and "databases" questions relevant).
 */
function collectPreferredTopics(bank: readonly BankQuestion[], taxonomy: SkillTaxonomy, profile: CandidateProfile): string[] {
  const wanted = new Set(profile.focus.slice(0, MAX_PREFERRED_SKILLS));
  for (const s of profile.jobRequired.slice(0, 6)) for (const r of taxonomy.byId.get(s.skillId)?.related ?? []) wanted.add(r);
  if (wanted.size === 0) return [];
  const topics = new Set<string>();
  for (const q of bank) {
    for (const topic of q.topics) {
      const id = findSkill(taxonomy, topic)?.id;
      if (id !== undefined && wanted.has(id)) topics.add(topic);
    }
  }
  return [...topics].sort();
}
