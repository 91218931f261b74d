import { useCallback, useEffect, useState } from 'react';

export type Persona = 'warm' | 'neutral' | 'strict';
export const PERSONAS: readonly Persona[] = ['warm', 'neutral', 'strict'];

/** How the interviewer speaks and shows itself; kept on this device only (a preference, not data). */
export interface VoiceSettings {
  /** `voiceURI` of the chosen SpeechSynthesisVoice; empty = the browser's default for the language. */
  voiceURI: string;
  /** 0.5–2, as SpeechSynthesisUtterance.rate. */
  rate: number;
  /** Read each new question aloud as it appears. */
  autoRead: boolean;
  /** Show the words as they are spoken. */
  captions: boolean;
  /** Show the interviewer avatar. */
  avatar: boolean;
  persona: Persona;
  /** Offer recording under each question (off: typing only). */
  recorder: boolean;
}

export const DEFAULT_VOICE_SETTINGS: VoiceSettings = {
  voiceURI: '',
  rate: 1,
  autoRead: false,
  captions: true,
  avatar: true,
  persona: 'neutral',
  recorder: true,
};

const KEY = 'panelist.voice-settings';

/** Reads stored settings, keeping only well-formed fields (an old or hand-edited value must not break the page). */
export function readVoiceSettings(raw: string | null): VoiceSettings {
  if (!raw) return DEFAULT_VOICE_SETTINGS;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return DEFAULT_VOICE_SETTINGS;
  }
  if (!parsed || typeof parsed !== 'object') return DEFAULT_VOICE_SETTINGS;
  const p = parsed as Record<string, unknown>;
  const out = { ...DEFAULT_VOICE_SETTINGS };
  if (typeof p.voiceURI === 'string') out.voiceURI = p.voiceURI;
  if (typeof p.rate === 'number' && p.rate >= 0.5 && p.rate <= 2) out.rate = p.rate;
  if (typeof p.autoRead === 'boolean') out.autoRead = p.autoRead;
  if (typeof p.captions === 'boolean') out.captions = p.captions;
  if (typeof p.avatar === 'boolean') out.avatar = p.avatar;
  if (typeof p.recorder === 'boolean') out.recorder = p.recorder;
  if (typeof p.persona === 'string' && (PERSONAS as readonly string[]).includes(p.persona)) out.persona = p.persona as Persona;
  return out;
}

function load(): VoiceSettings {
  try {
    return readVoiceSettings(localStorage.getItem(KEY));
  } catch {
    return DEFAULT_VOICE_SETTINGS;
  }
}

/** The settings and a setter that persists them; every tab's copy follows changes made in another. */
export function useVoiceSettings(): [VoiceSettings, (patch: Partial<VoiceSettings>) => void] {
  const [settings, setSettings] = useState(load);
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === KEY) setSettings(readVoiceSettings(e.newValue));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  const update = useCallback((patch: Partial<VoiceSettings>) => {
    setSettings((old) => {
      const next = { ...old, ...patch };
      try {
        localStorage.setItem(KEY, JSON.stringify(next));
      } catch {
        // Private mode or a full quota: the choice still holds for this page.
      }
      return next;
    });
  }, []);
  return [settings, update];
}
