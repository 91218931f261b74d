import { z } from 'zod';
import { id, isoDateTime } from './common.js';

/** Where resumable (tus 1.0.0) uploads of recorded answers go; the media id is the last path segment of the Location. */
export const UPLOADS_PATH = '/api/v1/uploads';

/** Containers a recording may be in, as read from its bytes. */
export const MEDIA_MIME_TYPES = [
  'video/webm',
  'audio/webm',
  'audio/ogg',
  'video/ogg',
  'audio/opus',
  'video/mp4',
  'audio/mp4',
  'audio/x-m4a',
  'audio/wav',
] as const;

/** What the client declares in Upload-Metadata (base64 values, as tus wants). All optional. */
export const uploadMetadata = z.object({
  /** The recorder's MIME type; a hint only, the bytes decide. */
  filetype: z.string().max(100).optional(),
  /** The organization of the interview answered (its quota applies); the caller must belong to it. */
  orgId: id.optional(),
  /** The recorder's own measure of the length, in milliseconds. */
  durationMs: z.coerce
    .number()
    .int()
    .min(0)
    .max(4 * 3600 * 1000)
    .optional(),
});
export type UploadMetadata = z.infer<typeof uploadMetadata>;

export const mediaInfo = z.object({
  id,
  status: z.enum(['uploading', 'ready']),
  mimeType: z.string().nullable(),
  size: z.number().int(),
  durationMs: z.number().int().nullable(),
  createdAt: isoDateTime,
});
export type MediaInfo = z.infer<typeof mediaInfo>;

export const mediaUsage = z.object({
  usedBytes: z.number().int(),
  quotaBytes: z.number().int(),
  maxFileBytes: z.number().int(),
});
export type MediaUsage = z.infer<typeof mediaUsage>;

/** A word of a transcript with where it was said in the recording, in seconds. */
export const timedWord = z.object({ word: z.string().max(100), start: z.number().min(0), end: z.number().min(0) });
export type TimedWordBody = z.infer<typeof timedWord>;

/** One caption of a recorded answer, in seconds from its start. */
export const caption = z.object({ start: z.number(), end: z.number(), text: z.string() });
export type Caption = z.infer<typeof caption>;

export const transcriptionBody = z.object({
  /** The interview's language (ISO 639-1): a recording in another language is refused, not graded. */
  language: z.string().trim().min(2).max(10).optional(),
});
export type TranscriptionBody = z.infer<typeof transcriptionBody>;

export const transcription = z.object({
  text: z.string(),
  language: z.string().nullable(),
  words: z.array(timedWord),
});
export type Transcription = z.infer<typeof transcription>;

/** A silence inside the answer: from the transcript's word timings or the recording's voice activity. */
export const deliveryPause = z.object({ startSeconds: z.number(), seconds: z.number() });

/** How an answer was spoken: from the transcript, its word timings when known, and the recording when it can be decoded. */
export const delivery = z.object({
  words: z.number().int(),
  /** Time from the first word to the last; null without timings or a recording length. */
  speakingSeconds: z.number().nullable(),
  wordsPerMinute: z.number().nullable(),
  pauses: z.array(deliveryPause),
  longestPauseSeconds: z.number().nullable(),
  fillers: z.array(z.object({ word: z.string(), count: z.number().int() })),
  fillersPer100Words: z.number(),
  hedges: z.array(z.object({ phrase: z.string(), count: z.number().int() })),
  /** Plain advice, one sentence each. */
  advice: z.array(z.string()),
  /** From the recording: where speech starts in it (captions are laid over the voiced time from there). */
  speechStartSeconds: z.number().optional(),
  /** Where the pauses come from: the transcript's word timings or the recording's voice activity. */
  pausesFrom: z.enum(['words', 'voice']).optional(),
  /** From the recording: spread of the voice's pitch (standard deviation, semitones) and whether it sounds flat. */
  pitchVariationSemitones: z.number().nullable().optional(),
  monotone: z.boolean().nullable().optional(),
  /** From the recording: level of the voiced parts (dBFS) and the share of samples at full scale. */
  loudnessDbfs: z.number().optional(),
  clippedPercent: z.number().optional(),
});
export type Delivery = z.infer<typeof delivery>;

/** The spoken answers of one interview taken together (the report's "How you spoke"). */
export const deliverySummary = z.object({
  spokenAnswers: z.number().int(),
  words: z.number().int(),
  /** Words over voiced time across the answers that have a time; null when none has. */
  wordsPerMinute: z.number().nullable(),
  fillersPer100Words: z.number(),
  hedges: z.number().int(),
  longestPauseSeconds: z.number().nullable(),
  /** Mean pitch spread of the answers measured from their recordings; null when none was. */
  pitchVariationSemitones: z.number().nullable(),
  advice: z.array(z.string()),
});
export type DeliverySummary = z.infer<typeof deliverySummary>;
export type DeliveryPause = z.infer<typeof deliveryPause>;

/** How long an organization keeps its recorded answers (GET/PUT /api/v1/orgs/:orgId/recording-retention). */
export const recordingRetention = z.object({ days: z.number().int().min(1).max(3650) });
export type RecordingRetention = z.infer<typeof recordingRetention>;
