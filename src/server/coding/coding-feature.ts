import { codingProblems } from '../../../content/coding/index.js';
import type { AnswerEvaluator } from '../../core/evaluation/types.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { createCodeRunner } from './code-runner.js';
import { createCodingService } from './coding.service.js';
import { createProblemBank } from './problem-bank.js';
import { SandboxPool } from './sandbox/sandbox-pool.js';

/** The SQL sandbox exits after this long without a run (see the pool below). */
const SQL_IDLE_EXIT_MS = 60_000;

/** The coding feature's parts, built once per app: sandbox pools, the problem bank and the service. */
export function createCodingFeature(deps: {
  config: Pick<Config, 'sandbox'>;
  evaluator: AnswerEvaluator;
  clock: Clock;
  log?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}) {
  const { sandbox } = deps.config;
  const onEvent = (event: { kind: string; runtime: string; reason?: string }) => {
    if (event.kind === 'failed') deps.log?.warn(event, 'sandbox process failed to start');
  };
  const pools = {
    javascript: new SandboxPool({ runtime: 'javascript', size: sandbox.jsProcesses, onEvent }),
    python: new SandboxPool({ runtime: 'python', size: sandbox.pythonProcesses, onEvent }),
    // One PostgreSQL (PGlite) process: it costs seconds of CPU and ≈ 380 MiB, so it starts on the
    // first SQL run rather than with the server, and exits after a minute without one (as the resume
    // reader does): SQL problems are rare beside the memory a small server needs.
    sql: new SandboxPool({ runtime: 'sql', size: 1, onEvent, idleExitMs: SQL_IDLE_EXIT_MS }),
  };
  /**
   * Starts the JavaScript and Python processes in the background (when SANDBOX_WARM): a first run
   * then waits only for what is not warm yet. Called once the server listens, so their start-up
   * (Pyodide is seconds of CPU) does not compete with the server's own.
   */
  const warm = () => {
    if (!sandbox.warm) return;
    for (const pool of [pools.javascript, pools.python]) {
      pool.warm().catch((err: unknown) => deps.log?.warn({ err, runtime: pool.runtime }, 'sandbox did not warm up'));
    }
  };
  const bank = createProblemBank(codingProblems);
  const service = createCodingService({
    bank,
    runner: createCodeRunner(pools),
    evaluator: deps.evaluator,
    clock: deps.clock,
    runsPerMinute: sandbox.runsPerMinute,
  });
  return {
    service,
    bank,
    pools,
    warm,
    close: () => Promise.all([pools.javascript.close(), pools.python.close(), pools.sql.close()]).then(() => undefined),
  };
}
