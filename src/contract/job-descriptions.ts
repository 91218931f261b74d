import { z } from 'zod';
import { id, isoDateTime, pageQuery, paginated } from './common.js';
import { level, MAX_JOB_DESCRIPTION_CHARS, questionType } from './interviews.js';

/**
 * A question the organization wants asked for a job. With `codingProblem` (a slug of the coding
 * bank, `GET /api/v1/coding/problems`) it is that problem, asked in coding and mixed interviews.
 */
export const curatedQuestion = z.object({
  type: questionType,
  text: z.string().trim().min(10).max(2000),
  keyPoints: z.array(z.string().trim().min(1).max(300)).max(10).default([]),
  codingProblem: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .optional(),
});
export type CuratedQuestion = z.infer<typeof curatedQuestion>;

const skillNames = z.array(z.string().trim().min(1).max(100)).max(100);

export const createJobDescriptionBody = z.object({
  title: z.string().trim().min(1).max(200),
  level,
  text: z.string().trim().min(20).max(MAX_JOB_DESCRIPTION_CHARS),
  /** Left out: extracted from the text with the skills taxonomy. */
  requiredSkills: skillNames.optional(),
  niceToHaveSkills: skillNames.optional(),
  /** Questions the organization wants asked for this job; they come first when tailoring. */
  questionSet: z.array(curatedQuestion).max(30).optional(),
});
export type CreateJobDescriptionBody = z.infer<typeof createJobDescriptionBody>;

export const updateJobDescriptionBody = createJobDescriptionBody
  .partial()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'give at least one field');
export type UpdateJobDescriptionBody = z.infer<typeof updateJobDescriptionBody>;

export const jobDescription = z.object({
  id,
  orgId: id,
  title: z.string(),
  level,
  text: z.string(),
  requiredSkills: z.array(z.string()),
  niceToHaveSkills: z.array(z.string()),
  questionSet: z.array(curatedQuestion),
  /** Years of experience the text asks for, when it says. */
  requiredYears: z.number().nullable(),
  /** Candidates it is shared with (staff see this; candidates get an empty list). */
  sharedWith: z.array(id),
  createdBy: z.object({ id, name: z.string() }).nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type JobDescription = z.infer<typeof jobDescription>;
export const jobDescriptionList = paginated(jobDescription);
export type JobDescriptionList = z.infer<typeof jobDescriptionList>;
export const jobDescriptionQuery = pageQuery.extend({ q: z.string().trim().max(100).optional() });
export type JobDescriptionQuery = z.infer<typeof jobDescriptionQuery>;

export const shareBody = z.object({ candidateIds: z.array(id).min(1).max(200) });
export type ShareBody = z.infer<typeof shareBody>;
export const shareParams = z.object({ id, candidateId: id });

export const extractSkillsBody = z.object({ text: z.string().trim().min(1).max(MAX_JOB_DESCRIPTION_CHARS) });
export type ExtractSkillsBody = z.infer<typeof extractSkillsBody>;
export const extractedSkills = z.object({
  requiredSkills: z.array(z.string()),
  niceToHaveSkills: z.array(z.string()),
  requiredYears: z.number().nullable(),
});
export type ExtractedSkills = z.infer<typeof extractedSkills>;
