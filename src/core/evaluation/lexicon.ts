import { z } from 'zod';

/**
 * A domain thesaurus (content/grader/thesaurus.json): technical equivalences, abbreviations,
 * general words that cover specific ones, and antonyms. Word vectors know that "insert" and
 * "update" are related but not that "writes" covers both, nor that "seq scan" is a full table
 * scan; and they rate "increase"/"decrease" as near-synonyms. The thesaurus fills both gaps.
 */
export const thesaurusFile = z.object({
  about: z.string().optional(),
  groups: z.array(z.array(z.string().min(1)).min(2)),
  broader: z.record(z.string(), z.array(z.string().min(1))).default({}),
  abbreviations: z.record(z.string(), z.string()).default({}),
  antonyms: z.array(z.tuple([z.string(), z.string()])).default([]),
});
export type ThesaurusFile = z.infer<typeof thesaurusFile>;

export interface LexiconPhrase {
  /** Lower-case words of the phrase. */
  words: readonly string[];
  group: number;
}

export interface Lexicon {
  /** Synonym groups of a single word (lemma or surface form). */
  groupsOf(word: string): readonly number[];
  /** Looser groups: a general word and the specific ones it covers. */
  looseGroupsOf(word: string): readonly number[];
  /** Words whose swap for this one reverses a claim. */
  antonymsOf(word: string): readonly string[];
  /** Multi-word entries, longest first, keyed by their first word. */
  phrasesStartingWith(word: string): readonly LexiconPhrase[];
  /** Human-readable name of a group (its first entry). */
  groupName(group: number): string;
}

const EMPTY: readonly never[] = [];

const norm = (s: string): string => s.toLowerCase().trim().replace(/\s+/g, ' ');

/** Splits an entry the way the analyzer tokenizes ("o(log n)" stays one piece for matching by text). */
function entryWords(entry: string): string[] {
  return norm(entry).split(' ');
}

export function createLexicon(file: ThesaurusFile): Lexicon {
  const groups = new Map<string, number[]>();
  const loose = new Map<string, number[]>();
  const phrases = new Map<string, LexiconPhrase[]>();
  const names: string[] = [];
  const antonyms = new Map<string, string[]>();

  const add = (map: Map<string, number[]>, word: string, id: number): void => {
    const list = map.get(word);
    if (!list) map.set(word, [id]);
    else if (!list.includes(id)) list.push(id);
  };
  const addEntry = (entry: string, id: number, map: Map<string, number[]>): void => {
    const words = entryWords(entry);
    if (words.length === 1) add(map, words[0]!, id);
    else {
      const list = phrases.get(words[0]!) ?? [];
      list.push({ words, group: id });
      phrases.set(words[0]!, list);
    }
  };

  for (const g of file.groups) {
    const id = names.length;
    names.push(norm(g[0]!));
    for (const e of g) addEntry(e, id, groups);
  }
  for (const [abbr, full] of Object.entries(file.abbreviations)) {
    const id = names.length;
    names.push(norm(full));
    addEntry(abbr, id, groups);
    addEntry(full, id, groups);
  }
  for (const [general, specifics] of Object.entries(file.broader)) {
    const id = names.length;
    names.push(norm(general));
    addEntry(general, id, loose);
    for (const s of specifics) addEntry(s, id, loose);
  }
  for (const [a, b] of file.antonyms) {
    const x = norm(a);
    const y = norm(b);
    antonyms.set(x, [...(antonyms.get(x) ?? []), y]);
    antonyms.set(y, [...(antonyms.get(y) ?? []), x]);
  }
  for (const list of phrases.values()) list.sort((p, q) => q.words.length - p.words.length);

  return {
    groupsOf: (w) => groups.get(w) ?? EMPTY,
    looseGroupsOf: (w) => loose.get(w) ?? EMPTY,
    antonymsOf: (w) => antonyms.get(w) ?? EMPTY,
    phrasesStartingWith: (w) => phrases.get(w) ?? EMPTY,
    groupName: (g) => names[g] ?? '',
  };
}

export function parseLexicon(json: unknown): Lexicon {
  return createLexicon(thesaurusFile.parse(json));
}
