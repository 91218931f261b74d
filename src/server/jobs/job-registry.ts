/** What a job's code receives. A handler that throws is retried with backoff, up to maxAttempts. */
export interface JobContext {
  jobId: string;
  now: Date;
  /** 1 on the first run. */
  attempt: number;
  /** The job's last allowed attempt; a handler may record a final failure when attempt reaches it. */
  maxAttempts: number;
}

export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;

/**
 * Features register the kinds of job they own (send-mail, interview-deadline …) when the app
 * is built; the runner looks them up by kind.
 */
export class JobRegistry {
  private readonly handlers = new Map<string, JobHandler>();

  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`job kind ${kind} registered twice`);
    this.handlers.set(kind, handler);
  }

  get(kind: string): JobHandler | undefined {
    return this.handlers.get(kind);
  }

  kinds(): string[] {
    return [...this.handlers.keys()];
  }
}
