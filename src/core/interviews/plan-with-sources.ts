import type { CuratedQuestion } from '../../contract/job-descriptions.js';
import type { InterviewType } from '../../contract/interviews.js';
import { planInterviewQuestions, type PlanInterviewRequest, type PlannedQuestion } from '../questions/tailor-questions.js';
import { extractSkills } from '../skills/extract-skills.js';
import type { SkillTaxonomy } from '../skills/taxonomy.js';

/** A stored job description as the planner needs it. */
export interface JobForPlanning {
  text: string;
  requiredSkills: readonly string[];
  niceToHaveSkills: readonly string[];
  questionSet: readonly CuratedQuestion[];
}

/**
 * One text the skill extractor reads as a job description: the coach's skill lists become
 * "Requirements" and "Nice to have" sections, so skills they named count even when the prose
 * never mentions them.
 */
export function composeJobText(parts: { job?: JobForPlanning | null; pasted?: string | undefined }): string | undefined {
  const sections: string[] = [];
  if (parts.job) {
    sections.push(parts.job.text.trim());
    if (parts.job.requiredSkills.length > 0) sections.push(`Requirements:\n${parts.job.requiredSkills.map((s) => `- ${s}`).join('\n')}`);
    if (parts.job.niceToHaveSkills.length > 0)
      sections.push(`Nice to have:\n${parts.job.niceToHaveSkills.map((s) => `- ${s}`).join('\n')}`);
  }
  if (parts.pasted?.trim()) sections.push(parts.pasted.trim());
  const text = sections.filter(Boolean).join('\n\n');
  return text.length > 0 ? text : undefined;
}

/** Resume text with its extracted skills listed, for resumes whose skills sit in a table the text lost. */
export function composeResumeText(parts: {
  stored?: { text: string; skills: readonly string[] } | null;
  pasted?: string | undefined;
}): string | undefined {
  const sections: string[] = [];
  if (parts.stored) {
    sections.push(parts.stored.text.trim());
    if (parts.stored.skills.length > 0) sections.push(`Skills\n${parts.stored.skills.join(', ')}`);
  }
  if (parts.pasted?.trim()) sections.push(parts.pasted.trim());
  const text = sections.filter(Boolean).join('\n\n');
  return text.length > 0 ? text : undefined;
}

function fitsType(question: CuratedQuestion, type: InterviewType): boolean {
  return type === 'mixed' || question.type === type;
}

const normalized = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The job's own questions (those of the interview's type) come first, as the coach wrote them;
 * the engine plans the rest from the bank and the tailoring material.
 */
export function planWithCuratedQuestions(request: PlanInterviewRequest & { curated: readonly CuratedQuestion[] }): PlannedQuestion[] {
  const { curated, ...plan } = request;
  const seen = new Set<string>();
  const first: PlannedQuestion[] = [];
  for (const q of curated) {
    // A coding problem of the job is planned with the interview's coding problems, not here.
    if (q.codingProblem !== undefined) continue;
    if (first.length >= plan.count || !fitsType(q, plan.type) || seen.has(normalized(q.text))) continue;
    seen.add(normalized(q.text));
    first.push(curatedToPlanned(q, plan.taxonomy));
  }
  const remaining = plan.count - first.length;
  if (remaining <= 0) return first;
  const fresh = (count: number) => planInterviewQuestions({ ...plan, count }).filter((q) => !seen.has(normalized(q.text)));
  let rest = fresh(remaining);
  // A bank question equal to a curated one was dropped: plan a little more to fill its place.
  if (rest.length < remaining) rest = fresh(remaining + first.length);
  return [...first, ...rest.slice(0, remaining)];
}

function curatedToPlanned(q: CuratedQuestion, taxonomy: SkillTaxonomy): PlannedQuestion {
  return {
    type: q.type,
    text: q.text,
    keyPoints: [...q.keyPoints],
    targetSkills: extractSkills(q.text, taxonomy)
      .map((s) => s.skillId)
      .slice(0, 4),
    source: 'tailored',
  };
}
