// One sandbox process: loads one language runtime (QuickJS or Pyodide, both WebAssembly) once,
// then runs candidates' code on request. Plain JavaScript so that it starts without tsx.
//
// The parent (sandbox-pool.ts) is the real boundary: it kills this process on a wall-clock
// deadline or when its resident memory passes the cap, caps the bytes it accepts, starts it with an
// empty environment in an empty directory and, where the kernel allows, in a network namespace of
// its own. Inside, the candidate's code sees only the runtime: no `process`, `require`, file system
// or sockets of the host (see the hardening below).
//
// Protocol (IPC messages):
//   parent → child  {type:'run', jobId, entry, code, tests:[{args}], timeLimitMs, memoryLimitBytes, outputLimitBytes}
//   child → parent  {type:'ready', baselineRss}
//                   {type:'test-start', jobId, index}
//                   {type:'test-end', jobId, index, outcome, result?, error?, timeMs, output}
//                   {type:'done', jobId}
// outcome is 'ok' | 'error' | 'time_limit' | 'memory_limit' | 'output_limit'.

// Kept before the global `process` is removed (hardenHost).
const host = process;
const language = host.argv[2];
const send = host.send.bind(host);
const onMessage = (handler) => host.on('message', handler);
const exitNow = (code) => host.exit(code);
const rssNow = () => host.memoryUsage.rss();

const truncate = (text, max) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** The first line number the runtime's error names in the candidate's file. */
function lineOf(stackOrMessage, fileName) {
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = [new RegExp(`${escaped}:(\\d+)`), new RegExp(`File "${escaped}", line (\\d+)`, 'g')];
  const js = patterns[0].exec(stackOrMessage);
  if (js) return Number(js[1]);
  // Python: the innermost frame in the candidate's file is the last one listed.
  let last;
  for (const m of stackOrMessage.matchAll(patterns[1])) last = Number(m[1]);
  return last;
}

// ---------------------------------------------------------------- JavaScript (QuickJS)

async function startJavaScript() {
  const { default: variant } = await import('@jitl/quickjs-wasmfile-release-sync');
  const { newQuickJSWASMModuleFromVariant, shouldInterruptAfterDeadline } = await import('quickjs-emscripten-core');
  const module = await newQuickJSWASMModuleFromVariant(variant);
  let runsOnModule = 0;

  // A fresh WebAssembly instance now and then gives its grown memory back. It cannot be made in
  // this process once the host is hardened (loading the wasm needs the `process` and `fetch` that
  // are gone: every run then failed with "both async and sync fetching of the wasm failed"), so
  // after 200 runs the process retires at the end of its job and the pool starts a fresh one.
  runTest.shouldRetire = () => runsOnModule >= 200;
  return runTest;

  async function runTest(job, test) {
    runsOnModule += 1;
    const runtime = module.newRuntime();
    const deadline = Date.now() + job.timeLimitMs;
    let outputOverflow = false;
    let reading = false;
    runtime.setMemoryLimit(job.memoryLimitBytes);
    // About 10,000 frames; the child runs with a larger V8 stack (--stack-size) to hold them.
    runtime.setMaxStackSize(2 * 1024 * 1024);
    runtime.setInterruptHandler(() => !reading && (outputOverflow || shouldInterruptAfterDeadline(deadline)()));
    const vm = runtime.newContext();
    // Every handle is freed before the runtime: QuickJS aborts on a leaked one.
    const handles = [];
    const keep = (handle) => {
      handles.push(handle);
      return handle;
    };
    try {
      // console.* lives inside the VM (a call out to the host costs ~0.2 ms). Past the cap it
      // tells the host once and spins: the interrupt handler then stops it, uncatchably.
      const stop = vm.newFunction('stop', () => {
        outputOverflow = true;
      });
      vm.setProp(vm.global, '__stop', stop);
      stop.dispose();
      const installed = vm.evalCode(
        `(() => {
          const limit = ${job.outputLimitBytes};
          const stop = globalThis.__stop;
          delete globalThis.__stop;
          const chunks = [];
          let size = 0;
          const show = (v) => { if (typeof v === 'string') return v; try { const j = JSON.stringify(v); return j === undefined ? String(v) : j; } catch { return String(v); } };
          const log = (...args) => {
            const line = args.map(show).join(' ') + '\\n';
            size += line.length;
            chunks.push(line);
            if (size > limit) { stop(); for (;;) {} }
          };
          globalThis.console = { log, info: log, warn: log, error: log, debug: log };
          globalThis.__output = () => chunks.join('');
        })()`,
        'console.js',
      );
      if (installed.error) {
        const reason = JSON.stringify(vm.dump(installed.error));
        installed.error.dispose();
        throw new Error(`console: ${reason}`);
      }
      installed.value.dispose();
      const readOutput = () => {
        reading = true;
        const fn = vm.getProp(vm.global, '__output');
        const called = vm.callFunction(fn, vm.undefined);
        fn.dispose();
        if (called.error) {
          called.error.dispose();
          return '';
        }
        const text = vm.getString(called.value);
        called.value.dispose();
        return text.slice(0, job.outputLimitBytes);
      };

      const classify = (errorHandle, fallbackStage) => {
        const dumped = vm.dump(errorHandle);
        errorHandle.dispose();
        const message =
          dumped && typeof dumped === 'object' ? `${dumped.name ?? 'Error'}: ${dumped.message ?? ''}` : `Uncaught ${safeJson(dumped)}`;
        const stack = dumped && typeof dumped === 'object' ? String(dumped.stack ?? '') : '';
        if (outputOverflow) return { outcome: 'output_limit' };
        if (/interrupted/i.test(message)) return { outcome: 'time_limit' };
        if (/out of memory|string too long|invalid array length/i.test(message)) return { outcome: 'memory_limit' };
        return { outcome: 'error', error: { message: truncate(message, 500), line: lineOf(stack, 'solution.js'), stage: fallbackStage } };
      };

      const loaded = vm.evalCode(
        `${job.code}\n;globalThis.__entry = typeof ${job.entry} === 'function' ? ${job.entry} : undefined;`,
        'solution.js',
      );
      if (loaded.error) return { ...classify(loaded.error, 'load'), output: readOutput(), timeMs: 0 };
      loaded.value.dispose();
      const entry = keep(vm.getProp(vm.global, '__entry'));
      if (vm.typeof(entry) !== 'function') {
        return {
          outcome: 'error',
          error: { message: `Define a function named ${job.entry}.`, stage: 'load' },
          output: readOutput(),
          timeMs: 0,
        };
      }
      const parsed = vm.evalCode(`JSON.parse(${JSON.stringify(test.args)})`, 'input.js');
      if (parsed.error) return { ...classify(parsed.error, 'input'), output: readOutput(), timeMs: 0 };
      const argsArray = keep(parsed.value);
      const length = vm.getNumber(keep(vm.getProp(argsArray, 'length')));
      const args = [];
      for (let i = 0; i < length; i++) args.push(keep(vm.getProp(argsArray, i)));
      const started = performance.now();
      const called = vm.callFunction(entry, vm.undefined, ...args);
      const timeMs = performance.now() - started;
      if (called.error) return { ...classify(called.error, 'call'), output: readOutput(), timeMs };
      vm.setProp(vm.global, '__result', called.value);
      called.value.dispose();
      const encoded = vm.evalCode(
        '(() => { const r = JSON.stringify(globalThis.__result); return r === undefined ? "null" : r; })()',
        'output.js',
      );
      if (encoded.error) return { ...classify(encoded.error, 'result'), output: readOutput(), timeMs };
      const result = vm.getString(encoded.value);
      encoded.value.dispose();
      if (outputOverflow) return { outcome: 'output_limit', output: readOutput(), timeMs };
      return { outcome: 'ok', result, output: readOutput(), timeMs };
    } finally {
      for (const handle of handles) if (handle.alive) handle.dispose();
      vm.dispose();
      runtime.dispose();
    }
  }
}

function safeJson(v) {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

// ---------------------------------------------------------------- Python (Pyodide)

// Runs once after Pyodide loads. The bridge modules to JavaScript go: `import js`, `pyodide` and
// friends fail with a clear error, and a candidate's imports of the host-facing standard library
// (os, subprocess, socket, …) are refused. The interpreter state a candidate can change is put
// back after every run (builtins, recursion limit, new modules), so one candidate's run cannot
// change the next one's.
const PYTHON_SETUP = String.raw`
import sys, builtins, json, time, traceback, gc

_BLOCKED = {
    'js', 'pyodide', 'pyodide_js', '_pyodide', '_pyodide_core', 'micropip', 'pyodide_http',
    'os', 'posix', 'nt', 'subprocess', 'socket', '_socket', 'select', 'selectors', 'ssl', '_ssl',
    'ctypes', '_ctypes', 'multiprocessing', '_multiprocessing', 'threading', '_thread', 'signal', '_signal',
    'shutil', 'pathlib', 'tempfile', 'glob', 'fcntl', 'resource', 'pty', 'urllib', 'http',
    'ftplib', 'smtplib', 'telnetlib', 'asyncio', 'importlib', 'imp', 'zipimport', 'gc', 'inspect',
    'code', 'codeop', 'pdb', 'sysconfig', 'site', 'webbrowser', 'platform', 'marshal', 'pickle',
    '__main__', 'builtins', 'runpy', 'pkgutil', 'zipfile', 'tarfile', 'sqlite3', 'mmap',
}

for _name in list(sys.modules):
    if _name.split('.')[0] in ('js', 'pyodide', 'pyodide_js', 'micropip'):
        del sys.modules[_name]

_real_import = builtins.__import__
_builtins_snapshot = dict(builtins.__dict__)
_modules_snapshot = set(sys.modules)
_recursion_limit = sys.getrecursionlimit()

_touched = {}

def _guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
    if level == 0 and name.split('.')[0] in _BLOCKED:
        raise ImportError(f"module '{name}' is not available in the sandbox")
    module = _real_import(name, globals, locals, fromlist, level)
    # A module loaded before this run is shared with the next runs: keep its namespace as it was
    # now, and put it back afterwards (heapq.heappush = None must not outlive the run).
    parts = name.split('.')
    for i in range(1, len(parts) + 1):
        full = '.'.join(parts[:i])
        if full in _modules_snapshot and full not in _touched and full in sys.modules:
            _touched[full] = dict(sys.modules[full].__dict__)
    return module

def _safe_open(*args, **kwargs):
    raise PermissionError('files are not available in the sandbox')

def _candidate_builtins():
    b = dict(_builtins_snapshot)
    b['__import__'] = _guarded_import
    b['open'] = _safe_open
    for name in ('exit', 'quit', 'help', 'breakpoint', 'input', 'copyright', 'credits', 'license'):
        b.pop(name, None)
    return b

def _restore():
    for name, saved in _touched.items():
        namespace = sys.modules[name].__dict__
        namespace.clear()
        namespace.update(saved)
    _touched.clear()
    builtins.__dict__.clear()
    builtins.__dict__.update(_builtins_snapshot)
    sys.setrecursionlimit(_recursion_limit)
    for name in list(sys.modules):
        if name not in _modules_snapshot:
            del sys.modules[name]
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__

def _run_case(code, entry, args_json):
    namespace = {'__name__': '__solution__', '__builtins__': _candidate_builtins()}
    try:
        try:
            compiled = compile(code, '<solution>', 'exec')
            exec(compiled, namespace)
        except BaseException as e:
            return ('error', None, _describe(e), 0.0, 'load')
        fn = namespace.get(entry)
        if not callable(fn):
            return ('error', None, (f'Define a function named {entry}.', None), 0.0, 'load')
        args = json.loads(args_json)
        started = time.perf_counter()
        try:
            result = fn(*args)
        except BaseException as e:
            return ('error', None, _describe(e), (time.perf_counter() - started) * 1000, 'call')
        elapsed = (time.perf_counter() - started) * 1000
        try:
            encoded = json.dumps(result, allow_nan=False)
        except BaseException as e:
            return ('error', None, (f'The result cannot be returned as JSON: {type(e).__name__}: {e}', None), elapsed, 'result')
        return ('ok', encoded, None, elapsed, 'call')
    finally:
        _restore()

def _describe(e):
    line = None
    tb = e.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == '<solution>':
            line = tb.tb_lineno
        tb = tb.tb_next
    if isinstance(e, SyntaxError) and e.filename == '<solution>':
        line = e.lineno
    if isinstance(e, MemoryError):
        return ('MemoryError', line)
    if isinstance(e, RecursionError):
        return (f'RecursionError: {e}', line)
    return (f'{type(e).__name__}: {e}', line)
`;

async function startPython() {
  const { loadPyodide } = await import('pyodide');
  let output = '';
  let outputLimit = 0;
  let outputOverflow = false;
  const write = (text) => {
    if (outputOverflow) return;
    output += text;
    if (output.length > outputLimit) {
      outputOverflow = true;
      output = output.slice(0, outputLimit);
      // Stop the program at its next check: a KeyboardInterrupt raised inside the print call.
      interrupt[0] = 2;
    }
  };
  // An object with no prototype: `import js` (if it got past the guard) would reach nothing.
  const pyodide = await loadPyodide({
    jsglobals: Object.create(null),
    env: {},
    stdout: (s) => write(`${s}\n`),
    stderr: (s) => write(`${s}\n`),
  });
  const interrupt = new Int32Array(new SharedArrayBuffer(4));
  pyodide.setInterruptBuffer(interrupt);
  const deadline = await startDeadlineThread(interrupt);
  pyodide.runPython(PYTHON_SETUP);
  pyodide.unregisterJsModule('js');
  pyodide.unregisterJsModule('pyodide_js');
  const runCase = pyodide.globals.get('_run_case');

  return async function runTest(job, test) {
    output = '';
    outputLimit = job.outputLimitBytes;
    outputOverflow = false;
    interrupt[0] = 0;
    let tuple;
    deadline.arm(job.timeLimitMs);
    try {
      tuple = runCase(job.code, job.entry, test.args);
    } catch (error) {
      // A failure of the runtime itself (e.g. its stack overflowed): this process is not trusted
      // for another run.
      send({ type: 'broken', reason: String(error?.message ?? error).slice(0, 200) });
      if (/call stack/i.test(String(error?.message)))
        return {
          outcome: 'error',
          error: { message: 'RecursionError: maximum recursion depth exceeded', stage: 'call' },
          output,
          timeMs: 0,
          retire: true,
        };
      return { outcome: 'error', error: { message: 'The Python runtime failed', stage: 'call' }, output, timeMs: 0, retire: true };
    } finally {
      deadline.disarm();
    }
    const [status, result, described, timeMs] = tuple.toJs();
    tuple.destroy();
    if (outputOverflow) return { outcome: 'output_limit', output, timeMs };
    if (status === 'ok') return { outcome: 'ok', result, output, timeMs };
    const [message, line] = described;
    if (message === 'MemoryError') return { outcome: 'memory_limit', output, timeMs };
    if (message.startsWith('KeyboardInterrupt')) return { outcome: 'time_limit', output, timeMs: job.timeLimitMs };
    return { outcome: 'error', error: { message: truncate(message, 500), line: line ?? undefined }, output, timeMs };
  };
}

/**
 * Python runs synchronously on this thread, so its deadline is kept by another: when a test
 * outlives its limit, the thread writes SIGINT into Pyodide's interrupt buffer and Python raises
 * KeyboardInterrupt at its next check. The process stays warm (a fresh one takes seconds); code
 * that swallows the interrupt is killed by the pool a little later.
 */
async function startDeadlineThread(interrupt) {
  const { Worker } = await import('node:worker_threads');
  // [0]: generation, odd while a test runs; [1]: its limit in ms.
  const control = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(new URL('./sandbox-deadline.mjs', import.meta.url), { workerData: { control, interrupt } });
  worker.on('error', (error) => send({ type: 'failed', reason: `deadline thread: ${error?.message}` }));
  worker.unref();
  const bump = () => {
    Atomics.add(control, 0, 1);
    Atomics.notify(control, 0);
  };
  return {
    arm(ms) {
      Atomics.store(control, 1, ms);
      bump();
    },
    disarm() {
      bump();
    },
  };
}

// ---------------------------------------------------------------- SQL (PGlite: PostgreSQL in WebAssembly)

const NUMERIC = 1700;
const DATE = 1082;

/** Values as JSON compares them: numeric text as numbers, dates as YYYY-MM-DD, timestamps as ISO text. */
function sqlValue(value, typeId) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return typeId === DATE ? value.toISOString().slice(0, 10) : value.toISOString();
  if (typeId === NUMERIC && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return value;
}

/** PostgreSQL reports an error's position as a character offset; the candidate wants the line. */
const lineAt = (code, position) => (position ? code.slice(0, Number(position) - 1).split('\n').length : undefined);

async function startSql() {
  const { PGlite } = await import('@electric-sql/pglite');
  // One database per process, created once (PostgreSQL's start costs seconds). Every test gets an
  // empty schema of its own inside a transaction that is rolled back, so each run starts from the
  // problem's data and nothing a run does survives it. The candidate's statement runs read-only
  // as a role without superuser rights (no files, no COPY PROGRAM, no settings of the server).
  const db = await PGlite.create();
  // The session user is a superuser, and PostgreSQL lets a session switch to any role its session
  // user may: set_config('role', …) inside the candidate's own statement would undo SET ROLE for
  // the queries it runs dynamically (query_to_xml and the like). Without set_config it cannot.
  await db.exec(`CREATE ROLE candidate NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
    REVOKE EXECUTE ON FUNCTION set_config(text, text, boolean) FROM PUBLIC;`);
  // initdb runs as a WebAssembly instance of its own whose memory is garbage once the database
  // exists, but an idle process is never collected: ≈ 300 MiB stayed resident. Collect now (the
  // pool passes --expose-gc to this runtime only), then take gc away with the rest of the host.
  for (let i = 0; i < 2; i++) {
    globalThis.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return async function runTest(job, test) {
    const [setup] = JSON.parse(test.args);
    const code = job.code.trim().replace(/;+\s*$/, '');
    let started = performance.now();
    try {
      await db.exec(
        `BEGIN; CREATE SCHEMA scratch; SET LOCAL search_path TO scratch; ${setup};
         GRANT USAGE ON SCHEMA scratch TO candidate; GRANT SELECT ON ALL TABLES IN SCHEMA scratch TO candidate;
         SET TRANSACTION READ ONLY; SET LOCAL statement_timeout = ${Math.max(1, Math.floor(job.timeLimitMs))}; SET LOCAL ROLE candidate;`,
      );
    } catch (error) {
      await db.exec('ROLLBACK').catch(() => undefined);
      return {
        outcome: 'error',
        error: { message: `The problem's data did not load: ${String(error?.message ?? error)}` },
        output: '',
        timeMs: 0,
      };
    }
    started = performance.now();
    try {
      const result = await db.query(code, [], { rowMode: 'array' });
      const timeMs = performance.now() - started;
      const rows = result.rows.map((row) => row.map((v, i) => sqlValue(v, result.fields[i]?.dataTypeID)));
      return { outcome: 'ok', result: JSON.stringify(rows), output: '', timeMs };
    } catch (error) {
      const timeMs = performance.now() - started;
      const message = String(error?.message ?? error);
      if (/statement timeout/i.test(message)) return { outcome: 'time_limit', output: '', timeMs };
      const line = lineAt(code, error?.position);
      return { outcome: 'error', error: { message: message.slice(0, 500), ...(line ? { line } : {}) }, output: '', timeMs };
    } finally {
      await db.exec('ROLLBACK').catch(() => undefined);
    }
  };
}

// ---------------------------------------------------------------- hardening and the loop

/**
 * After the runtime is loaded, what JavaScript could reach the host goes: the global `process`,
 * module loading, network clients and the Function constructor (the way from any object to the
 * global scope). The IPC functions were bound above, before `process` went.
 */
function hardenHost() {
  for (const name of ['process', 'fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest', 'require', 'module', 'Buffer', 'navigator', 'gc']) {
    try {
      delete globalThis[name];
    } catch {
      /* not configurable: left */
    }
  }
  const constructors = [
    Function,
    Object.getPrototypeOf(async function () {}).constructor,
    Object.getPrototypeOf(function* () {}).constructor,
    Object.getPrototypeOf(async function* () {}).constructor,
  ];
  for (const ctor of constructors) {
    try {
      Object.defineProperty(ctor.prototype, 'constructor', { value: undefined, writable: false, configurable: false });
    } catch {
      /* left */
    }
  }
  try {
    Object.defineProperty(globalThis, 'eval', { value: undefined, writable: false, configurable: false });
  } catch {
    /* left */
  }
}

async function main() {
  const runTest = language === 'python' ? await startPython() : language === 'sql' ? await startSql() : await startJavaScript();
  const baselineRss = rssNow();
  hardenHost();
  send({ type: 'ready', baselineRss });
  let queue = Promise.resolve();
  onMessage((message) => {
    if (message?.type !== 'run') return;
    queue = queue.then(async () => {
      for (let index = 0; index < message.tests.length; index++) {
        send({ type: 'test-start', jobId: message.jobId, index });
        let outcome;
        try {
          outcome = await runTest(message, message.tests[index]);
        } catch (error) {
          // The runtime itself failed: report it and let the pool start a fresh process.
          const reason = String(error?.message ?? error).slice(0, 300);
          outcome = { outcome: 'error', error: { message: `The sandbox failed: ${reason}` }, output: '', timeMs: 0, retire: true };
        }
        send({ type: 'test-end', jobId: message.jobId, index, ...outcome, rss: rssNow() });
        if (outcome.retire) {
          send({ type: 'done', jobId: message.jobId, retire: true });
          setTimeout(() => exitNow(0), 10);
          return;
        }
      }
      send({ type: 'done', jobId: message.jobId, ...(runTest.shouldRetire?.() ? { retire: true } : {}) });
    });
  });
}

main().catch((error) => {
  send({ type: 'failed', reason: String(error?.stack ?? error).slice(0, 2000) });
  setTimeout(() => exitNow(1), 10);
});
