import { existsSync } from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { sql } from 'drizzle-orm';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_PRIVACY_VERSION, CURRENT_TERMS_VERSION, type Consent, type DataExport } from '../../contract/privacy.js';
import { makeWav, metadata, send } from '../media/media-test-support.js';
import { createOrgFixture } from '../testing/org-fixture.js';
import { auditOfTarget } from '../testing/recorded.js';
import { createTestApp, expectProblem, registerUser, STRONG_PASSWORD, type Browser, type TestApp } from '../testing/test-app.js';
import { notify } from '../notifications/notify.js';
import { foreignKeys, rowsOf } from './personal-data.js';

const DAY = 86_400_000;
let t: TestApp;
let base: string;

beforeAll(async () => {
  // Sessions that outlive the weeks the clock moves on here.
  t = await createTestApp({ SESSION_TTL_DAYS: '365' });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(() => t?.close());

const RESUME_BOUNDARY = '----privacy-test';
function resumeUpload(b: Browser, text: string) {
  const payload = Buffer.concat([
    Buffer.from(
      `--${RESUME_BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="resume.txt"\r\nContent-Type: text/plain\r\n\r\n`,
    ),
    Buffer.from(text),
    Buffer.from(`\r\n--${RESUME_BOUNDARY}--\r\n`),
  ]);
  return b.request({
    method: 'POST',
    url: '/api/v1/resumes',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${RESUME_BOUNDARY}` },
  });
}

function resumeText(name: string, email: string) {
  return `${name}\n${email} · Seattle, WA\n\nExperience\nBackend Engineer, Northwind Traders, 2019–present\n- Built Node.js services on PostgreSQL\n\nSkills\nTypeScript, Node.js, PostgreSQL, Docker\n`;
}

async function record(who: Browser): Promise<{ status: number; mediaId?: string; body: string }> {
  const wav = makeWav(1);
  const created = await send(base, who, 'POST', '/api/v1/uploads', {
    'upload-length': String(wav.length),
    'upload-metadata': metadata({ filetype: 'audio/wav', durationMs: '1000' }),
  });
  if (created.status !== 201) return { status: created.status, body: created.body.toString() };
  const done = await send(
    base,
    who,
    'PATCH',
    created.headers.location!,
    { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    wav,
  );
  expect(done.status).toBe(204);
  return { status: 201, mediaId: created.headers.location!.split('/').pop()!, body: '' };
}

function pngOf(): Buffer {
  const canvas = createCanvas(64, 64);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#2a9d8f';
  ctx.fillRect(0, 0, 64, 64);
  return canvas.toBuffer('image/png');
}

async function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  const out = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          out.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return out;
}

async function one<T>(db: Parameters<typeof rowsOf>[0], query: Parameters<typeof rowsOf>[1]): Promise<T> {
  const [row] = await rowsOf<T>(db, query);
  if (!row) throw new Error('no row');
  return row;
}

/** Where in the whole database a text appears: every text and JSON column of every table. */
async function whereFound(needle: string): Promise<string[]> {
  const columns = await rowsOf<{ table: string; column: string }>(
    t.database.db,
    sql`select table_name as "table", column_name as "column" from information_schema.columns
         where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json')`,
  );
  expect(columns.length).toBeGreaterThan(50);
  const hits: string[] = [];
  for (const { table, column } of columns) {
    const [row] = await rowsOf<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)}::text ilike ${`%${needle}%`}`,
    );
    if (row!.n > 0) hits.push(`${table}.${column}`);
  }
  return hits;
}

describe('consents', () => {
  it('records the terms and privacy versions at registration, and lists only my own', async () => {
    const me = await registerUser(t.app);
    const other = await registerUser(t.app);
    const res = await me.request({ method: 'GET', url: '/api/v1/me/consents' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Consent[];
    expect(items.map((c) => [c.kind, c.version, c.withdrawnAt]).sort()).toEqual([
      ['privacy', CURRENT_PRIVACY_VERSION, null],
      ['terms', CURRENT_TERMS_VERSION, null],
    ]);
    expect(items.every((c) => c.givenAt === t.clock.now().toISOString())).toBe(true);
    const theirs = (await other.request({ method: 'GET', url: '/api/v1/me/consents' })).json().items as Consent[];
    expect(theirs.some((c) => items.some((m) => m.id === c.id))).toBe(false);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/me/consents' }), 401);
  });

  it('refuses new recordings once recording consent is withdrawn, and accepts them when it is given again', async () => {
    const me = await registerUser(t.app);
    expect((await record(me)).status).toBe(201);

    const withdrawn = await me.request({ method: 'DELETE', url: '/api/v1/me/consents/recording' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ kind: 'recording', withdrawnAt: t.clock.now().toISOString() });
    const refused = await record(me);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'consent_withdrawn' });
    const { n } = await one<{ n: number }>(t.database.db, sql`select count(*)::int as n from media where owner_id = ${me.user.id}`);
    expect(n).toBe(1); // nothing stored for the refused one
    expect((await auditOfTarget(t, me.user.id, 'consent.withdraw')).length).toBe(1);

    const given = await me.request({ method: 'POST', url: '/api/v1/me/consents', payload: { kind: 'recording' } });
    expect(given.statusCode, given.body).toBe(201);
    expect(given.json()).toMatchObject({ kind: 'recording', withdrawnAt: null });
    expect((await record(me)).status).toBe(201);
  });

  it("records consent to proctoring, for that interview, when the candidate saves a proctored interview's pre-check", async () => {
    const org = await createOrgFixture(t, { coaches: 1, candidates: 1 });
    const candidate = org.candidates[0]!;
    const now = t.clock.now().getTime();
    const scheduled = await org.coaches[0]!.request({
      method: 'POST',
      url: '/api/v1/interviews',
      payload: {
        kind: 'assigned',
        candidateId: candidate.user.id,
        orgId: org.orgId,
        type: 'technical',
        role: 'Backend engineer',
        level: 'mid',
        questionCount: 1,
        windowStart: new Date(now + 60_000).toISOString(),
        windowEnd: new Date(now + 3_600_000).toISOString(),
        durationMinutes: 30,
        releaseResults: 'on_finalize',
        proctoring: 'light',
      },
    });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const interviewId = scheduled.json().id as string;
    const consentsOf = async (b: Browser) => (await b.request({ method: 'GET', url: '/api/v1/me/consents' })).json().items as Consent[];
    expect((await consentsOf(candidate)).some((c) => c.kind === 'proctoring')).toBe(false);
    // The coach cannot run it (nothing recorded for anyone).
    expectProblem(
      await org.coaches[0]!.request({
        method: 'POST',
        url: `/api/v1/interviews/${interviewId}/precheck`,
        payload: { checks: [{ name: 'browser', passed: true }], warnings: [], userAgent: 'test' },
      }),
      403,
    );
    const saved = await candidate.request({
      method: 'POST',
      url: `/api/v1/interviews/${interviewId}/precheck`,
      payload: {
        checks: ['browser', 'fullscreen', 'single_screen', 'network'].map((name) => ({ name, passed: true })),
        warnings: [],
        userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131',
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const proctoring = (await consentsOf(candidate)).filter((c) => c.kind === 'proctoring');
    expect(proctoring).toMatchObject([{ scope: interviewId, withdrawnAt: null }]);
    expect((await consentsOf(org.coaches[0]!)).some((c) => c.kind === 'proctoring')).toBe(false);
    expectProblem(await candidate.request({ method: 'DELETE', url: '/api/v1/me/consents/proctoring' }), 409);
  });

  it('answers a withdrawal of the terms with 409 and a bad kind with 400, changing nothing', async () => {
    const me = await registerUser(t.app);
    expectProblem(await me.request({ method: 'DELETE', url: '/api/v1/me/consents/terms' }), 409);
    expectProblem(await me.request({ method: 'DELETE', url: '/api/v1/me/consents/marketing' }), 400);
    expectProblem(await me.request({ method: 'POST', url: '/api/v1/me/consents', payload: { kind: 'terms' } }), 400);
    const items = (await me.request({ method: 'GET', url: '/api/v1/me/consents' })).json().items as Consent[];
    expect(items.filter((c) => c.withdrawnAt)).toEqual([]);
    expect(items).toHaveLength(2);
  });
});

describe('data export', () => {
  it('makes a ZIP of my rows and files in a job, tells me, serves it to me only, and lets it expire', async () => {
    const name = 'Ottilie Brightwater';
    const me = await registerUser(t.app, { name });
    const other = await registerUser(t.app);
    const text = resumeText(name, me.user.email);
    const resume = await resumeUpload(me, text);
    expect(resume.statusCode, resume.body).toBe(201);
    const recorded = await record(me);
    const avatar = await me.request({
      method: 'PUT',
      url: '/api/v1/me/avatar',
      payload: pngOf(),
      headers: { 'content-type': 'image/png' },
    });
    expect(avatar.statusCode, avatar.body).toBe(200);

    const asked = await me.request({ method: 'POST', url: '/api/v1/me/exports' });
    expect(asked.statusCode, asked.body).toBe(202);
    const exp = asked.json() as DataExport;
    expect(exp.status).toBe('pending');
    // Asking again while it is being made gives the same one.
    expect((await me.request({ method: 'POST', url: '/api/v1/me/exports' })).json().id).toBe(exp.id);
    expectProblem(await me.request({ method: 'GET', url: `/api/v1/me/exports/${exp.id}/download` }), 404);

    await t.runJobs();
    const ready = (await me.request({ method: 'GET', url: `/api/v1/me/exports/${exp.id}` })).json() as DataExport;
    expect(ready.status).toBe('ready');
    expect(new Date(ready.expiresAt!).getTime() - t.clock.now().getTime()).toBe(7 * DAY);
    const notes = (await me.request({ method: 'GET', url: '/api/v1/notifications' })).json();
    expect(JSON.stringify(notes)).toContain('data_export_ready');

    // Someone else cannot see or download it.
    expectProblem(await other.request({ method: 'GET', url: `/api/v1/me/exports/${exp.id}` }), 404);
    expectProblem(await other.request({ method: 'GET', url: `/api/v1/me/exports/${exp.id}/download` }), 404);
    expect((await other.request({ method: 'GET', url: '/api/v1/me/exports' })).json().items).toEqual([]);

    const download = await me.request({ method: 'GET', url: `/api/v1/me/exports/${exp.id}/download` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    const entries = await unzip(download.rawPayload);
    const json = (file: string) => JSON.parse(entries.get(file)!.toString()) as Record<string, unknown>[];
    const [user] = json('data/users.json');
    expect(user).toMatchObject({ id: me.user.id, email: me.user.email, name });
    expect(user).not.toHaveProperty('password_hash');
    expect(
      json('data/consents.json')
        .map((c) => c.kind)
        .sort(),
    ).toEqual(['privacy', 'terms']);
    expect(json('data/resumes.json')).toHaveLength(1);
    expect(json('data/media.json').map((m) => m.id)).toEqual([recorded.mediaId]);
    expect(json('data/sessions.json').every((s) => !('token_hash' in s))).toBe(true);
    expect(json('data/audit_log.json').some((a) => a.action === 'privacy.export_request')).toBe(true);
    const files = [...entries.keys()].filter((k) => k.startsWith('files/'));
    expect(files).toHaveLength(3); // resume, recording, avatar
    expect(files.map((f) => entries.get(f)!).some((b) => b.toString() === text)).toBe(true);
    expect(files.map((f) => entries.get(f)!).some((b) => b.equals(makeWav(1)))).toBe(true);
    // Nothing of the other user's.
    expect([...entries.values()].some((b) => b.toString().includes(other.user.email))).toBe(false);
    expect(entries.has('manifest.json') && entries.has('README.txt')).toBe(true);

    t.clock.advance(7 * DAY);
    await t.runJobs();
    expectProblem(await me.request({ method: 'GET', url: `/api/v1/me/exports/${exp.id}/download` }), 404);
    expect((await me.request({ method: 'GET', url: `/api/v1/me/exports/${exp.id}` })).json().status).toBe('expired');
  });
});

describe('account erasure', () => {
  it('asks for the password, waits 14 days, can be cancelled, and shows as pending after signing in', async () => {
    const me = await registerUser(t.app);
    expectProblem(await me.request({ method: 'POST', url: '/api/v1/me/erasure', payload: { password: 'not-my-password' } }), 403);
    expect((await me.request({ method: 'GET', url: '/api/v1/me/erasure' })).json().status).toBe('none');
    const asked = await me.request({ method: 'POST', url: '/api/v1/me/erasure', payload: { password: STRONG_PASSWORD } });
    expect(asked.statusCode, asked.body).toBe(202);
    expect(new Date(asked.json().dueAt).getTime() - t.clock.now().getTime()).toBe(14 * DAY);

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: me.user.email, password: STRONG_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect((await me.request({ method: 'GET', url: '/api/v1/me/erasure' })).json()).toMatchObject({ status: 'pending' });

    const cancelled = await me.request({ method: 'DELETE', url: '/api/v1/me/erasure' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe('none');
    expectProblem(await me.request({ method: 'DELETE', url: '/api/v1/me/erasure' }), 404);
    t.clock.advance(15 * DAY);
    await t.runJobs();
    expect((await me.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
  });

  it("refuses with 409 while I am an organization's only admin", async () => {
    const org = await createOrgFixture(t, { coaches: 1, candidates: 1 });
    const res = await org.admin.request({ method: 'POST', url: '/api/v1/me/erasure', payload: { password: STRONG_PASSWORD } });
    expect(expectProblem(res, 409).details).toEqual({ orgIds: [org.orgId] });
    expect((await org.admin.request({ method: 'GET', url: '/api/v1/me/erasure' })).json().status).toBe('none');
  });

  it('waits while the person has become the only admin during the grace period, and erases them once another admin exists', async () => {
    const org = await createOrgFixture(t, { coaches: 0, candidates: 1 });
    const x = org.candidates[0]!;
    const role = (who: Browser, userId: string, r: 'admin' | 'coach') =>
      who.request({ method: 'PATCH', url: `/api/v1/orgs/${org.orgId}/members/${userId}`, payload: { role: r } });
    expect((await role(org.admin, x.user.id, 'admin')).statusCode).toBe(200);
    expect((await x.request({ method: 'POST', url: '/api/v1/me/erasure', payload: { password: STRONG_PASSWORD } })).statusCode).toBe(202);
    // The other admin steps down: x is the only admin when the grace period ends.
    expect((await role(x, org.admin.user.id, 'coach')).statusCode).toBe(200);
    t.clock.advance(14 * DAY);
    await t.runJobs();
    const exists = async () =>
      (await one<{ n: number }>(t.database.db, sql`select count(*)::int as n from users where id = ${x.user.id}`)).n;
    expect(await exists()).toBe(1);
    expect((await x.request({ method: 'GET', url: '/api/v1/me/erasure' })).json().status).toBe('pending');
    expect((await role(x, org.admin.user.id, 'admin')).statusCode).toBe(200);
    t.clock.advance(DAY);
    await t.runJobs();
    expect(await exists()).toBe(0);
  });

  it('after the grace period leaves my email and name nowhere in the database, my files gone, the audit trail under a pseudonym', async () => {
    const name = 'Wilhelmina Quenby-Thorne';
    const org = await createOrgFixture(t, { coaches: 1, candidates: 0 });
    const me = await registerUser(t.app, { name });
    // Known to others: a member of an organization (the admin's audit and mails may name me).
    const invite = await org.admin.request({
      method: 'POST',
      url: `/api/v1/orgs/${org.orgId}/invitations`,
      payload: { email: me.user.email, role: 'candidate' },
    });
    expect(invite.statusCode, invite.body).toBe(201);
    expect((await resumeUpload(me, resumeText(name, me.user.email))).statusCode).toBe(201);
    const recorded = await record(me);
    expect(
      (await me.request({ method: 'PUT', url: '/api/v1/me/avatar', payload: pngOf(), headers: { 'content-type': 'image/png' } }))
        .statusCode,
    ).toBe(200);
    const practice = await me.request({
      method: 'POST',
      url: '/api/v1/interviews',
      payload: { kind: 'practice', type: 'behavioral', role: 'Backend engineer', level: 'mid', questionCount: 1 },
    });
    expect(practice.statusCode, practice.body).toBe(201);
    expect((await me.request({ method: 'POST', url: '/api/v1/me/exports' })).statusCode).toBe(202);
    await t.runJobs();
    const storageFiles = await rowsOf<{ key: string }>(
      t.database.db,
      sql`select storage_key as key from resumes where owner_id = ${me.user.id}
          union all select storage_key from media where owner_id = ${me.user.id}
          union all select avatar_key from profiles where user_id = ${me.user.id}
          union all select storage_key from data_exports where user_id = ${me.user.id}`,
    );
    expect(storageFiles).toHaveLength(4);
    for (const { key } of storageFiles) expect(existsSync(path.join(t.config.storageDir, key))).toBe(true);
    expect(await whereFound(me.user.email)).not.toEqual([]);

    expect((await me.request({ method: 'POST', url: '/api/v1/me/erasure', payload: { password: STRONG_PASSWORD } })).statusCode).toBe(202);
    t.clock.advance(14 * DAY - 60_000);
    await t.runJobs();
    expect(await whereFound(me.user.email)).not.toEqual([]); // not before the grace period ends
    t.clock.advance(60_000);
    await t.runJobs();

    expect(await whereFound(me.user.email)).toEqual([]);
    expect(await whereFound(name)).toEqual([]);
    const { n } = await one<{ n: number }>(t.database.db, sql`select count(*)::int as n from users where id = ${me.user.id}`);
    expect(n).toBe(0);
    for (const { key } of storageFiles) expect(existsSync(path.join(t.config.storageDir, key))).toBe(false);
    expect(recorded.status).toBe(201);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: me.user.email, password: STRONG_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    expect((await me.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);

    // The audit trail stays, with the person replaced by one pseudonym.
    const [erased] = await rowsOf<{ target_id: string; after: string }>(
      t.database.db,
      sql`select target_id, after from audit_log where action = 'account.erased' order by created_at desc limit 1`,
    );
    const after = JSON.parse(erased!.after) as { pseudonym: string; rowsDeleted: Record<string, number>; filesDeleted: number };
    // The export's ZIP expired after 7 days and went then: resume, recording and avatar are left.
    expect(after.filesDeleted).toBe(3);
    expect(after.rowsDeleted).toMatchObject({ users: 1, resumes: 1, media: 1, interviews: 1 });
    const mine = await rowsOf<{ action: string; ip: string | null }>(
      t.database.db,
      sql`select action, ip from audit_log where actor_id = ${erased!.target_id}`,
    );
    expect(mine.map((r) => r.action)).toEqual(expect.arrayContaining(['user.register', 'account.erasure_request']));
    expect(mine.every((r) => r.ip === null)).toBe(true);
    const { n: left } = await one<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where actor_id = ${me.user.id} or target_id = ${me.user.id}`,
    );
    expect(left).toBe(0);
  });

  it('replaces the person in other people’s text only as a whole name or address, not inside other words or addresses', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const email = `mark.${tag}@example.org`;
    const me = await registerUser(t.app, { name: 'Mark', email });
    const other = await registerUser(t.app);
    const body =
      `Mark reviewed the Markdown notes; bookmark them. Write to ${email}, ${email.toUpperCase()}. ` +
      `Not to jo${email}, nor ${email}.uk, nor mark ${tag}.`;
    await t.database.db.transaction((tx) =>
      notify(tx, { userId: other.user.id, kind: 'interview_completed', title: 'Note', body }, t.clock.now()),
    );
    expect((await me.request({ method: 'POST', url: '/api/v1/me/erasure', payload: { password: STRONG_PASSWORD } })).statusCode).toBe(202);
    t.clock.advance(14 * DAY);
    await t.runJobs();

    const list = (await other.request({ method: 'GET', url: '/api/v1/notifications' })).json() as { items: { body: string }[] };
    const kept = list.items.find((n) => n.body.includes('Markdown'))!.body;
    const pseudonym = /^(erased-\w+) reviewed/.exec(kept)?.[1];
    expect(pseudonym).toBeDefined();
    expect(kept).toBe(
      `${pseudonym} reviewed the Markdown notes; bookmark them. Write to ${pseudonym}, ${pseudonym}. ` +
        `Not to jo${email}, nor ${email}.uk, nor mark ${tag}.`,
    );
  });

  it('knows every table that refers to an account: owned rows go with it, others lose the reference', async () => {
    const keys = (await foreignKeys(t.database.db)).filter((k) => k.refTable === 'users');
    expect(keys.length).toBeGreaterThan(10);
    // A new reference to users must choose: CASCADE (the person's data) or SET NULL (someone else's row).
    expect(keys.filter((k) => k.onDelete !== 'c' && k.onDelete !== 'n').map((k) => `${k.table}.${k.column}`)).toEqual([]);
  });
});

describe('retention of interviews and resumes', () => {
  it('refuses bad periods and the wrong people, changing nothing', async () => {
    const org = await createOrgFixture(t, { coaches: 1, candidates: 1 });
    const outsider = await registerUser(t.app);
    const url = `/api/v1/orgs/${org.orgId}/data-retention`;
    expect((await org.admin.request({ method: 'GET', url })).json()).toEqual({ interviewDays: null, resumeDays: null });
    for (const interviewDays of [0, -1, 3651, 1.5, 'x'])
      expectProblem(await org.admin.request({ method: 'PUT', url, payload: { interviewDays, resumeDays: null } }), 400);
    expectProblem(await org.coaches[0]!.request({ method: 'PUT', url, payload: { interviewDays: 30, resumeDays: 30 } }), 403);
    expectProblem(await org.candidates[0]!.request({ method: 'GET', url }), 403);
    expectProblem(await outsider.request({ method: 'PUT', url, payload: { interviewDays: 30, resumeDays: 30 } }), 404);
    expect((await org.coaches[0]!.request({ method: 'GET', url })).json()).toEqual({ interviewDays: null, resumeDays: null });
  });

  it("deletes the organization's ended interviews and its candidates' resumes past the period, audited, and keeps the rest", async () => {
    const org = await createOrgFixture(t, { coaches: 1, candidates: 1 });
    const candidate = org.candidates[0]!;
    const outsider = await registerUser(t.app);
    const scheduled = await org.coaches[0]!.request({
      method: 'POST',
      url: '/api/v1/interviews',
      payload: {
        kind: 'assigned',
        candidateId: candidate.user.id,
        orgId: org.orgId,
        type: 'technical',
        role: 'Backend engineer',
        level: 'mid',
        questionCount: 1,
        windowStart: new Date(t.clock.now().getTime() + 60_000).toISOString(),
        windowEnd: new Date(t.clock.now().getTime() + 3_600_000).toISOString(),
        durationMinutes: 30,
        releaseResults: 'on_finalize',
      },
    });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const interviewId = scheduled.json().id as string;
    const oldResume = (await resumeUpload(candidate, resumeText('Old Resume', 'old@example.com'))).json().id as string;
    const outsiderResume = (await resumeUpload(outsider, resumeText('Kept Resume', 'kept@example.com'))).json().id as string;
    const { key: oldKey } = await one<{ key: string }>(t.database.db, sql`select storage_key as key from resumes where id = ${oldResume}`);
    t.clock.advance(2 * 3_600_000);
    await t.runJobs(); // the window closes: missed
    t.clock.advance(29 * DAY);
    const newResume = (await resumeUpload(candidate, resumeText('New Resume', 'new@example.com'))).json().id as string;

    const set = await org.admin.request({
      method: 'PUT',
      url: `/api/v1/orgs/${org.orgId}/data-retention`,
      payload: { interviewDays: 30, resumeDays: 30 },
    });
    expect(set.statusCode, set.body).toBe(200);
    await t.runJobs();
    const count = async (table: string, id: string) =>
      (await rowsOf<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.identifier(table)} where id = ${id}`))[0]!.n;
    expect(await count('interviews', interviewId)).toBe(1); // ended 29 days ago
    expect(await count('resumes', oldResume)).toBe(1);

    t.clock.advance(2 * DAY);
    await t.runJobs(); // the daily sweep
    expect(await count('interviews', interviewId)).toBe(0);
    expect(await count('resumes', oldResume)).toBe(0);
    expect(existsSync(path.join(t.config.storageDir, oldKey))).toBe(false);
    expect(await count('resumes', newResume)).toBe(1);
    expect(await count('resumes', outsiderResume)).toBe(1);
    expect((await auditOfTarget(t, interviewId, 'interview.retention_delete')).length).toBe(1);
    expect((await auditOfTarget(t, oldResume, 'resume.retention_delete')).length).toBe(1);
    expect((await auditOfTarget(t, org.orgId, 'org.data_retention')).length).toBe(1);
  });
});
