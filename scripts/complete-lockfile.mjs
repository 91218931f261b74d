// Runs after `npm install` (the "postinstall" script). The registry mirror on the team's machines
// serves only the Linux builds of some native packages (Tailwind's oxide, unrs-resolver), so npm
// leaves the other platforms' optional packages out of package-lock.json, and `npm ci` then
// refuses the lock file as out of sync. This records each missing optional package with the
// exact version its parent asks for; npm skips it at install time as an optional package it
// cannot fetch or does not need. Against a complete registry it finds nothing to add.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages ?? {};
let added = 0;
for (const [key, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${key === '' ? '' : `${key}/`}node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    packages[`node_modules/${name}`] = { version, ...(entry.dev ? { dev: true } : {}), optional: true };
    added += 1;
  }
}
if (added > 0) {
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`complete-lockfile: recorded ${added} optional platform package(s) in package-lock.json`);
}
