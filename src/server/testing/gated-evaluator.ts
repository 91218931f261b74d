import type { AnswerEvaluator, EvaluationInput } from '../../core/evaluation/types.js';

/**
 * Wraps an evaluator so a test decides when grading finishes: each evaluate() call announces
 * itself on `started` and waits until `finish()` is called, then grades with the inner engine.
 * Lets a test move the clock while an answer is being graded.
 */
export function gatedEvaluator(inner: AnswerEvaluator) {
  let announce!: (input: EvaluationInput) => void;
  let started = new Promise<EvaluationInput>((resolve) => (announce = resolve));
  let open!: () => void;
  let gate = new Promise<void>((resolve) => (open = resolve));
  const evaluator: AnswerEvaluator = {
    name: inner.name,
    version: inner.version,
    async evaluate(input) {
      announce(input);
      await gate;
      return inner.evaluate(input);
    },
  };
  return {
    evaluator,
    /** Resolves when the next grading starts. */
    started: () => started,
    /** Lets the waiting grading finish; later gradings wait again until the next finish(). */
    finish() {
      open();
      gate = new Promise<void>((resolve) => (open = resolve));
      started = new Promise<EvaluationInput>((resolve) => (announce = resolve));
    },
  };
}

/**
 * Wraps an evaluator that grades at once until a test holds it: `hold()` makes every grading that
 * starts afterwards wait until the returned release is called; `reached()` resolves when the next
 * grading starts (held or not).
 */
export function holdableEvaluator(inner: AnswerEvaluator) {
  let gate: Promise<void> | null = null;
  let announce: (() => void) | null = null;
  const evaluator: AnswerEvaluator = {
    name: inner.name,
    version: inner.version,
    async evaluate(input) {
      announce?.();
      announce = null;
      if (gate) await gate;
      return inner.evaluate(input);
    },
  };
  return {
    evaluator,
    hold(): () => void {
      let open!: () => void;
      gate = new Promise<void>((resolve) => (open = resolve));
      return () => {
        gate = null;
        open();
      };
    },
    reached: () => new Promise<void>((resolve) => (announce = resolve)),
  };
}
