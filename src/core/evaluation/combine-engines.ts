import {
  DIMENSIONS,
  type DimensionScores,
  type Evaluation,
  type Guard,
  type KeyPointJudgement,
  type KeyPointState,
  type ScoreFactor,
  type TextSpan,
} from '../../contract/interviews.js';

/** Same cap as the local guard: instructions to the grader earn at most this much. */
export const INJECTION_CAP = 10;

export const INJECTION_MESSAGE =
  'The answer contains instructions to the grader; answer the question itself — scores come only from the content.';

const MAX_FEEDBACK_ITEMS = 5;

/** The model's verdict on one key point: the quote is its evidence, checked against the answer before use. */
export interface LlmKeyPointJudgement {
  keyPoint: string;
  state: KeyPointState;
  quote: string;
}

/** One model grading, checked and normalized. */
export interface LlmGrade {
  score: number;
  dimensions: DimensionScores;
  strengths: string[];
  improvements: string[];
  coveredKeyPoints: string[];
  missingKeyPoints: string[];
  keyPointJudgements: LlmKeyPointJudgement[];
}

/** Several gradings of one answer, reduced to their median. */
export interface SampledGrade extends LlmGrade {
  scores: number[];
  spread: number;
}

export interface CombineContext {
  /** The answer text as graded (evidence offsets point into it). */
  answer: string;
  /** The key points the question gives; empty when the model named its own. */
  keyPoints: readonly string[];
  /** The answer holds instructions to the grader (found by the same scan the local engine uses). */
  injection: boolean;
  engine: string;
  engineVersion: string;
  rubricVersion: string;
}

/**
 * The final evaluation: the model's grading, held down where the local guards object.
 *
 * Rule: score = min(LLM median, ceiling), where the ceiling is the lowest `cap` among the
 * guards the local engine reports as fired (keyword list, restated question, "I don't know",
 * off-topic, contradiction, wrong result, …; not padding, whose cap is a local grade) and INJECTION_CAP when the answer holds
 * instructions to the grader — checked here as well, so a failed local engine cannot let an
 * injection through. Without a fired guard the model's score stands: it reads meaning far
 * better than local features, and the local view of a merely weak answer is no reason to
 * overrule it. When the ceiling bites, the feedback comes from the local engine, which says
 * what tripped the guard.
 *
 * Key points: a model judgement is kept only when its quote is really in the answer (or the
 * point is missed); otherwise the local judgement of that point stands.
 */
export function combineWithLocal(ctx: CombineContext, llm: SampledGrade, local: Evaluation | undefined): Evaluation {
  const guards: Guard[] = [...(local?.guards ?? [])];
  if (ctx.injection && !guards.some((g) => g.kind === 'grader_instructions')) {
    guards.push({ kind: 'grader_instructions', detail: 'The answer contains instructions to the grader.', cap: INJECTION_CAP });
  }
  // The padding cap is the local model's grade of the focused sentences: the language model
  // reads filler for what it is, so it is shown but does not hold the model's grade down.
  const holding = guards.filter((g) => g.kind !== 'padding');
  const ceiling = Math.min(100, ...holding.map((g) => g.cap));
  const score = Math.min(llm.score, ceiling);
  const held = score < llm.score;

  const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d, Math.min(llm.dimensions[d], ceiling)])) as DimensionScores;
  let strengths = llm.strengths;
  let improvements = llm.improvements;
  if (held) {
    strengths = local?.strengths ?? [];
    improvements = dedupe([...(local?.improvements ?? (ctx.injection ? [INJECTION_MESSAGE] : [])), ...llm.improvements]).slice(
      0,
      2 * MAX_FEEDBACK_ITEMS,
    );
  }

  const points = ctx.keyPoints.length > 0 ? ctx.keyPoints : [...llm.coveredKeyPoints, ...llm.missingKeyPoints];
  const keyPoints = points.map((p) => judgeKeyPoint(p, ctx.answer, llm, local));
  const given = ctx.keyPoints.length > 0;

  return {
    score,
    dimensions,
    strengths,
    improvements,
    // Given key points are partitioned by the checked judgements, so a discarded claim is not "covered" either.
    coveredKeyPoints: given ? keyPoints.filter((k) => k.state !== 'missed').map((k) => k.keyPoint) : llm.coveredKeyPoints,
    missingKeyPoints: given ? keyPoints.filter((k) => k.state === 'missed').map((k) => k.keyPoint) : llm.missingKeyPoints,
    keyPoints,
    guards,
    scoreFactors: explainScore(llm, holding, score),
    grammar: local?.grammar ?? [],
    star: local?.star ?? null,
    confidence: held && local ? local.confidence : estimateConfidence(llm, local),
    engine: ctx.engine,
    engineVersion: ctx.engineVersion,
    rubricVersion: ctx.rubricVersion,
    samples: { n: llm.scores.length, scores: llm.scores, spread: llm.spread },
  };
}

function judgeKeyPoint(point: string, answer: string, llm: LlmGrade, local: Evaluation | undefined): KeyPointJudgement {
  const key = normalizeKeyPoint(point);
  const fromModel = llm.keyPointJudgements.find((j) => normalizeKeyPoint(j.keyPoint) === key);
  if (fromModel) {
    if (fromModel.state === 'missed') return { keyPoint: point, state: 'missed', evidence: [] };
    const evidence = locateQuote(answer, fromModel.quote);
    if (evidence) return { keyPoint: point, state: fromModel.state, evidence };
  }
  const fromLocal = local?.keyPoints?.find((j) => normalizeKeyPoint(j.keyPoint) === key);
  if (fromLocal) return { ...fromLocal, keyPoint: point };
  // Neither a checked quote nor a local judgement: the model's list says it, unverified.
  const said = llm.coveredKeyPoints.some((k) => normalizeKeyPoint(k) === key);
  return said
    ? { keyPoint: point, state: 'covered', evidence: [], note: 'no passage quoted' }
    : { keyPoint: point, state: 'missed', evidence: [] };
}

/** Quotes shorter than this prove nothing: almost any answer contains "the index". */
const MIN_QUOTE_CHARS = 8;

/**
 * Where a quote from the model sits in the answer: exact first, then ignoring case and runs of
 * whitespace. A quote the model shortened with "…" must have every part in the answer, in order.
 * Undefined when any part is not found — the judgement is then not trusted.
 */
export function locateQuote(answer: string, quote: string): TextSpan[] | undefined {
  const parts = quote
    .split(/\s*(?:\.\.\.|…)\s*/)
    .map((p) => p.replace(/^[\s"'“”‘’«»]+|[\s"'“”‘’«»]+$/g, ''))
    .filter((p) => p.length > 0);
  if (parts.length === 0 || parts.join('').replace(/\s/g, '').length < MIN_QUOTE_CHARS) return undefined;
  const spans: TextSpan[] = [];
  let from = 0;
  for (const part of parts) {
    const span = findLoosely(answer, part, from);
    if (!span) return undefined;
    spans.push(span);
    from = span.end;
  }
  return spans;
}

function findLoosely(text: string, part: string, from: number): TextSpan | undefined {
  const exact = text.indexOf(part, from);
  if (exact >= 0) return { start: exact, end: exact + part.length };
  // Normalize the answer to lower case with single spaces, keeping where each character came from.
  const map: number[] = [];
  let normalized = '';
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (normalized.endsWith(' ')) continue;
      normalized += ' ';
    } else normalized += ch.toLowerCase();
    map.push(i);
  }
  const needle = part.toLowerCase().replace(/\s+/g, ' ');
  // A trailing full stop the model added is not evidence of anything.
  for (const candidate of [needle, needle.replace(/[.,;:!?]+$/, '')]) {
    if (candidate.length === 0) continue;
    const at = normalized.indexOf(candidate);
    if (at >= 0) return { start: map[at]!, end: map[at + candidate.length - 1]! + 1 };
  }
  return undefined;
}

/** "Why this score" for the model's grading: its judgement, then each guard that held it down. */
function explainScore(llm: SampledGrade, guards: readonly Guard[], score: number): ScoreFactor[] {
  const factors: ScoreFactor[] = [
    {
      label: llm.scores.length > 1 ? `The language model's grade (median of ${llm.scores.length})` : "The language model's grade",
      effect: llm.score,
    },
  ];
  const binding = guards.reduce<Guard | undefined>((low, g) => (low === undefined || g.cap < low.cap ? g : low), undefined);
  if (binding && score < llm.score) factors.push({ label: `Held down: ${binding.detail}`, effect: score - llm.score });
  return factors;
}

export function estimateConfidence(llm: SampledGrade, local: Evaluation | undefined): number {
  // One sample says nothing about its own variance; agreeing samples say a lot.
  let c = llm.scores.length > 1 ? 0.9 - llm.spread / 50 : 0.75;
  // Engines far apart: one of them is wrong, and we cannot tell which.
  if (local && Math.abs(local.score - llm.score) > 30) c -= 0.15;
  return Math.round(Math.min(0.95, Math.max(0.2, c)) * 100) / 100;
}

/** The median score; dimensions are medians too, feedback and key points come from the median sample. */
export function reduceToMedian(grades: LlmGrade[]): SampledGrade {
  const sorted = [...grades].sort((a, b) => a.score - b.score);
  const scores = sorted.map((g) => g.score);
  const score = Math.round(median(scores));
  const representative = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const dimensions = Object.fromEntries(
    DIMENSIONS.map((d) => [d, Math.round(median(grades.map((g) => g.dimensions[d])))]),
  ) as DimensionScores;
  return { ...representative, score, dimensions, scores, spread: scores[scores.length - 1]! - scores[0]! };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const normalizeKeyPoint = (s: string): string =>
  s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.;:!]+$/, '')
    .trim();

function dedupe(items: readonly string[]): string[] {
  return [...new Set(items)];
}
