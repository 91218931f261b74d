// Development entry of the voice worker thread (see src/server/worker-entry.ts): worker threads do
// not inherit the main thread's loader hooks, so this plain-JS file registers tsx before loading
// the TypeScript body; a server run from the bundle starts dist/server/voice-thread.mjs.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./voice-worker.ts');
export default worker.default;
