import type { CoachedCandidate, InterviewType, Level, ProctoringLevel, ReleaseResults } from '../../../contract/index.js';
import type { JobDescriptionChoice } from './components/job-description-field.js';
import { addHours, nextWholeHour, toLocalInput } from './datetime-local.js';

/** What the schedule form holds while the coach fills it in. */

export const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it', 'hi', 'zh', 'ja', 'ko', 'ar', 'ru'] as const;

export interface ScheduleDraft {
  /** `${userId}|${orgId}`: a candidate may be coached in more than one organization. */
  candidate: string;
  type: InterviewType;
  role: string;
  level: Level;
  questionCount: number;
  job: JobDescriptionChoice;
  windowStart: string;
  windowEnd: string;
  durationMinutes: number;
  language: string;
  releaseResults: ReleaseResults;
  proctoring: ProctoringLevel;
}

export type UpdateDraft = <K extends keyof ScheduleDraft>(key: K, value: ScheduleDraft[K]) => void;

export const candidateKey = (c: Pick<CoachedCandidate, 'userId' | 'orgId'>) => `${c.userId}|${c.orgId}`;

export function initialDraft(): ScheduleDraft {
  const start = nextWholeHour(new Date());
  return {
    candidate: '',
    type: 'behavioral',
    role: '',
    level: 'mid',
    questionCount: 5,
    job: { text: '', jobDescriptionId: null },
    windowStart: toLocalInput(start),
    windowEnd: toLocalInput(addHours(start, 24)),
    durationMinutes: 30,
    language: 'en',
    releaseResults: 'on_finalize',
    proctoring: 'off',
  };
}
