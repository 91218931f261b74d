import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api-client.js';

const saveDraft = vi.fn<(interviewId: string, questionId: string, text: string) => Promise<void>>();
vi.mock('../../lib/api/interviews.js', () => ({ saveDraft: (...args: [string, string, string]) => saveDraft(...args) }));
const { DraftSaver } = await import('./draft-saver.js');

const problem = (status: number, code: string) => new ApiError({ type: 'about:blank', title: 'x', status, code });

describe('DraftSaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    saveDraft.mockReset();
    saveDraft.mockResolvedValue(undefined);
  });
  afterEach(() => vi.useRealTimers());

  it('waits for a pause in typing and sends only the newest text', async () => {
    const saver = new DraftSaver('i1');
    saver.queue('q1', 'H');
    await vi.advanceTimersByTimeAsync(500);
    saver.queue('q1', 'Hello');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saveDraft).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(300);
    expect(saveDraft).toHaveBeenCalledExactlyOnceWith('i1', 'q1', 'Hello');
    expect(saver.getState().kind).toBe('saved');
    expect(saver.hasPending()).toBe(false);
  });

  it('flush sends at once, one request at a time, every question', async () => {
    const saver = new DraftSaver('i1');
    saver.queue('q1', 'first');
    saver.queue('q2', 'second');
    saver.flush();
    await vi.runAllTimersAsync();
    expect(saveDraft.mock.calls).toEqual([
      ['i1', 'q1', 'first'],
      ['i1', 'q2', 'second'],
    ]);
  });

  it('keeps the text and retries with backoff when the network fails', async () => {
    saveDraft.mockRejectedValueOnce(new TypeError('Failed to fetch')).mockRejectedValueOnce(problem(503, 'unavailable'));
    const saver = new DraftSaver('i1');
    saver.queue('q1', 'offline words');
    await vi.advanceTimersByTimeAsync(1200);
    expect(saver.getState().kind).toBe('retrying');
    expect(saver.hasPending()).toBe(true);
    await vi.advanceTimersByTimeAsync(2000);
    expect(saveDraft).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(3999);
    expect(saveDraft).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(saveDraft).toHaveBeenCalledTimes(3);
    expect(saver.getState().kind).toBe('saved');
    expect(saveDraft).toHaveBeenLastCalledWith('i1', 'q1', 'offline words');
  });

  it('stops for good when the server says the time is up', async () => {
    saveDraft.mockRejectedValueOnce(problem(409, 'deadline_passed'));
    const saver = new DraftSaver('i1');
    saver.queue('q1', 'too late');
    await vi.advanceTimersByTimeAsync(1200);
    expect(saver.getState().kind).toBe('closed');
    saver.queue('q1', 'still typing');
    saver.flush();
    await vi.advanceTimersByTimeAsync(5000);
    expect(saveDraft).toHaveBeenCalledTimes(1);
  });

  it('forgets a question whose answer was submitted', async () => {
    const saver = new DraftSaver('i1');
    saver.queue('q1', 'answered');
    saver.forget('q1');
    await vi.advanceTimersByTimeAsync(2000);
    expect(saveDraft).not.toHaveBeenCalled();
  });
});
