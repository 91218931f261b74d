import type { StarPart } from '../../contract/interviews.js';
import type { AnalyzedText } from './analyzed-text.js';

export const STAR_PARTS: readonly StarPart[] = ['situation', 'task', 'action', 'result'];

export interface StarDetection {
  found: StarPart[];
  missing: StarPart[];
  /** Sentence indexes that carry each part (a sentence may carry several). */
  sentences: Record<StarPart, number[]>;
  /** 0–1: parts found, plus a bonus when they come in story order. */
  score: number;
}

// Cue phrases per part. Tested per sentence on lower-cased text; the action part is mostly
// found from grammar (first person + past-tense verb) because candidates phrase it freely.
const SITUATION = [
  /\b(when|while) (i|we) (was|were|worked|joined|led|ran|had)\b/,
  /\bat (my|our|a) (previous|last|former|old|current|first)? ?(job|company|employer|role|team|startup|internship|position|workplace|school|university)\b/,
  /\b(in|during) (my|our) (time|role|work|internship|last job|previous job|final year|first year)\b/,
  /\b(a|one) (few|couple of)? ?(years|months|weeks) ago\b/,
  /\b(back )?in (19|20)\d\d\b/,
  /\b(situation|context|background|the setting)\b/,
  /\b(our|the) (team|project|client|customer|company|product|manager|release|launch|deadline|system)\b.*\b(was|were|had)\b/,
  /\bthere (was|were)\b/,
  /\bi (was working|worked|was) (as|at|on|in)\b/,
  /\bwe were\b/,
  // The candidate's role or what the project was for: how most real stories open
  // ("I was the lead backend engineer", "I owned the matching service", "our tool for assigning trucks").
  /\bi was (the|a|an|one of|part of|on)\b/,
  /\b(i|we) (owned|ran|maintained|supported|joined)\b/,
  /\b(was|is) (our|the|a|an) [a-z-]+( [a-z-]+)? (tool|system|service|product|app|platform|project|pipeline|team|dashboard) (for|that)\b/,
  /\b(last|this|that) (spring|summer|autumn|fall|winter|year|quarter|month)\b/,
  /\bin (january|february|march|april|may|june|july|august|september|october|november|december)\b/,
];
const TASK = [
  /\bmy (role|job|task|responsibility|goal|mission|assignment|objective) (was|is)\b/,
  /\bi (was|am) (responsible|asked|tasked|assigned|expected|supposed|in charge)\b/,
  /\b(i|we) (needed|had|wanted) to\b/,
  /\b(the|our) (goal|task|objective|challenge|problem|aim|requirement) (was|is)\b/,
  /\b(in order )?to (make sure|ensure|deliver|meet|fix|resolve|reduce|improve|hit)\b.*\b(deadline|target|goal|on time|issue|problem)\b/,
  /\bi (had|have) been (asked|tasked|given)\b/,
  // The problem or decision the story is about, stated as such.
  /\b(decision|choice|call|question|dilemma|problem|issue|challenge|stakes) (was|were) (whether|how|to|that|real)\b/,
  /\b(i|we) (had|needed) to (decide|choose|pick|get|find|learn|tell|take|fix|move|keep)\b/,
  /\b(was|were) (my|our) (job|responsibility|call|decision)\b/,
];
const ACTION = [
  /\bi (decided|organized|organised|set up|created|built|wrote|talked|spoke|met|scheduled|proposed|implemented|led|reached out|asked|analyzed|analysed|started|introduced|suggested|arranged|focused|explained|listened|prioritized|prioritised|delegated|automated|fixed|reviewed|designed|negotiated|coordinated|took|made|gathered|brought|called|sat down|worked|broke|split|mapped|documented|escalated|offered|presented|researched|tested|measured|rewrote|refactored|mentored|trained|volunteered|asked)\b/,
  /\b(first|then|next|after that|afterwards|finally|so),? (i|we)\b/,
  /\bwhat i did\b/,
  /\bmy (approach|plan|first step|solution) was\b/,
];
const RESULT = [
  /\b(as a result|in the end|ultimately|eventually|the outcome|the result|this resulted|which resulted|resulted in|led to|ended up|by the end)\b/,
  /\b(reduced|increased|improved|cut|saved|grew|raised|lowered|shortened|doubled|halved|boosted|decreased)\b/,
  /\b\d+(\.\d+)? ?(%|percent|per cent|x\b|times\b|hours|days|weeks|minutes|users|customers|dollars)/,
  /\b(learned|learnt|lesson|takeaway|since then|from then on|going forward|next time)\b/,
  /\b(we|i|the team|the project) (delivered|shipped|launched|finished|completed|met|hit|won|succeeded|closed|resolved)\b/,
  /\b(on time|ahead of schedule|under budget|was praised|got promoted|positive feedback|the client was happy)\b/,
  // Outcomes told as change: "unmatched items dropped from 300 to 40", "it went live in week six".
  /\b(dropped|fell|rose|went up|went down|went from|went live|passed|renewed|stayed flat|no longer|has not happened|hasn't happened)\b/,
];

const CUES: Record<StarPart, RegExp[]> = { situation: SITUATION, task: TASK, action: ACTION, result: RESULT };

/** Finds the situation/task/action/result parts of a behavioral answer. */
export function detectStar(answer: AnalyzedText): StarDetection {
  const sentences: Record<StarPart, number[]> = { situation: [], task: [], action: [], result: [] };
  answer.sentences.forEach((s, si) => {
    const text = answer.text.slice(s.start, s.end).toLowerCase().replace(/[’‘]/g, "'");
    for (const part of STAR_PARTS) {
      if (CUES[part].some((re) => re.test(text))) sentences[part].push(si);
    }
    // First person subject followed closely by a past-tense verb is an action the candidate took.
    if (!sentences.action.includes(si) && hasFirstPersonPastAction(answer, s.tokenStart, s.tokenEnd)) {
      sentences.action.push(si);
    }
  });
  const found = STAR_PARTS.filter((p) => sentences[p].length > 0);
  const missing = STAR_PARTS.filter((p) => sentences[p].length === 0);
  const first = (p: StarPart): number => sentences[p][0] ?? Infinity;
  const ordered = found.length >= 3 && first('situation') <= first('action') && first('action') <= first('result');
  const score = Math.min(1, (found.length / 4) * 0.9 + (ordered ? 0.1 : 0));
  return { found, missing, sentences, score };
}

const PASSIVE_VERBS = new Set(['be', 'have', 'think', 'feel', 'know', 'want', 'need', 'seem', 'like', 'hope']);

function hasFirstPersonPastAction(a: AnalyzedText, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = a.tokens[i]!;
    if (t.normal !== 'i' && t.normal !== 'we') continue;
    for (let j = i + 1; j < Math.min(to, i + 4); j++) {
      const v = a.tokens[j]!;
      // After "I"/"we" an inflected verb that is not a gerund is past tense ("took", "organized").
      if (v.pos === 'VERB' && v.normal !== v.lemma && !v.normal.endsWith('ing') && !PASSIVE_VERBS.has(v.lemma)) {
        return true;
      }
    }
  }
  return false;
}
