import type { RouteObject } from 'react-router';
import { ResumePage } from './resume-page.js';
import { ResumesPage } from './resumes-page.js';

/** Resumes, mounted inside the signed-in app layout. */
export const resumeRoutes: RouteObject[] = [
  { path: 'resumes', Component: ResumesPage },
  { path: 'resumes/:id', Component: ResumePage },
];
