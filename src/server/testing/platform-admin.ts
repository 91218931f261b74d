import { browserFrom, STRONG_PASSWORD, type Browser, type TestApp } from './test-app.js';

let admins = 0;

/** A signed-in platform admin (the first registered user is not one). */
export async function signInPlatformAdmin(t: TestApp): Promise<Browser> {
  admins += 1;
  const email = `platform-admin-${admins}@example.com`;
  await t.app.services.auth.createPlatformAdmin({ email, password: STRONG_PASSWORD, name: `Platform Admin ${admins}` });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: STRONG_PASSWORD } });
  return browserFrom(t.app, res);
}
