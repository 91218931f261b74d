import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fileTypeFromBuffer } from 'file-type';
import { AVATAR_SIZE } from '../../contract/account-profile.js';
import { AppError } from '../../core/errors.js';

/** Formats read from the bytes, whatever the request's Content-Type or file name says. */
const ACCEPTED = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);
/** A decoded bitmap this large would take hundreds of MB: refused once its size is known. */
const MAX_SIDE = 8000;
const DEADLINE_MS = 10_000;
const CHILD = fileURLToPath(new URL('./avatar-child.mjs', import.meta.url));

const unreadable = () => new AppError('unprocessable', 'The image could not be read. Try another file.');

/** Runs the decoder in its own process (see avatar-child.mjs) under a deadline and a heap cap. */
function redraw(bytes: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=256', CHILD, String(AVATAR_SIZE), String(MAX_SIDE)], {
      stdio: ['pipe', 'pipe', 'ignore'],
      timeout: DEADLINE_MS,
    });
    const out: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stdin.on('error', () => undefined);
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else if (code === 4) reject(new AppError('unprocessable', `The image must be at most ${MAX_SIDE} pixels on each side.`));
      else reject(unreadable());
    });
    child.stdin.end(bytes);
  });
}

/**
 * Checks what the upload really is and redraws it as a square WebP of AVATAR_SIZE pixels,
 * cropped to the centre. Redrawing also drops metadata (location in EXIF) and anything
 * appended to the image: only pixels reach storage.
 */
export async function toAvatar(bytes: Buffer): Promise<Buffer> {
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !ACCEPTED.has(type.mime)) {
    throw new AppError('unsupported_media_type', 'The avatar must be a PNG, JPEG, WebP or GIF image.');
  }
  return redraw(bytes);
}
