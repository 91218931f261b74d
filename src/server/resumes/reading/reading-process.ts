import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExtractedSkills } from '../../../contract/job-descriptions.js';
import type { ResumeMimeType } from '../../../contract/resumes.js';
import { AppError, type ErrorCode } from '../../../core/errors.js';
import type { JobRequest, ReadReply, ReadRequest } from './reading-child.js';
import type { ResumeReading } from './read-resume.js';
import { workerEntry } from '../../worker-entry.js';

/**
 * Reads resumes and job descriptions in child processes, never on the server's thread. A PDF can
 * hold a 200 MB stream in 200 KB; pdf.js inflating it would stall every request, and a job
 * description's skill extraction runs patterns over text a user wrote. Each reading has a deadline
 * and a memory cap: a process that passes either is killed (SIGKILL — a busy loop cannot be
 * asked politely) and the upload gets a 422. A child process rather than a worker thread,
 * because a worker's resourceLimits bound only the JavaScript heap, and pdf.js's inflated
 * streams and the OCR engine live in ArrayBuffers and WebAssembly memory outside it; the RSS of
 * a process counts everything. Processes are started on first use and kept for the next file,
 * until they have been idle for `idleExitMs`: a reading process holds 250–650 MiB (pdf.js, the
 * OCR engine), uploads are rare, and a small server needs that memory more than it needs the
 * second or two a cold start adds to the next upload.
 */

export interface ReadingProcessOptions {
  /** Wall time for one file, from the moment its process takes it (default 10 s). */
  deadlineMs?: number;
  /** Resident memory a reading process may reach (default 1024 MiB: measured 250–330 idle, up to ~690 with the OCR engine, ~710 inflating the stream bomb). */
  memoryMb?: number;
  /** Files read at once (default 1); more wait their turn. */
  processes?: number;
  /** A process idle this long exits (default 60 s); the next file starts a new one. */
  idleExitMs?: number;
  log?: { warn(obj: object, msg: string): void };
}

export const DEFAULT_READING_DEADLINE_MS = 10_000;
const DEFAULT_MEMORY_MB = 1024;
const DEFAULT_IDLE_EXIT_MS = 60_000;
const WATCH_EVERY_MS = 20;
const CHILD = fileURLToPath(workerEntry('reading-child', new URL('./reading-child.mjs', import.meta.url)));

interface Job {
  request: Omit<ReadRequest, 'id' | 'timeoutMs'> | Omit<JobRequest, 'id' | 'timeoutMs'>;
  resolve(value: ResumeReading | ExtractedSkills): void;
  reject(error: unknown): void;
}

interface Slot {
  child: ChildProcess;
  ready: Promise<void>;
  busy: boolean;
  idleTimer?: NodeJS.Timeout;
}

export interface ReadingProcessPool {
  read(file: Buffer, mimeType: ResumeMimeType, options: { now: Date }): Promise<ResumeReading>;
  /** A job description's skills and required years, read under the same deadline and memory cap. */
  extractJob(text: string): Promise<ExtractedSkills>;
  close(): Promise<void>;
  /** Reading processes alive now. */
  running(): number;
}

export function createReadingProcessPool(options: ReadingProcessOptions = {}): ReadingProcessPool {
  const deadlineMs = options.deadlineMs ?? DEFAULT_READING_DEADLINE_MS;
  const memoryBytes = (options.memoryMb ?? DEFAULT_MEMORY_MB) * 1024 * 1024;
  const size = Math.max(1, options.processes ?? 1);
  const idleExitMs = options.idleExitMs ?? DEFAULT_IDLE_EXIT_MS;
  const slots: (Slot | undefined)[] = Array.from({ length: size }, () => undefined);
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  function start(index: number): Slot {
    const child = fork(CHILD, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      // The JavaScript heap is capped too, so a parse that only allocates objects dies early.
      execArgv: ['--max-old-space-size=512'],
    });
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: unknown) => {
        if ((m as { ready?: boolean }).ready) {
          child.off('message', onMessage);
          resolve();
        }
      };
      child.on('message', onMessage);
      child.once('exit', () => reject(new AppError('unavailable', 'Resumes cannot be read right now. Try again in a minute.')));
    });
    ready.catch(() => undefined);
    const slot: Slot = { child, ready, busy: false };
    child.once('exit', () => {
      if (slots[index] === slot) slots[index] = undefined;
    });
    idle(child);
    return slot;
  }

  // An idle reading process must not keep the server (or a test run) alive.
  const idle = (child: ChildProcess) => {
    child.unref();
    (child.channel as { unref?: () => void } | undefined)?.unref?.();
  };
  const busy = (child: ChildProcess) => {
    child.ref();
    (child.channel as { ref?: () => void } | undefined)?.ref?.();
  };

  function pump(): void {
    while (queue.length > 0) {
      const index = slots.findIndex((s) => s === undefined || !s.busy);
      if (index < 0) return;
      const slot = slots[index] ?? (slots[index] = start(index));
      const job = queue.shift()!;
      slot.busy = true;
      clearTimeout(slot.idleTimer);
      void run(index, slot, job).finally(() => {
        slot.busy = false;
        exitWhenIdle(index, slot);
        pump();
      });
    }
  }

  /** The process exits after idleExitMs without work (on disconnect it stops the OCR engine, then exits). */
  function exitWhenIdle(index: number, slot: Slot): void {
    clearTimeout(slot.idleTimer);
    if (closed || slots[index] !== slot) return;
    slot.idleTimer = setTimeout(() => {
      if (slot.busy || slots[index] !== slot) return;
      slots[index] = undefined;
      if (slot.child.connected) slot.child.disconnect();
      else slot.child.kill('SIGKILL');
    }, idleExitMs);
    slot.idleTimer.unref();
  }

  async function run(index: number, slot: Slot, job: Job): Promise<void> {
    const { child } = slot;
    busy(child);
    try {
      await slot.ready;
    } catch (error) {
      job.reject(error);
      return;
    }
    const id = nextId++;
    await new Promise<void>((done) => {
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watch);
        child.off('message', onMessage);
        child.off('exit', onExit);
        outcome();
        done();
      };
      const kill = (reason: 'deadline' | 'memory') => {
        options.log?.warn({ reason, pid: child.pid }, 'a resume took too long or too much memory to read; its process was killed');
        child.kill('SIGKILL');
        // A fresh process starts at once, so the next upload does not pay for its start.
        if (slots[index] === slot) slots[index] = closed ? undefined : start(index);
        const what = job.request.kind === 'job' ? 'This job description' : 'This file';
        const advice =
          job.request.kind === 'job'
            ? 'Shorten it or paste plain text.'
            : 'Export it again as a simpler PDF, or upload a DOCX or TXT file.';
        finish(() =>
          job.reject(
            new AppError(
              'unprocessable',
              reason === 'deadline' ? `${what} took too long to read. ${advice}` : `${what} needs too much memory to read. ${advice}`,
              { reason },
            ),
          ),
        );
      };
      const onMessage = (m: ReadReply) => {
        if (m.id !== id) return;
        finish(() => {
          if (m.ok) job.resolve('reading' in m ? m.reading : m.extracted);
          else job.reject(new AppError(m.code as ErrorCode, m.message, m.details));
        });
      };
      const onExit = () => {
        if (slots[index] === slot) slots[index] = undefined;
        finish(() => job.reject(new AppError('unprocessable', 'This file could not be read.', { reason: 'crashed' })));
      };
      const timer = setTimeout(() => kill('deadline'), deadlineMs);
      const watch = setInterval(() => {
        const rss = residentBytes(child.pid);
        if (rss !== null && rss > memoryBytes) kill('memory');
      }, WATCH_EVERY_MS);
      child.on('message', onMessage);
      child.once('exit', onExit);
      // The child's own budget is a little shorter, so it can answer with a precise reason first.
      child.send({ ...job.request, id, timeoutMs: Math.max(100, deadlineMs - 500) } satisfies ReadRequest | JobRequest);
    });
    if (slots[index] === slot) idle(child);
  }

  return {
    read(file, mimeType, { now }) {
      if (closed) return Promise.reject(new AppError('unavailable', 'The server is shutting down.'));
      return new Promise<ResumeReading>((resolve, reject) => {
        queue.push({
          request: { file: new Uint8Array(file), mimeType, now: now.toISOString() },
          resolve: resolve as Job['resolve'],
          reject,
        });
        pump();
      });
    },
    extractJob(text) {
      if (closed) return Promise.reject(new AppError('unavailable', 'The server is shutting down.'));
      return new Promise<ExtractedSkills>((resolve, reject) => {
        queue.push({ request: { kind: 'job', text }, resolve: resolve as Job['resolve'], reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const slot of slots) clearTimeout(slot?.idleTimer);
      for (const job of queue.splice(0)) job.reject(new AppError('unavailable', 'The server is shutting down.'));
      await Promise.all(
        slots.map(async (slot) => {
          if (!slot || slot.child.exitCode !== null || slot.child.signalCode !== null) return;
          const exited = new Promise((resolve) => slot.child.once('exit', resolve));
          slot.child.kill('SIGKILL');
          await exited;
        }),
      );
    },
    running: () => slots.filter((slot) => slot && slot.child.exitCode === null && slot.child.signalCode === null).length,
  };
}

/** The resident set of a process, from /proc on Linux; null where that is not available. */
function residentBytes(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return Number.isFinite(pages) ? pages * 4096 : null;
  } catch {
    return null;
  }
}
