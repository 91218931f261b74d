// The deadline thread of a Python sandbox process (see startDeadlineThread in sandbox-child.mjs):
// it waits for a test to start, and if the test outlives its limit writes SIGINT (2) into
// Pyodide's interrupt buffer.
import { workerData } from 'node:worker_threads';

const { control, interrupt } = workerData;
let seen = Atomics.load(control, 0);
for (;;) {
  Atomics.wait(control, 0, seen);
  seen = Atomics.load(control, 0);
  if (seen % 2 === 1 && Atomics.wait(control, 0, seen, Atomics.load(control, 1)) === 'timed-out') Atomics.store(interrupt, 0, 2);
}
