import type { VoiceAnalysis } from '../../core/delivery/voice-analysis.js';
import type { AnswerEvaluator } from '../../core/evaluation/types.js';
import type { AnswerWait } from './answer-grading.js';
import type { BankQuestion } from '../../core/questions/bank.js';
import type { SkillTaxonomy } from '../../core/skills/taxonomy.js';
import type { Database, Tx } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { CodingService } from '../coding/coding.service.js';
import type { Config } from '../config.js';
import type { JobRegistry } from '../jobs/job-registry.js';
import type { FollowUpWriter } from './follow-up-writer.js';
import { linkUrl } from '../mail/app-url.js';
import type { OrgAccess } from '../orgs/org-access.js';
import { createInterviewAccess } from './interview-access.js';
import type { NoticeContext } from './interview-notices.js';
import { createInterviewReads } from './interview-reads.js';
import type { TailoringSources } from './interview-tailoring.js';
import { createInterviewView } from './interview-views.js';
import type { InterviewRow } from './interviews.table.js';

/**
 * What the proctoring feature checks when a candidate starts (it owns the pre-check and the
 * integrity nonce; interviews only ask). Both run in the start transaction under the row lock.
 */
export interface ProctoringGate {
  /** Throws precheck_required (409) when the level's pre-check has not passed; returns the integrity nonce, null when not proctored. */
  beforeStart(tx: Tx, row: InterviewRow, now: Date): Promise<string | null>;
  /** The nonce of an interview already started (a second start answers the same). */
  nonceOf(tx: Tx, row: InterviewRow): Promise<string | null>;
}

/** The media feature's check of a spoken answer's recording (it owns the uploads and their owners). */
export interface RecordingLookup {
  requireReady(actor: Actor, mediaId: string): Promise<{ durationMs: number | null; voice?: VoiceAnalysis | null }>;
}

export interface InterviewDeps {
  db: Database;
  clock: Clock;
  bank: BankQuestion[];
  skills: SkillTaxonomy;
  evaluator: AnswerEvaluator;
  orgAccess: OrgAccess;
  /** Where the interview job kinds (reminder, window close, deadline) are registered. */
  jobs: JobRegistry;
  /** Stored job descriptions and resumes, through the services that own them. */
  tailoring: TailoringSources;
  config: Pick<Config, 'publicUrl' | 'port' | 'mailFrom'> & Partial<Pick<Config, 'ai'>>;
  /** Words follow-ups; by default the local templates, or the configured LLM (`config.ai`). */
  followUpWriter?: FollowUpWriter;
  /** Coding questions (the sandbox); interviews of type `coding` and `mixed` need it. */
  coding?: CodingService;
  /** Where background work reports what it had to skip. */
  log?: { warn(obj: object, msg: string): void };
  /** The proctoring feature's start check (built from its own tables, before this service). */
  proctoringGate?: ProctoringGate;
  /** Recorded answers; without it a spoken answer (mediaId) is refused. */
  recordings?: RecordingLookup;
  /** Byte cap of the cache of serialised interview pages and reports (interview-read-cache.ts); 32 MiB by default. */
  readCacheBytes?: number;
  /** How long an answer waits for its grade before it is acknowledged pending; by default until graded. */
  answerWait?: AnswerWait;
}

/**
 * What the practice and assigned halves of the feature share: reads, access, the view of an
 * interview, and how notices are addressed. Each half takes this and nothing from the other.
 */
export function createInterviewContext(deps: InterviewDeps) {
  const { config } = deps;
  const reads = createInterviewReads(deps.db);
  return {
    ...deps,
    reads,
    access: createInterviewAccess(deps.orgAccess),
    view: createInterviewView(reads, deps.clock, deps.coding),
    notices: (now: Date): NoticeContext => ({ url: (path) => linkUrl(config, path), now }),
    /** The invite's organizer when the scheduling coach's account is gone. */
    fallbackOrganizer: parseMailbox(config.mailFrom),
    onJobWarning: (err: unknown, msg: string) => deps.log?.warn({ err }, msg),
  };
}

export type InterviewContext = ReturnType<typeof createInterviewContext>;

/** "Panelist <no-reply@example.com>" → name and address. */
function parseMailbox(from: string): { name: string; email: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  if (m) return { name: m[1]!.trim() || 'Panelist', email: m[2]!.trim() };
  return { name: 'Panelist', email: from.trim() };
}
