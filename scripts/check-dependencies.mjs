#!/usr/bin/env node
// Dependency policy that runs offline (the registry here answers 405 to `npm audit`), from
// package-lock.json and the installed package.json files only:
// - no package may run an install script unless it is on INSTALL_SCRIPTS_ALLOWED;
// - every package's licence must be on LICENCES_ALLOWED (an SPDX "A OR B" needs one of them,
//   "A AND B" all of them);
// - no package the lock file records as deprecated.
// Usage: node scripts/check-dependencies.mjs [path/to/package-lock.json]; exits 1 on a breach.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lockPath = path.resolve(process.argv[2] ?? path.join(root, 'package-lock.json'));

/**
 * Install scripts we have read and accept: esbuild's fetches nothing, it checks its platform binary;
 * tesseract.js's only prints a funding notice (`opencollective-postinstall || true`).
 */
const INSTALL_SCRIPTS_ALLOWED = new Set(['esbuild', 'tesseract.js']);

const LICENCES_ALLOWED = new Set([
  'MIT',
  'MIT-0',
  'ISC',
  'Apache-2.0',
  'BSD',
  'BSD-2-Clause',
  'BSD-3-Clause',
  '0BSD',
  'BlueOak-1.0.0',
  'MPL-2.0',
  'CC0-1.0',
  'CC-BY-4.0',
  'OFL-1.1',
  'Python-2.0',
  'Zlib',
  'Unlicense',
  // DejaVu fonts (the report PDF): Bitstream Vera's permissive font licence, DejaVu changes public domain.
  'Bitstream-Vera',
]);

/** Packages whose manifest names no licence, with the one their LICENSE file states (read by hand). */
const LICENCES_READ_FROM_FILE = new Map([
  ['png-js@2.0.0', 'MIT'],
  // The manifest says "SEE LICENSE IN README.md AND LICENSE"; that file is the Bitstream Vera licence.
  ['dejavu-fonts-ttf@2.37.3', 'Bitstream-Vera'],
  // Its Readme.md ends with "## License MIT" (pulled in by tus-js-client).
  ['combine-errors@3.0.3', 'MIT'],
]);

function licenceAllowed(expression) {
  const text = expression.replace(/[()]/g, ' ').trim();
  if (/\sOR\s/.test(text)) return text.split(/\s+OR\s+/).some((part) => licenceAllowed(part));
  return text.split(/\s+AND\s+/).every((part) => LICENCES_ALLOWED.has(part.trim()));
}

function licenceOf(key, entry) {
  const byHand = LICENCES_READ_FROM_FILE.get(`${key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${entry.version}`);
  if (byHand) return byHand;
  const fromLock = entry.license;
  if (typeof fromLock === 'string') return fromLock;
  const manifest = path.join(path.dirname(lockPath), key, 'package.json');
  if (!existsSync(manifest)) return null;
  const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license?.type) return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => (typeof l === 'string' ? l : l.type)).join(' OR ');
  return LICENCES_READ_FROM_FILE.get(`${pkg.name}@${pkg.version}`) ?? null;
}

const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const problems = [];
let checked = 0;
for (const [key, entry] of Object.entries(lock.packages ?? {})) {
  if (key === '' || entry.link) continue;
  const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
  // Optional platform builds recorded without metadata (scripts/complete-lockfile.mjs) are never
  // fetched on this platform; there is nothing to check until they are.
  if (entry.optional && !entry.resolved && !entry.integrity && !existsSync(path.join(path.dirname(lockPath), key))) continue;
  checked += 1;
  if (entry.hasInstallScript && !INSTALL_SCRIPTS_ALLOWED.has(name)) {
    problems.push(`${key}@${entry.version}: runs an install script and is not on the allow-list`);
  }
  const licence = licenceOf(key, entry);
  if (!licence) problems.push(`${key}@${entry.version}: no licence recorded`);
  else if (!licenceAllowed(licence)) problems.push(`${key}@${entry.version}: licence ${licence} is not on the allowed list`);
  if (entry.deprecated) problems.push(`${key}@${entry.version}: deprecated (${entry.deprecated})`);
}

if (problems.length > 0) {
  console.error(`check-dependencies: ${problems.length} problem(s) in ${checked} packages:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-dependencies: ${checked} packages: install scripts, licences and deprecations within policy`);
