import { z } from 'zod';
import { id, isoDateTime } from './common.js';

/** How closely an assigned interview is observed: nothing, the browser (tabs, focus, fullscreen, paste, screens), or also the camera. */
export const PROCTORING_LEVELS = ['off', 'light', 'full'] as const;
export const proctoringLevel = z.enum(PROCTORING_LEVELS);
export type ProctoringLevel = z.infer<typeof proctoringLevel>;

export const PRECHECK_NAMES = ['browser', 'fullscreen', 'single_screen', 'camera', 'face', 'microphone', 'speaker', 'network'] as const;
export const precheckName = z.enum(PRECHECK_NAMES);
export type PrecheckName = z.infer<typeof precheckName>;

/** What each level requires to pass; `single_screen` may be "unknown" where the browser cannot tell (it then passes with a warning). */
export const REQUIRED_PRECHECKS: Record<ProctoringLevel, readonly PrecheckName[]> = {
  off: [],
  light: ['browser', 'fullscreen', 'single_screen', 'network'],
  full: ['browser', 'fullscreen', 'single_screen', 'camera', 'face', 'microphone', 'speaker', 'network'],
};

export const precheckBody = z.object({
  checks: z
    .array(
      z.object({
        name: precheckName,
        /** `null`: the browser cannot tell (e.g. no Window Management API for single_screen). */
        passed: z.boolean().nullable(),
        detail: z.string().trim().max(300).optional(),
      }),
    )
    .min(1)
    .max(PRECHECK_NAMES.length)
    .refine((cs) => new Set(cs.map((c) => c.name)).size === cs.length, 'each check appears once'),
  warnings: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
  userAgent: z.string().trim().min(1).max(500),
});
export type PrecheckBody = z.infer<typeof precheckBody>;

export const precheckResult = z.object({
  passed: z.boolean(),
  level: proctoringLevel,
  /** The required checks that did not pass (missing ones included). */
  failed: z.array(precheckName),
  checks: precheckBody.shape.checks,
  warnings: z.array(z.string()),
  userAgent: z.string(),
  at: isoDateTime,
});
export type PrecheckResult = z.infer<typeof precheckResult>;

export const INTEGRITY_EVENT_KINDS = [
  'tab_hidden',
  'window_blur',
  'fullscreen_exit',
  'copy',
  'cut',
  'paste',
  'context_menu',
  'devtools_shortcut',
  'screen_added',
  'face_missing',
  'multiple_faces',
  'idle',
  'offline',
  'online',
] as const;
export const integrityEventKind = z.enum(INTEGRITY_EVENT_KINDS);
export type IntegrityEventKind = z.infer<typeof integrityEventKind>;

const detailValue = z.union([z.string().max(200), z.number().finite(), z.boolean(), z.null()]);

/** One observed event as the browser chains it: hash = sha256hex(previous hash or integrityNonce + canonicalJson(event without hash)). */
export const integrityEvent = z.object({
  seq: z.number().int().min(1),
  kind: integrityEventKind,
  at: isoDateTime,
  /** Flat facts, e.g. {length: 120, fromOutside: true, questionId}; no text the candidate typed or pasted. */
  details: z.record(z.string().max(40), detailValue).refine((d) => Object.keys(d).length <= 12, 'at most 12 details'),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'lowercase hex SHA-256'),
});
export type IntegrityEvent = z.infer<typeof integrityEvent>;
export type UnhashedIntegrityEvent = Omit<IntegrityEvent, 'hash'>;

export const integrityEventsBody = z.object({ events: z.array(integrityEvent).min(1).max(200) });
export type IntegrityEventsBody = z.infer<typeof integrityEventsBody>;

/** What thresholds count: a tab switch is tab_hidden; suspicious input is a paste from outside the page, a devtools shortcut or a context menu. */
export const THRESHOLD_CATEGORIES = ['face_missing', 'tab_switch', 'fullscreen_exit', 'multiple_faces', 'suspicious_input'] as const;
export const thresholdCategory = z.enum(THRESHOLD_CATEGORIES);
export type ThresholdCategory = z.infer<typeof thresholdCategory>;

export const thresholds = z.object(
  Object.fromEntries(THRESHOLD_CATEGORIES.map((c) => [c, z.number().int().min(1).max(1000)])) as Record<ThresholdCategory, z.ZodNumber>,
);
export type Thresholds = Record<ThresholdCategory, number>;

export const DEFAULT_THRESHOLDS: Thresholds = {
  face_missing: 3,
  tab_switch: 2,
  fullscreen_exit: 1,
  multiple_faces: 1,
  suspicious_input: 5,
};

/** An organization's choice: thresholds are advisory (a flag for review) unless it asks to terminate. */
export const proctoringSettings = z.object({
  thresholds,
  terminateOnThreshold: z.boolean(),
});
export type ProctoringSettings = z.infer<typeof proctoringSettings>;
export const proctoringSettingsBody = z.object({
  thresholds: thresholds.partial().optional(),
  terminateOnThreshold: z.boolean().optional(),
});
export type ProctoringSettingsBody = z.infer<typeof proctoringSettingsBody>;
export const orgIdParams = z.object({ orgId: id });

export const integrityWarning = z.object({
  category: thresholdCategory,
  count: z.number().int(),
  threshold: z.number().int(),
  message: z.string(),
});
export type IntegrityWarning = z.infer<typeof integrityWarning>;

export const categoryCounts = z.record(thresholdCategory, z.number().int());

/** The answer to the candidate's batch: where the chain stands now, counts and warnings (thresholds reached). */
export const integrityReceipt = z.object({
  accepted: z.number().int(),
  nextSeq: z.number().int(),
  lastHash: z.string(),
  counts: categoryCounts,
  /** Thresholds reached by this batch. */
  newWarnings: z.array(integrityWarning),
  warnings: z.array(integrityWarning),
  terminated: z.boolean(),
});
export type IntegrityReceipt = z.infer<typeof integrityReceipt>;

export const TAMPER_PROBLEMS = ['gap', 'out_of_order', 'replay', 'broken_hash'] as const;
export const tamperProblem = z.enum(TAMPER_PROBLEMS);
export type TamperProblem = z.infer<typeof tamperProblem>;

export const storedIntegrityEvent = integrityEvent.extend({
  position: z.number().int(),
  receivedAt: isoDateTime,
  problem: tamperProblem.nullable(),
});
export type StoredIntegrityEvent = z.infer<typeof storedIntegrityEvent>;

export const integrityFlag = z.object({
  id,
  kind: z.enum(['threshold', 'similarity', 'typing', 'tampered']),
  category: z.string(),
  message: z.string(),
  createdAt: isoDateTime,
  reviewedAt: isoDateTime.nullable(),
  reviewedBy: z.object({ id, name: z.string() }).nullable(),
  reviewNote: z.string().nullable(),
});
export type IntegrityFlag = z.infer<typeof integrityFlag>;
export const reviewFlagParams = z.object({ id, flagId: id });
export const reviewFlagBody = z.object({ note: z.string().trim().min(1).max(2000) });
export type ReviewFlagBody = z.infer<typeof reviewFlagBody>;

export const similarityMatch = z.object({
  questionId: id,
  /** Another candidate's answer in the organization, or the question's reference answer. */
  source: z.enum(['other_answer', 'reference_answer']),
  otherInterviewId: id.nullable(),
  shingleSimilarity: z.number().min(0).max(1),
  embeddingSimilarity: z.number().min(-1).max(1).nullable(),
  passages: z.array(z.object({ answer: z.string(), other: z.string() })),
});
export type SimilarityMatch = z.infer<typeof similarityMatch>;

export const typingSignals = z.object({
  questionId: id,
  pastedShare: z.number().min(0).max(1),
  charsPerSecond: z.number().min(0).nullable(),
  oneBurst: z.boolean(),
});
export type TypingSignals = z.infer<typeof typingSignals>;

/** For the interview's staff: the whole log with its verification. */
export const integrityReport = z.object({
  interviewId: id,
  level: proctoringLevel,
  chainValid: z.boolean(),
  /** The seq of the first event found edited, missing, reordered or replayed. */
  tamperedAt: z.number().int().nullable(),
  tamperProblem: tamperProblem.nullable(),
  counts: z.partialRecord(integrityEventKind, z.number().int()),
  categoryCounts,
  thresholds,
  terminateOnThreshold: z.boolean(),
  precheck: precheckResult.nullable(),
  events: z.array(storedIntegrityEvent),
  flags: z.array(integrityFlag),
  similarity: z.array(similarityMatch),
  typing: z.array(typingSignals),
  terminatedReason: z.string().nullable(),
});
export type IntegrityReport = z.infer<typeof integrityReport>;

/** For the candidate: their own counts and warnings, and where to continue the chain after a reload. */
export const candidateIntegrity = z.object({
  interviewId: id,
  level: proctoringLevel,
  precheck: precheckResult.nullable(),
  categoryCounts,
  thresholds,
  warnings: z.array(integrityWarning),
  nextSeq: z.number().int(),
  lastHash: z.string().nullable(),
});
export type CandidateIntegrity = z.infer<typeof candidateIntegrity>;

export const integrityView = z.discriminatedUnion('viewer', [
  integrityReport.extend({ viewer: z.literal('staff') }),
  candidateIntegrity.extend({ viewer: z.literal('candidate') }),
]);
export type IntegrityView = z.infer<typeof integrityView>;

/**
 * RFC 8785 (JSON Canonicalization Scheme) for the values events hold: object keys sorted by
 * UTF-16 code units, no whitespace, strings and numbers serialized as ECMAScript's JSON does
 * (which is what the RFC specifies). Shared by the browser, which hashes, and the server, which checks.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('RFC 8785 has no representation for NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`RFC 8785 cannot serialize a ${typeof value}`);
}

/** The exact text hashed for an event: the previous hash (or the nonce) followed directly by the event's canonical JSON without its hash. */
export function chainText(previous: string, event: UnhashedIntegrityEvent | IntegrityEvent): string {
  const { seq, kind, at, details } = event;
  return previous + canonicalJson({ seq, kind, at, details });
}
