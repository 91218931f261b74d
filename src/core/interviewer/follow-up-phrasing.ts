import type { QuestionType } from '../../contract/interviews.js';
import type { FollowUpKind } from '../../contract/interviews.js';

/**
 * The words of a follow-up, as an interviewer would say them. Key points are statements ("Threads
 * within a process share memory but each has its own stack"); a probe names their subject
 * ("threads within a process") and asks about it, so it points the way without reading the
 * answer out. When no subject can be told apart, it asks about the point as a whole.
 */

/** Words that end a key point's subject: verbs and auxiliaries common in key points. */
const VERBS = new Set(
  (
    'is are was were be been has have had can could should must may might will would do does did ' +
    'uses use makes make causes cause provides provide avoids avoid maps map lets let keeps keep gives give adds add ' +
    'needs need means mean requires require returns return stores store runs run holds hold handles handle replays replay ' +
    'combines combine forces force reduces reduce improves improve ensures ensure prevents prevent depends depend helps help ' +
    'allows allow creates create detects detect protects protect guarantees guarantee trades trade costs cost limits limit ' +
    'follows follow sends send reads read writes write changes change shows show splits split grows grow scales scale ' +
    'works work fails fail happens happen produces produce removes remove breaks break applies apply matters matter ' +
    'should shares share equals equal contains contain takes take comes come goes go gets get leads lead increases increase'
  ).split(' '),
);

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function pick<T>(items: readonly T[], seed: string): T {
  return items[hash(seed) % items.length]!;
}

function lowerFirst(s: string): string {
  // Keep acronyms and names ("HTTP", "React") as written.
  if (/^[A-Z]{2}/.test(s) || /^[A-Z][a-z]+[A-Z]/.test(s)) return s;
  return s.charAt(0).toLocaleLowerCase('en') + s.slice(1);
}

function trimPoint(s: string): string {
  return s.trim().replace(/[.;:!?]+$/, '');
}

const CONNECTORS = new Set(
  'a an the and or of to in on at by for with from as than per within across inside between over under into onto without through after before via'.split(
    ' ',
  ),
);

/**
 * Whether a word after the subject is its verb: a known one, a present-tense form after a singular
 * noun ("PARTITION BY defines"), or a base form after a plural one ("Window functions compute").
 */
function looksLikeVerb(word: string, previous: string): boolean {
  const w = word.toLocaleLowerCase('en').replace(/[^a-z]/g, '');
  if (VERBS.has(w)) return true;
  if (word !== w || w.length < 4 || CONNECTORS.has(w)) return false;
  const prev = previous.replace(/[^A-Za-z]/g, '');
  const plural = (x: string) => /[^s]s$/i.test(x) && x.length > 3;
  if (CONNECTORS.has(prev.toLocaleLowerCase('en'))) return false;
  if (plural(prev) && !plural(w) && !/(ing|ed|ly|al|ive|ous|ful|able)$/.test(w)) return true;
  // After an acronym ("PARTITION BY defines"), an -s form is the verb.
  return /^[A-Z_]{2,}$/.test(prev) && /[^s]s$/.test(w);
}

/**
 * The subject of a key point ("Random keys" of "Random keys force React to remount items"), or
 * null when the point opens with its verb ("Defined what the role needs …") or has no clear one.
 */
export function keyPointSubject(keyPoint: string): string | null {
  const words = trimPoint(keyPoint).split(/\s+/);
  const end = words.findIndex((w, i) => i > 0 && looksLikeVerb(w, words[i - 1]!));
  if (end <= 0 || end > 6) return null;
  const first = words[0]!.toLocaleLowerCase('en');
  // "It can …", "They …": a pronoun is no subject to ask about.
  if (end === 1 && /^(it|they|this|that|these|those|he|she|we|you|one|each)$/.test(first)) return null;
  // A point that opens with a past-tense verb ("Defined what …") or a clause word has no subject to name.
  if (/ed$/.test(first) || words.slice(0, end).some((w) => /^(what|which|how|why|when|where|who)$/i.test(w))) return null;
  const subject = words.slice(0, end);
  if (CONNECTORS.has(subject[subject.length - 1]!.toLocaleLowerCase('en'))) return null;
  // One plain word ("errors", "plans") is too vague to ask about; a name or acronym is not.
  const meaningful = subject.filter((w) => !CONNECTORS.has(w.toLocaleLowerCase('en')));
  if (meaningful.length < 2 && !/[A-Z]{2}|[a-z][A-Z]|\d/.test(meaningful[0] ?? '')) return null;
  return lowerFirst(subject.join(' ').replace(/,$/, ''));
}

/**
 * What an instruction-like key point acts on ("the query plan" of "Read the query plan before
 * changing anything"), or null.
 */
export function keyPointObject(keyPoint: string): string | null {
  const words = trimPoint(keyPoint).split(/\s+/).slice(1);
  const end = words.findIndex((w) =>
    /^(before|after|with|by|to|on|onto|in|into|for|and|so|because|when|instead|than|from|at|if|per)$/i.test(w),
  );
  const phrase = (end === -1 ? words : words.slice(0, end)).join(' ').replace(/,$/, '');
  const count = phrase.split(' ').length;
  if (!phrase || count > 5 || /^(it|them|this|that|one|what|how|why|which)\b/i.test(phrase)) return null;
  if (!/^(the|a|an|your|its|their|each|every)\b/i.test(phrase) && count > 3) return null;
  return lowerFirst(phrase);
}

/** A key point as a clause after "how you …" / "about …", lower-cased at the start. */
function asClause(keyPoint: string): string {
  return lowerFirst(trimPoint(keyPoint));
}

export interface PhraseInput {
  kind: FollowUpKind;
  type: QuestionType;
  seed: string;
  keyPoint?: string;
  state?: 'missed' | 'partly';
  claim?: string;
}

export function phraseFollowUp(p: PhraseInput): string {
  const storyType = p.type === 'behavioral' || p.type === 'communication';
  switch (p.kind) {
    case 'probe_key_point': {
      const point = p.keyPoint ?? '';
      const subject = keyPointSubject(point);
      const partly = p.state === 'partly';
      if (subject && !storyType) {
        return pick(
          partly
            ? [
                `You touched on ${subject}. Can you go a bit deeper there: how does it work, and why does it matter here?`,
                `I'd like to hear more about ${subject}. What exactly happens there, and what would go wrong without it?`,
              ]
            : [
                `Let's go back to one thing you didn't mention: ${subject}. How does that come into it?`,
                `What about ${subject}? What role does it play here, and why?`,
                `One part we haven't covered yet is ${subject}. Where does that fit in your answer?`,
              ],
          p.seed,
        );
      }
      const object = subject ? null : keyPointObject(point);
      if (object && !storyType) {
        return pick(
          [
            `Where does ${object} come into this? What would you do with it, and when?`,
            `Let's go back a step. What part does ${object} play in how you'd approach this?`,
          ],
          p.seed,
        );
      }
      if (storyType) {
        return pick(
          [
            `Say more about that. Was there a point where you ${asClause(point)}? What did that look like?`,
            `I'm curious about one thing: how did you go about it if you ${asClause(point)}? Or, if you didn't, what would you do differently now?`,
          ],
          p.seed,
        );
      }
      // No subject to name: ask for the missing part without reading the point out.
      return pick(
        [
          "Let's go one layer deeper. What important part of this haven't you covered yet, and how does it work?",
          'Before we move on: if you had to make this answer complete, what would you add, and why?',
        ],
        p.seed,
      );
    }
    case 'ask_example':
      return storyType
        ? pick(
            [
              'Can you make that concrete? Tell me about one real time it happened: what was going on, what did you do yourself, and how did it turn out?',
              "Let's take one specific example from your own experience. What was the situation, what did you do, and what was the result?",
            ],
            p.seed,
          )
        : pick(
            [
              'Can you give me a concrete example: a system or project where this came up, how you applied it, and what you saw as a result?',
              'That makes sense in general. Where have you actually used this, and what came of it?',
            ],
            p.seed,
          );
    case 'dig_claim': {
      const claim = p.claim ?? '';
      return pick(
        [
          `You mentioned ${claim}. Why that choice here, and when would you pick something else?`,
          `You brought up ${claim}. What are its limits or costs, and how would you decide it is the right fit?`,
          `Let's dig into ${claim} for a moment. What makes it a good fit here, and what trade-off does it bring?`,
        ],
        p.seed,
      );
    }
  }
}
