import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { evaluation } from '../contract/interviews.js';
import { runEvaluate } from './evaluate-command.js';

async function run(argv: string[], stdinText = '') {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  stdin.end(stdinText);
  const code = await runEvaluate(argv, { stdin, stdout, stderr });
  return {
    code,
    lines: out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>),
    err,
  };
}

const good = {
  id: 'a1',
  type: 'technical',
  question: 'What is a stack?',
  reference_answer: 'A last-in first-out collection: push adds an element on top and pop removes the most recent one.',
  answer: 'A stack is last-in first-out: you push onto the top and pop the most recently pushed element first.',
};

describe('panelist evaluate', () => {
  it('writes one evaluation per input line and an error line for bad input, then goes on', async () => {
    const input = [
      JSON.stringify(good),
      '{not json',
      JSON.stringify({ id: 7, type: 'unknown', question: 'q', answer: 'a' }),
      '',
      JSON.stringify({ id: 8, type: 'aptitude', question: 'What is 6 times 7?', expected: '42', answer: '6 x 7 = 42' }),
    ].join('\n');
    const { code, lines } = await run([], input);
    expect(code).toBe(1);
    expect(lines).toHaveLength(4);
    expect(lines[0]!.id).toBe('a1');
    const { id: _id, ...rest } = lines[0]!;
    expect(evaluation.parse(rest)).toBeTruthy();
    expect(lines[1]).toEqual({ id: null, error: 'line 2: invalid JSON' });
    expect(lines[2]!.id).toBe(7);
    expect(String(lines[2]!.error)).toMatch(/line 3: type/);
    expect(lines[3]).toMatchObject({ id: 8 });
    expect(lines[3]!.score as number).toBeGreaterThanOrEqual(70);
  });

  it('reads a file and exits 0 when every line is graded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'panelist-eval-'));
    const file = join(dir, 'answers.jsonl');
    writeFileSync(file, `${JSON.stringify(good)}\n${JSON.stringify({ ...good, id: 'a2', answer: "I don't know." })}\n`);
    const { code, lines } = await run([file]);
    expect(code).toBe(0);
    expect(lines.map((l) => l.id)).toEqual(['a1', 'a2']);
    expect(lines[1]!.score as number).toBeLessThan(lines[0]!.score as number);
  });

  it('reports a missing file as a usage error', async () => {
    const { code, err } = await run(['/nonexistent/answers.jsonl']);
    expect(code).toBe(2);
    expect(err).toMatch(/cannot read/);
  });
});
