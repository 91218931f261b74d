import { useCallback, useEffect, useRef, useState } from 'react';

export interface SpeechState {
  speaking: boolean;
  /** The text being read, and how much of it has been spoken (from boundary events). */
  text: string;
  spokenChars: number;
  /** Bumped at every word boundary: the avatar opens its mouth on each. */
  beat: number;
}

const IDLE: SpeechState = { speaking: false, text: '', spokenChars: 0, beat: 0 };

export function speechSynthesisAvailable(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined';
}

/** The voices the browser offers; Chromium fills the list asynchronously (voiceschanged). */
export function useVoices(): SpeechSynthesisVoice[] {
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>(() => (speechSynthesisAvailable() ? speechSynthesis.getVoices() : []));
  useEffect(() => {
    if (!speechSynthesisAvailable()) return;
    const refresh = () => setVoices(speechSynthesis.getVoices());
    speechSynthesis.addEventListener('voiceschanged', refresh);
    refresh();
    return () => speechSynthesis.removeEventListener('voiceschanged', refresh);
  }, []);
  return voices;
}

/**
 * Reads text aloud with the browser's speech synthesis and reports progress word by word, so
 * captions can show what has been said and the avatar can move its mouth in time.
 */
export function useSpeech(options: { voiceURI: string; rate: number; lang?: string }) {
  const [state, setState] = useState<SpeechState>(IDLE);
  const voices = useVoices();
  const current = useRef<SpeechSynthesisUtterance | null>(null);

  const stop = useCallback(() => {
    current.current = null;
    if (speechSynthesisAvailable()) speechSynthesis.cancel();
    setState((s) => ({ ...s, speaking: false }));
  }, []);

  const speak = useCallback(
    (text: string) => {
      if (!speechSynthesisAvailable() || !text.trim()) return;
      speechSynthesis.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      const voice = voices.find((v) => v.voiceURI === options.voiceURI);
      if (voice) utterance.voice = voice;
      if (options.lang) utterance.lang = voice?.lang ?? options.lang;
      utterance.rate = options.rate;
      current.current = utterance;
      const mine = () => current.current === utterance;
      utterance.onstart = () => mine() && setState({ speaking: true, text, spokenChars: 0, beat: 0 });
      utterance.onboundary = (e) => {
        if (!mine() || e.name === 'sentence') return;
        const end = e.charIndex + (e.charLength || wordLengthAt(text, e.charIndex));
        setState((s) => ({ ...s, speaking: true, spokenChars: Math.max(s.spokenChars, end), beat: s.beat + 1 }));
      };
      const done = () => {
        if (!mine()) return;
        current.current = null;
        setState((s) => ({ ...s, speaking: false, spokenChars: text.length }));
      };
      utterance.onend = done;
      utterance.onerror = done;
      setState({ speaking: true, text, spokenChars: 0, beat: 0 });
      speechSynthesis.speak(utterance);
    },
    [voices, options.voiceURI, options.rate, options.lang],
  );

  // Leaving the page must not leave the browser talking.
  useEffect(() => () => stop(), [stop]);

  return { ...state, speak, stop, voices, available: speechSynthesisAvailable() };
}

/** Some engines send boundaries without charLength: take the word that starts there. */
export function wordLengthAt(text: string, index: number): number {
  const match = /^\S+/.exec(text.slice(index));
  return match ? match[0].length : 0;
}
