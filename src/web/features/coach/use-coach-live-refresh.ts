import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { interviewKeys } from '../../lib/api/interviews.js';
import { useLiveEvents, useLiveStatus } from '../../lib/live-events.js';
import { coachKeys } from '../../lib/api/coach.js';

const POLL_MS = 30_000;

/**
 * Keeps the coach's pages current while candidates take interviews: an `interview` event also
 * changes the per-candidate counts. Polls only while the live connection is down.
 */
export function useCoachLiveRefresh(active: boolean): void {
  const queryClient = useQueryClient();
  const live = useLiveStatus() === 'open';
  useLiveEvents((message) => {
    if (message.type === 'interview') void queryClient.invalidateQueries({ queryKey: coachKeys.candidates });
  });
  useEffect(() => {
    if (!active || live) return;
    const timer = setInterval(() => {
      void queryClient.invalidateQueries({ queryKey: interviewKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: coachKeys.candidates });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [active, live, queryClient]);
}
