import { describe, expect, it } from 'vitest';
import {
  codePointToUtf16Offsets,
  editDistance,
  findQuietZones,
  isClassicSlip,
  isLikelyTermOfArt,
  selectGrammarIssues,
  type GrammarFinding,
} from './grammar.js';

const finding = (start: number, end: number, kind = 'Grammar', message = 'm'): GrammarFinding => ({
  start,
  end,
  kind,
  message,
  suggestions: ['a', 'b', 'c', 'd'],
});

describe('selectGrammarIssues', () => {
  const text = 'We use Kubernetes and teh cache  is fast.';
  it('drops layout nits, known jargon and overlaps, keeps real problems with offsets', () => {
    const issues = selectGrammarIssues(
      text,
      [finding(7, 17, 'Spelling'), finding(22, 25, 'Typo'), finding(31, 33, 'Formatting'), finding(22, 30, 'Grammar')],
      (w) => w === 'kubernetes' || w === 'teh',
    );
    expect(issues).toEqual([{ start: 22, end: 25, message: 'm', suggestions: ['a', 'b', 'c'] }]);
    expect(text.slice(issues[0]!.start, issues[0]!.end)).toBe('teh');
  });

  it('ignores findings outside the text', () => {
    expect(selectGrammarIssues('short', [finding(3, 99)], () => false)).toEqual([]);
  });
});

describe('codePointToUtf16Offsets', () => {
  it('maps character counts to string offsets around astral characters', () => {
    const text = '😀 I has';
    const map = codePointToUtf16Offsets(text);
    expect(text.slice(map(4), map(7))).toBe('has');
  });
});

describe('isLikelyTermOfArt', () => {
  const common = new Set(['run', 'book', 'back', 'fill', 'indexed', 'the', 'receive', 'separate']);
  const isWord = (w: string) => common.has(w);
  it('accepts metrics, prefixed words and compounds of common words', () => {
    expect(isLikelyTermOfArt('p95', isWord)).toBe(true);
    expect(isLikelyTermOfArt('unindexed', isWord)).toBe(true);
    expect(isLikelyTermOfArt('runbook', isWord)).toBe(true);
    expect(isLikelyTermOfArt('backfill', isWord)).toBe(true);
  });
  it('still rejects ordinary misspellings', () => {
    expect(isLikelyTermOfArt('teh', isWord)).toBe(false);
    expect(isLikelyTermOfArt('recieve', isWord)).toBe(false);
    expect(isLikelyTermOfArt('seperate', isWord)).toBe(false);
  });
});

describe('grammar notes only where they help', () => {
  const at = (text: string, word: string, kind: string, message = 'm', suggestions: string[] = []): GrammarFinding => {
    const start = text.indexOf(word);
    return { start, end: start + word.length, kind, message, suggestions };
  };
  const unknown = () => false;

  it('finds code and term lists as quiet zones, but not plain prose', () => {
    const text =
      'Run `EXPLAIN ANALYZE` first. useEffect and snake_case and resources.limits and fork() are code. ' +
      'SELECT id FROM orders WHERE total > 10; then we read it. Kafka, RabbitMQ and SQS are queues. Plain words stay.';
    const quiet = findQuietZones(text).map((z) => text.slice(z.start, z.end));
    expect(quiet).toEqual(
      expect.arrayContaining([
        '`EXPLAIN ANALYZE`',
        'useEffect',
        'snake_case',
        'resources.limits',
        'fork()',
        'SELECT id FROM orders WHERE total > 10;',
      ]),
    );
    expect(quiet.some((q) => q.startsWith('Kafka, RabbitMQ and SQS'))).toBe(true);
    expect(quiet.some((q) => q.includes('then we read') || q.includes('Plain'))).toBe(false);
  });

  it('drops notes on identifiers, dotted names, SQL, lists and after a closing parenthesis', () => {
    const text = 'We set resources.limits on each pod. I run pytest, ruff and mypy in CI (all of it) then ship.';
    const findings = [
      at(text, 'limits', 'Capitalization', 'This sentence does not start with a capital letter'),
      at(text, 'mypy', 'Spelling', 'Did you mean to spell `mypy` this way?', ['many']),
      at(text, 'then', 'WordChoice', 'Did you mean than?', ['than']),
    ];
    expect(selectGrammarIssues(text, findings, unknown)).toEqual([]);
  });

  it('keeps real errors: a lower-case sentence start, a misspelling even a big vocabulary knows, "alot" in a list', () => {
    const text = 'We deploy daily. the team watches the dashboards. The trafic is encrypted. Tests, names and alot of care.';
    const findings = [
      at(text, 'the team', 'Capitalization', 'This sentence does not start with a capital letter', ['The']),
      at(text, 'trafic', 'Spelling', 'Did you mean to spell `trafic` this way?', ['traffic']),
      at(text, 'alot', 'BoundaryError', 'Did you mean a lot?', ['a lot']),
    ];
    const issues = selectGrammarIssues(text, findings, () => true);
    expect(issues.map((i) => text.slice(i.start, i.end))).toEqual(['the team', 'trafic', 'alot']);
  });

  it('takes names and acronyms for what they are, and leaves open compounds alone', () => {
    const text = 'We used SQS and Fastly with pnpm. A hash map holds it.';
    const findings = [
      at(text, 'SQS', 'Spelling', 'x', ['SOS']),
      at(text, 'Fastly', 'Spelling', 'x', ['Fastly']),
      at(text, 'pnpm', 'Spelling', 'x', ['ppm']),
      at(text, 'hash map', 'WordChoice', 'closed compound', ['hashmap']),
    ];
    expect(selectGrammarIssues(text, findings, unknown)).toEqual([]);
  });

  it('does not note a lower-case term the question itself uses', () => {
    const text = 'It is simple. map transforms each item.';
    const findings = [at(text, 'map', 'Capitalization', 'This sentence does not start with a capital letter', ['Map'])];
    expect(selectGrammarIssues(text, findings, unknown, { question: 'Explain map, filter and reduce.' })).toEqual([]);
    expect(selectGrammarIssues(text, findings, unknown)).toHaveLength(1);
  });

  it('measures slips: doubled letters, swaps and a missing space are classic; other edits are not', () => {
    expect(isClassicSlip('accross', 'across')).toBe(true);
    expect(isClassicSlip('recieve', 'receive')).toBe(true);
    expect(isClassicSlip('alot', 'a lot')).toBe(true);
    expect(isClassicSlip('etcd', 'etc.')).toBe(false);
    expect(editDistance('mypy', 'many')).toBe(2);
  });
});
