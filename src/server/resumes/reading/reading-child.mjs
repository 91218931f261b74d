// Entry of the resume reading process. A forked process does not inherit the parent's tsx
// loader hooks, so this plain-JS file registers tsx itself before loading the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./reading-child.ts');
