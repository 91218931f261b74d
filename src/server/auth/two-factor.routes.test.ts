import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOfOrg, auditOfTarget } from '../testing/recorded.js';
import { createOrgFixture } from '../testing/org-fixture.js';
import { createTestApp, expectProblem, registerUser, STRONG_PASSWORD, type Browser, type TestApp } from '../testing/test-app.js';
import { recoveryCodes, twoFactor } from './two-factor.table.js';
import { TOTP_PERIOD_SECONDS, totpCodeAt } from './two-factor.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as object });
const signIn = (body: Record<string, string>) => post('/api/v1/auth/login', { password: STRONG_PASSWORD, ...body });
const nextStep = () => t.clock.advance(TOTP_PERIOD_SECONDS * 1000);
const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** Enrols the browser's user as a phone app would: scan, type the code, keep the recovery codes. */
async function enrol(browser: Browser) {
  const setup = await browser.request({ method: 'POST', url: '/api/v1/auth/two-factor/setup', payload: { password: STRONG_PASSWORD } });
  expect(setup.statusCode, setup.body).toBe(200);
  const { secret, otpauthUri, qrSvg } = setup.json() as { secret: string; otpauthUri: string; qrSvg: string };
  const enabled = await browser.request({
    method: 'POST',
    url: '/api/v1/auth/two-factor/enable',
    payload: { code: totpCodeAt(secret, t.clock.now()) },
  });
  expect(enabled.statusCode, enabled.body).toBe(200);
  return { secret, otpauthUri, qrSvg, recoveryCodes: (enabled.json() as { recoveryCodes: string[] }).recoveryCodes };
}

describe('TOTP algorithm', () => {
  it('computes the RFC 6238 SHA-1 test vector (six digits of 94287082 at T=59 s)', async () => {
    const { Secret } = await import('otpauth');
    const secret = Secret.fromLatin1('12345678901234567890').base32;
    expect(totpCodeAt(secret, new Date(59_000))).toBe('287082');
    expect(totpCodeAt(secret, new Date(1_111_111_109_000))).toBe('081804');
  });
});

describe('two-factor enrolment', () => {
  it('gives a QR code of an otpauth URI, turns on with a right code and returns ten recovery codes stored hashed', async () => {
    const user = await registerUser(t.app, { email: 'tf-enrol@example.com' });
    const { secret, otpauthUri, qrSvg, recoveryCodes: codes } = await enrol(user);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Panelist:tf-enrol%40example\.com\?.*secret=/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await t.database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.user.id));
    expect(stored).toHaveLength(10);
    for (const row of stored) for (const code of codes) expect(row.codeHash).not.toContain(code.replace('-', ''));
    const [factor] = await t.database.db.select().from(twoFactor).where(eq(twoFactor.userId, user.user.id));
    expect(factor!.secretCipher).not.toContain(secret);
    const status = (await user.request({ method: 'GET', url: '/api/v1/auth/two-factor' })).json();
    expect(status).toMatchObject({ enabled: true, recoveryCodesLeft: 10, requiredByOrg: false });
    expect(await auditOfTarget(t, user.user.id, 'user.two_factor_enabled')).toHaveLength(1);
  });

  it('refuses set-up without the right password and a wrong first code, and changes nothing', async () => {
    const user = await registerUser(t.app);
    expectProblem(
      await user.request({ method: 'POST', url: '/api/v1/auth/two-factor/setup', payload: { password: 'not-my-password-77' } }),
      400,
    );
    expectProblem(await user.request({ method: 'POST', url: '/api/v1/auth/two-factor/enable', payload: { code: '123456' } }), 409);
    const setup = await user.request({ method: 'POST', url: '/api/v1/auth/two-factor/setup', payload: { password: STRONG_PASSWORD } });
    const { secret } = setup.json() as { secret: string };
    const wrong = otherCode(totpCodeAt(secret, t.clock.now()));
    expectProblem(await user.request({ method: 'POST', url: '/api/v1/auth/two-factor/enable', payload: { code: wrong } }), 400);
    expect((await user.request({ method: 'GET', url: '/api/v1/auth/two-factor' })).json()).toMatchObject({ enabled: false });
    // Signing in still needs nothing more: a set-up not confirmed is not on.
    expect((await signIn({ email: user.user.email })).statusCode).toBe(200);
  });

  it('needs a signed-in user and a CSRF header', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/auth/two-factor' }), 401);
    expectProblem(await post('/api/v1/auth/two-factor/setup', { password: STRONG_PASSWORD }), 401);
    const user = await registerUser(t.app);
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/two-factor/setup',
        payload: { password: STRONG_PASSWORD },
        headers: { cookie: user.cookie },
      }),
      403,
      'csrf_failed',
    );
  });
});

describe('signing in with two-factor on', () => {
  it('asks for the code after a right password, takes the current code once, and counts wrong codes as failures', async () => {
    const email = 'tf-signin@example.com';
    const user = await registerUser(t.app, { email });
    const { secret } = await enrol(user);
    nextStep();
    const asked = expectProblem(await signIn({ email }), 401, 'two_factor_required');
    expect(asked.details).toEqual({ twoFactorRequired: true });
    expect((await signIn({ email })).cookies).toHaveLength(0);
    // A wrong password with any code is the plain wrong-credentials answer, never the code prompt.
    expectProblem(
      await signIn({ email, password: 'wrong-password-here-1', totpCode: totpCodeAt(secret, t.clock.now()) }),
      401,
      'unauthenticated',
    );
    const code = totpCodeAt(secret, t.clock.now());
    expectProblem(await signIn({ email, totpCode: otherCode(code) }), 401, 'two_factor_required');
    expect(await auditOfTarget(t, user.user.id, 'auth.sign_in_failed')).not.toHaveLength(0);
    const ok = await signIn({ email, totpCode: code });
    expect(ok.statusCode, ok.body).toBe(200);
    // The same code again (overheard or replayed) is refused even inside its 30 seconds.
    expectProblem(await signIn({ email, totpCode: code }), 401, 'two_factor_required');
    nextStep();
    expect((await signIn({ email, totpCode: totpCodeAt(secret, t.clock.now()) })).statusCode).toBe(200);
  });

  it('applies to API tokens too', async () => {
    const email = 'tf-token@example.com';
    const { secret } = await enrol(await registerUser(t.app, { email }));
    nextStep();
    expectProblem(await post('/api/v1/auth/token', { email, password: STRONG_PASSWORD }), 401, 'two_factor_required');
    const res = await post('/api/v1/auth/token', { email, password: STRONG_PASSWORD, totpCode: totpCodeAt(secret, t.clock.now()) });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('accepts each recovery code once, in any case and without the dash', async () => {
    const email = 'tf-recovery@example.com';
    const user = await registerUser(t.app, { email });
    const { recoveryCodes: codes } = await enrol(user);
    const typed = codes[0]!.replace('-', '').toUpperCase();
    expect((await signIn({ email, recoveryCode: typed })).statusCode).toBe(200);
    expectProblem(await signIn({ email, recoveryCode: codes[0]! }), 401, 'two_factor_required');
    expectProblem(await signIn({ email, recoveryCode: 'aaaaa-bbbbb' }), 401, 'two_factor_required');
    expect((await user.request({ method: 'GET', url: '/api/v1/auth/two-factor' })).json()).toMatchObject({ recoveryCodesLeft: 9 });
    // New codes replace the old ones.
    const renewed = await user.request({
      method: 'POST',
      url: '/api/v1/auth/two-factor/recovery-codes',
      payload: { password: STRONG_PASSWORD },
    });
    const fresh = (renewed.json() as { recoveryCodes: string[] }).recoveryCodes;
    expectProblem(await signIn({ email, recoveryCode: codes[1]! }), 401, 'two_factor_required');
    expect((await signIn({ email, recoveryCode: fresh[0]! })).statusCode).toBe(200);
  });

  it('turns off only with the password, after which the password alone signs in', async () => {
    const email = 'tf-disable@example.com';
    const user = await registerUser(t.app, { email });
    await enrol(user);
    expectProblem(
      await user.request({ method: 'POST', url: '/api/v1/auth/two-factor/disable', payload: { password: 'guessing-password-9' } }),
      400,
    );
    expectProblem(await signIn({ email }), 401, 'two_factor_required');
    const off = await user.request({ method: 'POST', url: '/api/v1/auth/two-factor/disable', payload: { password: STRONG_PASSWORD } });
    expect(off.statusCode, off.body).toBe(204);
    expect((await signIn({ email })).statusCode).toBe(200);
    expect(await t.database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.user.id))).toHaveLength(0);
    expect(await auditOfTarget(t, user.user.id, 'user.two_factor_disabled')).toHaveLength(1);
    expectProblem(
      await user.request({ method: 'POST', url: '/api/v1/auth/two-factor/disable', payload: { password: STRONG_PASSWORD } }),
      409,
    );
  });
});

describe('an organization requiring two-factor of its staff', () => {
  it('lets only an org admin with two-factor on require it; coaches without it reach only their account until they enrol', async () => {
    const org = await createOrgFixture(t, { coaches: 1, candidates: 1 });
    const url = `/api/v1/orgs/${org.orgId}/security`;
    // A coach, a candidate and an outsider may not change it.
    expectProblem(await org.coaches[0]!.request({ method: 'PUT', url, payload: { requireTwoFactor: true } }), 403);
    expectProblem(await org.candidates[0]!.request({ method: 'PUT', url, payload: { requireTwoFactor: true } }), 403);
    expectProblem(await (await registerUser(t.app)).request({ method: 'PUT', url, payload: { requireTwoFactor: true } }), 404);
    // The admin must have it first.
    expectProblem(await org.admin.request({ method: 'PUT', url, payload: { requireTwoFactor: true } }), 409);
    await enrol(org.admin);
    const set = await org.admin.request({ method: 'PUT', url, payload: { requireTwoFactor: true } });
    expect(set.statusCode, set.body).toBe(200);
    expect((await auditOfOrg(t, org.orgId)).map((a) => a.action)).toContain('org.two_factor_requirement');

    const coach = org.coaches[0]!;
    expectProblem(await coach.request({ method: 'GET', url: `/api/v1/orgs/${org.orgId}` }), 403, 'two_factor_enrolment_required');
    expectProblem(await coach.request({ method: 'GET', url: '/api/v1/interviews' }), 403, 'two_factor_enrolment_required');
    expect((await coach.request({ method: 'GET', url: '/api/v1/auth/two-factor' })).json()).toMatchObject({ requiredByOrg: true });
    // Candidates of the organization are not asked.
    expect((await org.candidates[0]!.request({ method: 'GET', url: `/api/v1/orgs/${org.orgId}` })).statusCode).toBe(200);
    await enrol(coach);
    expect((await coach.request({ method: 'GET', url: `/api/v1/orgs/${org.orgId}` })).statusCode).toBe(200);
    expect((await org.admin.request({ method: 'GET', url })).json()).toEqual({ requireTwoFactor: true });
  });
});
