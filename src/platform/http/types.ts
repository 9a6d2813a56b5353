import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Actor } from '../../areas/access/domain/roles.js'
import type { Config } from '../config.js'
import type { Sql } from '../db/sql.js'

/** What every route reaches through `app.ctx`: the database, settings, and the clock and ids as injectable functions. */
export interface AppContext {
  sql: Sql
  config: Config
  now(): Date
  newId(): string
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>

/** An area's routes: `export const regionsRoutes: RoutePlugin = async (app) => { app.get(...) }`. */
export type RoutePlugin = (app: App) => Promise<void>

/** Finds the caller of a request (session cookie, bearer token); null when there is none or it is not valid. */
export type Authenticate = (request: FastifyRequest) => Promise<Actor | null>

export type ActorHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext
    /** preHandler: sets `request.actor` or answers 401 `unauthenticated`. */
    requireActor: ActorHook
    /** preHandler: sets `request.actor` when the caller is signed in, leaves it null otherwise. */
    identifyActor: ActorHook
  }
  interface FastifyRequest {
    actor: Actor | null
  }
}

export type { Actor }
