import { open } from 'node:fs/promises';
import { fileTypeFromBuffer } from 'file-type';
import { MEDIA_MIME_TYPES } from '../../contract/media.js';

/** Enough of a file's head for every container we accept (file-type reads at most this much). */
export const SNIFF_BYTES = 4100;

const ACCEPTED: ReadonlySet<string> = new Set(MEDIA_MIME_TYPES);

/**
 * The recording's container read from its first bytes, or null when it is not one we accept.
 * file-type names a WebM with only an audio track `video/webm` too: the container is what matters
 * for playback and storage.
 */
export async function sniffMediaHead(head: Uint8Array): Promise<string | null> {
  const found = await fileTypeFromBuffer(head);
  if (!found) return null;
  const mime = found.mime === 'audio/x-wav' || found.mime === 'audio/vnd.wave' ? 'audio/wav' : found.mime;
  return ACCEPTED.has(mime) ? mime : null;
}

/** Reads the head of a file on disk (the staged upload) and sniffs it; null for an empty or foreign file. */
export async function sniffMediaFile(file: string): Promise<string | null> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return bytesRead === 0 ? null : sniffMediaHead(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
