import { Upload } from 'tus-js-client';
import { CSRF_HEADER, UPLOADS_PATH } from '../../../contract/index.js';
import { csrfToken } from '../../lib/api-client.js';

/** About 5 s of video or a minute of audio per request: a dropped connection costs at most one chunk. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Sends a recording with the tus protocol: it resumes where it stopped after a dropped
 * connection (retrying with back-off), and resolves with the media id, the last segment of the
 * upload's Location.
 */
export function uploadRecording(
  blob: Blob,
  meta: { durationMs: number; orgId?: string | null | undefined },
  onProgress: (fraction: number) => void,
): { promise: Promise<string>; abort: () => void } {
  let upload: Upload | null = null;
  let finished = false;
  const promise = new Promise<string>((resolve, reject) => {
    upload = new Upload(blob, {
      endpoint: UPLOADS_PATH,
      chunkSize: CHUNK_BYTES,
      retryDelays: [0, 1000, 3000, 5000, 10000],
      metadata: { filetype: blob.type, durationMs: String(meta.durationMs), ...(meta.orgId ? { orgId: meta.orgId } : {}) },
      // Read at each request: the token may be renewed while a long upload runs.
      onBeforeRequest: (req) => {
        const token = csrfToken();
        if (token) req.setHeader(CSRF_HEADER, token);
      },
      // A recording is uploaded once, from memory: nothing to resume across page loads.
      storeFingerprintForResuming: false,
      onProgress: (sent, total) => onProgress(total ? sent / total : 0),
      onError: (err) => reject(err),
      onSuccess: () => {
        finished = true;
        const id = upload?.url?.split('/').pop();
        if (id) resolve(id);
        else reject(new Error('The upload finished without a location.'));
      },
    });
    upload.start();
  });
  // Leaving the page mid-upload removes the partial upload; a finished one is the answer's recording.
  const abort = () => {
    if (!finished) void (upload as Upload | null)?.abort(true).catch(() => undefined);
  };
  return { promise, abort };
}
