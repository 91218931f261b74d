import { useSyncExternalStore } from 'react';

function storageKey(key: string) {
  return `panelist-started:${key}`;
}

/**
 * When work on `key` began, in ms. The first call records "now"; later calls (and reloads, via
 * sessionStorage) return the same instant, so the clock does not restart.
 */
export function startClock(key: string): number {
  const now = Date.now();
  try {
    const saved = Number(sessionStorage.getItem(storageKey(key)));
    if (saved > 0 && saved <= now) return saved;
    sessionStorage.setItem(storageKey(key), String(now));
  } catch {
    /* storage blocked: the clock restarts on reload */
  }
  return now;
}

/** Whole seconds since work on `key` began. For event handlers, not render. */
export function secondsSince(key: string): number {
  return Math.max(0, Math.floor((Date.now() - startClock(key)) / 1000));
}

export function forgetStart(key: string): void {
  try {
    sessionStorage.removeItem(storageKey(key));
  } catch {
    /* nothing to forget */
  }
}

// One shared one-second ticker for every clock on the page.
const listeners = new Set<() => void>();
let timer: number | undefined;

/** Calls `listener` once a second while anyone listens; returns the unsubscribe function. */
export function subscribeToSeconds(listener: () => void) {
  listeners.add(listener);
  timer ??= window.setInterval(() => listeners.forEach((l) => l()), 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      window.clearInterval(timer);
      timer = undefined;
    }
  };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The current time in whole seconds, re-rendering once a second. */
export function useNowSeconds(): number {
  return useSyncExternalStore(subscribeToSeconds, nowSeconds, nowSeconds);
}

/** When work on `key` began, if it has (ms); does not start the clock. */
export function peekStart(key: string): number | null {
  try {
    const saved = Number(sessionStorage.getItem(storageKey(key)));
    return saved > 0 ? saved : null;
  } catch {
    return null;
  }
}

/** Records that work on `key` begins now, unless it already began. */
export function beginAt(key: string, at: number): void {
  try {
    if (!peekStart(key)) sessionStorage.setItem(storageKey(key), String(at));
  } catch {
    /* storage blocked: the clock restarts on reload */
  }
}
