import { readdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../contract/auth.js';
import type { JobDescription } from '../../contract/job-descriptions.js';
import {
  MAX_RESUME_BYTES,
  type AtsAnalysis,
  type Resume,
  type ResumeList,
  type SavedAtsAnalysis,
  type SavedAtsAnalysisList,
} from '../../contract/resumes.js';
import { createOrgAccess } from '../orgs/org-access.js';
import { readJobDescription } from '../job-descriptions/read-job-description.js';
import { createJobDescriptionsService } from '../job-descriptions/job-descriptions.service.js';
import { createLocalFileStorage } from '../files/file-storage.js';
import { loadSkillsTaxonomy } from '../skills/skills-taxonomy.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
import { readResume, sniffResumeType } from './reading/read-resume.js';
import { createResumesService } from './resumes.service.js';
import { resumeAnalyses, resumes } from './resumes.table.js';

const FIXTURES = path.join(import.meta.dirname, '../../../test/fixtures/resumes');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let t: TestApp;
let acme: OrgFixture;
let globex: OrgFixture;
let outsider: Browser;

beforeAll(async () => {
  t = await createTestApp();
  // Coach 0 coaches candidate 0; coach 1 coaches candidate 1 only.
  acme = await createOrgFixture(t, {
    coaches: 2,
    candidates: 2,
    assign: [
      [0, 0],
      [1, 1],
    ],
  });
  globex = await createOrgFixture(t, { name: 'Globex', coaches: 1, candidates: 1 });
  outsider = await registerUser(t.app, { name: 'Outsider' });
});
afterAll(async () => {
  await t?.close();
});

const candidate = () => acme.candidates[0]!;
const otherCandidate = () => acme.candidates[1]!;
const coach = () => acme.coaches[0]!;
const unassignedCoach = () => acme.coaches[1]!;

export const TXT_RESUME = `Jordan Miles
jordan.miles@example.com | +1 206 555 0182 | Seattle, WA
linkedin.com/in/jordanmiles

Summary
Backend engineer who builds reliable payment services.

Experience
Senior Backend Engineer, Northwind Payments (Mar 2019 – present)
- Built the card settlement service in Go on PostgreSQL, processing 2 million payments a day.
- Moved the platform to Kubernetes and Docker and wrote the Terraform for it.
- Ran incident response and the on-call rotation; added monitoring with Prometheus.

Software Engineer, Contoso Bank (Jun 2016 – Feb 2019)
- Wrote Java services for merchant onboarding and reconciliation.

Skills
Go, Java, PostgreSQL, Kubernetes, Docker, Terraform, Kafka

Education
BSc Computer Science, University of Washington, 2016
`;

const BOUNDARY = '----panelist-test-boundary';

function multipart(content: Buffer | string, fileName: string, opts: { field?: string; contentType?: string; extraField?: boolean } = {}) {
  const head = Buffer.from(
    (opts.extraField ? `--${BOUNDARY}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n` : '') +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${opts.field ?? 'file'}"; filename="${fileName}"\r\n` +
      `Content-Type: ${opts.contentType ?? 'application/octet-stream'}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
}

function upload(
  b: Browser | null,
  content: Buffer | string,
  fileName = 'resume.txt',
  query = '',
  opts: Parameters<typeof multipart>[2] = {},
) {
  const { payload, headers } = multipart(content, fileName, opts);
  const request = { method: 'POST' as const, url: `/api/v1/resumes${query}`, payload, headers };
  return b ? b.request(request) : t.app.inject(request);
}

async function uploaded(b: Browser, content: Buffer | string = TXT_RESUME, fileName = 'resume.txt', query = ''): Promise<Resume> {
  const res = await upload(b, content, fileName, query);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Every file under the storage root (temporary files included). */
function storedFiles(dir = t.config.storageDir): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? storedFiles(full) : [full];
  });
}

async function rowCount(): Promise<number> {
  return (await t.database.db.select({ id: resumes.id }).from(resumes)).length;
}

/** A failed upload leaves no row and no file behind, and the server keeps answering. */
async function expectNothingLeft(res: LightMyRequestResponse, status: number, code: string, before: { rows: number; files: number }) {
  expectProblem(res, status, code);
  expect(await rowCount()).toBe(before.rows);
  expect(storedFiles()).toHaveLength(before.files);
  const health = await candidate().request({ method: 'GET', url: '/api/v1/resumes' });
  expect(health.statusCode).toBe(200);
}

async function snapshot() {
  return { rows: await rowCount(), files: storedFiles().length };
}

describe('uploading', () => {
  it('stores a plain-text resume, reads it, and makes the first one active', async () => {
    const b = await registerUser(t.app, { name: 'First Upload' });
    const before = storedFiles().length;
    const r = await uploaded(b, TXT_RESUME, 'Jordan Miles – CV.txt');
    expect(r).toMatchObject({
      ownerId: b.user.id,
      fileName: 'Jordan Miles – CV.txt',
      mimeType: 'text/plain',
      status: 'parsed',
      active: true,
      corrected: [],
    });
    expect(r.size).toBe(Buffer.byteLength(TXT_RESUME));
    expect(r.parsed.email).toBe('jordan.miles@example.com');
    expect(r.parsed.skills).toEqual(expect.arrayContaining(['Go', 'PostgreSQL', 'Kubernetes']));
    expect(storedFiles()).toHaveLength(before + 1);

    const second = await uploaded(b, TXT_RESUME.replace('Jordan', 'Jo'), 'v2.txt');
    expect(second.active).toBe(false);
    const list = (await b.request({ method: 'GET', url: '/api/v1/resumes' })).json() as ResumeList;
    expect(list.items.map((i) => i.id)).toEqual([second.id, r.id]);
  });

  it('makes exactly one of two simultaneous first uploads active', async () => {
    const b = await registerUser(t.app);
    const both = await Promise.all([upload(b, TXT_RESUME, 'a.txt'), upload(b, TXT_RESUME, 'b.txt')]);
    expect(both.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(both.filter((r) => (r.json() as Resume).active)).toHaveLength(1);
  });

  it('decides the type by content, not by name or Content-Type', async () => {
    const b = await registerUser(t.app);
    const r = await uploaded(b, TXT_RESUME, 'looks-like.pdf');
    expect(r.mimeType).toBe('text/plain');
    const before = await snapshot();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);
    await expectNothingLeft(
      await upload(b, png, 'resume.pdf', '', { contentType: 'application/pdf' }),
      415,
      'unsupported_media_type',
      before,
    );
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500, 0)]);
    await expectNothingLeft(await upload(b, exe, 'resume.docx'), 415, 'unsupported_media_type', before);
    const html = '<!doctype html><html><body><script>alert(1)</script></body></html>';
    const res = await upload(b, html, 'resume.txt', '', { contentType: 'text/plain' });
    // HTML is text, but it is not a resume to serve back as text: refused, or at worst stored as plain text.
    if (res.statusCode === 201) expect((res.json() as Resume).mimeType).toBe('text/plain');
    else await expectNothingLeft(res, 415, 'unsupported_media_type', before);
  });

  it('refuses an empty file', async () => {
    const before = await snapshot();
    await expectNothingLeft(await upload(candidate(), Buffer.alloc(0), 'empty.txt'), 422, 'unprocessable', before);
  });

  it('refuses a file over 10 MB with 413 while reading it, keeping nothing', async () => {
    const before = await snapshot();
    const big = Buffer.alloc(MAX_RESUME_BYTES + 1024, 'a');
    const started = performance.now();
    const res = await upload(candidate(), big, 'huge.txt');
    await expectNothingLeft(res, 413, 'payload_too_large', before);
    expect(performance.now() - started).toBeLessThan(10_000);
    // A declared length well over the limit is refused before reading.
    await expectNothingLeft(
      await upload(candidate(), Buffer.alloc(MAX_RESUME_BYTES + 2 * 1024 * 1024, 'a'), 'huger.txt'),
      413,
      'payload_too_large',
      before,
    );
  });

  it('answers 413 over a real connection before the client has sent the whole body', async () => {
    const before = await snapshot();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = t.app.server.address() as AddressInfo;
      const total = 40 * 1024 * 1024;
      const head = Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n`,
      );
      const chunk = Buffer.alloc(64 * 1024, 'a');
      // A raw socket with a chunked body: no Content-Length to judge by, only the stream itself.
      const result = await new Promise<{ status: number; body: string; sentWhenAnswered: number }>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1');
        let sent = 0;
        let sentWhenAnswered = -1;
        let received = '';
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          socket.destroy();
          const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
          if (status === 0) reject(new Error(`no response (sent ${sent} bytes)`));
          else resolve({ status, body: received.slice(received.indexOf('\r\n\r\n') + 4), sentWhenAnswered });
        };
        socket.setEncoding('latin1');
        socket.on('data', (d: string) => {
          if (sentWhenAnswered < 0) sentWhenAnswered = sent;
          received += d;
          const headEnd = received.indexOf('\r\n\r\n');
          const length = Number(/content-length: (\d+)/i.exec(received)?.[1] ?? NaN);
          if (headEnd >= 0 && received.length >= headEnd + 4 + length) finish();
        });
        socket.on('end', finish);
        socket.on('error', finish);
        const chunkOf = (b: Buffer) => Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n')]);
        socket.write(
          `POST /api/v1/resumes HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=${BOUNDARY}\r\n` +
            `Cookie: ${candidate().cookie}\r\n${CSRF_HEADER}: ${candidate().csrfToken}\r\nTransfer-Encoding: chunked\r\n\r\n`,
        );
        socket.write(chunkOf(head));
        const pump = () => {
          while (sentWhenAnswered < 0 && !socket.destroyed && sent < total) {
            sent += chunk.length;
            if (!socket.write(chunkOf(chunk))) return void socket.once('drain', pump);
          }
          if (sentWhenAnswered < 0 && !socket.destroyed) socket.write(`${chunkOf(Buffer.from(`\r\n--${BOUNDARY}--\r\n`))}0\r\n\r\n`);
        };
        pump();
      });
      expect(result.status).toBe(413);
      expect(result.body).toContain('"code":"payload_too_large"');
      // Answered once the limit was crossed, not after the whole body (socket buffers make up the rest).
      expect(result.sentWhenAnswered).toBeLessThan(total / 2);
    } finally {
      await new Promise<void>((resolve) => {
        t.app.server.closeAllConnections();
        t.app.server.close(() => resolve());
      });
    }
    await expectNothingLeft(await upload(candidate(), Buffer.alloc(0), 'x.txt'), 422, 'unprocessable', before);
  });

  it('lets a file of exactly 10 MB past the size check (then judges its content)', async () => {
    const before = await snapshot();
    // Binary zeros: not a resume type, so the answer is 415, not 413, and nothing is parsed.
    await expectNothingLeft(
      await upload(candidate(), Buffer.alloc(MAX_RESUME_BYTES, 0), 'exact.bin'),
      415,
      'unsupported_media_type',
      before,
    );
  });

  it('refuses bodies that are not one multipart file in the field "file"', async () => {
    const before = await snapshot();
    const json = await candidate().request({ method: 'POST', url: '/api/v1/resumes', payload: { file: TXT_RESUME } });
    await expectNothingLeft(json, 415, 'unsupported_media_type', before);
    await expectNothingLeft(await upload(candidate(), TXT_RESUME, 'r.txt', '', { field: 'resume' }), 400, 'bad_request', before);
    const noFile = await candidate().request({
      method: 'POST',
      url: '/api/v1/resumes',
      payload: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${BOUNDARY}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    });
    await expectNothingLeft(noFile, 400, 'bad_request', before);
    const broken = await candidate().request({
      method: 'POST',
      url: '/api/v1/resumes',
      payload: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nunterminated`,
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    });
    await expectNothingLeft(broken, 400, 'bad_request', before);
  });

  it('keeps only a display-safe file name', async () => {
    const b = await registerUser(t.app);
    const r = await uploaded(b, TXT_RESUME, '..\\..\\etc/passwd\u202Etxt.exe');
    expect(r.fileName).toBe('passwdtxt.exe');
    const blank = await uploaded(b, TXT_RESUME, '   ');
    expect(blank.fileName).toBe('resume');
  });

  it('refuses anonymous callers and cookie requests without the CSRF header', async () => {
    const before = await snapshot();
    await expectNothingLeft(await upload(null, TXT_RESUME), 401, 'unauthenticated', before);
    const { payload, headers } = multipart(TXT_RESUME, 'r.txt');
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/resumes',
      payload,
      headers: { ...headers, cookie: candidate().cookie },
    });
    await expectNothingLeft(noCsrf, 403, 'csrf_failed', before);
  });

  it('lets a coach upload for an assigned candidate, and nobody else', async () => {
    const before = await snapshot();
    const forCandidate = `?candidateId=${candidate().user.id}`;
    await expectNothingLeft(await upload(unassignedCoach(), TXT_RESUME, 'r.txt', forCandidate), 404, 'not_found', before);
    await expectNothingLeft(await upload(globex.admin, TXT_RESUME, 'r.txt', forCandidate), 404, 'not_found', before);
    await expectNothingLeft(await upload(otherCandidate(), TXT_RESUME, 'r.txt', forCandidate), 404, 'not_found', before);
    await expectNothingLeft(await upload(outsider, TXT_RESUME, 'r.txt', forCandidate), 404, 'not_found', before);
    const r = await uploaded(coach(), TXT_RESUME, 'by-coach.txt', forCandidate);
    expect(r.ownerId).toBe(candidate().user.id);
    const [row] = await t.database.db.select().from(resumes).where(eq(resumes.id, r.id));
    expect(row!.uploadedBy).toBe(coach().user.id);
    const byAdmin = await uploaded(acme.admin, TXT_RESUME, 'by-admin.txt', forCandidate);
    expect(byAdmin.ownerId).toBe(candidate().user.id);
  });
});

describe('uploading real files', () => {
  it('reads a PDF and a DOCX, and serves each back with its own type', async () => {
    const b = await registerUser(t.app);
    for (const [name, mimeType] of [
      ['pdf-software-engineer.pdf', 'application/pdf'],
      ['docx-backend-engineer.docx', DOCX],
    ] as const) {
      const content = fixture(name);
      // Named and labelled wrongly on purpose: only the bytes count.
      const r = await uploaded(b, content, 'upload.bin');
      expect(r).toMatchObject({ mimeType, status: 'parsed', size: content.length });
      expect(r.parsed.skills.length).toBeGreaterThan(0);
      const res = await b.request({ method: 'GET', url: `/api/v1/resumes/${r.id}/file` });
      expect(res.headers['content-type']).toBe(mimeType);
      expect(res.headers['content-disposition']).toMatch(
        new RegExp(`^attachment; filename="upload\\.${mimeType === DOCX ? 'docx' : 'pdf'}"`),
      );
      expect(res.rawPayload.equals(content)).toBe(true);
    }
  });

  it('accepts a scanned PDF with status no_text and a warning', async () => {
    const r = await uploaded(candidate(), fixture('pdf-scanned.pdf'), 'scan.pdf');
    expect(r).toMatchObject({ status: 'no_text', mimeType: 'application/pdf', flags: { noTextLayer: true } });
    expect(r.warnings.join(' ')).toMatch(/scan/i);
  });

  it.each([
    ['corrupt.pdf', 422, 'unprocessable'],
    ['encrypted.pdf', 422, 'unprocessable'],
    ['zip-bomb.docx', 422, 'unprocessable'],
    ['zip-lying-sizes.docx', 422, 'unprocessable'],
    ['empty.txt', 422, 'unprocessable'],
    ['image.png', 415, 'unsupported_media_type'],
    ['program.exe', 415, 'unsupported_media_type'],
    ['legacy-word.doc', 415, 'unsupported_media_type'],
    ['not-a-docx.zip', 415, 'unsupported_media_type'],
    ['latin1.txt', 415, 'unsupported_media_type'],
  ])('refuses bad/%s with %i, fast, leaving nothing behind', async (name, status, code) => {
    const before = await snapshot();
    const started = performance.now();
    const res = await upload(candidate(), fixture(`bad/${name}`), name);
    expect(performance.now() - started).toBeLessThan(3000);
    await expectNothingLeft(res, status, code, before);
  });

  it('flags hidden text and injected instructions, shows them to owner and coach, and keeps them out of tailoring', async () => {
    const injected = await uploaded(candidate(), fixture('pdf-customer-success-injection.pdf'), 'injected.pdf');
    expect(injected.flags.injection).toBe(true);
    const injection = injected.suspicious.find((x) => x.kind === 'injection')!;
    expect(injection.text.length).toBeGreaterThan(0);
    const hidden = await uploaded(candidate(), fixture('pdf-marketing-hidden-keywords.pdf'), 'hidden.pdf');
    expect(hidden.flags.hiddenText).toBe(true);
    expect(hidden.suspicious.some((x) => x.kind === 'hidden_text')).toBe(true);
    const seenByCoach = (await coach().request({ method: 'GET', url: `/api/v1/resumes/${injected.id}` })).json() as Resume;
    expect(seenByCoach.suspicious).toEqual(injected.suspicious);
    expect(seenByCoach.warnings).toEqual(injected.warnings);

    const service = createResumesService({
      db: t.database.db,
      clock: t.clock,
      orgAccess: createOrgAccess(t.database.db),
      storage: createLocalFileStorage(t.config.storageDir),
      skills: await loadSkillsTaxonomy(),
      reader: { sniff: sniffResumeType, read: async (file, type, options) => readResume(file, type, await loadSkillsTaxonomy(), options) },
      analyzer: () => {
        throw new Error('not used');
      },
      jobDescriptions: createJobDescriptionsService({
        db: t.database.db,
        clock: t.clock,
        orgAccess: createOrgAccess(t.database.db),
        skills: await loadSkillsTaxonomy(),
        reader: { extractJob: async (text) => readJobDescription(text, await loadSkillsTaxonomy()) },
      }),
    });
    const actor = (b: Browser) => ({ userId: b.user.id, platformRole: 'user' as const });
    const forCandidate = await service.forTailoring(actor(candidate()), injected.id, candidate().user.id);
    expect(forCandidate.text).not.toContain(injection.text.slice(0, 40));
    expect(forCandidate.text).toContain('Hannah Okoye');
    expect(forCandidate.skills).toEqual(injected.parsed.skills);
    expect(await service.forTailoring(actor(coach()), injected.id, candidate().user.id)).toEqual(forCandidate);
    // Wrong candidate, unassigned coach, other tenant: as if it did not exist.
    await expect(service.forTailoring(actor(coach()), injected.id, otherCandidate().user.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(service.forTailoring(actor(otherCandidate()), injected.id, otherCandidate().user.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(service.forTailoring(actor(unassignedCoach()), injected.id, candidate().user.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(service.forTailoring(actor(globex.admin), injected.id, candidate().user.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('reading', () => {
  let mine: Resume;
  beforeAll(async () => {
    mine = await uploaded(candidate(), TXT_RESUME, 'reading.txt');
  });

  it('shows a resume to its owner and their coaches only', async () => {
    for (const b of [candidate(), coach(), acme.admin]) {
      const res = await b.request({ method: 'GET', url: `/api/v1/resumes/${mine.id}` });
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as Resume).id).toBe(mine.id);
    }
    for (const b of [otherCandidate(), unassignedCoach(), globex.admin, globex.coaches[0]!, outsider]) {
      expectProblem(await b.request({ method: 'GET', url: `/api/v1/resumes/${mine.id}` }), 404, 'not_found');
    }
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/resumes/${mine.id}` }), 401);
  });

  it("lists a candidate's resumes for their coach, not for others", async () => {
    const res = await coach().request({ method: 'GET', url: `/api/v1/resumes?candidateId=${candidate().user.id}` });
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as ResumeList;
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((i) => i.ownerId === candidate().user.id)).toBe(true);
    for (const b of [unassignedCoach(), globex.admin, otherCandidate(), outsider]) {
      expectProblem(await b.request({ method: 'GET', url: `/api/v1/resumes?candidateId=${candidate().user.id}` }), 404);
    }
    const own = (await otherCandidate().request({ method: 'GET', url: '/api/v1/resumes' })).json() as ResumeList;
    expect(own.items.every((i) => i.ownerId === otherCandidate().user.id)).toBe(true);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/resumes' }), 401);
  });

  it('downloads the file as an attachment with its real type', async () => {
    for (const b of [candidate(), coach()]) {
      const res = await b.request({ method: 'GET', url: `/api/v1/resumes/${mine.id}/file` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="reading.txt"; filename*=UTF-8''reading.txt`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body).toBe(TXT_RESUME);
    }
    for (const b of [otherCandidate(), unassignedCoach(), globex.admin]) {
      expectProblem(await b.request({ method: 'GET', url: `/api/v1/resumes/${mine.id}/file` }), 404);
    }
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/resumes/${mine.id}/file` }), 401);
  });

  it('names a download by its real type, whatever it was uploaded as', async () => {
    const b = await registerUser(t.app);
    const r = await uploaded(b, TXT_RESUME, 'Résumé (final); v2.pdf');
    const res = await b.request({ method: 'GET', url: `/api/v1/resumes/${r.id}/file` });
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="R_sum_ (final)_ v2.txt"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%28final%29%3B%20v2.txt`,
    );
  });
});

describe('correcting, switching and deleting', () => {
  it('keeps corrections apart from the parse and lists the corrected fields', async () => {
    const r = await uploaded(candidate(), TXT_RESUME, 'correct-me.txt');
    const res = await candidate().request({
      method: 'PATCH',
      url: `/api/v1/resumes/${r.id}`,
      payload: { parsed: { name: 'Jordan A. Miles', skills: ['Go', 'Rust'] } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const updated = res.json() as Resume;
    expect(updated.parsed).toMatchObject({ name: 'Jordan A. Miles', skills: ['Go', 'Rust'], email: r.parsed.email });
    expect(updated.corrected).toEqual(['name', 'skills']);
    const [row] = await t.database.db.select().from(resumes).where(eq(resumes.id, r.id));
    expect(row!.parsedOriginal).toEqual(r.parsed);
    expect(row!.corrections).toEqual({ name: 'Jordan A. Miles', skills: ['Go', 'Rust'] });
    // A coach reads it with the corrections applied.
    const seen = (await coach().request({ method: 'GET', url: `/api/v1/resumes/${r.id}` })).json() as Resume;
    expect(seen.parsed.name).toBe('Jordan A. Miles');
  });

  it('lets only the owner change a resume: coaches 403, others 404, nothing changed', async () => {
    const r = await uploaded(candidate(), TXT_RESUME, 'owner-only.txt');
    const patch = { parsed: { name: 'Someone Else' } };
    expectProblem(await coach().request({ method: 'PATCH', url: `/api/v1/resumes/${r.id}`, payload: patch }), 403, 'forbidden');
    expectProblem(await coach().request({ method: 'DELETE', url: `/api/v1/resumes/${r.id}` }), 403, 'forbidden');
    for (const b of [otherCandidate(), unassignedCoach(), globex.admin]) {
      expectProblem(await b.request({ method: 'PATCH', url: `/api/v1/resumes/${r.id}`, payload: patch }), 404);
      expectProblem(await b.request({ method: 'DELETE', url: `/api/v1/resumes/${r.id}` }), 404);
    }
    expectProblem(await t.app.inject({ method: 'PATCH', url: `/api/v1/resumes/${r.id}`, payload: patch }), 401);
    expectProblem(await candidate().request({ method: 'PATCH', url: `/api/v1/resumes/${r.id}`, payload: {} }), 400);
    expectProblem(await candidate().request({ method: 'PATCH', url: `/api/v1/resumes/${r.id}`, payload: { active: false } }), 400);
    const [row] = await t.database.db.select().from(resumes).where(eq(resumes.id, r.id));
    expect(row!.corrections).toEqual({});
    expect(storedFiles()).toContain(path.join(t.config.storageDir, row!.storageKey));
  });

  it('switches the active resume', async () => {
    const b = await registerUser(t.app);
    const first = await uploaded(b);
    const second = await uploaded(b);
    const res = await b.request({ method: 'PATCH', url: `/api/v1/resumes/${second.id}`, payload: { active: true } });
    expect((res.json() as Resume).active).toBe(true);
    const list = (await b.request({ method: 'GET', url: '/api/v1/resumes' })).json() as ResumeList;
    expect(list.items.filter((i) => i.active).map((i) => i.id)).toEqual([second.id]);
    expect(list.items.find((i) => i.id === first.id)!.active).toBe(false);
  });

  it('deletes row and file; the newest remaining resume becomes active', async () => {
    const b = await registerUser(t.app);
    const oldest = await uploaded(b);
    t.clock.advance(1000);
    const middle = await uploaded(b);
    t.clock.advance(1000);
    const active = oldest; // the first upload is active
    const [row] = await t.database.db.select().from(resumes).where(eq(resumes.id, active.id));
    const file = path.join(t.config.storageDir, row!.storageKey);
    expect(storedFiles()).toContain(file);
    const res = await b.request({ method: 'DELETE', url: `/api/v1/resumes/${active.id}` });
    expect(res.statusCode).toBe(204);
    expect(storedFiles()).not.toContain(file);
    expectProblem(await b.request({ method: 'GET', url: `/api/v1/resumes/${active.id}` }), 404);
    const list = (await b.request({ method: 'GET', url: '/api/v1/resumes' })).json() as ResumeList;
    expect(list.items.map((i) => [i.id, i.active])).toEqual([[middle.id, true]]);
    expect((await b.request({ method: 'DELETE', url: `/api/v1/resumes/${middle.id}` })).statusCode).toBe(204);
    expect(((await b.request({ method: 'GET', url: '/api/v1/resumes' })).json() as ResumeList).items).toEqual([]);
  });
});

describe('ATS analysis', () => {
  const JOB = `Senior Backend Engineer

Requirements:
- 5+ years of professional experience building backend services
- Go and PostgreSQL
- Kubernetes in production
- Bachelor's degree in Computer Science or equivalent experience

Nice to have: Apache Kafka, GraphQL`;

  it('scores a resume against pasted job text, explaining every lost point', async () => {
    const r = await uploaded(candidate(), TXT_RESUME, 'ats.txt');
    const res = await candidate().request({
      method: 'POST',
      url: `/api/v1/resumes/${r.id}/analysis`,
      payload: { jobDescriptionText: JOB },
    });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json() as AtsAnalysis;
    expect(a.score).toBeGreaterThan(70);
    expect(a.jobDescription).toEqual({ id: null, title: null, requiredYears: 5 });
    expect(a.matchedSkills).toEqual(
      expect.arrayContaining([
        { name: 'Go', required: true },
        { name: 'Kubernetes', required: true },
      ]),
    );
    expect(a.missingSkills).toEqual([{ name: 'GraphQL', required: false }]);
    for (const part of Object.keys(a.parts) as (keyof AtsAnalysis['parts'])[]) {
      expect(a.deductions.filter((d) => d.part === part).reduce((s, d) => s + d.points, 0)).toBe(100 - a.parts[part]);
    }
    const again = (
      await candidate().request({ method: 'POST', url: `/api/v1/resumes/${r.id}/analysis`, payload: { jobDescriptionText: JOB } })
    ).json() as SavedAtsAnalysis;
    // The same analysis, kept as a second run.
    const { id: _first, createdAt: _at, ...content } = a as SavedAtsAnalysis;
    expect(again).toEqual({ ...content, id: expect.any(String), createdAt: expect.any(String) });
    expect(again.id).not.toBe((a as SavedAtsAnalysis).id);
  });

  it('keeps every analysis run and lists them newest first, paged, to the owner and their coaches only', async () => {
    const r = await uploaded(candidate(), TXT_RESUME, 'ats-history.txt');
    const url = `/api/v1/resumes/${r.id}/analyses`;
    const empty = (await candidate().request({ method: 'GET', url })).json() as SavedAtsAnalysisList;
    expect(empty).toEqual({ items: [], total: 0, page: 1, limit: 20, pages: 0 });

    const run = async (b: Browser, text: string) => {
      const res = await b.request({ method: 'POST', url: `/api/v1/resumes/${r.id}/analysis`, payload: { jobDescriptionText: text } });
      expect(res.statusCode, res.body).toBe(200);
      t.clock.advance(60_000);
      return res.json() as SavedAtsAnalysis;
    };
    const first = await run(candidate(), JOB);
    const second = await run(coach(), `${JOB}\n- Terraform and AWS`);
    const third = await run(candidate(), 'Data Analyst\n\nRequirements:\n- SQL and Tableau\n- Excel');
    expect(first.resumeId).toBe(r.id);

    const list = (await candidate().request({ method: 'GET', url })).json() as SavedAtsAnalysisList;
    expect(list.total).toBe(3);
    expect(list.items.map((a) => a.id)).toEqual([third.id, second.id, first.id]);
    expect(list.items[2]).toEqual(first);
    const page2 = (await candidate().request({ method: 'GET', url: `${url}?limit=2&page=2` })).json() as SavedAtsAnalysisList;
    expect(page2).toMatchObject({ total: 3, page: 2, limit: 2, pages: 2 });
    expect(page2.items.map((a) => a.id)).toEqual([first.id]);

    // The assigned coach reads them; anyone else gets the resume's 404.
    expect(((await coach().request({ method: 'GET', url })).json() as SavedAtsAnalysisList).total).toBe(3);
    expectProblem(await otherCandidate().request({ method: 'GET', url }), 404);
    expectProblem(await unassignedCoach().request({ method: 'GET', url }), 404);
    expectProblem(await globex.admin.request({ method: 'GET', url }), 404);
    expectProblem(await outsider.request({ method: 'GET', url }), 404);
    expectProblem(await t.app.inject({ method: 'GET', url }), 401);
    expectProblem(await candidate().request({ method: 'GET', url: `${url}?limit=0` }), 400);
    // A failed analysis keeps nothing.
    expectProblem(await candidate().request({ method: 'POST', url: `/api/v1/resumes/${r.id}/analysis`, payload: {} }), 400);
    expect(((await candidate().request({ method: 'GET', url })).json() as SavedAtsAnalysisList).total).toBe(3);
    // Deleting the resume deletes its analyses.
    expect((await candidate().request({ method: 'DELETE', url: `/api/v1/resumes/${r.id}` })).statusCode).toBe(204);
    expectProblem(await candidate().request({ method: 'GET', url }), 404);
    const left = await t.database.db.select().from(resumeAnalyses).where(eq(resumeAnalyses.resumeId, r.id));
    expect(left).toEqual([]);
  });

  it('scores against a stored job description the caller may see, and 404s one they may not', async () => {
    const r = await uploaded(candidate(), TXT_RESUME, 'ats-stored.txt');
    const created = await coach().request({
      method: 'POST',
      url: `/api/v1/orgs/${acme.orgId}/job-descriptions`,
      payload: { title: 'Backend', level: 'senior', text: JOB },
    });
    const jd = created.json() as JobDescription;
    const url = `/api/v1/resumes/${r.id}/analysis`;
    // The coach may; the candidate only once it is shared with them.
    const byCoach = await coach().request({ method: 'POST', url, payload: { jobDescriptionId: jd.id } });
    expect(byCoach.statusCode, byCoach.body).toBe(200);
    expect((byCoach.json() as AtsAnalysis).jobDescription).toEqual({ id: jd.id, title: 'Backend', requiredYears: 5 });
    expectProblem(await candidate().request({ method: 'POST', url, payload: { jobDescriptionId: jd.id } }), 404);
    await coach().request({
      method: 'POST',
      url: `/api/v1/job-descriptions/${jd.id}/shares`,
      payload: { candidateIds: [candidate().user.id] },
    });
    expect((await candidate().request({ method: 'POST', url, payload: { jobDescriptionId: jd.id } })).statusCode).toBe(200);
    // Another tenant's job description, and someone else's resume, do not exist for the caller.
    const foreign = (
      await globex.admin.request({
        method: 'POST',
        url: `/api/v1/orgs/${globex.orgId}/job-descriptions`,
        payload: { title: 'Other', level: 'mid', text: JOB },
      })
    ).json() as JobDescription;
    expectProblem(await candidate().request({ method: 'POST', url, payload: { jobDescriptionId: foreign.id } }), 404);
    expectProblem(await globex.admin.request({ method: 'POST', url, payload: { jobDescriptionId: foreign.id } }), 404);
    expectProblem(await unassignedCoach().request({ method: 'POST', url, payload: { jobDescriptionText: JOB } }), 404);
    expectProblem(await t.app.inject({ method: 'POST', url, payload: { jobDescriptionText: JOB } }), 401);
    expectProblem(await candidate().request({ method: 'POST', url, payload: {} }), 400);
    expectProblem(await candidate().request({ method: 'POST', url, payload: { jobDescriptionId: jd.id, jobDescriptionText: JOB } }), 400);
  });
});
