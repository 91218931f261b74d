// Tables live with their feature; this file only gathers them for Drizzle and drizzle-kit.
export * from '../server/auth/auth.table.js';
export * from '../server/interviews/interviews.table.js';
export * from '../server/audit/audit.table.js';
