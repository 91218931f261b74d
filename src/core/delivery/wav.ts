/** Mono samples in [-1, 1] and their rate: what the voice analysis reads. */
export interface Pcm {
  samples: Float32Array;
  sampleRate: number;
}

/**
 * The samples of a RIFF/WAVE file (integer PCM of 8, 16, 24 or 32 bits, or 32/64-bit float),
 * channels averaged to mono. Null for anything else, so a caller can fall back to another
 * decoder instead of guessing.
 */
export function decodeWav(bytes: Uint8Array): Pcm | null {
  if (bytes.length < 44) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return null;
  let format: { code: number; channels: number; rate: number; bits: number } | null = null;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ' && size >= 16) {
      let code = view.getUint16(body, true);
      // WAVE_FORMAT_EXTENSIBLE keeps the real format in the first two bytes of its sub-format GUID.
      if (code === 0xfffe && size >= 40) code = view.getUint16(body + 24, true);
      format = {
        code,
        channels: view.getUint16(body + 2, true),
        rate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data' && format) {
      // A recorder that streamed the file may leave the size at 0 or too large: read what is there.
      const end = size === 0 || body + size > bytes.length ? bytes.length : body + size;
      return readSamples(view, body, end, format);
    }
    at = body + size + (size % 2);
  }
  return null;
}

function readSamples(
  view: DataView,
  from: number,
  to: number,
  f: { code: number; channels: number; rate: number; bits: number },
): Pcm | null {
  const width = f.bits / 8;
  const isFloat = f.code === 3;
  if (f.channels < 1 || f.rate < 1000 || !(f.code === 1 || isFloat) || ![8, 16, 24, 32, 64].includes(f.bits)) return null;
  if (isFloat ? f.bits < 32 : f.bits > 32) return null;
  const frame = width * f.channels;
  const frames = Math.floor((to - from) / frame);
  const samples = new Float32Array(frames);
  const read = (at: number): number => {
    if (isFloat) return f.bits === 32 ? view.getFloat32(at, true) : view.getFloat64(at, true);
    switch (f.bits) {
      case 8:
        return (view.getUint8(at) - 128) / 128;
      case 16:
        return view.getInt16(at, true) / 32768;
      case 24: {
        const v = view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16);
        return v / 8388608;
      }
      default:
        return view.getInt32(at, true) / 2147483648;
    }
  };
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < f.channels; c++) sum += read(from + i * frame + c * width);
    samples[i] = sum / f.channels;
  }
  return { samples, sampleRate: f.rate };
}
