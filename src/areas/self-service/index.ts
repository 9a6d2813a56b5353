/**
 * The self-service area (issue 11 item 1): the worker's sign-in (one-time codes, worker sessions) and the policy of a
 * worker session (its own record only). The page data is a flow (src/flows/worker-record.ts); routes in http/.
 */
export * from './domain/index.js'
export { insertCode, codesSince, lockCode, recordAttempt, type StoredCode } from './db/codes.js'
export { insertWorkerSession, findWorkerSession, endWorkerSession, purgeExpired } from './db/sessions.js'
