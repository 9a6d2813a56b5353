import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { writeCohortFile, people } from '../../../flows/pemda.test-support.js'
import { buildApp } from '../../../platform/http/app.js'
import { testContext } from '../../../platform/http/test-context.js'
import type { App } from '../../../platform/http/types.js'
import { newId } from '../../../platform/ids.js'
import type { Actor } from '../../access/index.js'
import pemdaRoutes from './routes.js'

const actor = (role: Actor['role'], regionCodes: string[]): Actor => ({ userId: newId(), username: `${role}.uji`, role, branchCode: null, regionCodes, sourceIds: [] })
const actors: Record<string, Actor> = {
  kanwil: actor('kanwil', []),
  denpasar: actor('pemda', ['51.71']),
  badung: actor('pemda', ['51.03']),
}
const as = (who: string) => ({ 'x-test-actor': who })
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-pemda-routes-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describeDb(
  'pemda routes: programmes, cohort upload, invoices and the portal scope',
  (ctx) => {
    let app: App
    let programme: string
    beforeAll(async () => {
      const context = testContext({ sql: ctx.sql, now: () => new Date('2026-04-02T02:00:00Z') })
      app = await buildApp({ ctx: context, routes: [pemdaRoutes], authenticate: async (request) => actors[String(request.headers['x-test-actor'])] ?? null })
    })
    afterAll(() => app.close())

    it('lets the city create its programme, upload its cohort and read its invoice; another region is refused and audited', async () => {
      const created = await app.inject({
        method: 'POST', url: '/api/v1/pemda/programmes', headers: { ...as('denpasar'), 'idempotency-key': 'p1' },
        payload: { name: 'Pekerja rentan Denpasar 2026', regionCode: '5171', year: 2026, budgetIdr: 10_000_000, incomeIdr: 1_000_000, groups: [{ code: 'nelayan', quota: 2 }], startMonth: '2026-04', endMonth: '2026-12' },
      })
      expect(created.statusCode).toBe(201)
      programme = created.json().id
      const file = path.join(dir, 'nelayan.csv')
      await writeCohortFile(file, people(500, 3))
      const boundary = 'semesta-boundary'
      const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="nelayan.csv"\r\nContent-Type: text/csv\r\n\r\n${fs.readFileSync(file, 'utf8')}\r\n--${boundary}--\r\n`
      const upload = await app.inject({ method: 'POST', url: `/api/v1/pemda/programmes/${programme}/cohorts/nelayan`, headers: { ...as('denpasar'), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload })
      expect(upload.statusCode).toBe(200)
      expect(upload.json().cohort).toMatchObject({ admitted: 2, quotaExceeded: 1, members: 2 })

      const invoice = await app.inject({ method: 'POST', url: `/api/v1/pemda/programmes/${programme}/invoices`, headers: as('denpasar'), payload: { month: '2026-04' } })
      expect(invoice.json()).toMatchObject({ workers: 2, amountIdr: 33_600, lines: [{ group: 'nelayan', workers: 2, amountIdr: 33_600 }] })
      const detail = await app.inject({ method: 'GET', url: `/api/v1/pemda/programmes/${programme}`, headers: as('denpasar') })
      expect(detail.json().status).toMatchObject({ usedIdr: 33_600, workers: { nelayan: 2 } })
      expect((await app.inject({ method: 'GET', url: '/api/v1/pemda/programmes', headers: as('denpasar') })).json().items).toHaveLength(1)
      expect((await app.inject({ method: 'GET', url: '/api/v1/pemda/programmes', headers: as('badung') })).json().items).toHaveLength(0)
      // the city may not record its own payment (the office does, when the APBD transfer arrives)
      const pay = await app.inject({ method: 'POST', url: `/api/v1/pemda/invoices/${invoice.json().invoiceId}/payments`, headers: { ...as('denpasar'), 'idempotency-key': 'pay1' }, payload: { paidOn: '2026-04-10' } })
      expect(pay.statusCode).toBe(403)
      const paid = await app.inject({ method: 'POST', url: `/api/v1/pemda/invoices/${invoice.json().invoiceId}/payments`, headers: { ...as('kanwil'), 'idempotency-key': 'pay1' }, payload: { paidOn: '2026-04-10' } })
      expect(paid.json()).toMatchObject({ membersSettled: 2, membersAktif: 2 })

      for (const url of [`/api/v1/pemda/programmes/${programme}`, `/api/v1/pemda/programmes/${programme}/invoices`, `/api/v1/pemda/invoices/${invoice.json().invoiceId}`, '/api/v1/pemda/coverage/51.71', '/api/v1/pemda/scorecards/51.71']) {
        const refused = await app.inject({ method: 'GET', url, headers: as('badung') })
        expect(refused.statusCode, url).toBe(403)
      }
      const { rows: refusals } = await ctx.sql.query<{ actor_role: string; n: number }>(
        `select actor_role, count(*)::int as n from audit_events where action = 'pemda.read_refused' group by 1`)
      expect(refusals).toEqual([{ actor_role: 'pemda', n: 5 }])
      expect((await app.inject({ method: 'GET', url: '/api/v1/pemda/coverage/51.71', headers: as('denpasar') })).json()).toMatchObject({ regionCode: '51.71', terlindungi: 2 })
      const card = await app.inject({ method: 'GET', url: '/api/v1/pemda/scorecards/51.71?year=2026', headers: as('denpasar') })
      expect(card.json().criteria.find((c: { code: string }) => c.code === 'apbd_budget')).toMatchObject({ met: true, value: 10_000_000 })
    })
  },
  { referenceData: true },
)
