import { useLiveStatus } from '../../lib/live-events.js';
import { useInterview } from '../../lib/api/interviews.js';

const POLL_MS = 30_000;

/**
 * Keeps an open interview current while someone else may change it (the coach reschedules or
 * cancels, the candidate completes, the deadline job submits). Live events refresh it already
 * (the app layout's LiveEventsProvider); polling is the fallback while the socket is down.
 */
export function useInterviewLiveRefresh(interviewId: string, active: boolean): void {
  const live = useLiveStatus() === 'open';
  useInterview(interviewId, { refetchInterval: active && !live ? POLL_MS : false });
}
