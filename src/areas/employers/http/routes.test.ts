import ExcelJS from 'exceljs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { buildApp } from '../../../platform/http/app.js'
import { testContext } from '../../../platform/http/test-context.js'
import type { App } from '../../../platform/http/types.js'
import type { Actor } from '../../access/index.js'
import { auditActions, insertTestParticipant, testActor } from '../testing/fixtures.js'
import employersRoutes from './routes.js'

const actors: Record<string, Actor> = {
  kanwil: testActor('kanwil'),
  denpasar: testActor('cabang', ['51.71']),
  kupang: testActor('cabang', ['53.71']),
  pemda: testActor('pemda', ['51.71']),
}
const as = (who: string) => ({ 'x-test-actor': who })

describeDb(
  'employers routes',
  (ctx) => {
    let app: App
    beforeAll(async () => {
      const context = testContext({ sql: ctx.sql, now: () => new Date('2026-05-10T02:00:00Z') })
      app = await buildApp({ ctx: context, routes: [employersRoutes], authenticate: async (request) => actors[String(request.headers['x-test-actor'])] ?? null })
    })
    afterAll(() => app.close())

    const create = (who: string, key: string, body: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: '/api/v1/employers', headers: { ...as(who), 'idempotency-key': key }, payload: body })

    it('registers an employer once per Idempotency-Key and refuses a taken NPP', async () => {
      const body = { npp: 'dps-001', name: 'PT Bali Surya', regionCode: '5171', scale: 'medium', riskGroup: 2 }
      const first = await create('denpasar', 'k1', body)
      expect(first.statusCode).toBe(201)
      expect(first.json()).toMatchObject({ npp: 'DPS001', regionCode: '51.71', mandatoryProgrammes: ['jkk', 'jkm', 'jht', 'jp'], sourceId: expect.any(String) })
      const replay = await create('denpasar', 'k1', body)
      expect(replay.statusCode).toBe(201)
      expect(replay.headers['idempotent-replayed']).toBe('true')
      expect(replay.json().id).toBe(first.json().id)
      const taken = await create('denpasar', 'k2', { ...body, name: 'PT Lain' })
      expect(taken.statusCode).toBe(409)
      expect(taken.json().error).toMatchObject({ code: 'conflict', field: 'npp' })
      expect((await create('kupang', 'k3', { ...body, npp: 'DPS002' })).statusCode).toBe(403)
      expect((await app.inject({ method: 'POST', url: '/api/v1/employers', headers: { 'idempotency-key': 'k9' }, payload: body })).statusCode).toBe(401)
    })

    it('reads and searches employers within the caller area only', async () => {
      const kupang = await create('kanwil', 'k4', { npp: 'KPG-01', name: 'CV Timor Bahari', regionCode: '53.71', scale: 'micro', riskGroup: 4 })
      const id = kupang.json().id as string
      expect((await app.inject({ method: 'GET', url: `/api/v1/employers/${id}`, headers: as('kupang') })).json()).toMatchObject({ name: 'CV Timor Bahari', mandatoryProgrammes: ['jkk', 'jkm'] })
      const refused = await app.inject({ method: 'GET', url: `/api/v1/employers/${id}`, headers: as('denpasar') })
      expect(refused.statusCode).toBe(403)
      expect((await app.inject({ method: 'GET', url: '/api/v1/employers/nope', headers: as('kanwil') })).statusCode).toBe(404)

      const search = (who: string, payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/v1/employers/search', headers: as(who), payload })
      expect((await search('kanwil', { name: 'timor' })).json().items.map((e: { npp: string }) => e.npp)).toEqual(['KPG01'])
      expect((await search('denpasar', { name: 'timor' })).json().items).toEqual([])
      expect((await search('denpasar', { npp: 'dps 001' })).json().items.map((e: { npp: string }) => e.npp)).toEqual(['DPS001'])
      expect((await search('kanwil', {})).statusCode).toBe(400)
    })

    it('records wages, imports a laporan upah (CSV and XLSX) and lists workers with masked data for pemda', async () => {
      const employer = (await create('kanwil', 'k5', { npp: 'DPS777', name: 'PT Sanur Resort', regionCode: '51.71', scale: 'small', riskGroup: 1 })).json()
      const ketut = await insertTestParticipant(ctx.sql, { name: 'Ketut Suarjana', regencyCode: '51.71' })
      const luh = await insertTestParticipant(ctx.sql, { name: 'Luh Sari', regencyCode: '51.71', sex: 'P' })

      const wage = await app.inject({ method: 'POST', url: `/api/v1/employers/${employer.id}/wages`, headers: as('denpasar'), payload: { participantId: ketut.id, month: '2026-01', wageIdr: 3_500_000 } })
      expect(wage.statusCode).toBe(201)
      expect(wage.json()).toMatchObject({ stored: true, revision: 0, workerLinked: true })
      const same = await app.inject({ method: 'POST', url: `/api/v1/employers/${employer.id}/wages`, headers: as('denpasar'), payload: { participantId: ketut.id, month: '2026-01', wageIdr: 3_500_000 } })
      expect(same.statusCode).toBe(200)
      expect(same.json()).toMatchObject({ stored: false, revision: null })
      expect((await app.inject({ method: 'POST', url: `/api/v1/employers/${employer.id}/wages`, headers: as('kupang'), payload: { participantId: ketut.id, month: '2026-02', wageIdr: 1 } })).statusCode).toBe(403)

      const csv = `npp,nik,nama,upah,bulan\nDPS777,${ketut.nik},Ketut Suarjana,"3.800.000",2026-04\nDPS777,${luh.nik},Luh Sari,abc,2026-04\n`
      const report = await app.inject({ method: 'POST', url: `/api/v1/employers/${employer.id}/wage-reports`, headers: { ...as('denpasar'), 'content-type': 'text/csv' }, payload: csv })
      expect(report.statusCode).toBe(200)
      expect(report.json()).toMatchObject({ read: 2, stored: 1, rejected: 1, errors: [{ row: 3, field: 'upah', code: 'invalid_input' }] })

      const workbook = new ExcelJS.Workbook()
      const sheet = workbook.addWorksheet('Laporan')
      sheet.addRow(['NPP', 'NIK', 'Nama', 'Upah', 'Bulan'])
      sheet.addRow(['DPS777', luh.nik, 'Luh Sari', 4200000, '2026-04'])
      const xlsx = Buffer.from(await workbook.xlsx.writeBuffer())
      const boundary = 'semestaBoundary'
      const multipart = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="laporan.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
        xlsx,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ])
      const uploaded = await app.inject({ method: 'POST', url: `/api/v1/employers/${employer.id}/wage-reports`, headers: { ...as('denpasar'), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: multipart })
      expect(uploaded.statusCode).toBe(200)
      expect(uploaded.json()).toMatchObject({ read: 1, stored: 1, rejected: 0, workersLinked: 1 })

      const missing = await app.inject({ method: 'POST', url: `/api/v1/employers/${employer.id}/wage-reports`, headers: { ...as('denpasar'), 'content-type': 'text/csv' }, payload: 'nik,nama\n1,2\n' })
      expect(missing.statusCode).toBe(400)
      expect(missing.json().error).toMatchObject({ code: 'invalid_input', field: 'file' })

      const workers = await app.inject({ method: 'GET', url: `/api/v1/employers/${employer.id}/workers?month=2026-05`, headers: as('denpasar') })
      expect(workers.statusCode).toBe(200)
      const byKpj = workers.json().items
      expect(byKpj).toHaveLength(2)
      const k = byKpj.find((w: { participantId: string }) => w.participantId === ketut.id)
      expect(k).toMatchObject({ nik: ketut.nik, name: 'Ketut Suarjana', effectiveWageIdr: 3_800_000, personalDataMasked: false, startedOn: '2026-01-01' })
      expect(k.wages.map((w: { month: string; wageIdr: number }) => [w.month, w.wageIdr])).toEqual([['2026-01', 3_500_000], ['2026-04', 3_800_000]])
      const earlier = await app.inject({ method: 'GET', url: `/api/v1/employers/${employer.id}/workers?month=2026-03`, headers: as('denpasar') })
      expect(earlier.json().items.find((w: { participantId: string }) => w.participantId === ketut.id).effectiveWageIdr).toBe(3_500_000)

      expect(await auditActions(ctx.sql, employer.id)).toEqual(['employer.create', 'employer.wage_record', 'employer.wage_report', 'employer.wage_report'])
    })

    it('masks workers for a role that may read employers but not personal data outside its area', async () => {
      const viewer = await create('kanwil', 'k6', { npp: 'DPS888', name: 'PT Uluwatu', regionCode: '51.71', scale: 'small', riskGroup: 1 })
      const id = viewer.json().id as string
      const outsider = await insertTestParticipant(ctx.sql, { name: 'Nyoman Lempad', regencyCode: '51.03' })
      await app.inject({ method: 'POST', url: `/api/v1/employers/${id}/wages`, headers: as('kanwil'), payload: { nik: outsider.nik, month: '2026-04', wageIdr: 3_000_000 } })
      const list = await app.inject({ method: 'GET', url: `/api/v1/employers/${id}/workers`, headers: as('pemda') })
      expect(list.statusCode).toBe(200)
      expect(list.json().items[0]).toMatchObject({ personalDataMasked: true, name: 'N***** L*****', nik: expect.stringMatching(/^\d{4}\*{8}\d{4}$/) })
    })
  },
  { referenceData: true },
)
