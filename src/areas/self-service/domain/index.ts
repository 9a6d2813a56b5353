/** The self-service domain: sign-in limits, identifiers and the worker's own-record policy. Pure; safe for the web app. */
export { SIGN_IN_RULES, parseWorkerIdentifier, codeState, type WorkerIdentifier, type CodeCheck } from './sign-in-rules.js'
export { workerMay, WORKER_ACTIONS, type WorkerAction, type WorkerPrincipal } from './worker-policy.js'
export { protectedUntil } from './protected-until.js'
