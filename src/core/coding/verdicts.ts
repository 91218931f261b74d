import type { Comparison } from './problem.js';

const canonical = (value: unknown): string => JSON.stringify(sortKeys(value));

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

function approximatelyEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => approximatelyEqual(x, b[i]));
  return canonical(a) === canonical(b);
}

const sortedCanonical = (items: unknown[]): string[] => items.map(canonical).sort();

/** Whether a returned value (already parsed from JSON) answers the test. */
export function sameAnswer(expected: unknown, actual: unknown, comparison: Comparison): boolean {
  switch (comparison) {
    case 'exact':
      return canonical(expected) === canonical(actual);
    case 'approximate':
      return approximatelyEqual(expected, actual);
    case 'unordered':
      if (!Array.isArray(expected) || !Array.isArray(actual)) return canonical(expected) === canonical(actual);
      return canonical(sortedCanonical(expected)) === canonical(sortedCanonical(actual));
    case 'unordered_nested': {
      if (!Array.isArray(expected) || !Array.isArray(actual)) return canonical(expected) === canonical(actual);
      const inner = (xs: unknown[]) => xs.map((x) => (Array.isArray(x) ? canonical(sortedCanonical(x)) : canonical(x))).sort();
      return canonical(inner(expected)) === canonical(inner(actual));
    }
  }
}

/** A value as the candidate reads it: JSON, one element per line when it is long. */
export function showValue(value: unknown): string {
  const flat = JSON.stringify(value) ?? 'undefined';
  if (flat.length <= 80 || !Array.isArray(value)) return flat;
  return ['[', ...value.map((v, i) => `  ${JSON.stringify(v)}${i < value.length - 1 ? ',' : ''}`), ']'].join('\n');
}

/** A SQL result set as a reader sees one: a row per line, columns separated by a bar. */
export function showRows(rows: unknown): string {
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) return showValue(rows);
  if (rows.length === 0) return '(no rows)';
  return rows
    .map((row: unknown[]) => row.map((v) => (v === null ? 'NULL' : typeof v === 'string' ? v : JSON.stringify(v))).join(' | '))
    .join('\n');
}

export interface DiffLine {
  kind: 'same' | 'expected' | 'actual';
  text: string;
}

/**
 * Line difference of two texts (longest common subsequence), so a long wrong answer shows where
 * it parts from the expected one. Capped: beyond `maxLines` a line says how much was left out.
 */
export function diffLines(expected: string, actual: string, maxLines = 60): DiffLine[] {
  const a = expected.split('\n');
  const b = actual.split('\n');
  if (a.length * b.length > 250_000) {
    return [
      ...a.slice(0, maxLines / 2).map((text) => ({ kind: 'expected' as const, text })),
      ...b.slice(0, maxLines / 2).map((text) => ({ kind: 'actual' as const, text })),
    ];
  }
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    } else if (i < a.length && (j >= b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) out.push({ kind: 'expected', text: a[i++]! });
    else out.push({ kind: 'actual', text: b[j++]! });
  }
  if (out.length <= maxLines) return out;
  return [...out.slice(0, maxLines), { kind: 'same', text: `… ${out.length - maxLines} more lines` }];
}
