import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Runtimes a sandbox process can host. TypeScript runs as JavaScript after transpiling. */
export type SandboxRuntime = 'javascript' | 'python' | 'sql';

export interface SandboxTest {
  /** The arguments as a JSON array. */
  args: string;
}

export interface SandboxJob {
  entry: string;
  code: string;
  tests: SandboxTest[];
  timeLimitMs: number;
  memoryLimitBytes: number;
  outputLimitBytes: number;
}

export type SandboxOutcomeKind = 'ok' | 'error' | 'time_limit' | 'memory_limit' | 'output_limit';

export interface SandboxOutcome {
  outcome: SandboxOutcomeKind;
  /** The returned value as JSON, when the call returned. */
  result?: string;
  error?: { message: string; line?: number };
  output: string;
  timeMs: number;
  /** Peak resident memory above the idle runtime while this test ran. */
  memoryBytes: number;
}

export interface SandboxPoolOptions {
  runtime: SandboxRuntime;
  size: number;
  /** Time allowed past a test's limit before the process is killed (the runtime's own deadline goes first). */
  killGraceMs?: number;
  /** How often resident memory is read. */
  watchIntervalMs?: number;
  /**
   * A process idle this long exits, and the next run starts a fresh one; unset, processes stay
   * (warm pools). For runtimes that hold a lot and are used rarely (SQL: ≈ 380 MiB).
   */
  idleExitMs?: number;
  onEvent?: (event: { kind: 'spawn' | 'kill' | 'exit' | 'failed'; runtime: SandboxRuntime; reason?: string }) => void;
}

const CHILD_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sandbox-child.mjs');
const PAGE_SIZE = 4096;
/** A returned value larger than this is treated like too much output. */
const RESULT_LIMIT_BYTES = 8 * 1024 * 1024;
const START_TIMEOUT_MS = 60_000;

let networkIsolation: boolean | undefined;
/** Whether `unshare -rn` can give the process a network namespace of its own (no interfaces but a down loopback). */
export function canIsolateNetwork(): boolean {
  if (networkIsolation === undefined) {
    const probe = spawnSync('unshare', ['-rn', 'true'], { stdio: 'ignore', timeout: 5000 });
    networkIsolation = probe.status === 0;
  }
  return networkIsolation;
}

function residentBytes(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    return Number(fields[1]) * PAGE_SIZE;
  } catch {
    return undefined;
  }
}

interface ActiveJob {
  job: SandboxJob;
  /** Index in the job of the test now running, or -1 before the first starts. */
  index: number;
  outcomes: SandboxOutcome[];
  peak: number;
  timer?: NodeJS.Timeout;
  resolve: (outcomes: SandboxOutcome[]) => void;
  reject: (error: Error) => void;
  /** Set when the pool kills the process, so the exit is read as this verdict. */
  killedFor?: 'time_limit' | 'memory_limit' | 'output_limit';
}

interface ChildMessage {
  type: string;
  baselineRss?: number;
  index?: number;
  outcome?: SandboxOutcomeKind;
  result?: string;
  error?: { message: string; line?: number };
  output?: string;
  timeMs?: number;
  retire?: boolean;
  reason?: string;
}

class SandboxProcess {
  readonly child: ChildProcess;
  baseline = 0;
  ready: Promise<void>;
  active?: ActiveJob;
  dead = false;
  private stderr = '';

  constructor(
    private readonly options: Required<Omit<SandboxPoolOptions, 'onEvent' | 'size' | 'idleExitMs'>> & Pick<SandboxPoolOptions, 'onEvent'>,
    private readonly onIdle: (proc: SandboxProcess) => void,
    private readonly onGone: (
      proc: SandboxProcess,
      unfinished?: { job: SandboxJob; outcomes: SandboxOutcome[]; active: ActiveJob },
    ) => void,
  ) {
    const cwd = mkdtempSync(path.join(tmpdir(), 'panelist-sandbox-'));
    const node = process.execPath;
    const args = [
      '--max-old-space-size=256',
      '--stack-size=7000',
      '--disallow-code-generation-from-strings',
      // The SQL runtime collects once after PostgreSQL's start (sandbox-child.mjs startSql).
      ...(options.runtime === 'sql' ? ['--expose-gc'] : []),
      CHILD_SCRIPT,
      options.runtime,
    ];
    const [command, commandArgs] = canIsolateNetwork() ? ['unshare', ['-rn', node, ...args]] : [node, args];
    this.child = spawn(command, commandArgs, { cwd, env: {}, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
    options.onEvent?.({ kind: 'spawn', runtime: options.runtime });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-4000);
    });
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`sandbox ${options.runtime} did not start in time`));
        this.kill();
      }, START_TIMEOUT_MS);
      this.child.on('message', (message: ChildMessage) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          this.baseline = residentBytes(this.child.pid ?? 0) ?? message.baselineRss ?? 0;
          resolve();
        } else if (message.type === 'failed') {
          clearTimeout(timer);
          options.onEvent?.({ kind: 'failed', runtime: options.runtime, reason: message.reason });
          reject(new Error(`sandbox ${options.runtime} failed to start: ${message.reason ?? ''}`));
        } else {
          this.onMessage(message);
        }
      });
      this.child.on('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`sandbox ${options.runtime} exited (${code ?? signal}) ${this.stderr.slice(-500)}`));
        this.onExit(String(code ?? signal));
      });
      this.child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    // The promise is awaited by the pool; an early failure must not be an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  start(active: ActiveJob): void {
    this.active = active;
    this.child.send({ type: 'run', jobId: 1, ...active.job });
  }

  /** Reads memory while a test runs; kills at the cap. */
  watch(): void {
    const active = this.active;
    if (!active || this.dead || active.index < 0) return;
    const rss = residentBytes(this.child.pid ?? 0);
    if (rss === undefined) return;
    active.peak = Math.max(active.peak, rss);
    if (rss - this.baseline > active.job.memoryLimitBytes) {
      active.killedFor = 'memory_limit';
      this.kill();
    }
  }

  kill(): void {
    if (this.dead) return;
    this.options.onEvent?.({ kind: 'kill', runtime: this.options.runtime });
    this.child.kill('SIGKILL');
  }

  private onMessage(message: ChildMessage): void {
    const active = this.active;
    if (!active) return;
    if (message.type === 'test-start') {
      active.index = message.index ?? 0;
      active.peak = residentBytes(this.child.pid ?? 0) ?? this.baseline;
      clearTimeout(active.timer);
      active.timer = setTimeout(() => {
        active.killedFor = 'time_limit';
        this.kill();
      }, active.job.timeLimitMs + this.options.killGraceMs);
    } else if (message.type === 'test-end') {
      clearTimeout(active.timer);
      const tooLarge = (message.result?.length ?? 0) > RESULT_LIMIT_BYTES;
      active.outcomes.push({
        outcome: tooLarge ? 'output_limit' : (message.outcome ?? 'error'),
        ...(message.result !== undefined && !tooLarge ? { result: message.result } : {}),
        ...(message.error ? { error: message.error } : {}),
        output: (message.output ?? '').slice(0, active.job.outputLimitBytes),
        timeMs: Math.round((message.timeMs ?? 0) * 100) / 100,
        memoryBytes: Math.max(0, active.peak - this.baseline),
      });
    } else if (message.type === 'done') {
      if (active.outcomes.length < active.job.tests.length) {
        // The child retired in the middle of a job (its runtime failed on one test): the job's
        // other tests run in a fresh process, as after a kill, instead of going unanswered.
        this.kill();
        return;
      }
      this.active = undefined;
      active.resolve(active.outcomes);
      const rss = residentBytes(this.child.pid ?? 0) ?? 0;
      // A runtime that grew a lot keeps that memory: start a fresh one rather than judge the next
      // candidate against it.
      if (message.retire || rss - this.baseline > active.job.memoryLimitBytes / 2) this.kill();
      else this.onIdle(this);
    }
  }

  private onExit(reason: string): void {
    if (this.dead) return;
    this.dead = true;
    this.options.onEvent?.({ kind: 'exit', runtime: this.options.runtime, reason });
    const active = this.active;
    this.active = undefined;
    if (!active) return this.onGone(this);
    clearTimeout(active.timer);
    if (active.index >= 0 && active.outcomes.length === active.index) {
      const kind = active.killedFor ?? 'error';
      active.outcomes.push({
        outcome: kind,
        ...(kind === 'error' ? { error: { message: 'The program crashed the runtime (its stack or memory ran out).' } } : {}),
        output: '',
        timeMs: kind === 'time_limit' ? active.job.timeLimitMs : 0,
        memoryBytes: Math.max(0, active.peak - this.baseline),
      });
    }
    this.onGone(this, { job: active.job, outcomes: active.outcomes, active });
  }
}

interface Pending {
  job: SandboxJob;
  outcomes: SandboxOutcome[];
  resolve: (outcomes: SandboxOutcome[]) => void;
  reject: (error: Error) => void;
}

/**
 * A pool of sandbox processes for one runtime. Jobs queue for a free process; a process killed
 * for a limit is replaced, and the job's remaining tests carry on in another process.
 */
export class SandboxPool {
  private readonly processes = new Set<SandboxProcess>();
  private readonly idle: SandboxProcess[] = [];
  private readonly idleTimers = new Map<SandboxProcess, NodeJS.Timeout>();
  private readonly queue: Pending[] = [];
  private readonly watcher: NodeJS.Timeout;
  private closed = false;
  private readonly options: Required<Omit<SandboxPoolOptions, 'onEvent' | 'idleExitMs'>> &
    Pick<SandboxPoolOptions, 'onEvent' | 'idleExitMs'>;

  constructor(options: SandboxPoolOptions) {
    // Python stops at its next interrupt check after the deadline, so it gets a longer grace.
    this.options = { killGraceMs: options.runtime === 'python' ? 300 : 100, watchIntervalMs: 10, ...options };
    this.watcher = setInterval(() => {
      for (const proc of this.processes) proc.watch();
    }, this.options.watchIntervalMs);
    this.watcher.unref();
  }

  get runtime(): SandboxRuntime {
    return this.options.runtime;
  }

  /** Sandbox processes alive now (starting, idle or running a job). */
  running(): number {
    return this.processes.size;
  }

  /** Starts processes up to the pool size and waits until they are ready. */
  async warm(): Promise<void> {
    const starting: Promise<void>[] = [];
    while (this.processes.size < this.options.size) starting.push(this.spawn().ready);
    await Promise.all(starting);
  }

  /** Runs every test of the job, in order, and gives one outcome per test. */
  run(job: SandboxJob): Promise<SandboxOutcome[]> {
    if (this.closed) return Promise.reject(new Error('the sandbox pool is closed'));
    if (job.tests.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ job, outcomes: [], resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.watcher);
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    for (const pending of this.queue.splice(0)) pending.reject(new Error('the sandbox pool is closed'));
    const exits = [...this.processes].map(
      (proc) =>
        new Promise<void>((resolve) => {
          if (proc.dead) return resolve();
          proc.child.once('exit', () => resolve());
          proc.kill();
        }),
    );
    await Promise.all(exits);
  }

  private spawn(): SandboxProcess {
    const proc = new SandboxProcess(
      this.options,
      (p) => this.becameIdle(p),
      (p, unfinished) => this.gone(p, unfinished),
    );
    this.processes.add(proc);
    proc.ready.then(
      () => {
        if (!proc.dead) this.becameIdle(proc);
      },
      (error: Error) => {
        this.processes.delete(proc);
        // Nothing can run without a runtime: fail what waits rather than loop on spawning.
        if (this.processes.size === 0) for (const pending of this.queue.splice(0)) pending.reject(error);
      },
    );
    return proc;
  }

  /** A process free for the next job; with idleExitMs, it exits if none comes in time. */
  private becameIdle(proc: SandboxProcess): void {
    this.idle.push(proc);
    const { idleExitMs } = this.options;
    if (idleExitMs !== undefined && !this.closed) {
      const timer = setTimeout(() => {
        this.idleTimers.delete(proc);
        const at = this.idle.indexOf(proc);
        if (at < 0) return;
        this.idle.splice(at, 1);
        proc.kill();
      }, idleExitMs);
      timer.unref();
      this.idleTimers.set(proc, timer);
    }
    this.dispatch();
  }

  private gone(proc: SandboxProcess, unfinished?: { job: SandboxJob; outcomes: SandboxOutcome[]; active: ActiveJob }): void {
    this.processes.delete(proc);
    clearTimeout(this.idleTimers.get(proc));
    this.idleTimers.delete(proc);
    const at = this.idle.indexOf(proc);
    if (at >= 0) this.idle.splice(at, 1);
    if (unfinished) {
      const { job, outcomes, active } = unfinished;
      const rest = job.tests.slice(outcomes.length);
      if (rest.length === 0) active.resolve(outcomes);
      else {
        // The remaining tests go first, in a fresh or free process.
        const pending: Pending = {
          job: { ...job, tests: rest },
          outcomes: [],
          resolve: (more) => active.resolve([...outcomes, ...more]),
          reject: active.reject,
        };
        this.queue.unshift(pending);
      }
    }
    if (!this.closed) this.dispatch();
  }

  private dispatch(): void {
    if (this.closed) return;
    while (this.queue.length > 0) {
      const proc = this.idle.shift();
      if (!proc) {
        if (this.processes.size < this.options.size) this.spawn();
        return;
      }
      clearTimeout(this.idleTimers.get(proc));
      this.idleTimers.delete(proc);
      if (proc.dead) continue;
      const pending = this.queue.shift()!;
      proc.start({ job: pending.job, index: -1, outcomes: pending.outcomes, peak: 0, resolve: pending.resolve, reject: pending.reject });
    }
  }
}
