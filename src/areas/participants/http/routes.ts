import type { App } from '../../../platform/http/types.js'
import { changeRoutes } from './change-routes.js'
import { readRoutes } from './read-routes.js'

/** The registry API: /api/v1/participants… and /api/v1/sources. */
export default async function participantsRoutes(app: App): Promise<void> {
  await readRoutes(app)
  await changeRoutes(app)
}
