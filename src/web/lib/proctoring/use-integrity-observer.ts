import { useEffect, useRef, useState } from 'react';
import {
  integrityView,
  type IntegrityEvent,
  type IntegrityReceipt,
  type IntegrityWarning,
  type ProctoringLevel,
} from '../../../contract/index.js';
import { apiRequest } from '../api-client.js';
import { sendIntegrityEvents } from '../api/proctoring.js';
import { NoLiveConnection, useLiveRequest } from '../live-events.js';
import { watchFaces } from './face-watch.js';
import { IntegrityRecorder } from './integrity-recorder.js';

/** No keyboard, pointer or input for this long is recorded once as idle (until activity resumes). */
const IDLE_MS = 2 * 60_000;

function isDevtoolsShortcut(e: KeyboardEvent): boolean {
  if (e.key === 'F12') return true;
  const key = e.key.toLowerCase();
  // Ctrl+Shift+I/J/C (Windows, Linux) and Cmd+Option+I/J/C (macOS).
  return ((e.ctrlKey && e.shiftKey) || (e.metaKey && e.altKey)) && (key === 'i' || key === 'j' || key === 'c');
}

function screenIsExtended(): boolean | null {
  const s = window.screen as Screen & { isExtended?: boolean };
  return typeof s.isExtended === 'boolean' ? s.isExtended : null;
}

export interface IntegrityObserverState {
  warnings: IntegrityWarning[];
  /** The latest warnings the server raised, for the live banner. */
  latest: IntegrityWarning[];
  terminated: boolean;
}

/**
 * Observes the page while a proctored interview is answered and sends what it sees, chained, in
 * batches. Only the kinds of events and their sizes are sent, never what was typed or pasted.
 * `currentQuestionId` places events against the question on screen.
 */
export function useIntegrityObserver(
  interviewId: string,
  level: ProctoringLevel | undefined,
  currentQuestionId: string | null,
  onTerminated?: () => void,
): IntegrityObserverState {
  const [state, setState] = useState<IntegrityObserverState>({ warnings: [], latest: [], terminated: false });
  const question = useRef(currentQuestionId);
  const terminatedRef = useRef(onTerminated);
  const live = useLiveRequest();
  const liveRef = useRef(live);
  useEffect(() => {
    question.current = currentQuestionId;
    terminatedRef.current = onTerminated;
    liveRef.current = live;
  });

  useEffect(() => {
    if (!level || level === 'off') return;
    let recorder: IntegrityRecorder | null = null;
    let cancelled = false;
    const cleanups: (() => void)[] = [];
    let lastCopied = '';

    const onReceipt = (r: IntegrityReceipt) => {
      setState((s) => ({ warnings: r.warnings, latest: r.newWarnings.length > 0 ? r.newWarnings : s.latest, terminated: r.terminated }));
      if (r.terminated) terminatedRef.current?.();
    };

    const mineNow = () => apiRequest(`/api/v1/interviews/${encodeURIComponent(interviewId)}/integrity`, { schema: integrityView });
    let refs = 0;
    /** Over the live connection when one is open (no request per batch), else over HTTP. */
    const send = async (events: IntegrityEvent[]): Promise<IntegrityReceipt> => {
      const request = liveRef.current;
      const message = { type: 'integrity_events' as const, ref: `i${Date.now().toString(36)}-${++refs}`, interviewId, events };
      // The server takes socket messages up to 16 KiB; a larger backlog goes over HTTP.
      if (!request || JSON.stringify(message).length > 12_000) return sendIntegrityEvents(interviewId, events);
      try {
        const reply = await request(message);
        if (reply.type === 'integrity_receipt') return reply.receipt;
        throw new Error(reply.title);
      } catch (err) {
        if (err instanceof NoLiveConnection) return sendIntegrityEvents(interviewId, events);
        throw err;
      }
    };

    void mineNow().then((mine) => {
      if (cancelled || mine.viewer !== 'candidate' || !mine.lastHash) return;
      setState((s) => ({ ...s, warnings: mine.warnings }));
      const r = new IntegrityRecorder({
        send,
        headOf: async () => {
          const now = await mineNow();
          if (now.viewer !== 'candidate') throw new Error('not the candidate');
          return now.nextSeq;
        },
        start: { nextSeq: mine.nextSeq, lastHash: mine.lastHash },
        onReceipt,
      });
      recorder = r;
      r.begin();
      const record = (kind: Parameters<IntegrityRecorder['record']>[0], details: Record<string, string | number | boolean | null> = {}) =>
        r.record(kind, question.current ? { ...details, questionId: question.current } : details);
      const on = <K extends keyof WindowEventMap>(target: Window, type: K, fn: (e: WindowEventMap[K]) => void) => {
        target.addEventListener(type, fn);
        cleanups.push(() => target.removeEventListener(type, fn));
      };
      const onDoc = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void) => {
        document.addEventListener(type, fn);
        cleanups.push(() => document.removeEventListener(type, fn));
      };

      onDoc('visibilitychange', () => {
        if (document.visibilityState === 'hidden') {
          record('tab_hidden');
          void r.flush();
        }
      });
      on(window, 'blur', () => {
        // Leaving the tab blurs the window too; that is one event, the tab switch.
        if (document.visibilityState === 'visible') record('window_blur');
      });
      onDoc('fullscreenchange', () => {
        if (!document.fullscreenElement) record('fullscreen_exit');
      });
      onDoc('copy', () => {
        lastCopied = document.getSelection()?.toString() ?? '';
        record('copy', { length: lastCopied.length });
      });
      onDoc('cut', () => {
        lastCopied = document.getSelection()?.toString() ?? '';
        record('cut', { length: lastCopied.length });
      });
      onDoc('paste', (e) => {
        const text = e.clipboardData?.getData('text/plain') ?? '';
        record('paste', { length: text.length, fromOutside: text.length > 0 && text !== lastCopied });
      });
      onDoc('contextmenu', () => record('context_menu'));
      onDoc('keydown', (e) => {
        if (isDevtoolsShortcut(e)) record('devtools_shortcut', { key: e.key.length === 1 ? e.key.toUpperCase() : e.key });
      });
      on(window, 'offline', () => record('offline'));
      on(window, 'online', () => {
        record('online');
        void r.flush();
      });

      if (level === 'full') cleanups.push(watchFaces(record));

      // A second screen: the Window Management API's change event where the browser has it.
      const s = window.screen as unknown as Partial<EventTarget> & { isExtended?: boolean };
      if (typeof s.isExtended === 'boolean' && s.addEventListener && s.removeEventListener) {
        let extended = s.isExtended;
        const onChange = () => {
          const now = screenIsExtended();
          if (now && !extended) record('screen_added');
          extended = now ?? extended;
        };
        s.addEventListener('change', onChange);
        cleanups.push(() => s.removeEventListener!('change', onChange));
      }

      let idleTimer: ReturnType<typeof setTimeout> | null = null;
      let idle = false;
      const activity = () => {
        idle = false;
        if (idleTimer) clearTimeout(idleTimer);
        idleTimer = setTimeout(() => {
          if (!idle) record('idle', { minutes: IDLE_MS / 60_000 });
          idle = true;
        }, IDLE_MS);
      };
      for (const type of ['keydown', 'pointerdown', 'input', 'wheel'] as const) onDoc(type, activity);
      activity();
      cleanups.push(() => {
        if (idleTimer) clearTimeout(idleTimer);
      });
    });

    return () => {
      cancelled = true;
      for (const c of cleanups) c();
      recorder?.stop();
    };
  }, [interviewId, level]);

  return state;
}
