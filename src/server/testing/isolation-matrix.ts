import { isDeepStrictEqual } from 'node:util';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrgFixture, type OrgFixture } from './org-fixture.js';
import type { Browser, TestApp } from './test-app.js';

/**
 * A table-driven tenant-isolation check for tests: every endpoint is tried by every caller who
 * must not use it, the status is compared, and the database must read the same afterwards.
 * Then the rightful owner runs the same table in order, so a mistyped URL cannot pass as a 404.
 * A new endpoint is one more row.
 */

export type Call = (options: InjectOptions) => Promise<LightMyRequestResponse>;

export interface Probe<W> {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: (w: W) => string;
  payload?: (w: W) => object;
  /** The status each caller must get. Callers left out are not tried here (they may do this). */
  expect: Partial<Record<string, number>>;
  /** For a caller who may read (2xx): throw if the answer shows anything out of their reach. */
  inspect?: (body: unknown, w: W, caller: string) => void;
  /** The owner's status in the second pass; probes without it are not replayed by the owner. */
  owner?: number;
}

export interface IsolationMatrix<W> {
  /** Builds the world (organizations, people, resources) once, before the first probe. */
  setup: () => Promise<W>;
  /** The callers who must be kept out, by name (e.g. otherAdmin, coach, candidate, anonymous). */
  callers: (w: W) => Record<string, Call>;
  owner: (w: W) => Call;
  /** Everything a denied request must leave unchanged. */
  snapshot: () => Promise<unknown>;
  probes: Probe<W>[];
}

export function describeIsolationMatrix<W>(title: string, m: IsolationMatrix<W>): void {
  describe(title, () => {
    let w: W;
    beforeAll(async () => {
      w = await m.setup();
    });

    it.each(m.probes.map((p) => [`${p.method} ${p.name}`, p] as const))(
      '%s: denied callers are kept out and change nothing',
      async (_, p) => {
        const callers = m.callers(w);
        const failures: string[] = [];
        for (const [who, status] of Object.entries(p.expect)) {
          const call = callers[who];
          if (!call) throw new Error(`unknown caller ${who} in probe ${p.name}`);
          const before = await m.snapshot();
          const res = await call({ method: p.method, url: p.url(w), ...(p.payload ? { payload: p.payload(w) } : {}) });
          if (res.statusCode !== status) failures.push(`${who}: expected ${status}, got ${res.statusCode} ${res.body.slice(0, 200)}`);
          else if (status >= 400 && !String(res.headers['content-type']).startsWith('application/problem+json'))
            failures.push(`${who}: ${status} is not a problem response`);
          if (res.statusCode < 300 && p.inspect) {
            try {
              p.inspect(res.json(), w, who);
            } catch (e) {
              failures.push(`${who}: ${(e as Error).message}`);
            }
          }
          if (!isDeepStrictEqual(await m.snapshot(), before)) failures.push(`${who}: the request changed stored data`);
        }
        expect(failures).toEqual([]);
      },
    );

    it('the owner reaches every endpoint of the table (so the denials above are not typos)', async () => {
      const call = m.owner(w);
      const failures: string[] = [];
      for (const p of m.probes.filter((x) => x.owner !== undefined)) {
        const res = await call({ method: p.method, url: p.url(w), ...(p.payload ? { payload: p.payload(w) } : {}) });
        if (res.statusCode !== p.owner)
          failures.push(`${p.method} ${p.name}: expected ${p.owner}, got ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      expect(failures).toEqual([]);
    });
  });
}

/** The usual cast: two organizations, with an admin, coaches and candidates in the first. */
export interface TwoOrgWorld {
  a: OrgFixture;
  b: OrgFixture;
  /** Coach of candidate 1 in organization a. */
  assignedCoach: Browser;
  /** A coach in organization a who is not assigned to candidate 1. */
  otherCoach: Browser;
  candidate: Browser;
  otherCandidate: Browser;
}

/** In a: coach 1 coaches candidate 1, coach 2 coaches candidate 2. b has its own admin, coach and candidate. */
export async function createTwoOrgWorld(t: TestApp): Promise<TwoOrgWorld> {
  const a = await createOrgFixture(t, {
    name: 'Tenant A',
    coaches: 2,
    candidates: 2,
    assign: [
      [0, 0],
      [1, 1],
    ],
  });
  const b = await createOrgFixture(t, { name: 'Tenant B', coaches: 1, candidates: 1 });
  return { a, b, assignedCoach: a.coaches[0]!, otherCoach: a.coaches[1]!, candidate: a.candidates[0]!, otherCandidate: a.candidates[1]! };
}

/** The four callers who must be kept out of organization a's candidate 1. */
export function deniedCallers(t: TestApp, w: TwoOrgWorld): Record<'otherAdmin' | 'coach' | 'candidate' | 'anonymous', Call> {
  return {
    otherAdmin: w.b.admin.request,
    coach: w.otherCoach.request,
    candidate: w.candidate.request,
    anonymous: (options) => t.app.inject(options),
  };
}
