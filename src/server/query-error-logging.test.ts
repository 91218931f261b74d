import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from './auth/auth.table.js';
import { hashPassword } from './auth/passwords.js';
import { createTestApp, expectProblem, type TestApp } from './testing/test-app.js';

let t: TestApp;
const lines: string[] = [];
let passwordHash: string;
const email = 'leak-check@example.com';
beforeAll(async () => {
  passwordHash = await hashPassword('correct-horse-battery-staple-9');
  t = await createTestApp(
    {},
    {
      logStream: { write: (line) => void lines.push(line) },
      // A statement that fails inside a request: the same user inserted twice (unique violation).
      extend: (app) => {
        app.post('/test/duplicate-user', async () => {
          const now = new Date();
          const row = {
            id: '01900000-0000-7000-8000-000000000001',
            email,
            name: 'Leak Check',
            passwordHash,
            createdAt: now,
            updatedAt: now,
          };
          await t.database.db.insert(users).values(row);
          await t.database.db.insert(users).values(row);
          return { ok: true };
        });
      },
    },
  );
});
afterAll(async () => {
  await t?.close();
});

describe('a failed SQL statement in the log', () => {
  it('names the statement and its SQLSTATE code, and carries none of its values', async () => {
    expectProblem(await t.app.inject({ method: 'POST', url: '/test/duplicate-user' }), 500, 'internal');
    const logged = lines.join('');
    const entry = lines
      .map((l) => JSON.parse(l) as { msg?: string; err?: Record<string, unknown> })
      .find((l) => l.msg === 'unhandled error');
    expect(logged).not.toContain(passwordHash);
    expect(logged).not.toContain('$argon2id$');
    expect(logged).not.toContain(email);
    expect(logged).not.toContain('Leak Check');
    expect(entry?.err).toMatchObject({ type: 'QueryError', statement: 'insert into users', code: '23505' });
  });
});
