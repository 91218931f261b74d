import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problem } from '../../contract/common.js';
import {
  analysisBody,
  atsAnalysis,
  MAX_RESUME_BYTES,
  resume,
  resumeList,
  resumeOwnerQuery,
  updateResumeBody,
} from '../../contract/resumes.js';
import { AppError } from '../../core/errors.js';
import { requireActor } from '../auth/auth.plugin.js';
import { attachmentDisposition, displayFileName } from './resume-file-names.js';
import type { ResumesService, UploadedFile } from './resumes.service.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 413: problem, 415: problem, 422: problem };
const FILE_FIELD = 'file';
/** Room for the part headers and boundaries around a file of the largest allowed size. */
const MULTIPART_OVERHEAD = 64 * 1024;
const tooLarge = () => new AppError('payload_too_large', `The file is larger than ${MAX_RESUME_BYTES / (1024 * 1024)} MB.`);

/**
 * Reads the one file part into memory, stopping at the size limit: busboy cuts the file at
 * `fileSize` and marks it truncated, and the upload is refused then, without waiting for or
 * keeping the rest of the body.
 */
async function receiveFile(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', `Send the resume as multipart/form-data in the field "${FILE_FIELD}".`);
  }
  let part;
  try {
    part = await request.file();
  } catch (error) {
    throw asUploadError(error);
  }
  if (!part) throw new AppError('bad_request', `Attach the resume in the multipart field "${FILE_FIELD}".`);
  if (part.fieldname !== FILE_FIELD) {
    part.file.resume();
    throw new AppError('bad_request', `Attach the resume in the multipart field "${FILE_FIELD}".`);
  }
  const file = part.file;
  const chunks: Buffer[] = [];
  let size = 0;
  // busboy stops passing data at the limit but keeps the part open until the body ends. The
  // 'limit' event answers at once, while the loop drains the rest without keeping it. (Closing
  // the connection instead would lose the answer: a socket closed with unread data is reset.)
  const limitReached = new Promise<never>((_, reject) => file.once('limit', () => reject(tooLarge())));
  const collect = (async () => {
    for await (const chunk of file as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (!file.truncated && size <= MAX_RESUME_BYTES) chunks.push(chunk);
    }
    if (file.truncated || size > MAX_RESUME_BYTES) throw tooLarge();
  })();
  collect.catch(() => undefined);
  limitReached.catch(() => undefined);
  try {
    await Promise.race([collect, limitReached]);
  } catch (error) {
    chunks.length = 0;
    throw asUploadError(error);
  }
  return { fileName: displayFileName(part.filename), content: Buffer.concat(chunks, size) };
}

/** The multipart plugin's own errors, in our vocabulary. */
function asUploadError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : new AppError('payload_too_large', 'Send one file and nothing else.');
  }
  if (typeof code === 'string' && code.startsWith('FST_')) return new AppError('bad_request', 'The multipart body could not be read.');
  if (error instanceof Error && /multipart|boundary|part terminated|unexpected end/i.test(error.message)) {
    return new AppError('bad_request', 'The multipart body could not be read.');
  }
  return error;
}

export async function resumesRoutes(app: FastifyInstance, opts: { resumes: ResumesService }) {
  const { resumes } = opts;
  // Scoped to these routes: nowhere else accepts multipart bodies.
  await app.register(multipart, { limits: { fileSize: MAX_RESUME_BYTES, files: 1, fields: 5, parts: 6 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['resumes'];

  r.post(
    '/resumes',
    {
      schema: {
        tags,
        summary: 'Upload a resume (PDF, DOCX or TXT, at most 10 MB) as multipart field "file"; coaches add ?candidateId=',
        consumes: ['multipart/form-data'],
        querystring: resumeOwnerQuery,
        response: { 201: resume, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await resumes.uploadTarget(actor, request.query.candidateId);
      // A declared length far over the limit is refused before reading anything (Node drains it).
      if (Number(request.headers['content-length']) > MAX_RESUME_BYTES + MULTIPART_OVERHEAD) throw tooLarge();
      const file = await receiveFile(request);
      return reply.status(201).send(await resumes.upload(actor, request.query.candidateId, file));
    },
  );

  r.get(
    '/resumes',
    {
      schema: {
        tags,
        summary: 'Your resumes (or an assigned candidate’s with ?candidateId=), newest first',
        querystring: resumeOwnerQuery,
        response: { 200: resumeList, ...errors },
      },
    },
    async (request) => resumes.list(requireActor(request), request.query.candidateId),
  );

  r.get(
    '/resumes/:id',
    {
      schema: { tags, summary: 'One resume with what was read from it', params: idParams, response: { 200: resume, ...errors } },
    },
    async (request) => resumes.get(requireActor(request), request.params.id),
  );

  r.get(
    '/resumes/:id/file',
    {
      schema: {
        tags,
        summary: 'Download the uploaded file',
        params: idParams,
        response: { 200: z.unknown().describe('The file, as an attachment'), ...errors },
      },
    },
    async (request, reply) => {
      const file = await resumes.download(requireActor(request), request.params.id);
      return reply
        .header('content-type', file.mimeType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mimeType)
        .header('content-length', String(file.size))
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(file.stream);
    },
  );

  r.patch(
    '/resumes/:id',
    {
      schema: {
        tags,
        summary: 'Correct what was read, or make this the active resume (owner only)',
        params: idParams,
        body: updateResumeBody,
        response: { 200: resume, ...errors },
      },
    },
    async (request) => resumes.update(requireActor(request), request.params.id, request.body),
  );

  r.delete(
    '/resumes/:id',
    {
      schema: { tags, summary: 'Delete a resume and its file (owner only)', params: idParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await resumes.remove(requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/resumes/:id/analysis',
    {
      schema: {
        tags,
        summary: 'ATS score and gap analysis against a job description',
        params: idParams,
        body: analysisBody,
        response: { 200: atsAnalysis, ...errors },
      },
    },
    async (request) => resumes.analyze(requireActor(request), request.params.id, request.body),
  );
}
