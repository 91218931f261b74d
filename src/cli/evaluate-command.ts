import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { level, MAX_ANSWER_CHARS, QUESTION_TYPES } from '../contract/interviews.js';
import type { AnswerEvaluator, EvaluationInput } from '../core/evaluation/types.js';
import { createLocalEvaluator } from '../server/ai/local-evaluator.js';

export interface EvaluateIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const usage = `Usage: panelist evaluate [FILE] [--grammar]

Grades answers with the local evaluator. Reads JSON lines from FILE (or stdin):
  {"id", "type", "level"?, "question", "reference_answer"?, "key_points"?, "expected"?, "answer"}
and writes one JSON line per input: {"id", "score", "dimensions", …the evaluation}, or
{"id", "error"} for a line that cannot be graded (the run goes on).

Options:
  --grammar   also check grammar with harper.js (slower: ≈ 1 s start, ≈ 400 MiB, 10–30 ms per answer)

Exit status: 0 when every line was graded, 1 when some lines failed, 2 on a usage error.
`;

const inputLine = z.object({
  id: z.union([z.string(), z.number()]),
  // The interview's question types, plus the explanation part of a coding answer.
  type: z.enum([...QUESTION_TYPES, 'coding_explanation']),
  level: level.optional(),
  question: z.string().trim().min(1),
  reference_answer: z.string().optional(),
  key_points: z.array(z.string()).optional(),
  expected: z.string().optional(),
  answer: z.string().max(MAX_ANSWER_CHARS),
});

/** Writes one line, waiting when the consumer is slower than we are. */
async function writeLine(out: NodeJS.WritableStream, value: unknown): Promise<void> {
  if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ');
}

/** `panelist evaluate [FILE]`: streaming JSONL in, JSONL out; returns the exit status. */
export async function runEvaluate(argv: string[], io: EvaluateIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { grammar: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    io.stderr.write(`evaluate: ${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout.write(usage);
    return 0;
  }
  if (parsed.positionals.length > 1) {
    io.stderr.write(`evaluate: expected at most one FILE\n\n${usage}`);
    return 2;
  }
  const file = parsed.positionals[0];
  let input: NodeJS.ReadableStream = io.stdin;
  if (file !== undefined && file !== '-') {
    const stream = createReadStream(file);
    try {
      await once(stream, 'open');
    } catch (err) {
      io.stderr.write(`evaluate: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      return 2;
    }
    input = stream;
  }

  const evaluator: AnswerEvaluator = await createLocalEvaluator({ grammar: parsed.values.grammar });
  let failed = 0;
  let lineNo = 0;
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const raw of lines) {
    lineNo++;
    if (!raw.trim()) continue;
    let id: unknown = null;
    try {
      const json: unknown = JSON.parse(raw);
      if (json && typeof json === 'object' && 'id' in json) id = (json as { id: unknown }).id;
      const line = inputLine.safeParse(json);
      if (!line.success) throw new Error(`line ${lineNo}: ${describeIssues(line.error)}`);
      const l = line.data;
      const evaluationInput: EvaluationInput = {
        question: l.question,
        type: l.type,
        level: l.level,
        referenceAnswer: l.reference_answer,
        keyPoints: l.key_points,
        expectedAnswer: l.expected,
        answer: l.answer,
      };
      const evaluation = await evaluator.evaluate(evaluationInput);
      await writeLine(io.stdout, { id: l.id, ...evaluation });
    } catch (err) {
      failed++;
      const message = err instanceof SyntaxError ? `line ${lineNo}: invalid JSON` : (err as Error).message;
      await writeLine(io.stdout, { id, error: message });
    }
  }
  return failed > 0 ? 1 : 0;
}
