import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedResume, ResumeEducation, ResumePosition } from '../../contract/resumes.js';
import type { ResumeReading } from '../resumes/reading/read-resume.js';

/**
 * The labelled resume set (test/fixtures/resumes, written by scripts/make-resume-fixtures.ts) and
 * how a reading is scored against it — shared by the fixtures test and `npm run bench:resumes`,
 * so both hold the parser to the same tolerances.
 */

export const FIXTURES_DIR = fileURLToPath(new URL('../../../test/fixtures/resumes/', import.meta.url));

export interface ExpectedResume {
  file: string;
  status: 'parsed' | 'no_text';
  asOf: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  location: string | null;
  skills: string[];
  yearsOfExperience: number | null;
  positions: ResumePosition[];
  education: ResumeEducation[];
  flags: { hiddenText: boolean; injection: boolean; noTextLayer: boolean };
  mustNotHaveSkills?: string[];
  hiddenReasons?: string[];
}

export interface ResumeFixture {
  expected: ExpectedResume;
  file: Buffer;
}

export function loadResumeFixtures(dir = FIXTURES_DIR): ResumeFixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const expected = JSON.parse(readFileSync(join(dir, f), 'utf8')) as ExpectedResume;
      return { expected, file: readFileSync(join(dir, expected.file)) };
    });
}

/** Counts for precision and recall: found and right, found, expected. */
export interface Counts {
  correct: number;
  predicted: number;
  expected: number;
}

export interface FixtureScore {
  file: string;
  name: boolean;
  email: Counts;
  phone: Counts;
  skills: Counts & { missing: string[]; extra: string[] };
  /** Null when the fixture states no years. */
  yearsWithinOne: boolean | null;
  positions: Counts & { missing: ResumePosition[]; extra: ResumePosition[] };
  education: Counts & { missing: ResumeEducation[]; extra: ResumeEducation[] };
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^a-z0-9+#/' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Equal, or one contains the other, after folding case, accents and punctuation. */
export function sameText(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  if (x.length === 0 || y.length === 0) return x === y;
  return x === y || x.includes(y) || y.includes(x);
}

export function samePhone(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.trim() === b.trim();
}

/** A job counts when title, employer, start and end all agree. */
export function samePosition(found: ResumePosition, expected: ResumePosition): boolean {
  return (
    sameText(found.title, expected.title) &&
    sameText(found.employer, expected.employer) &&
    found.start === expected.start &&
    found.end === expected.end
  );
}

/** A degree counts when school and year agree and the degree names overlap ("B.S." within "B.S. Statistics"). */
export function sameEducation(found: ResumeEducation, expected: ResumeEducation): boolean {
  return sameText(found.institution, expected.institution) && found.year === expected.year && sameText(found.degree, expected.degree);
}

function matchLists<T>(found: readonly T[], expected: readonly T[], same: (f: T, e: T) => boolean): Counts & { missing: T[]; extra: T[] } {
  const used = new Set<number>();
  const missing: T[] = [];
  for (const e of expected) {
    const i = found.findIndex((f, k) => !used.has(k) && same(f, e));
    if (i >= 0) used.add(i);
    else missing.push(e);
  }
  const extra = found.filter((_, k) => !used.has(k));
  return { correct: used.size, predicted: found.length, expected: expected.length, missing, extra };
}

function single(found: string | null, expected: string | null, same: (a: string, b: string) => boolean): Counts {
  return {
    correct: found !== null && expected !== null && same(found, expected) ? 1 : 0,
    predicted: found === null ? 0 : 1,
    expected: expected === null ? 0 : 1,
  };
}

export function scoreReading(expected: ExpectedResume, reading: ResumeReading): FixtureScore {
  const parsed: ParsedResume = reading.parsed;
  const skillKey = (s: string) => fold(s);
  const skills = matchLists(parsed.skills, expected.skills, (f, e) => skillKey(f) === skillKey(e));
  return {
    file: expected.file,
    name: (parsed.name ?? null) === expected.name,
    email: single(parsed.email, expected.email, (a, b) => a.toLowerCase() === b.toLowerCase()),
    phone: single(parsed.phone, expected.phone, (a, b) => samePhone(a, b)),
    skills,
    yearsWithinOne:
      expected.yearsOfExperience === null
        ? null
        : parsed.yearsOfExperience !== null && Math.abs(parsed.yearsOfExperience - expected.yearsOfExperience) <= 1,
    positions: matchLists(parsed.positions, expected.positions, samePosition),
    education: matchLists(parsed.education, expected.education, sameEducation),
  };
}

export interface FieldMetrics {
  precision: number;
  recall: number;
  f1: number;
}

export function metrics(counts: readonly Counts[]): FieldMetrics {
  const sum = counts.reduce(
    (a, c) => ({ correct: a.correct + c.correct, predicted: a.predicted + c.predicted, expected: a.expected + c.expected }),
    {
      correct: 0,
      predicted: 0,
      expected: 0,
    },
  );
  const precision = sum.predicted === 0 ? 1 : sum.correct / sum.predicted;
  const recall = sum.expected === 0 ? 1 : sum.correct / sum.expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
