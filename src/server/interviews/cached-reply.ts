import { constants, crc32, deflateRawSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedRead, ReadCache } from './interview-read-cache.js';

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);

/** Whether the client takes gzip (browsers send "gzip, deflate, br, zstd"); "gzip;q=0" refuses it. */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    if (name!.trim().toLowerCase() !== 'gzip') return false;
    return !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
  });
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

/**
 * gzip of a body made of a cached part and a per-request tail: the cached part is deflated once,
 * ending on a byte boundary (sync flush), the tail follows as a stored block, and the trailer's
 * CRC continues from the cached part's. Per request this costs the tail's few bytes, not a
 * compression of the whole body.
 */
function gzipOf(read: CachedRead, tail: Buffer, grow: (by: number) => void): Buffer {
  if (!read.gzip) {
    read.gzip = {
      deflated: deflateRawSync(read.body, { level: 6, finishFlush: constants.Z_SYNC_FLUSH }),
      crc: crc32(read.body),
    };
    grow(read.gzip.deflated.length);
  }
  const stored = Buffer.alloc(5);
  stored[0] = 1; // final block, stored
  stored.writeUInt16LE(tail.length, 1);
  stored.writeUInt16LE(~tail.length & 0xffff, 3);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(tail, read.gzip.crc) >>> 0, 0);
  trailer.writeUInt32LE((read.body.length + tail.length) >>> 0, 4);
  return Buffer.concat([GZIP_HEADER, read.gzip.deflated, stored, tail, trailer]);
}

/**
 * Sends a cached read: 304 when If-None-Match names its ETag, else the body, gzip-compressed
 * from the cached deflate when the client takes it and compression is on. Open bodies get
 * `"serverNow"` (this request's clock) as their last field.
 */
export function sendCachedRead(
  request: FastifyRequest,
  reply: FastifyReply,
  found: { key: string; read: CachedRead },
  opts: { cache: ReadCache; compress: boolean; now: Date },
): FastifyReply {
  const { read } = found;
  // A private answer: kept by no cache (as every API answer), but an API client may revalidate.
  reply.header('etag', read.etag).header('vary', 'accept-encoding');
  if (matches(request.headers['if-none-match'], read.etag)) return reply.code(304).send();
  reply.type('application/json; charset=utf-8');
  const tail = read.open ? Buffer.from(`,"serverNow":"${opts.now.toISOString()}"}`) : Buffer.alloc(0);
  if (opts.compress && read.body.length + tail.length >= 1024 && acceptsGzip(request.headers['accept-encoding'])) {
    const body = gzipOf(read, tail, (by) => opts.cache.grew(found.key, read, by));
    return reply.header('content-encoding', 'gzip').send(body);
  }
  return reply.send(tail.length > 0 ? Buffer.concat([read.body, tail]) : read.body);
}
