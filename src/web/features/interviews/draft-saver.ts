import { ApiError } from '../../lib/api-client.js';
import { saveDraft } from '../../lib/api/interviews.js';

export type DraftSaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  /** The last save failed (offline, server busy); the text is kept on the device and sent again. */
  | { kind: 'retrying' }
  /** The server takes no more drafts (time is up, or the interview ended elsewhere). */
  | { kind: 'closed' };

/** What a draft hook needs from a saver (a practice interview passes one that sends nothing). */
export interface DraftSink {
  subscribe: (listener: () => void) => () => void;
  getState: () => DraftSaveState;
  queue: (questionId: string, text: string) => void;
  forget: (questionId: string) => void;
}

const DEBOUNCE_MS = 1200;
const MAX_RETRY_MS = 30_000;

/**
 * Sends an assigned interview's unsent answers to the server, debounced, one request at a time,
 * retrying with backoff when the connection drops. The newest text per question wins; older
 * unsent versions are simply replaced.
 */
export class DraftSaver implements DraftSink {
  private readonly pending = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = false;
  private retryMs = 0;
  private state: DraftSaveState = { kind: 'idle' };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly interviewId: string) {}

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getState = () => this.state;

  /** Remember the newest text of a question and send it after a pause in typing. */
  queue(questionId: string, text: string): void {
    if (this.state.kind === 'closed') return;
    this.pending.set(questionId, text);
    if (this.state.kind !== 'retrying') this.schedule(DEBOUNCE_MS);
  }

  /** The answer was submitted: its draft no longer matters. */
  forget(questionId: string): void {
    this.pending.delete(questionId);
  }

  /** Send what is pending now (leaving the question, hiding the page, coming back online). */
  flush(): void {
    if (this.state.kind === 'closed' || this.pending.size === 0) return;
    this.schedule(0);
  }

  /** Stop sending: the deadline passed or the interview ended. */
  close(): void {
    clearTimeout(this.timer);
    this.pending.clear();
    this.set({ kind: 'closed' });
  }

  hasPending(): boolean {
    return this.pending.size > 0;
  }

  private set(next: DraftSaveState) {
    this.state = next;
    this.listeners.forEach((l) => l());
  }

  private schedule(ms: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), ms);
  }

  private async run(): Promise<void> {
    if (this.inFlight || this.state.kind === 'closed') return;
    const next = this.pending.entries().next();
    if (next.done) return;
    const [questionId, text] = next.value;
    this.inFlight = true;
    this.set({ kind: 'saving' });
    try {
      await saveDraft(this.interviewId, questionId, text);
      if (this.pending.get(questionId) === text) this.pending.delete(questionId);
      this.retryMs = 0;
      this.set({ kind: 'saved', at: Date.now() });
    } catch (err) {
      if (err instanceof ApiError && [403, 404, 409, 410].includes(err.status)) {
        this.inFlight = false;
        this.close();
        return;
      }
      if (err instanceof ApiError && err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 429) {
        // The server will never take this text (too long, say); keep it on the device only.
        this.pending.delete(questionId);
        this.set({ kind: 'retrying' });
      } else {
        this.retryMs = Math.min(MAX_RETRY_MS, Math.max(2000, this.retryMs * 2));
        this.set({ kind: 'retrying' });
        this.inFlight = false;
        this.schedule(this.retryMs);
        return;
      }
    }
    this.inFlight = false;
    if (this.pending.size > 0) this.schedule(0);
  }
}
