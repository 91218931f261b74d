export * from './common.js';
export * from './auth.js';
export * from './interviews.js';
export * from './orgs.js';
export * from './notifications.js';
export * from './resumes.js';
export * from './job-descriptions.js';
