import { z } from 'zod';
import { id, isoDateTime, paginated } from './common.js';

export const questionType = z.enum(['behavioral', 'technical', 'system_design', 'communication', 'aptitude']);
export type QuestionType = z.infer<typeof questionType>;

export const interviewType = z.enum(['behavioral', 'technical', 'system_design', 'communication', 'aptitude', 'mixed']);
export type InterviewType = z.infer<typeof interviewType>;

export const level = z.enum(['junior', 'mid', 'senior']);
export type Level = z.infer<typeof level>;

export const interviewStatus = z.enum(['in_progress', 'completed']);
export type InterviewStatus = z.infer<typeof interviewStatus>;

export const MAX_ANSWER_CHARS = 20_000;
export const MAX_JOB_DESCRIPTION_CHARS = 20_000;
export const MAX_RESUME_CHARS = 30_000;

export const createInterviewBody = z.object({
  kind: z.literal('practice'),
  type: interviewType,
  role: z.string().trim().min(1).max(120),
  level,
  questionCount: z.number().int().min(1).max(20),
  jobDescription: z.string().trim().max(MAX_JOB_DESCRIPTION_CHARS).optional(),
  /** Plain resume text; used to tailor questions and not stored. */
  resumeText: z.string().trim().max(MAX_RESUME_CHARS).optional(),
});
export type CreateInterviewBody = z.infer<typeof createInterviewBody>;

export const interviewQuestion = z.object({
  id,
  order: z.number().int(),
  type: questionType,
  text: z.string(),
  /** Skill ids of the skills taxonomy the question exercises. */
  targetSkills: z.array(z.string()).default([]),
});
export type InterviewQuestion = z.infer<typeof interviewQuestion>;

export const dimensionScores = z.object({
  relevance: z.number().min(0).max(100),
  correctness: z.number().min(0).max(100),
  completeness: z.number().min(0).max(100),
  clarity: z.number().min(0).max(100),
  structure: z.number().min(0).max(100),
});
export type DimensionScores = z.infer<typeof dimensionScores>;
export const DIMENSIONS = ['relevance', 'correctness', 'completeness', 'clarity', 'structure'] as const;

export const grammarIssue = z.object({
  start: z.number().int(),
  end: z.number().int(),
  message: z.string(),
  suggestions: z.array(z.string()),
});
export type GrammarIssue = z.infer<typeof grammarIssue>;

export const starPart = z.enum(['situation', 'task', 'action', 'result']);
export type StarPart = z.infer<typeof starPart>;

export const evaluation = z.object({
  score: z.number().int().min(0).max(100),
  dimensions: dimensionScores,
  strengths: z.array(z.string()),
  improvements: z.array(z.string()),
  coveredKeyPoints: z.array(z.string()),
  missingKeyPoints: z.array(z.string()),
  grammar: z.array(grammarIssue),
  star: z.object({ found: z.array(starPart), missing: z.array(starPart) }).nullable(),
  confidence: z.number().min(0).max(1),
  engine: z.string(),
  engineVersion: z.string(),
  /** The LLM engine's rubric (prompt and reply schema) version; absent for the local engine. */
  rubricVersion: z.string().optional(),
  /** The LLM engine's independent gradings: the score is their median (before guard caps). */
  samples: z
    .object({
      n: z.number().int().min(1),
      scores: z.array(z.number().int().min(0).max(100)),
      /** Highest minus lowest sample score. */
      spread: z.number().min(0).max(100),
    })
    .optional(),
});
export type Evaluation = z.infer<typeof evaluation>;

export const answerBody = z.object({
  questionId: id,
  text: z.string().max(MAX_ANSWER_CHARS).refine((s) => s.trim().length > 0, 'must not be empty'),
  durationSeconds: z.number().int().min(0).max(24 * 3600).optional(),
});
export type AnswerBody = z.infer<typeof answerBody>;

export const answer = z.object({
  id,
  interviewId: id,
  questionId: id,
  text: z.string(),
  createdAt: isoDateTime,
  evaluation,
});
export type Answer = z.infer<typeof answer>;

export const interviewSummary = z.object({
  id,
  kind: z.literal('practice'),
  type: interviewType,
  role: z.string(),
  level,
  status: interviewStatus,
  questionCount: z.number().int(),
  answeredCount: z.number().int(),
  overallScore: z.number().int().nullable(),
  createdAt: isoDateTime,
  completedAt: isoDateTime.nullable(),
});
export type InterviewSummary = z.infer<typeof interviewSummary>;

export const interview = interviewSummary.extend({
  jobDescription: z.string().nullable(),
  questions: z.array(interviewQuestion),
  /** The current answer to each answered question. */
  answers: z.array(answer),
});
export type Interview = z.infer<typeof interview>;

export const interviewList = paginated(interviewSummary);
export type InterviewList = z.infer<typeof interviewList>;

export const report = z.object({
  interviewId: id,
  overallScore: z.number().int().nullable(),
  dimensions: dimensionScores.nullable(),
  questions: z.array(
    z.object({
      questionId: id,
      order: z.number().int(),
      type: questionType,
      text: z.string(),
      answer: z.string().nullable(),
      evaluation: evaluation.nullable(),
    }),
  ),
  strengths: z.array(z.string()),
  improvements: z.array(z.string()),
  /** Per skill: how many answered questions targeted it and their average score. */
  skillCoverage: z
    .array(
      z.object({
        skill: z.string(),
        name: z.string(),
        questions: z.number().int(),
        averageScore: z.number().int().min(0).max(100),
      }),
    )
    .optional(),
});
export type Report = z.infer<typeof report>;
