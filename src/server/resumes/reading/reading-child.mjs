// Development entry of the resume reading process (see src/server/worker-entry.ts). A forked
// process does not inherit the parent's tsx loader hooks, so this plain-JS file registers tsx
// itself before loading the TypeScript; a server run from the bundle forks dist/server/reading-child.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./reading-child.ts');
