// Tables live with their feature; this file only gathers them for Drizzle and drizzle-kit.
export * from '../server/auth/auth.table.js';
export * from '../server/interviews/interviews.table.js';
export * from '../server/audit/audit.table.js';
export * from '../server/orgs/orgs.table.js';
export * from '../server/jobs/jobs.table.js';
export * from '../server/mail/mail.table.js';
export * from '../server/notifications/notifications.table.js';
export * from '../server/resumes/resumes.table.js';
export * from '../server/job-descriptions/job-descriptions.table.js';
