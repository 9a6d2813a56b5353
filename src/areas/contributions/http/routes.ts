import type { App } from '../../../platform/http/types.js'
import { accountRoutes } from './account-routes.js'
import { paymentRoutes } from './payment-routes.js'
import { worklistRoutes } from './worklist-routes.js'

/** The contributions API: payments (cash collected), accounts, receipts (JSON and PDF) and worklists. */
export default async function contributionsRoutes(app: App): Promise<void> {
  await paymentRoutes(app)
  await accountRoutes(app)
  await worklistRoutes(app)
}
