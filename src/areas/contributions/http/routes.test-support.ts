import type { Actor } from '../../access/index.js'
import { buildApp } from '../../../platform/http/app.js'
import { testContext } from '../../../platform/http/test-context.js'
import type { Sql } from '../../../platform/db/sql.js'
import type { App } from '../../../platform/http/types.js'
import contributionsRoutes from './routes.js'

import { ACTOR_HEADER } from '../../../platform/http/test-actors.js'
export { actor, ACTOR_HEADER } from '../../../platform/http/test-actors.js'

/** The contributions routes on a test context whose clock reads `now`. */
export function contributionsApp(sql: Sql, actors: Record<string, Actor>, now: Date): Promise<App> {
  return buildApp({
    ctx: testContext({ sql, now: () => now }),
    routes: [contributionsRoutes],
    authenticate: async (request) => actors[String(request.headers[ACTOR_HEADER] ?? '')] ?? null,
  })
}

export { makeSource, registerBpuIn as registerBpu } from '../../../flows/worklists.test-support.js'
