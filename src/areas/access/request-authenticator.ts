import type { Sql } from '../../platform/db/sql.js'
import { credentialCacheFor, type CredentialCacheOptions } from './credential-cache.js'
import { parseSessionSettings, type SessionSettings } from './domain/session-rules.js'
import type { Actor } from './domain/roles.js'
import { authenticateRequest, parseBearer } from './use-cases/authenticate-request.js'

export const SESSION_COOKIE = 'semesta_session'

let cached: SessionSettings | undefined

/** Session lifetimes from `SEMESTA_SESSION_IDLE_MINUTES` / `SEMESTA_SESSION_MAX_HOURS`, read once. */
export function sessionSettings(env: NodeJS.ProcessEnv = process.env): SessionSettings {
  if (env !== process.env) return parseSessionSettings(env)
  cached ??= parseSessionSettings(env)
  return cached
}

/** The parts of a Fastify request the authenticator reads (kept structural so this file needs no Fastify import). */
export interface CredentialCarrier {
  headers: { authorization?: string | undefined }
  cookies?: Record<string, string | undefined>
}

/**
 * The `authenticate` option of buildApp: `buildApp({ ctx, authenticate: createAuthenticate(ctx), ... })`.
 * Reads the `semesta_session` cookie and `Authorization: Bearer smt_...`. Valid credentials are remembered for
 * a few seconds per database handle (credential-cache.ts; `{ ttlMs: 0 }` turns that off).
 */
export function createAuthenticate(ctx: { sql: Sql; now(): Date }, settings: SessionSettings = sessionSettings(), cacheOptions?: CredentialCacheOptions) {
  const cache = credentialCacheFor(ctx.sql, cacheOptions)
  return (request: CredentialCarrier): Promise<Actor | null> =>
    authenticateRequest(
      ctx.sql,
      { cookieToken: request.cookies?.[SESSION_COOKIE] ?? null, bearerToken: parseBearer(request.headers.authorization) },
      ctx.now(),
      settings,
      cache,
    )
}
