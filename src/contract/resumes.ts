import { z } from 'zod';
import { id, isoDateTime, pageQuery, paginated } from './common.js';

export const MAX_RESUME_BYTES = 10 * 1024 * 1024;
export const RESUME_MIME_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/plain',
] as const;
export const resumeMimeType = z.enum(RESUME_MIME_TYPES);
export type ResumeMimeType = z.infer<typeof resumeMimeType>;

/** "2021-03", "2021" or "present" (end only); null when the resume does not say. */
const monthOrYear = z.string().regex(/^(\d{4}(-\d{2})?|present)$/);

export const resumeLink = z.object({
  kind: z.enum(['linkedin', 'github', 'website', 'other']),
  url: z.string().max(500),
});
export type ResumeLink = z.infer<typeof resumeLink>;

export const resumePosition = z.object({
  title: z.string().max(200),
  employer: z.string().max(200),
  start: monthOrYear.nullable(),
  end: monthOrYear.nullable(),
});
export type ResumePosition = z.infer<typeof resumePosition>;

export const resumeEducation = z.object({
  degree: z.string().max(200),
  institution: z.string().max(200),
  year: z.number().int().min(1950).max(2100).nullable(),
});
export type ResumeEducation = z.infer<typeof resumeEducation>;

/** Canonical section names found: contact, summary, experience, education, skills, projects, certifications, … */
export const parsedResume = z.object({
  name: z.string().max(200).nullable(),
  email: z.string().max(254).nullable(),
  phone: z.string().max(50).nullable(),
  location: z.string().max(200).nullable(),
  links: z.array(resumeLink).max(20),
  /** Skill names as the skills taxonomy spells them (aliases resolved); unknown ones kept as written. */
  skills: z.array(z.string().max(100)).max(200),
  yearsOfExperience: z.number().min(0).max(70).nullable(),
  positions: z.array(resumePosition).max(50),
  education: z.array(resumeEducation).max(20),
  sections: z.array(z.string()).max(30),
});
export type ParsedResume = z.infer<typeof parsedResume>;

export const resumeFlags = z.object({
  /** Text a reader would not see: white or tiny text, text outside the page. */
  hiddenText: z.boolean(),
  /** Instruction-like text aimed at an AI ("ignore previous instructions …"). */
  injection: z.boolean(),
  /** A PDF without a text layer (e.g. a scan): its text, if any, was read by OCR. */
  noTextLayer: z.boolean(),
  /** The text was read from pixels (OCR): expect misread words. */
  ocr: z.boolean(),
  /** The OCR engine's mean word confidence, 0–100; null when no OCR ran. */
  ocrConfidence: z.number().min(0).max(100).nullable(),
});
export type ResumeFlags = z.infer<typeof resumeFlags>;

/** A piece of text kept out of scoring and question generation, shown to the owner and coaches. */
export const suspiciousText = z.object({
  kind: z.enum(['hidden_text', 'injection']),
  reason: z.string(),
  text: z.string(),
});
export type SuspiciousText = z.infer<typeof suspiciousText>;

export const resume = z.object({
  id,
  ownerId: id,
  fileName: z.string(),
  mimeType: resumeMimeType,
  size: z.number().int(),
  /** parsed: text found and parsed; no_text: accepted but nothing readable (see warnings). */
  status: z.enum(['parsed', 'no_text']),
  warnings: z.array(z.string()),
  flags: resumeFlags,
  suspicious: z.array(suspiciousText),
  /** The parse with the owner's corrections applied. */
  parsed: parsedResume,
  /** Field names the owner corrected by hand. */
  corrected: z.array(z.string()),
  active: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Resume = z.infer<typeof resume>;
export const resumeList = z.object({ items: z.array(resume) });
export type ResumeList = z.infer<typeof resumeList>;

/** Coaches list or upload for an assigned candidate with ?candidateId=. */
export const resumeOwnerQuery = z.object({ candidateId: id.optional() });
export type ResumeOwnerQuery = z.infer<typeof resumeOwnerQuery>;

/** Corrections: any parsed field replaces the parsed value; `active: true` makes it the active resume. */
export const updateResumeBody = z
  .object({ parsed: parsedResume.partial().optional(), active: z.literal(true).optional() })
  .refine((b) => b.parsed !== undefined || b.active !== undefined, 'give parsed corrections or active: true');
export type UpdateResumeBody = z.infer<typeof updateResumeBody>;

export const analysisBody = z
  .object({
    jobDescriptionId: id.optional(),
    jobDescriptionText: z.string().trim().min(20).max(20_000).optional(),
  })
  .refine(
    (b) => (b.jobDescriptionId === undefined) !== (b.jobDescriptionText === undefined),
    'give exactly one of jobDescriptionId or jobDescriptionText',
  );
export type AnalysisBody = z.infer<typeof analysisBody>;

export const atsPart = z.enum(['skills', 'experience', 'education', 'keywords', 'formatting']);
export type AtsPart = z.infer<typeof atsPart>;

export const atsAnalysis = z.object({
  score: z.number().int().min(0).max(100),
  /** Each part scored 0–100; `weights` says how much each counts toward `score`. */
  parts: z.object({
    skills: z.number().int().min(0).max(100),
    experience: z.number().int().min(0).max(100),
    education: z.number().int().min(0).max(100),
    keywords: z.number().int().min(0).max(100),
    formatting: z.number().int().min(0).max(100),
  }),
  weights: z.record(atsPart, z.number()),
  matchedSkills: z.array(z.object({ name: z.string(), required: z.boolean() })),
  missingSkills: z.array(z.object({ name: z.string(), required: z.boolean() })),
  /** Every point lost, with why: the sum over a part equals 100 minus that part's score. */
  deductions: z.array(z.object({ part: atsPart, points: z.number(), reason: z.string() })),
  suggestions: z.array(z.string()),
  jobDescription: z.object({ id: id.nullable(), title: z.string().nullable(), requiredYears: z.number().nullable() }),
});
export type AtsAnalysis = z.infer<typeof atsAnalysis>;

/** An analysis as it was run and saved: every run of POST /resumes/:id/analysis is kept. */
export const savedAtsAnalysis = atsAnalysis.extend({
  id,
  resumeId: id,
  createdAt: isoDateTime,
});
export type SavedAtsAnalysis = z.infer<typeof savedAtsAnalysis>;
export const savedAtsAnalysisList = paginated(savedAtsAnalysis);
export type SavedAtsAnalysisList = z.infer<typeof savedAtsAnalysisList>;
export const analysesQuery = pageQuery;
export type AnalysesQuery = z.infer<typeof analysesQuery>;
