import {
  chainText,
  type IntegrityEvent,
  type IntegrityEventKind,
  type IntegrityReceipt,
  type UnhashedIntegrityEvent,
} from '../../../contract/index.js';

type Details = IntegrityEvent['details'];

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface RecorderOptions {
  send: (events: IntegrityEvent[]) => Promise<IntegrityReceipt>;
  /** Where the server's chain stands (its next seq): asked after a send whose fate is unknown. */
  headOf: () => Promise<number>;
  start: { nextSeq: number; lastHash: string };
  onReceipt: (receipt: IntegrityReceipt) => void;
  flushMs?: number;
}

/**
 * Chains what the page observes and sends it in batches. Hashes are made one after another on a
 * promise chain (SubtleCrypto is asynchronous), so seq and hash order always agree with the order
 * events happened in. A failed send keeps the batch for the next try: nothing is dropped here.
 * A failed send may still have been stored (the answer was lost), and sending stored events again
 * is what a replay looks like, so before trying again the recorder asks the server how far its
 * chain got and sends only the rest.
 */
export class IntegrityRecorder {
  private seq: number;
  private previous: string;
  private hashing: Promise<void> = Promise.resolve();
  private pending: IntegrityEvent[] = [];
  private sending = false;
  private uncertain = false;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly options: RecorderOptions) {
    this.seq = options.start.nextSeq - 1;
    this.previous = options.start.lastHash;
  }

  begin(): void {
    this.timer ??= setInterval(() => void this.flush(), this.options.flushMs ?? 3000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    void this.flush();
  }

  record(kind: IntegrityEventKind, details: Details = {}, at: Date = new Date()): void {
    const event: UnhashedIntegrityEvent = { seq: ++this.seq, kind, at: at.toISOString(), details };
    this.hashing = this.hashing.then(async () => {
      const hash = await sha256Hex(chainText(this.previous, event));
      this.previous = hash;
      this.pending.push({ ...event, hash });
    });
  }

  /** Sends what is hashed so far; one request at a time, in order. */
  async flush(): Promise<void> {
    await this.hashing;
    if (this.sending || this.pending.length === 0) return;
    this.sending = true;
    try {
      if (this.uncertain) {
        const next = await this.options.headOf();
        this.pending = this.pending.filter((e) => e.seq >= next);
        this.uncertain = false;
        if (this.pending.length === 0) return;
      }
      const batch = this.pending.slice(0, 200);
      const receipt = await this.options.send(batch);
      this.pending = this.pending.slice(batch.length);
      this.options.onReceipt(receipt);
    } catch {
      // Offline or the server busy: the batch stays and goes with the next flush.
      this.uncertain = true;
    } finally {
      this.sending = false;
    }
  }
}
