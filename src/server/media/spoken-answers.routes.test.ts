import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Interview, Report } from '../../contract/index.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
import { makeWav, metadata, send } from './media-test-support.js';
import { chromiumRecording, voiceFixtures } from '../testing/voice-fixtures.js';
import { createOrgFixture } from '../testing/org-fixture.js';
import { MINUTE, schedule, startNow } from '../testing/interview-fixture.js';

const TRANSCRIPT =
  'Um, when our checkout service slowed down I added tracing, found an index missing on the orders table, added it, and I think latency fell from two seconds to two hundred milliseconds.';

describe('spoken answers: a recording and its transcript, graded like a typed answer', () => {
  let t: TestApp;
  let base: string;
  let alice: Browser;
  let bob: Browser;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    base = `http://127.0.0.1:${address.port}`;
    alice = await registerUser(t.app);
    bob = await registerUser(t.app);
  });
  afterAll(() => t.close());

  async function record(who: Browser, seconds: number, finish = true, wav = makeWav(seconds), filetype = 'audio/wav'): Promise<string> {
    const created = await send(base, who, 'POST', '/api/v1/uploads', {
      'upload-length': String(wav.length),
      'upload-metadata': metadata({ filetype, durationMs: String(seconds * 1000) }),
    });
    expect(created.status).toBe(201);
    if (finish) {
      const done = await send(
        base,
        who,
        'PATCH',
        created.headers.location!,
        { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
        wav,
      );
      expect(done.status).toBe(204);
    }
    return created.headers.location!.split('/').pop()!;
  }

  async function practice(who: Browser): Promise<Interview> {
    const res = await who.request({
      method: 'POST',
      url: '/api/v1/interviews',
      payload: { kind: 'practice', type: 'behavioral', role: 'Backend engineer', level: 'mid', questionCount: 2 },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as Interview;
  }

  it('stores the transcript as the answer, links the recording, and measures the delivery', async () => {
    const iv = await practice(alice);
    const mediaId = await record(alice, 12);
    const questionId = iv.questions[0]!.id;
    const res = await alice.request({
      method: 'POST',
      url: `/api/v1/interviews/${iv.id}/answers`,
      payload: { questionId, text: TRANSCRIPT, mediaId },
    });
    expect(res.statusCode, res.body).toBe(201);
    const answer = res.json() as Answer;
    expect(answer.text).toBe(TRANSCRIPT);
    expect(answer.mediaId).toBe(mediaId);
    // Graded by the evaluator like a typed answer; only a spoken one carries delivery.
    const typed = await alice.request({
      method: 'POST',
      url: `/api/v1/interviews/${iv.id}/answers`,
      payload: { questionId: iv.questions[1]!.id, text: TRANSCRIPT },
    });
    expect(answer.evaluation).not.toBeNull();
    expect(typed.json<Answer>().delivery ?? null).toBeNull();
    // 32 words over the 12 s the recorder measured.
    expect(answer.delivery).toMatchObject({
      words: 32,
      speakingSeconds: 12,
      wordsPerMinute: 160,
      fillers: [{ word: 'um', count: 1 }],
      hedges: [{ phrase: 'i think', count: 1 }],
    });

    const reread = (await alice.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}` })).json() as Interview;
    expect(reread.answers.find((a) => a.questionId === questionId)).toMatchObject({ mediaId, delivery: { wordsPerMinute: 160 } });
  });

  it("refuses another user's recording and one still uploading, storing nothing", async () => {
    const iv = await practice(bob);
    const questionId = iv.questions[0]!.id;
    const alices = await record(alice, 2);
    const theirs = await bob.request({
      method: 'POST',
      url: `/api/v1/interviews/${iv.id}/answers`,
      payload: { questionId, text: TRANSCRIPT, mediaId: alices },
    });
    expectProblem(theirs, 404);
    const unfinished = await record(bob, 2, false);
    const early = await bob.request({
      method: 'POST',
      url: `/api/v1/interviews/${iv.id}/answers`,
      payload: { questionId, text: TRANSCRIPT, mediaId: unfinished },
    });
    expectProblem(early, 409, 'invalid_state');
    const reread = (await bob.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}` })).json() as Interview;
    expect(reread.answers).toEqual([]);
  });
  it('the coach and admin reviewing an assigned interview play its recorded answers; other staff and users get 404', async () => {
    const org = await createOrgFixture(t, { coaches: 2, candidates: 1, assign: [[0, 0]] });
    const [coach, otherCoach] = org.coaches;
    const candidate = org.candidates[0]!;
    const iv = await schedule(t, coach!, candidate.user.id, { startIn: 2 * MINUTE });
    t.clock.advance(3 * MINUTE);
    await startNow(candidate, iv.id);
    const mediaId = await record(candidate, 6);
    const answered = await candidate.request({
      method: 'POST',
      url: `/api/v1/interviews/${iv.id}/answers`,
      payload: { questionId: iv.questions[0]!.id, text: TRANSCRIPT, mediaId },
    });
    expect(answered.statusCode, answered.body).toBe(201);

    for (const reviewer of [coach!, org.admin, candidate]) {
      expect((await send(base, reviewer, 'GET', `/api/v1/media/${mediaId}/content`)).status).toBe(200);
      expect((await reviewer.request({ method: 'GET', url: `/api/v1/media/${mediaId}` })).statusCode).toBe(200);
    }
    // Staff of the organization who do not coach this candidate, and strangers, do not learn it exists.
    for (const outsider of [otherCoach!, bob]) {
      expect((await send(base, outsider, 'GET', `/api/v1/media/${mediaId}/content`)).status).toBe(404);
      expect((await outsider.request({ method: 'GET', url: `/api/v1/media/${mediaId}` })).statusCode).toBe(404);
    }
    // Reviewing is reading: only the candidate deletes their recording.
    expectProblem(await coach!.request({ method: 'DELETE', url: `/api/v1/media/${mediaId}` }), 404);
  });

  it('measures pauses, pace, pitch and level from the voice in a browser recording', async () => {
    const iv = await practice(alice);
    const fixture = voiceFixtures().find((f) => f.targetWordsPerMinute === 160)!;
    const mediaId = await record(alice, 23, true, chromiumRecording(), 'audio/webm');
    const res = await alice.request({
      method: 'POST',
      url: `/api/v1/interviews/${iv.id}/answers`,
      payload: { questionId: iv.questions[0]!.id, text: fixture.transcript, mediaId },
    });
    expect(res.statusCode, res.body).toBe(201);
    const delivery = res.json<Answer>().delivery!;
    // Without word timings the pace is the words over the voiced time, not over the 23 s recorded.
    expect(delivery.pausesFrom).toBe('voice');
    expect(Math.abs(delivery.wordsPerMinute! - 160) / 160).toBeLessThan(0.08);
    expect(delivery.pauses).toHaveLength(fixture.pauses.length);
    const first = delivery.pauses[0]!.startSeconds - fixture.pauses[0]!.startSeconds;
    delivery.pauses.forEach((pause, i) => {
      expect(Math.abs(pause.startSeconds - first - fixture.pauses[i]!.startSeconds)).toBeLessThan(0.1);
      expect(Math.abs(pause.seconds - fixture.pauses[i]!.seconds)).toBeLessThan(0.1);
    });
    expect(delivery.monotone).toBe(true);
    expect(delivery.advice.join(' ')).toMatch(/sounds flat/);
    expect(delivery.loudnessDbfs).toBeGreaterThan(-30);

    // The report takes the spoken answers together; the typed second question adds nothing to it.
    await alice.request({
      method: 'POST',
      url: `/api/v1/interviews/${iv.id}/answers`,
      payload: { questionId: iv.questions[1]!.id, text: 'A typed answer.' },
    });
    const report = (await alice.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}/report` })).json<Report>();
    expect(report.delivery).toMatchObject({
      spokenAnswers: 1,
      words: fixture.words,
      pitchVariationSemitones: delivery.pitchVariationSemitones,
    });
    expect(report.delivery!.advice.join(' ')).toMatch(/flat/);
  });
});
