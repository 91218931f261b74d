import type { CodingLanguage, CodingTopic, ComplexityClass, Difficulty } from '../../contract/coding.js';

/** How a returned value is compared with the expected one. */
export type Comparison =
  /** Same JSON value. */
  | 'exact'
  /** Same elements in any order (top-level array). */
  | 'unordered'
  /** Same elements in any order at both levels (an array of arrays, e.g. groups). */
  | 'unordered_nested'
  /** Numbers equal within 1e-6. */
  | 'approximate';

/** One test: arguments for the function and the value it must return. */
export interface ProblemTest {
  name: string;
  /** The arguments, in order. */
  args: unknown[];
  /** Omitted for generated tests: the reference solution computes it. */
  expected?: unknown;
  /** Input size, for reading time growth (the large and scaling tests set it). */
  n?: number;
}

/** A test generated at load time from a seed, for inputs too large to write down. */
export interface GeneratedTest {
  name: string;
  n: number;
  /** Makes the arguments from a seeded random source. */
  generate: (n: number, random: () => number) => unknown[];
}

export interface CodingProblem {
  slug: string;
  title: string;
  difficulty: Difficulty;
  topics: CodingTopic[];
  /** Markdown. */
  statement: string;
  /** The function name per language (JavaScript and TypeScript share one). */
  entry: { javascript: string; python: string };
  starter: Partial<Record<CodingLanguage, string>>;
  /** Public tests: shown in the statement and run by "Run". */
  examples: (ProblemTest & { explanation?: string })[];
  /** Hidden tests written by hand (edge cases). */
  tests: ProblemTest[];
  /** Hidden large tests; at least one separates O(n log n) from O(n²). */
  generated: GeneratedTest[];
  comparison: Comparison;
  /** The time growth of a good solution; the grade compares the measured one with it. */
  expectedComplexity: ComplexityClass;
  timeLimitMs: number;
  memoryLimitMb: number;
  /** SQL problems: the CREATE TABLE statements every test's data follows (shown once, in the statement). */
  sqlSchema?: string;
  /** Reference solutions; every one passes every test (checked by the bank's test). */
  solutions: Partial<Record<CodingLanguage, string>>;
}

/** Mulberry32: a small seeded generator, so generated tests are the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed from a text, so each problem's generated tests differ from the others'. */
export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export const randomInt = (random: () => number, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

export const randomInts = (random: () => number, n: number, min: number, max: number): number[] =>
  Array.from({ length: n }, () => randomInt(random, min, max));

export const randomString = (random: () => number, n: number, alphabet = 'abcdefghijklmnopqrstuvwxyz'): string =>
  Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
