import { createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { ConfigError, type Config } from '../config.js';
import { acquireDataDirLock } from '../data-dir-lock.js';

/** The format of a backup file; restore refuses others. */
const FORMAT = 'panelist-backup/1';
const DATABASE_ENTRY = 'pglite.tar.gz';
const SECRET_FILE = 'secret.key';

export interface BackupSummary {
  file: string;
  databaseBytes: number;
  files: number;
}

function refusePostgres(config: Config, what: string) {
  if (config.databaseUrl)
    throw new ConfigError(
      `${what} covers the embedded database; with DATABASE_URL set, use pg_dump / pg_restore for the database ` +
        '(README, "Backups") and copy STORAGE_DIR yourself.',
    );
}

/** Every file under dir, as paths relative to it; the storage's staging folders are left out. */
function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!prefix && (entry.name === '.tmp' || entry.name === '.uploads')) continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(path.join(dir, entry.name), rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/**
 * `panelist backup FILE`: a ZIP holding the embedded database (PGlite's dumpDataDir, a gzipped
 * tarball), every stored file (resumes, recordings, avatars, exports) and DATA_DIR/secret.key
 * (without it, sessions, links and two-factor secrets of the restored copy would not work). It
 * takes DATA_DIR's lock, so it refuses while the server runs: stop it first (a few seconds for a
 * small database). The file is written beside FILE and renamed into place when complete.
 */
export async function backupDataDir(config: Config, file: string): Promise<BackupSummary> {
  refusePostgres(config, 'panelist backup');
  const pgliteDir = path.join(config.dataDir, 'pglite');
  if (!existsSync(pgliteDir)) throw new ConfigError(`There is no embedded database under ${config.dataDir} to back up.`);
  const release = acquireDataDirLock(config.dataDir);
  const target = path.resolve(file);
  const partial = `${target}.partial`;
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const client = new PGlite(pgliteDir);
    await client.waitReady;
    let dump: Buffer;
    try {
      dump = Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer());
    } finally {
      await client.close();
    }
    const zip = new yazl.ZipFile();
    const stored = filesUnder(config.storageDir);
    const secret = path.join(config.dataDir, SECRET_FILE);
    zip.addBuffer(
      Buffer.from(
        JSON.stringify({ format: FORMAT, createdAt: new Date().toISOString(), databaseBytes: dump.length, files: stored.length }, null, 2),
      ),
      'manifest.json',
    );
    // Already compressed: stored as it is.
    zip.addBuffer(dump, DATABASE_ENTRY, { compress: false });
    if (existsSync(secret)) zip.addFile(secret, SECRET_FILE);
    for (const rel of stored) zip.addFile(path.join(config.storageDir, rel), `files/${rel}`);
    zip.end();
    await pipeline(zip.outputStream, createWriteStream(partial, { mode: 0o600 }));
    renameSync(partial, target);
    return { file: target, databaseBytes: dump.length, files: stored.length };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    release();
  }
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: true }, (err, zip) => (err ? reject(err) : resolve(zip))),
  );
}

/** Calls `each` for every entry, one after another. */
async function readEntries(file: string, each: (entry: yauzl.Entry, open: () => Promise<NodeJS.ReadableStream>) => Promise<void>) {
  const zip = await openZip(file);
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      const open = () =>
        new Promise<NodeJS.ReadableStream>((res, rej) => zip.openReadStream(entry, (err, stream) => (err ? rej(err) : res(stream))));
      each(entry, open).then(() => zip.readEntry(), reject);
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** A relative path inside the backup that stays inside its folder. */
function safeRelative(name: string): string {
  const normal = path.posix.normalize(name);
  if (normal.startsWith('../') || normal === '..' || path.posix.isAbsolute(normal) || normal.includes('\0'))
    throw new ConfigError(`The backup holds a path outside its folders (${JSON.stringify(name)}): refused.`);
  return normal;
}

/**
 * `panelist restore FILE`: puts a backup into DATA_DIR (database, stored files, secret key). It
 * takes DATA_DIR's lock, so it refuses while a server runs there, and refuses a DATA_DIR that
 * already has a database unless `force` (then the database and files there are replaced).
 */
export async function restoreDataDir(config: Config, file: string, options: { force?: boolean } = {}): Promise<BackupSummary> {
  refusePostgres(config, 'panelist restore');
  const source = path.resolve(file);
  if (!existsSync(source) || !statSync(source).isFile()) throw new ConfigError(`No backup file at ${source}.`);
  mkdirSync(config.dataDir, { recursive: true });
  const release = acquireDataDirLock(config.dataDir);
  try {
    const pgliteDir = path.join(config.dataDir, 'pglite');
    const hasDatabase = existsSync(pgliteDir) && readdirSync(pgliteDir).length > 0;
    if (hasDatabase && !options.force)
      throw new ConfigError(`${config.dataDir} already holds a database: restore into an empty DATA_DIR, or pass --force to replace it.`);

    // First pass: the manifest and the database; nothing is written before both are there.
    let manifest: { format?: string } | null = null;
    let dump: Buffer | null = null;
    await readEntries(source, async (entry, open) => {
      if (entry.fileName === 'manifest.json') manifest = JSON.parse((await streamToBuffer(await open())).toString()) as { format?: string };
      else if (entry.fileName === DATABASE_ENTRY) dump = await streamToBuffer(await open());
    });
    if ((manifest as { format?: string } | null)?.format !== FORMAT || !dump)
      throw new ConfigError(`${source} is not a Panelist backup (no ${FORMAT} manifest or no database).`);

    if (options.force) {
      rmSync(pgliteDir, { recursive: true, force: true });
      rmSync(config.storageDir, { recursive: true, force: true });
    }
    mkdirSync(pgliteDir, { recursive: true });
    const { PGlite } = await import('@electric-sql/pglite');
    const client = new PGlite(pgliteDir, { loadDataDir: new Blob([dump]) });
    await client.waitReady;
    await client.close();

    let files = 0;
    await readEntries(source, async (entry, open) => {
      if (entry.fileName.endsWith('/')) return;
      if (entry.fileName === SECRET_FILE) {
        await writeFile(path.join(config.dataDir, SECRET_FILE), await streamToBuffer(await open()), { mode: 0o600 });
      } else if (entry.fileName.startsWith('files/')) {
        const target = path.join(config.storageDir, safeRelative(entry.fileName.slice('files/'.length)));
        mkdirSync(path.dirname(target), { recursive: true });
        await pipeline(await open(), createWriteStream(target));
        files += 1;
      }
    });
    return { file: source, databaseBytes: (dump as Buffer).length, files };
  } finally {
    release();
  }
}

async function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
