import type { RouteObject } from 'react-router';
import { CoachDashboardPage } from './coach-dashboard-page.js';
import { CoachInterviewPage } from './coach-interview-page.js';
import { SchedulePage } from './schedule-page.js';

/** The coach's pages, inside the signed-in layout. */
export const coachRoutes: RouteObject[] = [
  { path: 'coach', Component: CoachDashboardPage },
  { path: 'coach/schedule', Component: SchedulePage },
  { path: 'coach/interviews/:id', Component: CoachInterviewPage },
];
