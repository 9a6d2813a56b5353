import { fileURLToPath } from 'node:url'
import { accessRoutes, createAuthenticate } from './areas/access/index.js'
// the server is the one place allowed to reach an area's http/ directly (.dependency-cruiser.cjs)
import agentsRoutes from './areas/agents/http/routes.js'
import channelsRoutes from './areas/channels/http/routes.js'
import channelStaffRoutes from './areas/channels/http/staff-routes.js'
import contributionsRoutes from './areas/contributions/http/routes.js'
import coverageRoutes from './areas/coverage/http/routes.js'
import employersRoutes from './areas/employers/http/routes.js'
import notificationsRoutes from './areas/notifications/http/routes.js'
import participantImportsRoutes from './areas/participants/http/imports-routes.js'
import pemdaRoutes from './areas/pemda/http/routes.js'
import claimsRoutes from './areas/claims/http/routes.js'
import participantsRoutes from './areas/participants/http/routes.js'
import programmesRoutes from './areas/programmes/http/routes.js'
import regionsRoutes from './areas/regions/http/routes.js'
import selfServiceRoutes from './areas/self-service/http/routes.js'
import { buildApp, type BuildAppOptions } from './platform/http/app.js'
import type { App, AppContext, RoutePlugin } from './platform/http/types.js'

/** The built web app, beside the sources: `web/dist`. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../web/dist', import.meta.url))

/** Every area that answers HTTP, in the order the OpenAPI document lists them. */
export const AREA_ROUTES: readonly RoutePlugin[] = [accessRoutes, regionsRoutes, programmesRoutes, participantsRoutes, participantImportsRoutes, employersRoutes, contributionsRoutes, coverageRoutes, channelsRoutes, channelStaffRoutes, pemdaRoutes, notificationsRoutes, agentsRoutes, claimsRoutes, selfServiceRoutes]

export type ServerOptions = Partial<Pick<BuildAppOptions, 'webRoot' | 'rateLimit' | 'logger'>>

/** Semesta's HTTP server: the platform app with every area's routes, and access's sign-in as `app.requireActor`. */
export function createServer(ctx: AppContext, options: ServerOptions = {}): Promise<App> {
  return buildApp({
    ctx,
    authenticate: createAuthenticate(ctx),
    routes: [...AREA_ROUTES],
    webRoot: DEFAULT_WEB_ROOT,
    ...options,
  })
}
