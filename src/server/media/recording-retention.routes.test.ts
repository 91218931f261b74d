import { existsSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogList } from '../../contract/orgs.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
import { makeWav, metadata, send } from './media-test-support.js';
import { media } from './media.table.js';

const DAY = 24 * 60 * 60 * 1000;

describe('recording retention: recorded answers are deleted at the end of the period, with an audit entry', () => {
  let t: TestApp;
  let base: string;
  let org: OrgFixture;
  let outsider: Browser;

  beforeAll(async () => {
    // Sessions that outlive the months the clock moves on here.
    t = await createTestApp({ SESSION_TTL_DAYS: '365' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    base = `http://127.0.0.1:${address.port}`;
    org = await createOrgFixture(t, { coaches: 1, candidates: 1 });
    outsider = await registerUser(t.app);
  });
  afterAll(() => t.close());

  async function record(who: Browser, orgId?: string): Promise<string> {
    const wav = makeWav(1);
    const created = await send(base, who, 'POST', '/api/v1/uploads', {
      'upload-length': String(wav.length),
      'upload-metadata': metadata({ filetype: 'audio/wav', durationMs: '1000', ...(orgId ? { orgId } : {}) }),
    });
    expect(created.status, created.body.toString()).toBe(201);
    const done = await send(
      base,
      who,
      'PATCH',
      created.headers.location!,
      { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      wav,
    );
    expect(done.status).toBe(204);
    return created.headers.location!.split('/').pop()!;
  }

  async function fileOf(mediaId: string): Promise<string> {
    const [row] = await t.database.db.select({ key: media.storageKey }).from(media).where(eq(media.id, mediaId));
    return path.resolve(t.config.storageDir, row!.key!);
  }

  const exists = async (who: Browser, mediaId: string) => (await send(base, who, 'GET', `/api/v1/media/${mediaId}`)).status === 200;

  it('refuses bad periods and the wrong people, changing nothing', async () => {
    const url = `/api/v1/orgs/${org.orgId}/recording-retention`;
    expect((await org.admin.request({ method: 'GET', url })).json()).toEqual({ days: 180 });
    for (const days of [0, -3, 3651, 2.5]) expectProblem(await org.admin.request({ method: 'PUT', url, payload: { days } }), 400);
    expectProblem(await org.coaches[0]!.request({ method: 'PUT', url, payload: { days: 7 } }), 403);
    expectProblem(await org.candidates[0]!.request({ method: 'GET', url }), 403);
    expectProblem(await outsider.request({ method: 'PUT', url, payload: { days: 7 } }), 404);
    expect((await org.coaches[0]!.request({ method: 'GET', url })).json()).toEqual({ days: 180 });
  });

  it("deletes an organization's recording after its period and keeps a practice recording for the default", async () => {
    const candidate = org.candidates[0]!;
    const orgRecording = await record(candidate, org.orgId);
    const practiceRecording = await record(candidate);
    const orgFile = await fileOf(orgRecording);
    expect(existsSync(orgFile)).toBe(true);

    const set = await org.admin.request({ method: 'PUT', url: `/api/v1/orgs/${org.orgId}/recording-retention`, payload: { days: 30 } });
    expect(set.statusCode, set.body).toBe(200);

    t.clock.advance(29 * DAY);
    await t.runJobs();
    expect(await exists(candidate, orgRecording)).toBe(true);

    t.clock.advance(2 * DAY);
    await t.runJobs();
    expect(await exists(candidate, orgRecording)).toBe(false);
    expect(existsSync(orgFile)).toBe(false);
    expect(await exists(candidate, practiceRecording)).toBe(true);

    const audit = (await org.admin.request({ method: 'GET', url: `/api/v1/audit-log?orgId=${org.orgId}` })).json<AuditLogList>();
    const actions = audit.items.map((e) => [e.action, e.targetId]);
    expect(actions).toContainEqual(['recording.retention_delete', orgRecording]);
    expect(actions).toContainEqual(['org.recording_retention', org.orgId]);

    t.clock.advance(150 * DAY);
    await t.runJobs();
    expect(await exists(candidate, practiceRecording)).toBe(false);
  });

  it('shortening the period deletes recordings already past it at once', async () => {
    const candidate = org.candidates[0]!;
    const url = `/api/v1/orgs/${org.orgId}/recording-retention`;
    expect((await org.admin.request({ method: 'PUT', url, payload: { days: 60 } })).statusCode).toBe(200);
    const kept = await record(candidate, org.orgId);
    t.clock.advance(20 * DAY);
    await t.runJobs();
    expect(await exists(candidate, kept)).toBe(true);
    expect((await org.admin.request({ method: 'PUT', url, payload: { days: 10 } })).statusCode).toBe(200);
    await t.runJobs();
    expect(await exists(candidate, kept)).toBe(false);
  });
});
