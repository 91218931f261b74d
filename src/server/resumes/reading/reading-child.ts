/**
 * The reading process: reads one resume or job description at a time for the server (see
 * reading-process.ts), so a hostile file or text burns this process's time and memory, never the
 * server's event loop. Started from dist/server/reading-child.mjs (precompiled) or, in development,
 * from reading-child.mjs, which registers tsx first.
 */
import type { ExtractedSkills } from '../../../contract/job-descriptions.js';
import type { ResumeMimeType } from '../../../contract/resumes.js';
import { AppError } from '../../../core/errors.js';
import { readJobDescription } from '../../job-descriptions/read-job-description.js';
import { loadSkillsTaxonomy } from '../../skills/skills-taxonomy.js';
import { stopOcrEngine } from './ocr-pdf.js';
import { readResume } from './read-resume.js';

export interface ReadRequest {
  id: number;
  kind?: 'resume';
  file: Uint8Array;
  mimeType: ResumeMimeType;
  /** ISO time: "present" in job dates is measured to it. */
  now: string;
  timeoutMs: number;
}

/** A job description's text, read for its skills and required years. */
export interface JobRequest {
  id: number;
  kind: 'job';
  text: string;
  timeoutMs: number;
}

export type ReadReply =
  | { id: number; ok: true; reading: Awaited<ReturnType<typeof readResume>> }
  | { id: number; ok: true; extracted: ExtractedSkills }
  | { id: number; ok: false; code: string; message: string; details?: Record<string, unknown> };

const taxonomy = await loadSkillsTaxonomy(process.env.PANELIST_SKILLS_FILE || undefined);

process.on('message', (message: ReadRequest | JobRequest) => {
  void (async () => {
    let reply: ReadReply;
    try {
      if (message.kind === 'job') {
        process.send?.({ id: message.id, ok: true, extracted: readJobDescription(message.text, taxonomy) } satisfies ReadReply);
        return;
      }
      const reading = await readResume(
        Buffer.from(message.file.buffer, message.file.byteOffset, message.file.byteLength),
        message.mimeType,
        taxonomy,
        {
          now: new Date(message.now),
          timeoutMs: message.timeoutMs,
          ocr: true,
        },
      );
      reply = { id: message.id, ok: true, reading };
    } catch (error) {
      reply =
        error instanceof AppError
          ? { id: message.id, ok: false, code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) }
          : { id: message.id, ok: false, code: 'unprocessable', message: 'This file could not be read.' };
    }
    process.send?.(reply);
  })();
});

process.on('disconnect', () => {
  void stopOcrEngine().finally(() => process.exit(0));
});

process.send?.({ ready: true });
