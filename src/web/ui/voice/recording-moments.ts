import { useEffect, useSyncExternalStore } from 'react';
import type { Caption } from '../../../contract/index.js';

/**
 * Lets a key point's evidence play the moment it was said: the recorded answer on the page
 * registers its transcript here, and the evidence asks for a character offset of that transcript.
 * A module-level registry because the two live in separate shared components (evaluation, voice).
 */
type Player = (offset: number) => void;
const players = new Map<string, Player>();
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

export function useRecordingPlayer(transcript: string, play: Player | null): void {
  useEffect(() => {
    if (!play) return;
    players.set(transcript, play);
    changed();
    return () => {
      if (players.get(transcript) === play) players.delete(transcript);
      changed();
    };
  }, [transcript, play]);
}

/** A function that plays the recording from a character offset of this transcript, or null when none is on the page. */
export function useMomentPlayer(transcript: string): Player | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => players.get(transcript) ?? null,
  );
}

/**
 * The caption that holds a character offset of the transcript. Captions are the transcript's
 * sentences (long ones cut by words), so each is found after the previous one.
 */
export function captionAtOffset(captions: readonly Caption[], transcript: string, offset: number): number {
  let cursor = 0;
  let found = -1;
  for (let i = 0; i < captions.length; i++) {
    const firstWord = captions[i]!.text.split(/\s+/)[0] ?? '';
    const at = transcript.indexOf(firstWord, cursor);
    if (at < 0) continue;
    if (at > offset) break;
    found = i;
    cursor = at + firstWord.length;
  }
  return found;
}
