import type { Evaluation, Level } from '../../contract/interviews.js';

export type EvaluationQuestionType = 'behavioral' | 'technical' | 'system_design' | 'communication' | 'aptitude' | 'coding_explanation';

/** Everything an engine may use to grade one answer. */
export interface EvaluationInput {
  question: string;
  type: EvaluationQuestionType;
  level?: Level;
  referenceAnswer?: string;
  keyPoints?: string[];
  /** The one correct answer of an aptitude question. */
  expectedAnswer?: string;
  answer: string;
  durationSeconds?: number;
}

/** An engine grades answers. The local one is deterministic; the LLM one may not be. */
export interface AnswerEvaluator {
  readonly name: string;
  readonly version: string;
  evaluate(input: EvaluationInput): Promise<Evaluation>;
}
