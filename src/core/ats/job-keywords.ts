import type { AnalyzedText } from '../evaluation/analyzed-text.js';

export interface JobKeyword {
  /** Lemma, lower case: what is matched. */
  term: string;
  /** As the job description first wrote it, for messages. */
  display: string;
  count: number;
}

/**
 * Nouns every job ad uses, which say nothing about this job: matching them proves nothing and
 * missing them costs nothing.
 */
const GENERIC_NOUNS = new Set([
  'ability',
  'abilities',
  'applicant',
  'application',
  'area',
  'background',
  'benefit',
  'bonus',
  'candidate',
  'career',
  'company',
  'compensation',
  'culture',
  'day',
  'degree',
  'employer',
  'environment',
  'equity',
  'experience',
  'field',
  'growth',
  'hire',
  'hour',
  'individual',
  'insurance',
  'interview',
  'job',
  'knowledge',
  'level',
  'lot',
  'member',
  'mission',
  'month',
  'office',
  'opportunity',
  'part',
  'people',
  'perk',
  'person',
  'plus',
  'position',
  'range',
  'requirement',
  'qualification',
  'responsibility',
  'role',
  'salary',
  'skill',
  'something',
  'team',
  'teammate',
  'thing',
  'time',
  'understanding',
  'vacation',
  'variety',
  'way',
  'week',
  'work',
  'world',
  'year',
  'everything',
  'anything',
  'kind',
  'type',
  'stack',
  'proficiency',
  'familiarity',
  'expertise',
  'pto',
  'leave',
  'policy',
  'location',
  'package',
  'holiday',
  'stipend',
  'home',
  'etc',
  'e.g',
  'i.e',
  'us',
  'minimum',
  'preference',
  'strength',
  'passion',
  'wellness',
  'parental',
  'health',
  'dental',
  'plan',
  'budget',
  'option',
  'opening',
  'equivalent',
  'thousand',
  'thousands',
  'hundred',
  'hundreds',
  'million',
  'millions',
  'building',
  'lot',
  'care',
  'plus',
  'bonus',
  'advantage',
  'asset',
  'must',
  'have',
  'nice',
]);

/**
 * The terms of a job description a recruiter's search would use besides the skills: its nouns,
 * by lemma, ranked by how often the ad repeats them. Words inside a skill mention are left to
 * the skills part.
 */
export function importantJobTerms(job: AnalyzedText, skillSpans: readonly { start: number; end: number }[], limit = 15): JobKeyword[] {
  const byTerm = new Map<string, JobKeyword & { first: number }>();
  const fragments = fixedPhraseTokens(job);
  const processSentences = new Set(job.sentences.flatMap((s, i) => (HIRING_PROCESS.test(job.text.slice(s.start, s.end)) ? [i] : [])));
  for (const [index, token] of job.tokens.entries()) {
    if (token.kind !== 'word' || token.pos !== 'NOUN' || token.stop) continue;
    // "end" of "end to end", "day" of "day to day"; and the words of "Hiring manager: …", which
    // describe the hiring, not the job.
    if (fragments.has(index) || processSentences.has(token.sentence) || FUNCTION_WORDS.has(token.normal)) continue;
    const term = token.lemma.toLowerCase();
    if (term.length < 3 || !/^[a-z][a-z-]*$/.test(term) || GENERIC_NOUNS.has(term)) continue;
    if (skillSpans.some((s) => token.start < s.end && token.end > s.start)) continue;
    const entry = byTerm.get(term);
    if (entry) entry.count += 1;
    else byTerm.set(term, { term, display: token.text.toLowerCase(), count: 1, first: token.start });
  }
  return [...byTerm.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .slice(0, limit)
    .map(({ term, display, count }) => ({ term, display, count }));
}

/** Words that only hold a sentence together, whatever a tagger calls them. */
const FUNCTION_WORDS = new Set(['end', 'ends', 'lot', 'lots', 'bit', 'kind', 'sort', 'way', 'ways', 'thing', 'things', 'etc']);
const HIRING_PROCESS =
  /\b(?:hiring\s+(?:manager|process|panel|team|committee)|recruit(?:er|ment\s+process)|interview(?:s|\s+(?:process|loop|stages?))?|how\s+to\s+apply|take[\s-]home|final\s+loop)\b/i;
const LINKS = new Set(['to', 'by', 'on', 'for', 'after', 'in', 'over', 'and']);

/** Tokens of fixed phrases that repeat a word around a link: "end to end", "step by step", "face to face". */
function fixedPhraseTokens(text: AnalyzedText): Set<number> {
  const out = new Set<number>();
  const t = text.tokens;
  for (let i = 0; i + 2 < t.length; i += 1) {
    if (LINKS.has(t[i + 1]!.normal) && t[i]!.normal === t[i + 2]!.normal && t[i]!.kind === 'word') {
      out.add(i);
      out.add(i + 2);
    }
  }
  return out;
}

/** Lemmas and surface forms of a text, with a plural-free form, for forgiving lookups. */
export function termsOf(text: AnalyzedText): Set<string> {
  const out = new Set<string>();
  for (const token of text.tokens) {
    if (token.kind !== 'word') continue;
    for (const form of [token.lemma, token.normal]) {
      const f = form.toLowerCase();
      out.add(f);
      out.add(singular(f));
    }
  }
  return out;
}

export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
