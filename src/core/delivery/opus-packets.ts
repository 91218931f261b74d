/**
 * The Opus packets of a browser recording, taken out of their container so a decoder can turn
 * them into samples: WebM/Matroska (Chrome, Edge, and Firefox's video) and Ogg (Firefox's audio).
 * Pure byte parsing; decoding is the server's (it needs the decoder's WebAssembly).
 */
export interface OpusStream {
  packets: Uint8Array[];
  channels: number;
  /** Samples (at 48 kHz) the decoder must drop from the start: the encoder's look-ahead. */
  preSkip: number;
}

/** Channels and pre-skip from an OpusHead (RFC 7845 §5.1); defaults when it is missing or short. */
function readOpusHead(head: Uint8Array | undefined): { channels: number; preSkip: number } {
  if (!head || head.length < 12 || String.fromCharCode(...head.subarray(0, 8)) !== 'OpusHead') return { channels: 1, preSkip: 0 };
  return { channels: Math.max(1, head[9]!), preSkip: head[10]! | (head[11]! << 8) };
}

// Matroska element ids (with their length marker bits, as written).
const ID = {
  segment: 0x18538067,
  cluster: 0x1f43b675,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackNumber: 0xd7,
  codecId: 0x86,
  codecPrivate: 0x63a2,
  blockGroup: 0xa0,
  block: 0xa1,
  simpleBlock: 0xa3,
} as const;
/** Elements whose children are read in place; unknown sizes (live recordings) need no special case then. */
const CONTAINERS = new Set<number>([ID.segment, ID.cluster, ID.tracks, ID.trackEntry, ID.blockGroup]);

/** A variable-length integer at `at`: its value (marker kept for ids), byte length, and whether it is the "unknown" size. */
function vint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (length > 8 || at + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i]!;
    if (bytes[at + i] !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

export function opusPacketsOfWebm(bytes: Uint8Array): OpusStream | null {
  if (bytes.length < 4 || bytes[0] !== 0x1a || bytes[1] !== 0x45 || bytes[2] !== 0xdf || bytes[3] !== 0xa3) return null;
  const packets: Uint8Array[] = [];
  let opusTrack: number | null = null;
  let head: Uint8Array | undefined;
  let entry: { number?: number; codec?: string; codecPrivate?: Uint8Array } = {};
  const closeEntry = () => {
    if (entry.codec === 'A_OPUS' && opusTrack === null && entry.number !== undefined) {
      opusTrack = entry.number;
      head = entry.codecPrivate;
    }
    entry = {};
  };
  let at = 0;
  while (at < bytes.length) {
    const id = vint(bytes, at, true);
    if (!id) break;
    const size = vint(bytes, at + id.length, false);
    if (!size) break;
    const body = at + id.length + size.length;
    if (id.value === ID.trackEntry) closeEntry();
    if (CONTAINERS.has(id.value)) {
      at = body;
      continue;
    }
    if (size.unknown) break; // only containers may have an unknown size
    const end = Math.min(bytes.length, body + size.value);
    const data = bytes.subarray(body, end);
    if (id.value === ID.trackNumber) entry.number = data.reduce((n, b) => n * 256 + b, 0);
    else if (id.value === ID.codecId) entry.codec = String.fromCharCode(...data).replace(/\0+$/, '');
    else if (id.value === ID.codecPrivate) entry.codecPrivate = data;
    else if (id.value === ID.simpleBlock || id.value === ID.block) {
      closeEntry();
      const track = vint(data, 0, false);
      if (track && track.value === opusTrack && data.length > track.length + 3) {
        const lacing = (data[track.length + 2]! >> 1) & 3;
        const frames = data.subarray(track.length + 3);
        if (lacing === 0) packets.push(frames);
        else if (lacing === 2) {
          // Fixed-size lacing: a count byte, then equal frames. (Xiph and EBML lacing are not used by recorders.)
          const count = frames[0]! + 1;
          const each = Math.floor((frames.length - 1) / count);
          for (let i = 0; i < count; i++) packets.push(frames.subarray(1 + i * each, 1 + (i + 1) * each));
        }
      }
    }
    at = end;
  }
  closeEntry();
  if (opusTrack === null) return null;
  return { packets, ...readOpusHead(head) };
}

export function opusPacketsOfOgg(bytes: Uint8Array): OpusStream | null {
  const packets: Uint8Array[] = [];
  let serial: number | null = null;
  let head: Uint8Array | undefined;
  let pending: Uint8Array[] = [];
  let at = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  while (at + 27 <= bytes.length) {
    // A damaged page ends the stream: what came before it still counts.
    if (bytes[at] !== 0x4f || bytes[at + 1] !== 0x67 || bytes[at + 2] !== 0x67 || bytes[at + 3] !== 0x53) break;
    const pageSerial = view.getUint32(at + 14, true);
    const segments = bytes[at + 26]!;
    const table = bytes.subarray(at + 27, at + 27 + segments);
    let data = at + 27 + segments;
    const ours = serial === null || pageSerial === serial;
    for (const lace of table) {
      if (ours) pending.push(bytes.subarray(data, data + lace));
      data += lace;
      if (lace < 255 && ours) {
        const packet = concat(pending);
        pending = [];
        if (serial === null) {
          if (String.fromCharCode(...packet.subarray(0, 8)) !== 'OpusHead') return null;
          serial = pageSerial;
          head = packet;
        } else if (String.fromCharCode(...packet.subarray(0, 8)) !== 'OpusTags') packets.push(packet);
      }
    }
    at = data;
  }
  if (serial === null) return null;
  return { packets, ...readOpusHead(head) };
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
