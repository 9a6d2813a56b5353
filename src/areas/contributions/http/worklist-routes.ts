import { PassThrough } from 'node:stream'
import { DomainError } from '../../../kernel/errors.js'
import { formatDateId, localDateAt } from '../../../kernel/dates.js'
import { actorOf } from '../../../platform/http/actor.js'
import type { App } from '../../../platform/http/types.js'
import { eachWorklistItem, worklist, type WorklistItem } from '../../../flows/worklists.js'
import { writeTable } from '../../../platform/tabular/index.js'
import { dataScope, writeAudit, type Actor } from '../../access/index.js'
import { mayReadWorklists, paymentView } from '../policy.js'
import { secured, tags } from './payment-routes.js'
import { presentWorklistItem } from './presenters.js'
import * as s from './schemas.js'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
/** A branch's whole list fits; past this the export stops (the JSON pages go on). */
export const WORKLIST_EXPORT_MAX_ROWS = 100_000
const COLUMNS = ['kpj', 'nama', 'no_hp', 'kode_wilayah', 'status', 'status_sejak', 'lunas_sampai', 'bulan_menunggak', 'tunggakan_rp', 'bayar_sekarang_rp', 'batas_bayar', 'status_berikutnya']
const TITLES: Record<(typeof s.WORKLIST_KINDS)[number], string> = {
  'due-soon': 'Jatuh tempo', arrears: 'Menunggak', lapsing: 'Akan nonaktif', 'never-paid': 'Belum pernah bayar', lapsed: 'Nonaktif',
}

function cells(item: ReturnType<typeof presentWorklistItem<WorklistItem>>): string[] {
  const date = (d: string | null) => (d ? formatDateId(d) : '')
  return [
    item.kpj, item.name, item.phone ?? '', item.regencyCode, item.status, date(item.statusSince), item.paidThrough ?? '', String(item.monthsInArrears),
    String(item.arrearsIdr), item.amountToPayNowIdr === null ? '' : String(item.amountToPayNowIdr), date(item.nextDeadline), item.nextStatus ?? '',
  ]
}

async function* rows(items: AsyncGenerator<WorklistItem>, actor: Actor): AsyncGenerator<string[]> {
  for await (const item of items) yield cells(presentWorklistItem(item, { personalData: paymentView(actor, item) === 'full' }))
}

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

  app.get(
    '/api/v1/worklists/:kind/export.xlsx',
    {
      preHandler: app.requireActor,
      schema: {
        tags, security: secured, params: s.worklistParams, querystring: s.worklistQuery.omit({ limit: true, cursor: true }), produces: [XLSX_MIME],
        summary: 'Daftar kerja sebagai XLSX (semua baris dalam wilayah Anda, paling banyak 100.000), disamarkan sesuai peran; tercatat di audit',
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      if (!mayReadWorklists(actor)) throw new DomainError('forbidden', 'Anda tidak berwenang melihat daftar kerja.', { action: 'payment.read' })
      const { kind } = request.params
      const q = request.query
      const asOf = q.asOf ?? localDateAt(ctx.now(), 'Asia/Makassar')
      await writeAudit(ctx.sql, {
        actor: { userId: actor.userId, role: actor.role }, action: 'worklist.export', subjectType: 'worklist', subjectId: kind, requestId: request.id,
        details: { kind, regency: q.regency ?? 'all', asOf },
      })
      const items = eachWorklistItem(ctx.sql, { kind, asOf, days: q.days, scope: dataScope(actor), ...(q.regency ? { regencyCode: q.regency } : {}) }, WORKLIST_EXPORT_MAX_ROWS)
      const out = new PassThrough()
      writeTable(out, 'xlsx', [{ name: TITLES[kind], columns: COLUMNS, rows: rows(items, actor), widths: [14, 28, 16, 12, 12, 12, 12, 10, 14, 14, 12, 14] }])
        .catch((error: unknown) => out.destroy(error as Error))
      const name = `daftar-kerja-${kind}-${q.regency ?? 'semua'}-${asOf}.xlsx`
      return reply.type(XLSX_MIME).header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store').send(out)
    },
  )
}
