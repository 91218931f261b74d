import type { RouteObject } from 'react-router';
import { EditJobPage, NewJobPage } from './job-form-page.js';
import { JobDetailPage } from './job-detail-page.js';
import { JobsPage } from './jobs-page.js';

/** Job descriptions: managed by coaches and admins, read by the candidates they are shared with. */
export const jobDescriptionRoutes: RouteObject[] = [
  { path: 'jobs', Component: JobsPage },
  { path: 'jobs/new', Component: NewJobPage },
  { path: 'jobs/:id', Component: JobDetailPage },
  { path: 'jobs/:id/edit', Component: EditJobPage },
];
