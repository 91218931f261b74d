import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Draft } from '../../../contract/index.js';
import type { DraftSaveState, DraftSink } from './draft-saver.js';
import { serverNowMs } from '../../lib/server-clock.js';

// The same key as the practice draft (use-draft.ts), plus when it was last typed, in server time.
const textKey = (key: string) => `panelist-draft:${key}`;
const atKey = (key: string) => `panelist-draft-at:${key}`;

function readLocal(key: string): { text: string; at: number } {
  try {
    return { text: localStorage.getItem(textKey(key)) ?? '', at: Number(localStorage.getItem(atKey(key))) || 0 };
  } catch {
    return { text: '', at: 0 };
  }
}

function writeLocal(key: string, text: string) {
  try {
    if (text) {
      localStorage.setItem(textKey(key), text);
      localStorage.setItem(atKey(key), String(serverNowMs()));
    } else {
      localStorage.removeItem(textKey(key));
      localStorage.removeItem(atKey(key));
    }
  } catch {
    /* storage blocked: the server copy still protects the text */
  }
}

/** The newer of this device's copy and the server's (another device, or a cleared browser). */
function initial(key: string, server: Draft | undefined): { text: string; fromDevice: boolean } {
  const local = readLocal(key);
  if (server && server.text && (!local.text || Date.parse(server.updatedAt) > local.at)) return { text: server.text, fromDevice: false };
  return { text: local.text, fromDevice: local.text !== (server?.text ?? '') && local.text !== '' };
}

/**
 * The answer being written in an assigned interview: kept on this device at every keystroke and
 * sent to the server shortly after typing pauses, so a reload, a crash or a dropped connection
 * loses nothing, and the server has the text when time runs out.
 */
export function useSyncedDraft(
  saver: DraftSink,
  interviewId: string,
  questionId: string,
  serverDraft: Draft | undefined,
): [string, (text: string) => void, () => void, DraftSaveState] {
  const key = `${interviewId}:${questionId}`;
  const [state, setState] = useState(() => ({ key, ...initial(key, serverDraft) }));
  if (state.key !== key) setState({ key, ...initial(key, serverDraft) });

  // Text typed offline on this device and never sent: send it now.
  const unsent = state.key === key && state.fromDevice ? state.text : null;
  useEffect(() => {
    if (unsent !== null) saver.queue(questionId, unsent);
  }, [saver, questionId, unsent]);

  const set = useCallback(
    (text: string) => {
      setState({ key, text, fromDevice: false });
      writeLocal(key, text);
      saver.queue(questionId, text);
    },
    [key, saver, questionId],
  );
  const clear = useCallback(() => {
    setState({ key, text: '', fromDevice: false });
    writeLocal(key, '');
    saver.forget(questionId);
  }, [key, saver, questionId]);

  const saveState = useSyncExternalStore(saver.subscribe, saver.getState, saver.getState);
  return [state.key === key ? state.text : '', set, clear, saveState];
}
