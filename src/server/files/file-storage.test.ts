import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalFileStorage, newStorageKey, type FileStorage } from './file-storage.js';

let root: string;
let storage: FileStorage;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'panelist-files-'));
  storage = createLocalFileStorage(root);
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [path.relative(root, full)];
  });
}

describe('local file storage', () => {
  it('stores buffers and streams under server-made keys, reads them back and deletes them', async () => {
    const a = newStorageKey('resumes');
    const b = newStorageKey('resumes');
    expect(a).toMatch(/^resumes\/[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
    await storage.put(a, Buffer.from('hello'));
    await storage.put(b, Readable.from([Buffer.from('wor'), Buffer.from('ld')]));
    expect(await text(storage.get(a))).toBe('hello');
    expect(await text(storage.get(b))).toBe('world');
    expect(filesUnder(root).sort()).toEqual([a, b].sort());
    expect(statSync(path.join(root, a)).mode & 0o777).toBe(0o600);
    await storage.delete(a);
    await storage.delete(a); // deleting twice is fine
    expect(filesUnder(root)).toEqual([b]);
  });

  it('leaves nothing behind when the content stream fails half-way', async () => {
    const key = newStorageKey('resumes');
    const failing = new Readable({
      read() {
        this.push(Buffer.from('partial'));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put(key, failing)).rejects.toThrow('client went away');
    expect(filesUnder(root)).toEqual([]);
  });

  it.each([
    '../escape',
    'resumes/../../etc/passwd',
    '/etc/passwd',
    'resumes/not-a-uuid',
    'Resumes/0190f5a2-7b1c-7def-8abc-0123456789ab',
    '',
    'resumes/0190f5a2-7b1c-7def-8abc-0123456789ab/x',
  ])('refuses the key %j', async (key) => {
    await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(/storage key/);
    expect(() => storage.get(key)).toThrow(/storage key/);
    await expect(storage.delete(key)).rejects.toThrow(/storage key/);
    expect(filesUnder(root)).toEqual([]);
  });

  it('reports a missing file as a stream error', async () => {
    const stream = storage.get(newStorageKey('resumes'));
    await expect(text(stream)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
