/**
 * The access area, as other areas, flows, the CLI and the server use it: roles and the Actor, policies, sign-in,
 * sessions and API tokens, users, the audit trail, and the branch offices.
 */
export { ROLES, isRole, seesAllBanuspa, mayUseWebSession, type Actor, type Role } from './domain/roles.js'
export { ACTIONS, authorize, canSeePersonalData, dataScope, regionInScope, isAction, type Action, type ActionKind, type Subject, type DataScope } from './domain/policy.js'
export { assertAuditDetails, type AuditDetails, type AuditValue } from './domain/audit-details.js'
export { DEFAULT_SESSION_SETTINGS, type SessionSettings } from './domain/session-rules.js'
export { assertAuthorized } from './policy.js'
export { purgeEndedSessions } from './db/sessions.js'
export { writeAudit, listAuditEvents, type AuditEventInput, type AuditEvent, type AuditFilter } from './db/audit.js'
export { loadBranchOffices, listBranchOffices, BRANCH_OFFICES_CSV, type BranchOfficeView } from './db/branch-offices.js'
export { findUserById, findUserByUsername, listUsers, type UserRecord } from './db/users.js'
export { authenticateRequest, parseBearer, type RequestCredentials } from './use-cases/authenticate-request.js'
export { login, logout, type LoginInput, type LoginResult } from './use-cases/login.js'
export { createUser, type CreateUserCommand } from './use-cases/create-user.js'
export { createApiToken, type CreatedApiToken } from './use-cases/create-api-token.js'
export { ensureDemoUser, DEMO_USERNAME, DEMO_PASSWORD } from './use-cases/ensure-demo-user.js'
export { CredentialCache, DEFAULT_CREDENTIAL_TTL_MS, forgetCredential, forgetUser, forgetAllCredentials, type CredentialCacheOptions } from './credential-cache.js'
export { createAuthenticate, sessionSettings, SESSION_COOKIE, type CredentialCarrier } from './request-authenticator.js'
export { default as accessRoutes } from './http/routes.js'
