import { createRequire } from 'node:module';
import type WinkNlp from 'wink-nlp';
import type WinkModel from 'wink-eng-lite-web-model';
import type { AnalyzedSentence, AnalyzedText, AnalyzedToken, TextAnalyzer, TokenKind } from '../../core/evaluation/analyzed-text.js';

const KINDS: Record<string, TokenKind> = {
  word: 'word',
  number: 'number',
  punctuation: 'punctuation',
  symbol: 'symbol',
  currency: 'symbol',
};

/**
 * wink-nlp with its English model, reduced to the token facts scoring needs. Named-entity
 * recognition and sentiment are left out of the pipe: unused, and they cost time.
 */
export function createWinkTextAnalyzer(): TextAnalyzer {
  // Loaded when the first analyser is made (the evaluator's background load, an ATS analysis), not at start.
  const require = createRequire(import.meta.url);
  const winkNLP = require('wink-nlp') as typeof WinkNlp;
  const model = require('wink-eng-lite-web-model') as typeof WinkModel;
  const nlp = winkNLP(model, ['sbd', 'pos', 'negation']);
  const its = nlp.its;
  return (text: string): AnalyzedText => {
    const doc = nlp.readDoc(text);
    const tokens = doc.tokens();
    const values = tokens.out(its.value) as string[];
    const normals = tokens.out(its.normal) as string[];
    const lemmas = tokens.out(its.lemma as never) as string[];
    const pos = tokens.out(its.pos) as string[];
    const types = tokens.out(its.type) as string[];
    const stops = tokens.out(its.stopWordFlag) as unknown as boolean[];
    const negs = tokens.out(its.negationFlag) as unknown as boolean[];
    const spans = doc.sentences().out(its.span) as unknown as [number, number][];

    const out: AnalyzedToken[] = new Array(values.length);
    let cursor = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      // Tokens appear in order; find each one from the cursor to get exact character offsets.
      let at = text.indexOf(v, cursor);
      if (at < 0 || at - cursor > 64) at = cursor;
      const end = Math.min(text.length, at + v.length);
      cursor = end;
      out[i] = {
        text: v,
        normal: normals[i]!,
        lemma: (lemmas[i] ?? normals[i]!).toLowerCase(),
        pos: pos[i]!,
        stop: stops[i] === true,
        kind: KINDS[types[i]!] ?? 'other',
        start: at,
        end,
        sentence: 0,
        negated: negs[i] === true,
      };
    }
    const sentences: AnalyzedSentence[] = spans.map(([a, b], si) => {
      for (let i = a; i <= b && i < out.length; i++) out[i]!.sentence = si;
      return {
        start: out[a]?.start ?? 0,
        end: out[Math.min(b, out.length - 1)]?.end ?? 0,
        tokenStart: a,
        tokenEnd: Math.min(b + 1, out.length),
      };
    });
    return { text, tokens: out, sentences };
  };
}
