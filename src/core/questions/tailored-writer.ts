import type { Level, QuestionType } from '../../contract/interviews.js';
import type { ExtractedSkill } from '../skills/extract-skills.js';
import { findSkill, isTechnicalSkill, type Skill, type SkillTaxonomy } from '../skills/taxonomy.js';
import type { BankQuestion } from './bank.js';
import { createSeededRandom } from './select-questions.js';
import type { CandidateProfile, PlanInterviewRequest, PlannedQuestion } from './tailor-questions.js';
import { lowerSkillName, TEMPLATES, type Draft, type Grounding, type Used } from './tailored-templates.js';

/**
 * Writes tailored questions one at a time for the planner: from the templates, or as bank
 * questions framed by a skill the candidate brought, each grounded subject used once.
 */

const MAX_TARGET_SKILLS = 4;

/** The taxonomy skills a bank question's topics name, the candidate's focus skills first. */
export function topicSkills(q: BankQuestion, taxonomy: SkillTaxonomy, focus: ReadonlySet<string>, lead: string[] = []): string[] {
  const ids = q.topics.map((t) => findSkill(taxonomy, t)?.id).filter((id): id is string => id !== undefined);
  const ordered = [...lead, ...ids.filter((id) => focus.has(id)), ...ids.filter((id) => !focus.has(id))];
  return [...new Set(ordered)].filter((id) => taxonomy.byId.has(id)).slice(0, MAX_TARGET_SKILLS);
}

export function createTailoredWriter(request: PlanInterviewRequest, profile: CandidateProfile, pickedIds: ReadonlySet<string>) {
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

function normalize(text: string): string {
  return text.toLowerCase().replace(/\W+/g, ' ').trim();
}
