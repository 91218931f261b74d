import type { InterviewType, Level, QuestionType } from '../../contract/interviews.js';
import { extractResumeFacts, type ResumeEmployer, type ResumeFacts, type ResumeProject } from '../resumes/resume-facts.js';
import { extractSkills, type ExtractedSkill } from '../skills/extract-skills.js';
import { extractJobSkills } from '../skills/job-skills.js';
import { findSkill, isTechnicalSkill, type Skill, type SkillTaxonomy } from '../skills/taxonomy.js';
import type { BankQuestion } from './bank.js';
import { createSeededRandom, selectQuestions } from './select-questions.js';

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
const MAX_TARGET_SKILLS = 4;
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

  const picks = selectQuestions([...request.bank], {
    type: request.type,
    level: request.level,
    role: request.role,
    count,
    jobDescription: request.jobDescription,
    recentlySeenIds: request.recentlySeenIds ? [...request.recentlySeenIds] : undefined,
    preferredTopics: collectPreferredTopics(request.bank, taxonomy, profile),
    seed: request.seed,
  });
  const planned: PlannedQuestion[] = picks.map((q) => fromBank(q, taxonomy, focusSet));

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

function fromBank(q: BankQuestion, taxonomy: SkillTaxonomy, focus: ReadonlySet<string>): PlannedQuestion {
  return {
    type: q.type,
    text: q.text,
    bankQuestionId: q.id,
    referenceAnswer: q.referenceAnswer,
    keyPoints: [...q.keyPoints],
    expectedAnswer: q.expectedAnswer,
    targetSkills: topicSkills(q, taxonomy, focus),
    source: 'bank',
  };
}

/** The taxonomy skills a bank question's topics name, the candidate's focus skills first. */
function topicSkills(q: BankQuestion, taxonomy: SkillTaxonomy, focus: ReadonlySet<string>, lead: string[] = []): string[] {
  const ids = q.topics.map((t) => findSkill(taxonomy, t)?.id).filter((id): id is string => id !== undefined);
  const ordered = [...lead, ...ids.filter((id) => focus.has(id)), ...ids.filter((id) => !focus.has(id))];
  return [...new Set(ordered)].filter((id) => taxonomy.byId.has(id)).slice(0, MAX_TARGET_SKILLS);
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

// ---------------------------------------------------------------------------------------------
// Tailored questions

interface Grounding {
  projects: ResumeProject[];
  employers: ResumeEmployer[];
  /** Technical skills the job requires, most important first. */
  jobSkills: Skill[];
  /** Technical skills both the job and the resume name. */
  sharedSkills: Skill[];
  /** Technical skills on the resume, those the job also wants first. */
  resumeSkills: Skill[];
  /** Technical skills the job requires that the resume does not name (only with a resume). */
  gapSkills: Skill[];
  /** Soft skills the job description asks for. */
  softSkills: Skill[];
}

interface Draft {
  templateId: string;
  text: string;
  keyPoints: string[];
  targetSkills: string[];
  /** Projects, employers and skills the question is about; a plan uses each only once. */
  subjects: string[];
  /** How strongly the question is anchored in what the candidate gave us. */
  grounding: number;
  bank?: BankQuestion;
}

interface Used {
  subjects: Set<string>;
  templates: Set<string>;
  bankIds: Set<string>;
  texts: Set<string>;
}

interface Template {
  id: string;
  type: QuestionType;
  levels?: readonly Level[];
  /** Skills every question from this template exercises, besides the ones its grounding adds. */
  skills?: readonly string[];
  draft(g: Grounding, used: Used): Omit<Draft, 'templateId'> | null;
}

function createTailoredWriter(request: PlanInterviewRequest, profile: CandidateProfile, pickedIds: ReadonlySet<string>) {
  const { taxonomy } = request;
  const grounding = buildGrounding(taxonomy, profile);
  const random = createSeededRandom(`${request.seed}:tailor`);
  const seen = new Set(request.recentlySeenIds ?? []);
  const used: Used = { subjects: new Set(), templates: new Set(), bankIds: new Set(pickedIds), texts: new Set() };
  const focus = new Set(profile.focus);

  return {
    write(type: QuestionType): PlannedQuestion | null {
      const drafts: Draft[] = [];
      for (const template of TEMPLATES) {
        if (template.type !== type || used.templates.has(template.id)) continue;
        if (template.levels && !template.levels.includes(request.level)) continue;
        const draft = template.draft(grounding, used);
        if (draft) drafts.push({ ...draft, targetSkills: [...draft.targetSkills, ...(template.skills ?? [])], templateId: template.id });
      }
      drafts.push(...deriveFromBank(type, request, grounding, used, seen));
      const fresh = drafts.filter((d) => !used.texts.has(normalize(d.text)));
      if (fresh.length === 0) return null;
      // The jitter varies the choice between interviews without letting a weakly grounded
      // question beat a strongly grounded one by much.
      const scored = fresh.map((d) => ({ d, score: d.grounding + random() * 2 }));
      scored.sort((a, b) => b.score - a.score);
      const best = scored[0]!.d;
      used.templates.add(best.templateId);
      for (const s of best.subjects) used.subjects.add(s);
      used.texts.add(normalize(best.text));
      if (best.bank) used.bankIds.add(best.bank.id);
      const targetSkills = best.bank
        ? topicSkills(best.bank, taxonomy, focus, best.targetSkills)
        : [...new Set(best.targetSkills)].filter((id) => taxonomy.byId.has(id)).slice(0, MAX_TARGET_SKILLS);
      return {
        type,
        text: best.text,
        bankQuestionId: best.bank?.id,
        referenceAnswer: best.bank?.referenceAnswer,
        keyPoints: best.bank ? [...best.bank.keyPoints] : best.keyPoints,
        expectedAnswer: best.bank?.expectedAnswer,
        targetSkills,
        source: 'tailored',
      };
    },
  };
}

function buildGrounding(taxonomy: SkillTaxonomy, profile: CandidateProfile): Grounding {
  const skillsOf = (list: readonly ExtractedSkill[]) =>
    list.map((s) => taxonomy.byId.get(s.skillId)).filter((s): s is Skill => s !== undefined);
  const technical = (list: Skill[]) => list.filter((s) => isTechnicalSkill(s) && !BROAD_SKILLS.has(s.id));
  const resumeTech = profile.resume ? technical(skillsOf(profile.resume.technologies)) : [];
  const onResume = new Set(resumeTech.map((s) => s.id));
  const jobSkills = technical(skillsOf([...profile.jobRequired, ...profile.roleSkills]));
  const jobIds = new Set([...jobSkills, ...technical(skillsOf(profile.jobNiceToHave))].map((s) => s.id));
  const uniqueSkills = (list: Skill[]) => list.filter((s, i) => list.findIndex((o) => o.id === s.id) === i);
  return {
    projects: profile.resume?.projects ?? [],
    employers: profile.resume?.employers ?? [],
    jobSkills: uniqueSkills(jobSkills),
    sharedSkills: uniqueSkills(jobSkills.filter((s) => onResume.has(s.id))),
    resumeSkills: [...resumeTech.filter((s) => jobIds.has(s.id)), ...resumeTech.filter((s) => !jobIds.has(s.id))],
    gapSkills: profile.resume ? uniqueSkills(jobSkills.filter((s) => !onResume.has(s.id))) : [],
    softSkills: uniqueSkills(skillsOf(profile.jobRequired).filter((s) => s.category === 'soft-skill')),
  };
}

/**
 * Skills too broad to build a pointed question on ("The role asks for Backend Development …").
 * They still steer bank selection.
 */
const BROAD_SKILLS = new Set([
  'backend',
  'frontend',
  'mobile',
  'cloud',
  'databases',
  'testing',
  'security',
  'devops',
  'architecture',
  'system-design',
  'computer-science',
  'api-design',
  'data-engineering',
  'performance',
  'scalability',
]);

/**
 * A bank question framed by a skill the candidate brought: it keeps the reviewed reference answer
 * and key points, so it scores as well as any bank question.
 */
function deriveFromBank(type: QuestionType, request: PlanInterviewRequest, g: Grounding, used: Used, seen: ReadonlySet<string>): Draft[] {
  const { taxonomy } = request;
  // `frame` opens the question; `via` names the bank topic when it is a skill related to the
  // candidate's rather than the skill itself ("works with PostgreSQL, so the fundamentals of SQL matter").
  type Frame = (name: string, via: string | undefined) => string;
  const skills: { skill: Skill; frame: Frame; grounding: number }[] = [];
  const fundamentals = (via: string | undefined) => (via ? `, so the fundamentals of ${lowerSkillName(via)} matter.` : '.');
  if (type === 'technical' || type === 'system_design') {
    const shared = new Set(g.sharedSkills.map((s) => s.id));
    for (const s of g.jobSkills) {
      const frame: Frame = shared.has(s.id)
        ? (n, via) => `You list ${n} on your resume and this role needs it${fundamentals(via)}`
        : type === 'system_design'
          ? (n) => `This team builds with ${n}.`
          : (n, via) => (via ? `The role works with ${n}${fundamentals(via)}` : `The role asks for ${n}.`);
      skills.push({ skill: s, frame, grounding: shared.has(s.id) ? 3 : 2 });
    }
    for (const s of g.resumeSkills) {
      if (!shared.has(s.id)) skills.push({ skill: s, frame: (n, via) => `Your resume mentions ${n}${fundamentals(via)}`, grounding: 1 });
    }
  } else {
    for (const s of g.softSkills) skills.push({ skill: s, frame: (n) => `This role calls for ${lowerSkillName(n)}.`, grounding: 1 });
  }
  const drafts: Draft[] = [];
  for (const { skill, frame, grounding } of skills) {
    if (used.subjects.has(`skill:${skill.id}`)) continue;
    const found = findBankQuestionFor(type, skill, request, used, seen, taxonomy);
    if (!found) continue;
    const via = found.via && found.via.category !== 'soft-skill' ? found.via.name : undefined;
    drafts.push({
      templateId: `bank:${skill.id}`,
      text: `${frame(skill.name, via)} ${found.question.text}`,
      keyPoints: found.question.keyPoints,
      targetSkills: [skill.id],
      subjects: [`skill:${skill.id}`],
      // A question on the skill itself is better grounded than one on a related skill.
      grounding: grounding + (found.via ? 0.5 : 1),
      bank: found.question,
    });
    if (drafts.length >= 4) break;
  }
  return drafts;
}

const LEVEL_ORDER: readonly Level[] = ['junior', 'mid', 'senior'];

function findBankQuestionFor(
  type: QuestionType,
  skill: Skill,
  request: PlanInterviewRequest,
  used: Used,
  seen: ReadonlySet<string>,
  taxonomy: SkillTaxonomy,
): { question: BankQuestion; via?: Skill } | undefined {
  const wanted = LEVEL_ORDER.indexOf(request.level);
  let best: { q: BankQuestion; rank: number; via?: Skill } | undefined;
  for (const q of request.bank) {
    if (q.type !== type || used.bankIds.has(q.id) || seen.has(q.id)) continue;
    const distance = Math.min(...q.levels.map((l) => Math.abs(LEVEL_ORDER.indexOf(l) - wanted)));
    if (distance > 0) continue;
    let match = 0;
    let via: Skill | undefined;
    for (const topic of q.topics) {
      const topicSkill = findSkill(taxonomy, topic);
      if (!topicSkill) continue;
      if (topicSkill.id === skill.id) {
        match = 2;
        via = undefined;
      } else if (match < 1 && (skill.related.includes(topicSkill.id) || topicSkill.related.includes(skill.id))) {
        match = 1;
        via = topicSkill;
      }
    }
    if (match === 0) continue;
    // Ties go to the smaller id so the choice does not depend on bank file order.
    if (!best || match > best.rank || (match === best.rank && q.id < best.q.id)) best = { q, rank: match, via };
  }
  return best ? { question: best.q, via: best.via } : undefined;
}

function firstUnused<T>(list: readonly T[], key: (item: T) => string, used: Used): T | undefined {
  return list.find((item) => !used.subjects.has(key(item)));
}

const projectKey = (p: ResumeProject) => `project:${p.name.toLowerCase()}`;
const employerKey = (e: ResumeEmployer) => `employer:${e.name.toLowerCase()}`;
const skillKey = (s: Skill) => `skill:${s.id}`;

/** Soft-skill names read as nouns inside a sentence ("strong stakeholder management"). */
function lowerSkillName(name: string): string {
  // Words in capitals or with inner capitals are acronyms or brands and keep their spelling.
  return name
    .split(' ')
    .map((word) => (/^[A-Z][a-z-]*$/.test(word) ? word.toLowerCase() : word))
    .join(' ');
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/\W+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// Templates. Each one names what it needs, writes the question, and lists the key points the
// local evaluator scores against: specific to the question, general enough for any candidate.

const TEMPLATES: readonly Template[] = [
  // Behavioral ---------------------------------------------------------------------------------
  {
    id: 'beh-project-hard-decision',
    type: 'behavioral',
    skills: ['decision-making'],
    draft(g, used) {
      const project = firstUnused(g.projects, projectKey, used);
      if (!project) return null;
      const where = project.employer ? ` at ${project.employer}` : '';
      return {
        text: `Your resume mentions ${project.name}${where}. What was the hardest decision you made on it, and how did it turn out?`,
        keyPoints: [
          `Sets the scene: what ${project.name} was for and what their own role on it was`,
          'Names the decision and why it was hard, such as competing goals or missing information',
          'Describes the options they considered and the trade-offs between them',
          'Explains how the decision was made and who they involved or had to persuade',
          'Gives the outcome with concrete evidence such as numbers, dates or feedback',
          'Reflects on what they would decide differently today',
        ],
        targetSkills: project.skillIds.slice(0, 2),
        subjects: [projectKey(project)],
        grounding: project.employer ? 5 : 4,
      };
    },
  },
  {
    id: 'beh-employer-setback',
    type: 'behavioral',
    skills: ['ownership', 'accountability'],
    draft(g, used) {
      const employer = firstUnused(g.employers, employerKey, used);
      if (!employer) return null;
      const as = employer.title ? `as ${employer.title} at ${employer.name}` : `at ${employer.name}`;
      return {
        text: `During your time ${as}, tell me about something you owned that went wrong. What did you do first, and what changed afterwards?`,
        keyPoints: [
          `Describes a specific failure they personally owned at ${employer.name}, not a team-wide generality`,
          'Explains the immediate response: how they limited the damage and who they told',
          'Identifies the root cause rather than only the trigger',
          'Names a lasting change they made so it would not happen again',
          'Takes responsibility without blaming others',
        ],
        targetSkills: [],
        subjects: [employerKey(employer)],
        grounding: 3,
      };
    },
  },
  {
    id: 'beh-employer-disagreement',
    type: 'behavioral',
    skills: ['conflict-resolution', 'collaboration'],
    draft(g, used) {
      const employer = firstUnused(g.employers, employerKey, used);
      if (!employer) return null;
      return {
        text: `Think of a real disagreement with a colleague or manager at ${employer.name}. What was it about, how did you resolve it, and how did the working relationship hold up?`,
        keyPoints: [
          'Describes a concrete disagreement and what was at stake',
          "Shows they listened to the other person and can state that person's view fairly",
          'Moved the discussion to shared goals, data or a small experiment',
          'Reached a decision both sides could accept, or escalated constructively',
          'Says how the relationship was afterwards and what they learned',
        ],
        targetSkills: [],
        subjects: [employerKey(employer)],
        grounding: 2.5,
      };
    },
  },
  {
    id: 'beh-skill-surprise',
    type: 'behavioral',
    skills: ['problem-solving'],
    draft(g, used) {
      const skill = firstUnused(g.resumeSkills, skillKey, used);
      if (!skill) return null;
      const project = g.projects.find((p) => p.skillIds.includes(skill.id) && !used.subjects.has(projectKey(p)));
      const employer = project?.employer ?? g.employers[0]?.name;
      const where = project ? ` on ${project.name}` : employer ? ` at ${employer}` : '';
      return {
        text: `You used ${skill.name}${where}. Tell me about a time it did not behave the way you expected. How did you find out what was going on, and what did you change?`,
        keyPoints: [
          `Describes a specific, real problem with ${skill.name} rather than a hypothetical one`,
          'Explains how they noticed it: monitoring, tests, user reports or code review',
          'Walks through how they narrowed down the cause step by step',
          'Describes the fix and how they verified that it worked',
          'Mentions what they changed to catch similar problems earlier',
        ],
        targetSkills: [skill.id],
        subjects: [skillKey(skill), ...(project ? [projectKey(project)] : [])],
        grounding: where ? 3 : 2,
      };
    },
  },
  {
    id: 'beh-gap-learning',
    type: 'behavioral',
    skills: ['continuous-learning'],
    draft(g, used) {
      const skill = firstUnused(g.gapSkills, skillKey, used);
      if (!skill) return null;
      return {
        text: `This role asks for ${skill.name}, which does not appear on your resume. Tell me about a time you had to get productive with an unfamiliar technology quickly. How did you go about it, and how would you approach ${skill.name} here?`,
        keyPoints: [
          'Gives a concrete past example of learning a technology under time pressure',
          'Describes a deliberate approach such as small experiments, documentation, pairing or reading existing code',
          'Explains how they checked their understanding before relying on it in production',
          'Says how long it took to become productive and what the result was',
          `Outlines a credible plan for learning ${skill.name} in this role`,
        ],
        targetSkills: [skill.id],
        subjects: [skillKey(skill)],
        grounding: 2.5,
      };
    },
  },
  {
    id: 'beh-proudest-skill-work',
    type: 'behavioral',
    draft(g, used) {
      const skill = firstUnused(g.sharedSkills.length > 0 ? g.sharedSkills : g.jobSkills, skillKey, used);
      if (!skill) return null;
      return {
        text: `The role asks for hands-on ${skill.name} experience. Describe the piece of work with ${skill.name} you are proudest of: what made it difficult, and what was your part in it?`,
        keyPoints: [
          `Picks one specific piece of work that used ${skill.name}`,
          'Explains what made it technically or organisationally difficult',
          "Separates their own contribution from the team's",
          'Describes a measurable or visible result',
          `Shows understanding of ${skill.name} beyond basic use`,
        ],
        targetSkills: [skill.id],
        subjects: [skillKey(skill)],
        grounding: 2,
      };
    },
  },
  {
    id: 'beh-soft-skill-example',
    type: 'behavioral',
    draft(g, used) {
      const skill = firstUnused(g.softSkills, skillKey, used);
      if (!skill) return null;
      const name = lowerSkillName(skill.name);
      return {
        text: `This role calls for strong ${name}. Tell me about a specific time you showed it: what the situation was, what you did, and what changed because of it.`,
        keyPoints: [
          'Describes one specific situation rather than a general habit',
          'Makes clear what their own task or responsibility was',
          `Describes concrete actions that show ${name}`,
          'Gives a result, ideally with evidence such as numbers or feedback',
          'Reflects on what they learned or would do differently',
        ],
        targetSkills: [skill.id],
        subjects: [skillKey(skill)],
        grounding: 1.5,
      };
    },
  },
  {
    id: 'beh-growing-others',
    type: 'behavioral',
    skills: ['mentoring', 'leadership'],
    levels: ['mid', 'senior'],
    draft(g, used) {
      const employer = firstUnused(
        g.employers.filter((e) => e.title),
        employerKey,
        used,
      );
      if (!employer) return null;
      return {
        text: `In your role as ${employer.title} at ${employer.name}, how did you help the people around you get better? Give one example of someone you supported and what changed for them.`,
        keyPoints: [
          'Names a specific person or group they supported, anonymised if needed',
          'Describes what that person needed and how they found out',
          'Explains concrete support such as pairing, feedback, stretch work or sponsorship',
          "Describes the change in the person's skills, confidence or role",
          'Shows they adapted their approach to the individual',
        ],
        targetSkills: [],
        subjects: [employerKey(employer)],
        grounding: 2.5,
      };
    },
  },

  // Technical ----------------------------------------------------------------------------------
  {
    id: 'tech-shared-skill-depth',
    type: 'technical',
    draft(g, used) {
      const skill = firstUnused(g.sharedSkills, skillKey, used);
      if (!skill) return null;
      return {
        text: `The role asks for ${skill.name}, and it is on your resume. Explain how ${skill.name} works underneath in the places that matter for production use, and where it tends to break down.`,
        keyPoints: [
          `Explains the core mechanism of ${skill.name} accurately, not just its features`,
          `Names at least one limitation, failure mode or common pitfall of ${skill.name}`,
          'Connects the explanation to a production concern such as performance, reliability or cost',
          `Gives an example from their own work with ${skill.name}`,
          'Mentions how they would test, measure or monitor the behaviour they describe',
        ],
        targetSkills: [skill.id],
        subjects: [skillKey(skill)],
        grounding: 3,
      };
    },
  },
  {
    id: 'tech-project-rebuild',
    type: 'technical',
    skills: ['software-design'],
    draft(g, used) {
      for (const project of g.projects) {
        if (used.subjects.has(projectKey(project))) continue;
        const skill = g.resumeSkills.find((s) => project.skillIds.includes(s.id) && !used.subjects.has(skillKey(s)));
        if (!skill) continue;
        return {
          text: `On ${project.name} you worked with ${skill.name}. If you rebuilt it today, what would you keep, what would you change, and why?`,
          keyPoints: [
            `Describes the original design of ${project.name} and the part ${skill.name} played in it`,
            'Identifies what worked well and should be kept, with reasons',
            'Names a concrete weakness and what they would change',
            'Explains the trade-offs of the change, including the cost and risk of migrating',
            'Grounds the answer in evidence from running the system, such as incidents or metrics',
          ],
          targetSkills: [skill.id],
          subjects: [projectKey(project), skillKey(skill)],
          grounding: 4.5,
        };
      }
      return null;
    },
  },
  {
    id: 'tech-skill-mistakes',
    type: 'technical',
    draft(g, used) {
      const skill = firstUnused(g.jobSkills, skillKey, used);
      if (!skill) return null;
      return {
        text: `The role asks for ${skill.name}. Which mistakes do you see people make most often with ${skill.name}, and how do you avoid them in your own work?`,
        keyPoints: [
          `Names at least two specific, realistic mistakes made with ${skill.name}`,
          'Explains what each mistake costs in production or for the team',
          'Describes concrete practices or tools that prevent them',
          'Shows judgement about when a usual rule can reasonably be broken',
          'Illustrates the answer with an example from their experience',
        ],
        targetSkills: [skill.id],
        subjects: [skillKey(skill)],
        grounding: 2,
      };
    },
  },
  {
    id: 'tech-skill-pair',
    type: 'technical',
    levels: ['mid', 'senior'],
    draft(g, used) {
      const free = g.jobSkills.filter((s) => !used.subjects.has(skillKey(s)));
      const [first, second] = free;
      if (!first || !second) return null;
      return {
        text: `This team uses ${first.name} together with ${second.name}. How do the two fit together, and where would you expect friction between them?`,
        keyPoints: [
          `Explains what ${first.name} is responsible for and what ${second.name} is responsible for`,
          'Describes how the two interact or exchange data in a typical setup',
          'Names a realistic point of friction such as configuration, versions, performance or failure handling',
          'Suggests a concrete way to reduce that friction',
          'Mentions how they would test or observe the integration',
        ],
        targetSkills: [first.id, second.id],
        subjects: [skillKey(first), skillKey(second)],
        grounding: 2.5,
      };
    },
  },
  {
    id: 'tech-resume-skill-diagnosis',
    type: 'technical',
    skills: ['problem-solving'],
    draft(g, used) {
      const skill = firstUnused(g.resumeSkills, skillKey, used);
      if (!skill) return null;
      return {
        text: `You list ${skill.name} on your resume. Walk me through how you would diagnose a slow or failing component built with ${skill.name}, from the first alert to the fix.`,
        keyPoints: [
          'Reproduces or scopes the problem before changing anything',
          `Uses concrete diagnostic tools or signals that fit ${skill.name}`,
          'Forms hypotheses and tests them one at a time',
          'Describes a fix and how they would verify it',
          'Prevents a recurrence with tests, alerts or documentation',
        ],
        targetSkills: [skill.id],
        subjects: [skillKey(skill)],
        grounding: 1.5,
      };
    },
  },

  // System design ------------------------------------------------------------------------------
  {
    id: 'sd-project-ten-times',
    type: 'system_design',
    skills: ['scalability', 'system-design'],
    draft(g, used) {
      const project = firstUnused(g.projects, projectKey, used);
      if (!project) return null;
      return {
        text: `Suppose ${project.name} had to handle ten times its current load. Sketch how you would evolve its architecture, and tell me what would break first.`,
        keyPoints: [
          `Summarises the current architecture of ${project.name} and its main bottleneck`,
          'Identifies what breaks first at ten times the load, with reasoning',
          'Proposes specific changes such as caching, partitioning, queues or replication',
          'Discusses trade-offs including consistency, cost and operational complexity',
          'Explains how they would roll the change out safely and measure success',
        ],
        targetSkills: project.skillIds.slice(0, 1),
        subjects: [projectKey(project)],
        grounding: 4,
      };
    },
  },
  {
    id: 'sd-skill-service',
    type: 'system_design',
    skills: ['system-design'],
    draft(g, used) {
      const skill = firstUnused(
        g.jobSkills.filter((s) => ['backend', 'database', 'cloud', 'devops', 'data', 'ml'].includes(s.category)),
        skillKey,
        used,
      );
      if (!skill) return null;
      return {
        text: `Design a small service for this team that relies on ${skill.name}. Describe the main components, where ${skill.name} fits, and how you would keep the service reliable.`,
        keyPoints: [
          'Clarifies requirements and expected scale before designing',
          'Names the main components and how data flows between them',
          `Explains clearly why and where ${skill.name} is used`,
          'Addresses failure handling such as retries, timeouts or redundancy',
          'Mentions monitoring and how the design could grow',
        ],
        targetSkills: [skill.id],
        subjects: [skillKey(skill)],
        grounding: 2,
      };
    },
  },
  {
    id: 'sd-employer-redesign',
    type: 'system_design',
    skills: ['architecture', 'system-design'],
    draft(g, used) {
      const employer = firstUnused(g.employers, employerKey, used);
      if (!employer) return null;
      return {
        text: `Pick a system you worked on at ${employer.name}. Describe its main components in words, then tell me which part you would redesign first and why.`,
        keyPoints: [
          "Describes the system's purpose and its main components clearly",
          'Explains how requests or data move through the system',
          'Picks one part to redesign and gives a concrete reason such as scale, cost or reliability',
          'Proposes an alternative design along with its trade-offs',
          'Considers how to migrate without disrupting users',
        ],
        targetSkills: [],
        subjects: [employerKey(employer)],
        grounding: 2.5,
      };
    },
  },

  // Communication ------------------------------------------------------------------------------
  {
    id: 'comm-project-plain-words',
    type: 'communication',
    skills: ['explaining-technical-concepts', 'stakeholder-management'],
    draft(g, used) {
      const project = firstUnused(g.projects, projectKey, used);
      if (!project) return null;
      return {
        text: `Explain ${project.name} to a non-technical stakeholder in under two minutes: what it does, why it mattered, and what it cost.`,
        keyPoints: [
          `Opens with the problem ${project.name} solved, in plain language`,
          'Avoids jargon or explains any technical term used',
          'States the business value or impact, ideally with a number',
          'Mentions cost, effort or trade-offs honestly',
          'Keeps a short, clear structure that fits the time limit',
        ],
        targetSkills: [],
        subjects: [projectKey(project)],
        grounding: 4,
      };
    },
  },
  {
    id: 'comm-skill-to-sales',
    type: 'communication',
    skills: ['explaining-technical-concepts'],
    draft(g, used) {
      const skill = firstUnused(g.jobSkills, skillKey, used);
      if (!skill) return null;
      return {
        text: `How would you explain ${skill.name}, and why this team relies on it, to a new colleague who works in sales?`,
        keyPoints: [
          'Uses an everyday analogy or a concrete example',
          `Explains the problem ${skill.name} solves rather than how it is implemented`,
          'Connects it to something the colleague cares about, such as customers or reliability',
          'Avoids jargon or defines any term used',
          'Checks understanding or invites questions',
        ],
        targetSkills: [skill.id],
        subjects: [skillKey(skill)],
        grounding: 2,
      };
    },
  },
  {
    id: 'comm-employer-updates',
    type: 'communication',
    skills: ['stakeholder-management', 'written-communication'],
    draft(g, used) {
      const employer = firstUnused(g.employers, employerKey, used);
      if (!employer) return null;
      return {
        text: `At ${employer.name}, how did you keep people outside your team informed about your work? What did you send, how often, and how did you know it was working?`,
        keyPoints: [
          'Names the audiences they updated and what each of them needed',
          'Describes the format and rhythm of the updates',
          'Explains how they handled bad news or delays',
          'Describes how they checked that the updates were read and useful',
          'Mentions something they changed based on feedback',
        ],
        targetSkills: [],
        subjects: [employerKey(employer)],
        grounding: 2.5,
      };
    },
  },
];

/** Template ids and the skills they always target; exported so tests can check them against the taxonomy. */
export const TAILORED_TEMPLATE_IDS: readonly string[] = TEMPLATES.map((t) => t.id);
export const TAILORED_TEMPLATE_SKILLS: readonly string[] = [...new Set(TEMPLATES.flatMap((t) => t.skills ?? []))];
