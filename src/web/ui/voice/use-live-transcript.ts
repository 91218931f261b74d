import { useCallback, useRef, useState } from 'react';

/** The parts of the Web Speech recognition API used here (not in TypeScript's DOM library). */
interface Recognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  onresult: ((e: { resultIndex: number; results: ArrayLike<{ isFinal: boolean; 0: { transcript: string } }> }) => void) | null;
  onerror: ((e: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}

function recognitionClass(): (new () => Recognition) | undefined {
  const w = window as unknown as { SpeechRecognition?: new () => Recognition; webkitSpeechRecognition?: new () => Recognition };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition;
}

/**
 * A live transcript from the browser's speech recognition (STT_PROVIDER=browser). Chrome's is a
 * network service: offline, or in a browser without one, `available` is false or `error` says
 * why, and the candidate types or corrects the text instead.
 */
export function useLiveTranscript(lang: string) {
  const [finalText, setFinalText] = useState('');
  const [interim, setInterim] = useState('');
  const [error, setError] = useState<string | null>(null);
  const current = useRef<Recognition | null>(null);
  const available = typeof window !== 'undefined' && !!recognitionClass();

  const start = useCallback(() => {
    const Rec = recognitionClass();
    if (!Rec) return;
    setFinalText('');
    setInterim('');
    setError(null);
    const rec = new Rec();
    rec.lang = lang;
    rec.continuous = true;
    rec.interimResults = true;
    rec.onresult = (e) => {
      let done = '';
      let pending = '';
      for (let i = e.resultIndex; i < e.results.length; i++) {
        const r = e.results[i]!;
        if (r.isFinal) done += r[0].transcript;
        else pending += r[0].transcript;
      }
      if (done) setFinalText((t) => `${t} ${done}`.trim());
      setInterim(pending);
    };
    rec.onerror = (e) => {
      if (e.error !== 'no-speech' && e.error !== 'aborted')
        setError('Live transcription is not available here; type or correct your answer below.');
    };
    rec.onend = () => setInterim('');
    current.current = rec;
    try {
      rec.start();
    } catch {
      setError('Live transcription could not start; type or correct your answer below.');
    }
  }, [lang]);

  const stop = useCallback(() => {
    current.current?.stop();
    current.current = null;
  }, []);

  return { available, text: finalText, interim, error, start, stop };
}
