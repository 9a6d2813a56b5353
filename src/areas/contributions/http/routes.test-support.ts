import type { Actor } from '../../access/index.js'
import { buildApp } from '../../../platform/http/app.js'
import { testContext } from '../../../platform/http/test-context.js'
import type { Sql } from '../../../platform/db/sql.js'
import { newId } from '../../../platform/ids.js'
import type { App } from '../../../platform/http/types.js'
import contributionsRoutes from './routes.js'

/** Route tests sign in by naming an actor in this header (the access area's real sign-in has its own tests). */
export const ACTOR_HEADER = 'x-test-actor'

export function actor(role: Actor['role'], scope: Partial<Pick<Actor, 'regionCodes' | 'sourceIds'>> = {}): Actor {
  return { userId: newId(), username: `${role}.uji`, role, branchCode: null, regionCodes: scope.regionCodes ?? [], sourceIds: scope.sourceIds ?? [] }
}

/** The contributions routes on a test context whose clock reads `now`. */
export function contributionsApp(sql: Sql, actors: Record<string, Actor>, now: Date): Promise<App> {
  return buildApp({
    ctx: testContext({ sql, now: () => now }),
    routes: [contributionsRoutes],
    authenticate: async (request) => actors[String(request.headers[ACTOR_HEADER] ?? '')] ?? null,
  })
}

export { makeSource, registerBpuIn as registerBpu } from '../../../flows/worklists.test-support.js'
