/**
 * Aptitude answers have one right result. We find the candidate's final answer (what they
 * committed to, not every number in their working) and compare it with the expected one.
 */
export interface AptitudeCheck {
  /** The final answer as written, or null when none could be found. */
  finalAnswer: string | null;
  correct: boolean;
  /** Whether the expected answer appears anywhere (e.g. in the working but not as the result). */
  mentioned: boolean;
}

const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  thousand: 1000,
};

// A number as people write it: -$1,250.50 · minus 3 · 3/4 · .75 · 40% · twelve
const NUMBER_RE = new RegExp(
  String.raw`(minus\s+|negative\s+|[-−]\s?)?[$€£]?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(\s?\/\s?\d+(?:\.\d+)?)?|\b(` +
    Object.keys(NUMBER_WORDS).join('|') +
    String.raw`)\b`,
  'gi',
);

export interface FoundNumber {
  value: number;
  raw: string;
  index: number;
}

export function findNumbers(text: string): FoundNumber[] {
  const out: FoundNumber[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    let value: number;
    if (m[4]) value = NUMBER_WORDS[m[4].toLowerCase()]!;
    else {
      value = Number(m[2]!.replace(/,/g, ''));
      if (m[3]) {
        const d = Number(m[3].replace(/[\s/]/g, ''));
        if (d === 0) continue;
        value /= d;
      }
      if (m[1]) value = -value;
    }
    // A hyphen between two numbers ("3-4") is a range, not a sign.
    if (m[1] && /^[-−]/.test(m[1]) && m.index > 0 && /\w/.test(text[m.index - 1]!)) value = -value;
    if (Number.isFinite(value)) out.push({ value, raw: m[0].trim(), index: m.index });
  }
  return out;
}

export function parseNumber(raw: string): number | null {
  const n = findNumbers(raw);
  return n.length > 0 ? n[0]!.value : null;
}

/** Sentences that set up or reject an alternative are not where the answer is committed. */
const REJECTED = /\b(wrong|incorrect|not|n't|mistake|would be|instead of|rather than|trap|tempting|common error|naive)\b/i;
const EXPLICIT = /\b(the )?(final )?(answer|result) (is|=|:|would be)/i;
const ARITHMETIC = /\b(plus|minus|times|divided by|multiplied by|over|less|of)\b|[-+×*/÷]/i;
const COMMIT = /\b(?:answer|result)\b[^.!?]*?(?:\bis\b|=|:|\bwould be\b)|\b(?:is|are|equals|gives|makes|comes to|totals?|get|be)\b|=/gi;

/**
 * Sentences, further split into clauses at "…, so …", "; " and " but " so that a rejected
 * alternative and the committed answer in one sentence are judged apart.
 */
function sentencesOf(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  // Decimal points ("32.5") must not split sentences.
  const re = /[^.!?\n]+(?:[.!?](?=\d)[^.!?\n]*)*[.!?\n]*/g;
  for (const m of text.matchAll(re)) {
    if (!m[0].trim()) continue;
    let start = 0;
    for (const c of m[0].matchAll(/[,;:]\s+(?=(?:so|therefore|thus|hence|which means|meaning)\b)|;\s+|\s+but\s+/gi)) {
      out.push({ text: m[0].slice(start, c.index), start: m.index + start });
      start = c.index;
    }
    out.push({ text: m[0].slice(start), start: m.index + start });
  }
  return out.filter((s) => s.text.trim());
}

/** Clauses that conclude ("so …", "the answer is …", "= …") outrank trailing remarks. */
const CONCLUSION = /\b(?:(?:the )?(?:final )?(?:answer|result) (?:is|=|:|would be)|therefore|thus|hence|in total|altogether|finally)\b/i;

/** Numbers match within a small relative tolerance (rounding in the working). */
function sameNumber(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= Math.max(Math.abs(b) * 0.005, 0.005);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const squash = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const RESULT_FIRST =
  /^\W*(?:[a-z]+\s+){0,2}[-−$€£]*\d[\d.,/]*\s*(?:%|[a-z]+)?\s*(?:\(|[,;:–—]\s*(?:since|because|as|from|via|i\.e\.|that is)\b|(?:since|because|as|from)\b)/i;

export function checkAptitudeAnswer(answer: string, expected: string, question = ''): AptitudeCheck {
  const text = answer.replace(/[’]/g, "'");
  const expectedNumbers = findNumbers(expected);
  const numericExpected = expectedNumbers.length === 1 && /^\W*(minus\s+)?[-−$€£]*\s*[\d.]/i.test(expected.trim());
  // Sentences copied from the question state its givens, not the candidate's answer.
  const q = squash(question);
  const sentences = sentencesOf(text).filter((s) => !(q && squash(s.text).length > 0 && q.includes(squash(s.text))));
  const committed = [...sentences].reverse().filter((s) => EXPLICIT.test(s.text) || !REJECTED.test(s.text));
  const ordered = committed.length > 0 ? committed : [...sentences].reverse();
  const withNumber = (s: { text: string }): boolean => findNumbers(s.text).length > 0;
  const concluding = ordered.find((s) => CONCLUSION.test(s.text) && withNumber(s));
  const candidates = concluding ? [concluding] : ordered;

  if (numericExpected) {
    const want = expectedNumbers[0]!.value;
    const all = findNumbers(text);
    if (all.length === 0) return { finalAnswer: null, correct: false, mentioned: false };
    const mentioned = all.some((n) => sameNumber(n.value, want));
    // The committed answer: in the last sentence that commits to a number, the first number
    // after its last "is / = / gives"; otherwise that sentence's last number.
    for (const s of candidates) {
      const nums = findNumbers(s.text);
      if (nums.length === 0) continue;
      let markerEnd = -1;
      let restatedFrom = Infinity;
      for (const m of s.text.matchAll(COMMIT)) {
        const end = m.index + m[0].length;
        if (!nums.some((n) => n.index >= end)) continue;
        // "…, which is 20 per second" restates the result in other units and does not replace
        // it — unless it closes a calculation ("180 minus 105, which is 75").
        if (/\b(which|that|i\.e\.|or|this)\s*$/i.test(s.text.slice(Math.max(0, m.index - 8), m.index))) {
          const before = nums.filter((n) => n.index < m.index);
          const last = before[before.length - 1];
          const between = last ? s.text.slice(before.length > 1 ? before[before.length - 2]!.index : 0, m.index) : '';
          if (!(before.length >= 2 && ARITHMETIC.test(between.replace(/^[^\s]+/, '')))) {
            restatedFrom = Math.min(restatedFrom, m.index);
            continue;
          }
        }
        markerEnd = end;
      }
      const unrestated = nums.filter((n) => n.index < restatedFrom);
      // The result first, then the working: "30 (120 − 90).", "2 hours, since 1/6 + 1/3 = 1/2",
      // "Down 4% (1.2 × 0.8 = 0.96)": the leading number is the answer, the rest justifies it.
      const leading = RESULT_FIRST.test(s.text) && nums[0]!.index <= 12 ? nums[0] : undefined;
      const final =
        leading ??
        (markerEnd >= 0 ? nums.find((n) => n.index >= markerEnd) : undefined) ??
        unrestated[unrestated.length - 1] ??
        nums[nums.length - 1]!;
      return { finalAnswer: final.raw, correct: sameNumber(final.value, want), mentioned };
    }
    return { finalAnswer: null, correct: false, mentioned };
  }

  // A word answer ("Wednesday", "the box labelled Mixed"): it must be stated in a sentence
  // that commits to it, not only in one that rejects it.
  const phrase = expected
    .toLowerCase()
    .replace(/^(the|a|an)\s+/, '')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .trim();
  if (!phrase) return { finalAnswer: null, correct: false, mentioned: false };
  const re = new RegExp(`\\b${escapeRegExp(phrase).replace(/\s+/g, '\\W+')}\\b`, 'i');
  const mentioned = re.test(text);
  const committing = committed.find((s) => re.test(s.text));
  const lastSentence = sentences[sentences.length - 1]?.text.trim() ?? null;
  return { finalAnswer: committing ? expected : lastSentence, correct: committing !== undefined, mentioned };
}
