import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where uploaded files live. Keys are made by the server (`newStorageKey`), never taken from a
 * request, so a file name cannot become a path.
 */
export interface FileStorage {
  put(key: string, content: Readable | Buffer): Promise<void>;
  /** The whole file, or the bytes from `start` to `end` inclusive (for playback that seeks). */
  get(key: string, range?: { start: number; end: number }): Readable;
  delete(key: string): Promise<void>;
}

/** "<area>/<uuid>": a lower-case area name and a server-made UUID, nothing else. */
const KEY = /^[a-z][a-z0-9-]{0,30}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function newStorageKey(area: string): string {
  const key = `${area}/${randomUUID()}`;
  assertKey(key);
  return key;
}

function assertKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
}

/**
 * Files under one directory. A write lands in a temporary file first and is renamed into place,
 * so a reader never sees half a file and a failed upload leaves nothing under its key.
 */
export function createLocalFileStorage(root: string): FileStorage {
  const base = path.resolve(root);
  const tmpDir = path.join(base, '.tmp');

  function resolve(key: string): string {
    assertKey(key);
    const full = path.resolve(base, key);
    // The pattern already rules out "..", but the last word belongs to the file system.
    if (!full.startsWith(base + path.sep)) throw new Error(`storage key escapes the root: ${key}`);
    return full;
  }

  return {
    async put(key, content) {
      const target = resolve(key);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await mkdir(tmpDir, { recursive: true, mode: 0o700 });
      const tmp = path.join(tmpDir, `${randomUUID()}.part`);
      try {
        const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
        await pipeline(source, createWriteStream(tmp, { flags: 'wx', mode: 0o600, flush: true }));
        await rename(tmp, target);
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
    },

    get(key, range) {
      return createReadStream(resolve(key), range);
    },

    async delete(key) {
      await rm(resolve(key), { force: true });
    },
  };
}
