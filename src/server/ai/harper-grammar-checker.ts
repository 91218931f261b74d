import type { GrammarChecker, GrammarFinding } from '../../core/evaluation/grammar.js';
import { codePointToUtf16Offsets } from '../../core/evaluation/grammar.js';

/**
 * harper.js (WebAssembly, ≈ 250–400 MiB RSS, ≈ 1 s setup) behind the core GrammarChecker
 * interface. Loaded on first use only, so processes that never check grammar never pay.
 *
 * The slim binary, not `harper.js/binary`: the full one also instantiates the slim module (its
 * glue needs it), so it compiled and held two 16 MB WebAssembly modules. Both export the same
 * functions and gave the same 136 findings on src/server/ai/fixtures/grammar-technical.jsonl
 * with every rule on; slim alone holds ≈ 25 MiB less.
 */
export async function createHarperGrammarChecker(): Promise<GrammarChecker> {
  const { LocalLinter, Dialect } = await import('harper.js');
  const { slimBinary } = await import('harper.js/slimBinary');
  const linter = new LocalLinter({ binary: slimBinary, dialect: Dialect.American });
  await linter.setup();
  const defaults = await linter.getDefaultLintConfig();
  await linter.setLintConfig(Object.fromEntries(Object.keys(defaults).map((rule) => [rule, INTERVIEW_RULES.has(rule)])));
  return {
    async check(text: string): Promise<GrammarFinding[]> {
      const findings: GrammarFinding[] = [];
      for (const chunk of splitIntoChunks(text)) {
        await lintChunk(text.slice(chunk.start, chunk.end), chunk.start, findings);
      }
      return findings;
    },
  };

  async function lintChunk(text: string, offset: number, findings: GrammarFinding[]): Promise<void> {
    const lints = await linter.lint(text, { language: 'plaintext' });
    let toUtf16: ((cp: number) => number) | null = null;
    for (const lint of lints) {
      try {
        const span = lint.span();
        const problem = lint.get_problem_text();
        let start = span.start;
        let end = span.end;
        // Spans should already be UTF-16; if the text does not line up, they counted code points.
        if (text.slice(start, end) !== problem) {
          toUtf16 ??= codePointToUtf16Offsets(text);
          start = toUtf16(span.start);
          end = toUtf16(span.end);
        }
        findings.push({
          start: start + offset,
          end: end + offset,
          message: lint.message(),
          suggestions: lint.suggestions().map((s) => {
            const replacement = s.get_replacement_text();
            s.free();
            return replacement;
          }),
          kind: lint.lint_kind(),
        });
      } finally {
        lint.free();
      }
    }
  }
}

/**
 * The rules we run. harper has ≈ 870, most of them idiom and style fixes whose cost adds
 * up (≈ 60–100 ms for a fresh 300-word answer with all of them, ≈ 11 ms with these). The
 * list is the rules that fired on ≈ 1,100 real student answers plus the agreement, tense and
 * word-confusion rules that matter in spoken or typed interview answers; layout and style
 * preferences (Oxford comma, ellipsis character, sentence length) are left out.
 */
export const INTERVIEW_RULES: ReadonlySet<string> = new Set([
  // spelling and word forms
  'SpellCheck',
  'The',
  'OpenCompounds',
  'CompoundNouns',
  'DisjointPrefixes',
  'Anywhere',
  'Itself',
  'EveryTime',
  'Whereas',
  'Cant',
  'OrthographicConsistency',
  'WrongNegative',
  // capitals, articles, repetition
  'SentenceCapitalization',
  'CapitalizePersonalPronouns',
  'AnA',
  'AnAnother',
  'RepeatedWords',
  'SingleBe',
  // agreement and verb forms
  'IAmAgreement',
  'PronounVerbAgreement',
  'ThereIsAgreement',
  'PronounAre',
  'PronounInflectionBe',
  'YourOutClauseAgreement',
  'HavePronoun',
  'DidPast',
  'SimplePastToPastParticiple',
  'RegularIrregulars',
  'IsBeenAuxSequence',
  'InflectedVerbAfterTo',
  'ProgressiveNeedsBe',
  'DoubleModal',
  'ModalOf',
  'MayOfPronoun',
  'HadOf',
  'WouldNeverHave',
  'MissingTo',
  'AdjectiveDoubleDegree',
  // commonly confused words
  'ItsContraction',
  'ItsPossessive',
  'TheirToThere',
  'ThereToTheir',
  'TheirToTheyre',
  'TheyreToTheir',
  'ThenThan',
  'ThatThan',
  'ToLoseTooLoose',
  'WereWhere',
  'PossessiveYour',
  'PronounContraction',
  'WrongApostrophe',
  'DoesOrDose',
  'NounVerbConfusion',
  // punctuation that changes reading
  'CommaFixes',
  'UnclosedQuotes',
]);

/** Words per chunk: harper's time grows faster than linearly with text length. */
const CHUNK_WORDS = 60;

/**
 * Splits at sentence ends into chunks of about CHUNK_WORDS words. Measured on 300-word
 * answers: 79 ms as one text, 11 ms in 60-word chunks, with the same findings except
 * the rare rule that spans a chunk boundary.
 */
export function splitIntoChunks(text: string): { start: number; end: number }[] {
  const chunks: { start: number; end: number }[] = [];
  let start = 0;
  let words = 0;
  const boundary = /[.!?]+["')\]]*\s+|\n\s*/g;
  let last = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    words += text.slice(last, end).split(/\s+/).filter(Boolean).length;
    last = end;
    if (words >= CHUNK_WORDS) {
      chunks.push({ start, end });
      start = end;
      words = 0;
    }
  }
  if (start < text.length) chunks.push({ start, end: text.length });
  return chunks;
}
