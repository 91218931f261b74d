import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { and, count, desc, eq, ne } from 'drizzle-orm';
import type {
  AnalysesQuery,
  AnalysisBody,
  ParsedResume,
  Resume,
  ResumeFlags,
  ResumeList,
  ResumeMimeType,
  SavedAtsAnalysis,
  SavedAtsAnalysisList,
  SuspiciousText,
  UpdateResumeBody,
} from '../../contract/resumes.js';
import { analyzeResume, type AtsJob } from '../../core/ats/analyze-resume.js';
import { AppError, notFound } from '../../core/errors.js';
import { refuseActivePdf } from './reading/pdf-active-content.js';
import { PDF_TYPE } from './reading/sniff-resume-type.js';
import type { TextAnalyzer } from '../../core/evaluation/analyzed-text.js';
import type { SkillTaxonomy } from '../../core/skills/taxonomy.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import { newStorageKey, type FileStorage } from '../files/file-storage.js';
import { newId } from '../ids.js';
import type { JobDescriptionsService } from '../job-descriptions/job-descriptions.service.js';
import type { OrgAccess } from '../orgs/org-access.js';
import { downloadFileName } from './resume-file-names.js';
import { resumeAnalyses, resumes } from './resumes.table.js';

type Row = typeof resumes.$inferSelect;

/** Rows stored before OCR existed carry no OCR fields. */
const NO_OCR: Pick<ResumeFlags, 'ocr' | 'ocrConfidence'> = { ocr: false, ocrConfidence: null };

/** What reading a resume file yields (see reading/read-resume.ts). */
export interface ReadResumeResult {
  status: 'parsed' | 'no_text';
  warnings: string[];
  flags: ResumeFlags;
  suspicious: SuspiciousText[];
  parsed: ParsedResume;
  trustedText: string;
}

/**
 * Decides a file's type by its content and reads it; throws AppError 422 for a file it cannot
 * read. The server's reader works in a separate process (reading/reading-process.ts).
 */
export interface ResumeReader {
  sniff(head: Buffer): ResumeMimeType | null;
  read(file: Buffer, mimeType: ResumeMimeType, options: { now: Date }): Promise<ReadResumeResult>;
}

export interface UploadedFile {
  /** Already sanitized for display (see displayFileName). */
  fileName: string;
  content: Buffer;
}

export interface ResumeDownload {
  stream: Readable;
  mimeType: ResumeMimeType;
  fileName: string;
  size: number;
}

export type ResumesService = ReturnType<typeof createResumesService>;

export function createResumesService(deps: {
  db: Database;
  clock: Clock;
  orgAccess: OrgAccess;
  storage: FileStorage;
  skills: SkillTaxonomy;
  reader: ResumeReader;
  /** Made on first use: loading the language model is not free. */
  analyzer: () => TextAnalyzer;
  jobDescriptions: Pick<JobDescriptionsService, 'forTailoring' | 'extractSkills'>;
  /** Where a file that could not be removed is reported. */
  log?: { warn(obj: object, msg: string): void };
}) {
  const { db, clock, orgAccess, storage, skills, reader } = deps;

  /** Owner and coaches (assigned coach or org admin) may read; anyone else sees a 404. */
  async function loadReadable(actor: Actor, id: string): Promise<{ row: Row; owner: boolean }> {
    const [row] = await db.select().from(resumes).where(eq(resumes.id, id));
    if (!row) throw notFound('Resume');
    if (row.ownerId === actor.userId) return { row, owner: true };
    if ((await orgAccess.orgsWhereCoaching(actor, row.ownerId)).length > 0) return { row, owner: false };
    throw notFound('Resume');
  }

  /** Changes are the owner's alone: a coach who may read it gets 403. */
  async function loadOwned(actor: Actor, id: string): Promise<Row> {
    const { row, owner } = await loadReadable(actor, id);
    if (!owner) throw new AppError('forbidden', 'Only the candidate can change their resume.');
    return row;
  }

  /** Whose resumes the caller acts on: their own, or an assigned candidate's (404 otherwise). */
  async function ownerFor(actor: Actor, candidateId: string | undefined): Promise<string> {
    if (!candidateId || candidateId === actor.userId) return actor.userId;
    if ((await orgAccess.orgsWhereCoaching(actor, candidateId)).length === 0) throw notFound('Candidate');
    return candidateId;
  }

  function toSavedAnalysis(a: typeof resumeAnalyses.$inferSelect): SavedAtsAnalysis {
    return { ...a.analysis, id: a.id, resumeId: a.resumeId, createdAt: a.createdAt.toISOString() };
  }

  function mergedParse(row: Row): ParsedResume {
    return { ...row.parsedOriginal, ...row.corrections };
  }

  function toResume(row: Row): Resume {
    return {
      id: row.id,
      ownerId: row.ownerId,
      fileName: row.fileName,
      mimeType: row.mimeType as ResumeMimeType,
      size: row.size,
      status: row.status,
      warnings: row.warnings,
      flags: { ...NO_OCR, ...row.flags },
      suspicious: row.suspicious,
      parsed: mergedParse(row),
      corrected: Object.keys(row.corrections).sort(),
      active: row.active,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function hasActive(ownerId: string, tx: DbOrTx): Promise<boolean> {
    const [row] = await tx
      .select({ id: resumes.id })
      .from(resumes)
      .where(and(eq(resumes.ownerId, ownerId), eq(resumes.active, true)));
    return row !== undefined;
  }

  async function removeFile(key: string): Promise<void> {
    try {
      await storage.delete(key);
    } catch (error) {
      deps.log?.warn({ err: error, storageKey: key }, 'could not remove a resume file');
    }
  }

  async function jobFor(actor: Actor, row: Row, body: AnalysisBody): Promise<AtsJob> {
    if (body.jobDescriptionId) {
      const jd = await deps.jobDescriptions.forTailoring(actor, body.jobDescriptionId, row.ownerId);
      return {
        id: jd.id,
        title: jd.title,
        level: jd.level,
        text: jd.text,
        requiredSkills: jd.requiredSkills,
        niceToHaveSkills: jd.niceToHaveSkills,
        requiredYears: jd.requiredYears,
      };
    }
    const text = body.jobDescriptionText!;
    const extracted = await deps.jobDescriptions.extractSkills(text);
    return { id: null, title: null, level: null, text, ...extracted };
  }

  return {
    /** Checked before the upload is read, so a caller who may not upload costs no bandwidth. */
    async uploadTarget(actor: Actor, candidateId: string | undefined): Promise<string> {
      return ownerFor(actor, candidateId);
    },

    /**
     * Stores a resume after its content proved to be a readable PDF, DOCX or plain text. The
     * file goes to storage before the row is written and is removed again if the row cannot
     * be, so a failure leaves neither behind. The owner's first resume becomes the active one.
     */
    async upload(actor: Actor, candidateId: string | undefined, file: UploadedFile): Promise<Resume> {
      const ownerId = await ownerFor(actor, candidateId);
      if (file.content.length === 0) throw new AppError('unprocessable', 'The file is empty.');
      // The whole file: a DOCX is told from other zips by its central directory, at the end.
      const mimeType = reader.sniff(file.content);
      if (!mimeType) throw new AppError('unsupported_media_type', 'Upload a PDF, a Word document (.docx) or a plain-text file.');
      if (mimeType === PDF_TYPE) refuseActivePdf(file.content);
      const read = await reader.read(file.content, mimeType, { now: clock.now() });
      const storageKey = newStorageKey('resumes');
      await storage.put(storageKey, file.content);
      const now = clock.now();
      const row: Row = {
        id: newId(),
        ownerId,
        uploadedBy: actor.userId,
        fileName: file.fileName,
        mimeType,
        size: file.content.length,
        storageKey,
        sha256: createHash('sha256').update(file.content).digest('hex'),
        status: read.status,
        warnings: read.warnings,
        flags: read.flags,
        suspicious: read.suspicious,
        parsedOriginal: read.parsed,
        corrections: {},
        trustedText: read.trustedText,
        active: false,
        createdAt: now,
        updatedAt: now,
      };
      try {
        const insert = async (active: boolean) =>
          db.transaction(async (tx) => {
            const value = { ...row, active: active && !(await hasActive(ownerId, tx)) };
            await tx.insert(resumes).values(value);
            return value;
          });
        try {
          return toResume(await insert(true));
        } catch (error) {
          // Two first uploads at once: the other one became active.
          if (!isUniqueViolation(error)) throw error;
          return toResume(await insert(false));
        }
      } catch (error) {
        await removeFile(storageKey);
        throw error;
      }
    },

    async list(actor: Actor, candidateId: string | undefined): Promise<ResumeList> {
      const ownerId = await ownerFor(actor, candidateId);
      const rows = await db.select().from(resumes).where(eq(resumes.ownerId, ownerId)).orderBy(desc(resumes.createdAt), desc(resumes.id));
      return { items: rows.map(toResume) };
    },

    async get(actor: Actor, id: string): Promise<Resume> {
      return toResume((await loadReadable(actor, id)).row);
    },

    async download(actor: Actor, id: string): Promise<ResumeDownload> {
      const { row } = await loadReadable(actor, id);
      const mimeType = row.mimeType as ResumeMimeType;
      return { stream: storage.get(row.storageKey), mimeType, fileName: downloadFileName(row.fileName, mimeType), size: row.size };
    },

    /** Corrections are kept apart from the parse, field by field; `active: true` switches the active resume. */
    async update(actor: Actor, id: string, body: UpdateResumeBody): Promise<Resume> {
      const row = await loadOwned(actor, id);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const [current] = await tx.select().from(resumes).where(eq(resumes.id, id)).for('update');
        if (!current) throw notFound('Resume');
        const corrections = body.parsed ? { ...current.corrections, ...stripUndefined(body.parsed) } : current.corrections;
        if (body.active && !current.active) {
          // Off first: the partial unique index allows one active resume per owner.
          await tx
            .update(resumes)
            .set({ active: false, updatedAt: now })
            .where(and(eq(resumes.ownerId, row.ownerId), eq(resumes.active, true)));
        }
        const [updated] = await tx
          .update(resumes)
          .set({ corrections, active: body.active ? true : current.active, updatedAt: now })
          .where(eq(resumes.id, id))
          .returning();
        return toResume(updated!);
      });
    },

    /** Removes row and file; when the active resume goes, the newest remaining one takes over. */
    async remove(actor: Actor, id: string): Promise<void> {
      const row = await loadOwned(actor, id);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const [gone] = await tx.delete(resumes).where(eq(resumes.id, id)).returning();
        if (!gone) throw notFound('Resume');
        if (!gone.active) return;
        const [next] = await tx
          .select({ id: resumes.id })
          .from(resumes)
          .where(and(eq(resumes.ownerId, gone.ownerId), ne(resumes.id, id)))
          .orderBy(desc(resumes.createdAt), desc(resumes.id))
          .limit(1);
        if (next) await tx.update(resumes).set({ active: true, updatedAt: now }).where(eq(resumes.id, next.id));
      });
      await removeFile(row.storageKey);
    },

    /** The resume against a stored job description (one the caller may see) or a pasted one. */
    /** Runs an ATS analysis and keeps it, so past runs can be listed (owner and their coaches). */
    async analyze(actor: Actor, id: string, body: AnalysisBody): Promise<SavedAtsAnalysis> {
      const { row } = await loadReadable(actor, id);
      const job = await jobFor(actor, row, body);
      const analysis = analyzeResume({
        resume: { parsed: mergedParse(row), text: row.trustedText, flags: row.flags },
        job,
        taxonomy: skills,
        analyzer: deps.analyzer(),
        today: clock.now().toISOString().slice(0, 7),
      });
      const saved = {
        id: newId(),
        resumeId: row.id,
        requestedBy: actor.userId,
        jobDescriptionId: job.id,
        score: analysis.score,
        analysis,
        createdAt: clock.now(),
      };
      await db.insert(resumeAnalyses).values(saved);
      return toSavedAnalysis(saved);
    },

    /** Past analyses of a resume, newest first; whoever may read the resume may read them. */
    async analyses(actor: Actor, id: string, query: AnalysesQuery): Promise<SavedAtsAnalysisList> {
      const { row } = await loadReadable(actor, id);
      const [counted] = await db.select({ total: count() }).from(resumeAnalyses).where(eq(resumeAnalyses.resumeId, row.id));
      const total = counted?.total ?? 0;
      const rows = await db
        .select()
        .from(resumeAnalyses)
        .where(eq(resumeAnalyses.resumeId, row.id))
        .orderBy(desc(resumeAnalyses.createdAt), desc(resumeAnalyses.id))
        .limit(query.limit)
        .offset((query.page - 1) * query.limit);
      return { items: rows.map(toSavedAnalysis), total, page: query.page, limit: query.limit, pages: Math.ceil(total / query.limit) };
    },

    /**
     * For the interviews feature: the trusted text (hidden and instruction-like parts removed)
     * and skills of a resume that belongs to `candidateId`, when the caller is that candidate
     * or coaches them. Anything else is a 404.
     */
    async forTailoring(actor: Actor, resumeId: string, candidateId: string): Promise<{ text: string; skills: string[] }> {
      const { row } = await loadReadable(actor, resumeId);
      if (row.ownerId !== candidateId) throw notFound('Resume');
      return { text: row.trustedText, skills: mergedParse(row).skills };
    },

    /** The candidate's active resume, unchecked: for server-side callers that did their own checks. */
    async activeResumeOf(candidateId: string): Promise<Resume | null> {
      const [row] = await db
        .select()
        .from(resumes)
        .where(and(eq(resumes.ownerId, candidateId), eq(resumes.active, true)));
      return row ? toResume(row) : null;
    },
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
