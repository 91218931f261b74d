import type { CuratedQuestion } from '../../contract/job-descriptions.js';
import { notFound } from '../../core/errors.js';
import { composeJobText, composeResumeText } from '../../core/interviews/plan-with-sources.js';
import type { Actor } from '../auth/actor.js';

/** A stored job description as the job-descriptions service hands it out for tailoring. */
export interface JobDescriptionForTailoring {
  id: string;
  orgId: string;
  title: string;
  level: string;
  text: string;
  requiredSkills: string[];
  niceToHaveSkills: string[];
  questionSet: CuratedQuestion[];
}

/** A stored resume's trusted text (extracted by the server, not typed by the client). */
export interface ResumeForTailoring {
  text: string;
  skills: string[];
}

/**
 * Where stored job descriptions and resumes come from: the services that own them check who
 * may use them (404 for an id the caller may not see) and hand out what tailoring needs.
 */
export interface TailoringSources {
  jobDescriptions: { forTailoring(actor: Actor, id: string, candidateId: string): Promise<JobDescriptionForTailoring> };
  resumes: { forTailoring(actor: Actor, resumeId: string, candidateId: string): Promise<ResumeForTailoring> };
}

export interface TailoringRequest {
  jobDescriptionId?: string | undefined;
  resumeId?: string | undefined;
  jobDescription?: string | undefined;
  resumeText?: string | undefined;
}

export interface Tailoring {
  jobText: string | undefined;
  resumeText: string | undefined;
  curated: CuratedQuestion[];
  job: JobDescriptionForTailoring | null;
}

/**
 * Gathers the material that shapes an interview's questions. `orgId`: an assigned interview
 * takes job descriptions of its own organization only.
 */
export async function gatherTailoring(
  sources: TailoringSources,
  actor: Actor,
  request: TailoringRequest,
  candidateId: string,
  orgId?: string,
): Promise<Tailoring> {
  const [job, resume] = await Promise.all([
    request.jobDescriptionId ? loadJob(sources, actor, request.jobDescriptionId, candidateId, orgId) : null,
    request.resumeId ? sources.resumes.forTailoring(actor, request.resumeId, candidateId) : null,
  ]);
  return {
    jobText: composeJobText({ job, pasted: request.jobDescription }),
    resumeText: composeResumeText({ stored: resume, pasted: request.resumeText }),
    curated: job?.questionSet ?? [],
    job,
  };
}

async function loadJob(
  sources: TailoringSources,
  actor: Actor,
  id: string,
  candidateId: string,
  orgId?: string,
): Promise<JobDescriptionForTailoring> {
  const job = await sources.jobDescriptions.forTailoring(actor, id, candidateId);
  if (orgId && job.orgId !== orgId) throw notFound('Job description');
  return job;
}
