import { createHash } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import type { SimilarityMatch, TypingSignals } from '../../contract/proctoring.js';
import {
  estimateSimilarity,
  isSimilar,
  MIN_WORDS,
  overlapOf,
  SCREEN_ESTIMATE,
  shingle,
  sharedPassages,
  signatureOf,
  type ShingledText,
} from '../../core/proctoring/similarity.js';
import { typingSignalsOf } from '../../core/proctoring/typing.js';
import { semanticSimilarity, vectorTextOf } from '../../core/proctoring/semantic-similarity.js';
import type { WordVectors } from '../../core/evaluation/word-vectors.js';
import type { Database, DbOrTx } from '../../db/client.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import type { IntegritySubject } from '../interviews/interview-proctoring.js';
import type { InterviewsService } from '../interviews/interviews.service.js';
import { answerSimilarity, integrityEvents, integrityFlags } from './proctoring.table.js';

/**
 * The similarity check of an assigned interview, run as a job once it is completed: each answer
 * against the question's reference answer and the organization's other answers to the same
 * question (screened by stored MinHash signatures, then compared in full), plus typing signals
 * from the integrity log. Findings are stored per answer and raised as flags for the coaches;
 * an earlier interview that turns out to match gets the match and a flag too.
 */
export function createSimilarityCheck(deps: {
  db: Database;
  clock: Clock;
  interviews: InterviewsService;
  /** Word vectors for the meaning-level figure; without them it stays null. */
  wordVectors?: () => Promise<WordVectors | undefined>;
}) {
  const { db, clock, interviews } = deps;

  return async function checkInterview(interviewId: string): Promise<void> {
    const subject = await interviews.integritySubjectById(interviewId);
    if (!subject || subject.kind !== 'assigned' || !subject.orgId) return;
    const answers = await interviews.currentAnswers(interviewId);
    const events = await db
      .select({ kind: integrityEvents.kind, details: integrityEvents.details, problem: integrityEvents.problem })
      .from(integrityEvents)
      .where(eq(integrityEvents.interviewId, interviewId));
    const honestEvents = events.filter((e) => e.problem !== 'replay');
    const questions = new Map(subject.questions.map((q) => [q.id, q]));
    const otherTexts = new Map<string, Map<string, string>>();
    const now = clock.now();
    let vectors: WordVectors | undefined | null = null;
    /** Fills in the meaning-level figure of a match found by shingles (vectors loaded on first need). */
    const withMeaning = async (match: SimilarityMatch, a: string, b: string): Promise<SimilarityMatch> => {
      vectors ??= (await deps.wordVectors?.()) ?? undefined;
      if (!vectors) return match;
      const score = semanticSimilarity(vectors, vectorTextOf(vectors, a), vectorTextOf(vectors, b));
      return { ...match, embeddingSimilarity: score === null ? null : Math.round(score * 100) / 100 };
    };

    for (const answer of answers) {
      const question = questions.get(answer.questionId);
      if (!question) continue;
      const mine = shingle(answer.text);
      const signature = signatureOf(mine);
      const questionKey = keyOf(question);
      const typing = typingSignalsOf(answer.questionId, answer, honestEvents);
      const matches: SimilarityMatch[] = [];
      const peersMatched: PeerMatch[] = [];

      if (mine.tokens.length >= MIN_WORDS) {
        if (question.referenceAnswer) {
          const match = compare(answer.questionId, mine, shingle(question.referenceAnswer), 'reference_answer', null);
          if (match) matches.push(await withMeaning(match, answer.text, question.referenceAnswer));
        }
        const peers = await db
          .select({
            interviewId: answerSimilarity.interviewId,
            questionId: answerSimilarity.questionId,
            signature: answerSimilarity.signature,
          })
          .from(answerSimilarity)
          .where(
            and(
              eq(answerSimilarity.orgId, subject.orgId),
              eq(answerSimilarity.questionKey, questionKey),
              ne(answerSimilarity.interviewId, interviewId),
            ),
          );
        for (const peer of peers) {
          if (estimateSimilarity(signature, peer.signature) < SCREEN_ESTIMATE) continue;
          const text = (await textsOf(peer.interviewId)).get(peer.questionId);
          if (!text) continue;
          const theirs = shingle(text);
          const found = compare(answer.questionId, mine, theirs, 'other_answer', peer.interviewId);
          if (!found) continue;
          const match = await withMeaning(found, answer.text, text);
          matches.push(match);
          const shown = compare(peer.questionId, theirs, mine, 'other_answer', interviewId);
          // The figure is symmetric: the earlier interview's side gets the same one.
          const back = shown && { ...shown, embeddingSimilarity: match.embeddingSimilarity };
          const order = (await interviews.integritySubjectById(peer.interviewId))?.questions.find((q) => q.id === peer.questionId)?.order;
          if (back && order !== undefined)
            peersMatched.push({ interviewId: peer.interviewId, questionId: peer.questionId, order, match: back });
        }
      }

      await db.transaction(async (tx) => {
        const maxSimilarity = Math.max(0, ...matches.map((m) => m.shingleSimilarity));
        const row = { orgId: subject.orgId, questionKey, matches, typing, signature, maxSimilarity, computedAt: now };
        await tx
          .insert(answerSimilarity)
          .values({ id: newId(), interviewId, questionId: answer.questionId, ...row })
          .onConflictDoUpdate({ target: [answerSimilarity.interviewId, answerSimilarity.questionId], set: row });
        await flagFindings(tx, subject, question.order, matches, typing, now);
        for (const peer of peersMatched) await addPeerMatch(tx, peer, now);
      });
    }

    async function textsOf(otherInterviewId: string): Promise<Map<string, string>> {
      let texts = otherTexts.get(otherInterviewId);
      if (!texts) {
        texts = new Map((await interviews.currentAnswers(otherInterviewId)).map((a) => [a.questionId, a.text]));
        otherTexts.set(otherInterviewId, texts);
      }
      return texts;
    }
  };
}

function compare(
  questionId: string,
  answer: ShingledText,
  other: ShingledText,
  source: SimilarityMatch['source'],
  otherInterviewId: string | null,
): SimilarityMatch | null {
  const overlap = overlapOf(answer, other);
  if (!isSimilar(overlap)) return null;
  return {
    questionId,
    source,
    otherInterviewId,
    // The share of the answer found in the other text is what a coach reads as "copied".
    shingleSimilarity: round2(Math.max(overlap.jaccard, overlap.containment)),
    // Filled in by the caller from word vectors; shingles carry the verdict (semantic-similarity.ts says why).
    embeddingSimilarity: null,
    passages: sharedPassages(answer, other).map(({ answer: a, other: o }) => ({ answer: a, other: o })),
  };
}

/** Same question across interviews: the bank's id when it came from the bank, else its words. */
function keyOf(question: IntegritySubject['questions'][number]): string {
  if (question.bankQuestionId) return `bank:${question.bankQuestionId}`;
  const words = question.text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return `text:${createHash('sha256').update(words).digest('hex').slice(0, 32)}`;
}

async function flagFindings(
  tx: DbOrTx,
  subject: IntegritySubject,
  order: number,
  matches: SimilarityMatch[],
  typing: TypingSignals,
  now: Date,
): Promise<void> {
  const label = `Question ${order}`;
  await flagOtherAnswers(tx, subject.id, order, matches, now);
  const reference = matches.find((m) => m.source === 'reference_answer');
  if (reference) {
    const share = Math.round(reference.shingleSimilarity * 100);
    await upsertFlag(
      tx,
      subject.id,
      'similarity',
      `reference:${order}`,
      `${label}: ${share} % of the answer matches the model answer.`,
      now,
    );
  }
  if (typing.oneBurst) {
    const how =
      typing.pastedShare >= 0.5
        ? `${Math.round(typing.pastedShare * 100)} % of it was pasted from outside the page`
        : `it arrived at ${typing.charsPerSecond} characters a second`;
    await upsertFlag(tx, subject.id, 'typing', `burst:${order}`, `${label}: the answer appeared in one burst (${how}).`, now);
  }
}

/** A flag is raised once per finding; running the check again refreshes its words, keeping any review. */
async function upsertFlag(tx: DbOrTx, interviewId: string, kind: 'similarity' | 'typing', category: string, message: string, now: Date) {
  await tx
    .insert(integrityFlags)
    .values({ id: newId(), interviewId, kind, category, message, createdAt: now })
    .onConflictDoUpdate({ target: [integrityFlags.interviewId, integrityFlags.kind, integrityFlags.category], set: { message } });
}

interface PeerMatch {
  interviewId: string;
  questionId: string;
  order: number;
  match: SimilarityMatch;
}

async function flagOtherAnswers(tx: DbOrTx, interviewId: string, order: number, matches: SimilarityMatch[], now: Date): Promise<void> {
  const others = matches.filter((m) => m.source === 'other_answer');
  if (others.length === 0) return;
  const top = Math.round(Math.max(...others.map((m) => m.shingleSimilarity)) * 100);
  const whom = others.length === 1 ? "another candidate's answer" : `${others.length} other candidates' answers`;
  await upsertFlag(
    tx,
    interviewId,
    'similarity',
    `answer:${order}`,
    `Question ${order}: up to ${top} % of the answer matches ${whom}.`,
    now,
  );
}

/** The earlier interview learns of the later copy: its coach may be the only one who knows both candidates. */
async function addPeerMatch(tx: DbOrTx, peer: PeerMatch, now: Date): Promise<void> {
  const [row] = await tx
    .select()
    .from(answerSimilarity)
    .where(and(eq(answerSimilarity.interviewId, peer.interviewId), eq(answerSimilarity.questionId, peer.questionId)))
    .for('update');
  if (!row) return;
  const matches = [...row.matches.filter((m) => m.otherInterviewId !== peer.match.otherInterviewId), peer.match];
  await tx
    .update(answerSimilarity)
    .set({ matches, maxSimilarity: Math.max(row.maxSimilarity, peer.match.shingleSimilarity) })
    .where(eq(answerSimilarity.id, row.id));
  await flagOtherAnswers(tx, peer.interviewId, peer.order, matches, now);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
