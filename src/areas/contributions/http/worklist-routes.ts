import { DomainError } from '../../../kernel/errors.js'
import { localDateAt } from '../../../kernel/dates.js'
import { actorOf } from '../../../platform/http/actor.js'
import type { App } from '../../../platform/http/types.js'
import { worklist } from '../../../flows/worklists.js'
import { dataScope } from '../../access/index.js'
import { mayReadWorklists, paymentView } from '../policy.js'
import { secured, tags } from './payment-routes.js'
import { presentWorklistItem } from './presenters.js'
import * as s from './schemas.js'

/** `GET /api/v1/worklists/:kind`: who to visit or call, per regency, inside the caller's area or portfolio. */
export async function worklistRoutes(app: App): Promise<void> {
  const { ctx } = app
  app.get(
    '/api/v1/worklists/:kind',
    {
      preHandler: app.requireActor,
      schema: {
        tags, security: secured, params: s.worklistParams, querystring: s.worklistQuery, response: { 200: s.worklistResponse },
        summary: 'Daftar kerja: jatuh tempo dalam N hari (due-soon), menunggak (arrears), akan nonaktif bulan ini (lapsing), belum pernah bayar (never-paid), nonaktif (lapsed)',
      },
    },
    async (request) => {
      const actor = actorOf(request)
      if (!mayReadWorklists(actor)) throw new DomainError('forbidden', 'Anda tidak berwenang melihat daftar kerja.', { action: 'payment.read' })
      const q = request.query
      const list = await worklist(ctx.sql, {
        kind: request.params.kind, asOf: q.asOf ?? localDateAt(ctx.now(), 'Asia/Makassar'), days: q.days, limit: q.limit, scope: dataScope(actor),
        ...(q.regency ? { regencyCode: q.regency } : {}), ...(q.cursor ? { cursor: q.cursor } : {}),
      })
      return {
        ...list,
        items: list.items.map((item) => presentWorklistItem(item, { personalData: paymentView(actor, item) === 'full' })) as s.WorklistRow[],
      }
    },
  )
}
