import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { scheduleBody } from '../testing/interview-fixture.js';
import { mailsTo } from '../testing/recorded.js';
import { createTestApp, registerUser, type TestApp } from '../testing/test-app.js';

// Without PUBLIC_URL, invitation and interview links open where the sender reached the server
// (127.0.0.1, a LAN name), so the session cookie of that address goes with them.

describe('links without PUBLIC_URL', () => {
  let t: TestApp;
  let org: OrgFixture;
  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrgFixture(t, { coaches: 1, candidates: 1 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an invitation mailed from a request to a LAN name links to that name', async () => {
    const email = 'lan-invitee@example.com';
    const res = await org.admin.request({
      method: 'POST',
      url: `/api/v1/orgs/${org.orgId}/invitations`,
      payload: { email, role: 'candidate' },
      headers: { host: 'panelist.lan:3000' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const [mail] = await mailsTo(t, email, 'invitation');
    expect(mail!.text).toMatch(/http:\/\/panelist\.lan:3000\/invitations\/accept\?token=[\w-]+/);
    expect(mail!.text).not.toContain('localhost');
  });

  it('an interview scheduled through 127.0.0.1 mails the candidate a 127.0.0.1 link', async () => {
    const candidate = org.candidates[0]!;
    const res = await org.coaches[0]!.request({
      method: 'POST',
      url: '/api/v1/interviews',
      payload: scheduleBody(t, candidate.user.id),
      headers: { host: '127.0.0.1:4123' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as { id: string }).id;
    const [mail] = await mailsTo(t, candidate.user.email, 'interview_scheduled');
    expect(mail!.text).toContain(`http://127.0.0.1:4123/interviews/${id}`);
    expect(mail!.text).not.toContain('localhost');
  });

  // A reset link carries a secret and is asked for by someone not signed in: it follows the
  // request's address only when that address is this machine, never a Host header naming another.
  const resetMailFor = async (email: string, host: string) => {
    await registerUser(t.app, { email });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email }, headers: { host } });
    expect(res.statusCode, res.body).toBe(202);
    return (await mailsTo(t, email, 'password_reset'))[0]!.text;
  };

  it('a password reset asked for through 127.0.0.1 links to 127.0.0.1', async () => {
    const text = await resetMailFor('reset-loopback@example.com', '127.0.0.1:4123');
    expect(text).toMatch(/http:\/\/127\.0\.0\.1:4123\/reset-password\?email=[^&\s]+&token=[\w-]+/);
  });

  it('a password reset asked for with a Host header naming another site links to localhost, not there', async () => {
    const text = await resetMailFor('reset-spoofed@example.com', 'attacker.example.net');
    expect(text).not.toContain('attacker.example.net');
    expect(text).toMatch(/http:\/\/localhost:\d+\/reset-password\?/);
  });
});

describe('links with PUBLIC_URL', () => {
  let t: TestApp;
  let org: OrgFixture;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://panelist.example.org/app' });
    org = await createOrgFixture(t, { coaches: 1, candidates: 0 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('use PUBLIC_URL whatever address the request came to', async () => {
    const email = 'public-invitee@example.com';
    const res = await org.admin.request({
      method: 'POST',
      url: `/api/v1/orgs/${org.orgId}/invitations`,
      payload: { email, role: 'coach' },
      headers: { host: '10.0.0.7:3000' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const [mail] = await mailsTo(t, email, 'invitation');
    expect(mail!.text).toContain('https://panelist.example.org/app/invitations/accept?token=');
    expect(mail!.text).not.toContain('10.0.0.7');
  });
});
