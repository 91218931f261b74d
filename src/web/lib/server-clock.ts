import { useCallback, useSyncExternalStore } from 'react';
import { subscribeToSeconds } from './use-elapsed.js';

/**
 * How far this device's clock is behind the server's, in ms. Interview windows and deadlines are
 * the server's: a laptop clock that runs five minutes fast must not open the Start button early
 * or show time left that the candidate does not have.
 */
let offsetMs = 0;

/** Learns the offset from a response's `serverNow`, taking the middle of the round trip as its moment. */
export function calibrateServerClock(serverNow: string | undefined, sentAtMs: number, receivedAtMs: number): void {
  if (!serverNow) return;
  const server = Date.parse(serverNow);
  if (Number.isNaN(server)) return;
  offsetMs = server - (sentAtMs + receivedAtMs) / 2;
}

/** The server's time now, as ms since the epoch. For event handlers and effects, not render. */
export function serverNowMs(): number {
  return Date.now() + offsetMs;
}

const serverNowSeconds = () => Math.floor(serverNowMs() / 1000);

/** The server's time in whole seconds, re-rendering once a second. Keep it in small leaf components. */
export function useServerNowSeconds(): number {
  return useSyncExternalStore(subscribeToSeconds, serverNowSeconds, serverNowSeconds);
}

/**
 * Whether the server's clock has reached `iso` (false for null). Re-renders only when the answer
 * flips, so a whole page can depend on it without ticking every second.
 */
export function useHasPassed(iso: string | null | undefined): boolean {
  const at = iso ? Date.parse(iso) : Number.NaN;
  const snapshot = useCallback(() => !Number.isNaN(at) && serverNowMs() >= at, [at]);
  return useSyncExternalStore(subscribeToSeconds, snapshot, snapshot);
}
