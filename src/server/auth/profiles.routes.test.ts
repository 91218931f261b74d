import { createCanvas } from '@napi-rs/canvas';
import { fileTypeFromBuffer } from 'file-type';
import { loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const patch = (b: Browser, payload: object) => b.request({ method: 'PATCH', url: '/api/v1/me/profile', payload });
const putAvatar = (b: Browser, body: Buffer, type = 'image/png') =>
  b.request({ method: 'PUT', url: '/api/v1/me/avatar', payload: body, headers: { 'content-type': type } });

function pngOf(width: number, height: number): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#c0392b';
  ctx.fillRect(0, 0, width, height);
  return canvas.toBuffer('image/png');
}

describe('profile', () => {
  it('keeps name, phone, location, links and bio, and an empty field clears its value', async () => {
    const user = await registerUser(t.app);
    const body = {
      name: 'Ada Byron',
      phone: '+44 20 7946 0958',
      location: 'London',
      linkedinUrl: 'https://www.linkedin.com/in/ada-byron',
      githubUrl: 'https://github.com/ada',
      websiteUrl: 'https://ada.example.org/about',
      bio: 'Analyst of engines.',
    };
    const res = await patch(user, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject(body);
    expect((await user.request({ method: 'GET', url: '/api/v1/auth/me' })).json().user.name).toBe('Ada Byron');
    const cleared = await patch(user, { bio: '', githubUrl: '' });
    expect(cleared.json()).toMatchObject({ bio: null, githubUrl: null, location: 'London' });
  });

  it('refuses links to other sites, script URLs and phone numbers that are not, and changes nothing', async () => {
    const user = await registerUser(t.app);
    await patch(user, { location: 'Paris' });
    for (const bad of [
      { linkedinUrl: 'https://evil.example/in/ada' },
      { githubUrl: 'javascript:alert(1)' },
      { githubUrl: 'https://github.com.evil.example/ada' },
      { websiteUrl: 'ftp://example.com' },
      { websiteUrl: 'https://user:pw@example.com' },
      { phone: 'call me maybe' },
      { phone: '12' },
      { bio: 'x'.repeat(1001) },
      { name: '' },
    ]) {
      expectProblem(await patch(user, { ...bad, location: 'Berlin' }), 400);
    }
    expect((await user.request({ method: 'GET', url: '/api/v1/me/profile' })).json()).toMatchObject({ location: 'Paris', githubUrl: null });
  });

  it('is mine only: anonymous callers get 401 and one user never reads another one profile', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/me/profile' }), 401);
    expectProblem(await t.app.inject({ method: 'PATCH', url: '/api/v1/me/profile', payload: { bio: 'x' } }), 401);
    const a = await registerUser(t.app);
    const b = await registerUser(t.app);
    await patch(a, { bio: 'Only mine' });
    expect((await b.request({ method: 'GET', url: '/api/v1/me/profile' })).json().bio).toBeNull();
  });
});

describe('preferences', () => {
  it('are stored on the server and read back by another session of the same user', async () => {
    const email = `prefs-${Date.now()}@example.com`;
    const first = await registerUser(t.app, { email });
    expect((await first.request({ method: 'GET', url: '/api/v1/me/profile' })).json().preferences).toEqual({
      theme: 'system',
      language: 'en',
      notifications: {},
    });
    const prefs = { theme: 'dark', language: 'fr', notifications: { results_ready: { inApp: true, email: false } } };
    expect((await first.request({ method: 'PUT', url: '/api/v1/me/preferences', payload: prefs })).statusCode).toBe(200);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: 'violet-harbour-lantern-42' },
    });
    const cookie = login.cookies.find((c) => c.name === 'panelist_session')!;
    const other = await t.app.inject({ method: 'GET', url: '/api/v1/me/profile', headers: { cookie: `${cookie.name}=${cookie.value}` } });
    expect(other.json().preferences).toEqual(prefs);
    expectProblem(await first.request({ method: 'PUT', url: '/api/v1/me/preferences', payload: { ...prefs, theme: 'neon' } }), 400);
    expectProblem(
      await first.request({
        method: 'PUT',
        url: '/api/v1/me/preferences',
        payload: { ...prefs, notifications: { no_such_kind: { inApp: true, email: true } } },
      }),
      400,
    );
  });
});

describe('avatar', () => {
  it('is read from the bytes, cropped to a 256-pixel WebP square and served back to its owner only', async () => {
    const user = await registerUser(t.app);
    // Declared as JPEG, really a PNG: the bytes decide.
    const res = await putAvatar(user, pngOf(600, 400), 'image/jpeg');
    expect(res.statusCode, res.body).toBe(200);
    const url = res.json().avatarUrl as string;
    expect(url).toMatch(/^\/api\/v1\/me\/avatar\?v=\d+$/);
    const image = await user.request({ method: 'GET', url });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/webp');
    expect((await fileTypeFromBuffer(image.rawPayload))?.mime).toBe('image/webp');
    const decoded = await loadImage(image.rawPayload);
    expect([decoded.width, decoded.height]).toEqual([256, 256]);
    const other = await registerUser(t.app);
    expectProblem(await other.request({ method: 'GET', url: '/api/v1/me/avatar' }), 404);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/me/avatar' }), 401);
    const removed = await user.request({ method: 'DELETE', url: '/api/v1/me/avatar' });
    expect(removed.json().avatarUrl).toBeNull();
    expectProblem(await user.request({ method: 'GET', url: '/api/v1/me/avatar' }), 404);
  });

  it('refuses what is not an image whatever its label, a broken image, and more than 5 MiB', async () => {
    const user = await registerUser(t.app);
    expectProblem(await putAvatar(user, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')), 415);
    expectProblem(await putAvatar(user, Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n')), 415);
    const truncated = pngOf(64, 64).subarray(0, 60);
    const broken = await putAvatar(user, truncated);
    expectProblem(broken, 422);
    // The decoder crashed on that file in its own process; the server still answers.
    expect((await user.request({ method: 'GET', url: '/api/v1/me/profile' })).statusCode).toBe(200);
    expectProblem(await putAvatar(user, Buffer.alloc(5 * 1024 * 1024 + 1, 0x89)), 413);
    expect((await user.request({ method: 'GET', url: '/api/v1/me/profile' })).json().avatarUrl).toBeNull();
  });
});
