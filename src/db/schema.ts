// Tables live with their feature; this file only gathers them for Drizzle and drizzle-kit.
export * from '../server/auth/auth.table.js';
export * from '../server/interviews/interviews.table.js';
export * from '../server/interviews/saved-questions.table.js';
export * from '../server/interviews/report-share-links.table.js';
export * from '../server/audit/audit.table.js';
export * from '../server/orgs/orgs.table.js';
export * from '../server/jobs/jobs.table.js';
export * from '../server/mail/mail.table.js';
export * from '../server/notifications/notifications.table.js';
export * from '../server/resumes/resumes.table.js';
export * from '../server/job-descriptions/job-descriptions.table.js';
export * from '../server/proctoring/proctoring.table.js';
export * from '../server/coding/practice.table.js';
export * from '../server/auth/two-factor.table.js';
export * from '../server/auth/profiles.table.js';
export * from '../server/auth/oidc.table.js';
export * from '../server/media/media.table.js';
