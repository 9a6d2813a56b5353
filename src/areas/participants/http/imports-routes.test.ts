import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { readConfig } from '../../../platform/config.js'
import { buildApp } from '../../../platform/http/app.js'
import { testContext } from '../../../platform/http/test-context.js'
import type { App } from '../../../platform/http/types.js'
import type { Actor } from '../../access/index.js'
import { sevenBadRows, writeDemoImportCsv } from '../../../flows/import-participants/testing.js'
import participantImportsRoutes from './imports-routes.js'

const actor = (userId: string, role: Actor['role'], regionCodes: string[] = []): Actor =>
  ({ userId, username: role, role, branchCode: null, regionCodes, sourceIds: [] })
const actors: Record<string, Actor> = {
  kanwil: actor('0190a000-0000-7000-8000-000000000001', 'kanwil'),
  pemda: actor('0190a000-0000-7000-8000-000000000002', 'pemda', ['51.71']),
  agent: actor('0190a000-0000-7000-8000-000000000003', 'agent'),
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-import-http-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function multipart(name: string, content: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = 'semesta-test-boundary'
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`
  return { payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

interface JobView {
  id: string
  status: string
  result: { stored: number; errors: Array<{ code: string }> }
}

async function until(app: App, who: string, id: string): Promise<JobView> {
  for (let i = 0; i < 600; i++) {
    const job = (await app.inject({ url: `/api/v1/imports/${id}`, headers: { 'x-test-actor': who } })).json<JobView>()
    if (job.status === 'done' || job.status === 'failed') return job
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('import did not finish')
}

describeDb('participant import routes', (ctx) => {
  let app: App
  beforeAll(async () => {
    const config = { ...readConfig({ NODE_ENV: 'test' }), dataDir: dir }
    app = await buildApp({ ctx: testContext({ sql: ctx.sql, config, now: () => new Date('2026-03-02T03:00:00Z') }), routes: [participantImportsRoutes],
      authenticate: async (request) => actors[String(request.headers['x-test-actor'])] ?? null })
  })
  afterAll(() => app.close())

  it('uploads a file, runs it in the background with progress, and serves the result and the error files', async () => {
    const file = path.join(dir, 'peserta.csv')
    await writeDemoImportCsv(file, 600, { bad: sevenBadRows(600) })
    const upload = multipart('peserta.csv', fs.readFileSync(file))
    const queued = await app.inject({ method: 'POST', url: '/api/v1/imports/participants', headers: { ...upload.headers, 'x-test-actor': 'kanwil' }, payload: upload.payload })
    expect(queued.statusCode, queued.body).toBe(202)
    const job = await until(app, 'kanwil', queued.json().jobId)
    expect(job).toMatchObject({ status: 'done', fileName: 'peserta.csv', rowsDone: 600, totalRows: 600, progress: 1, result: { read: 600, stored: 593, alreadyRegistered: 0, rejected: 7 } })
    expect(job.result.errors).toHaveLength(7)
    const csv = await app.inject({ url: `/api/v1/imports/${job.id}/errors.csv`, headers: { 'x-test-actor': 'kanwil' } })
    expect(csv.statusCode).toBe(200)
    expect(csv.body.split('\r\n')[0]).toBe('baris,kolom,kode,pesan,nik,nama,tanggal_lahir,jenis_kelamin,no_hp,kode_wilayah,pekerjaan,kategori,penghasilan,program,kpj,npp,tanggal_daftar')
    expect(csv.body.trim().split('\r\n')).toHaveLength(8)
    const xlsx = await app.inject({ url: `/api/v1/imports/${job.id}/errors.xlsx`, headers: { 'x-test-actor': 'kanwil' } })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    expect(book.worksheets[0]!.rowCount).toBe(8)
    expect((await app.inject({ url: `/api/v1/imports/${job.id}`, headers: { 'x-test-actor': 'pemda' } })).statusCode).toBe(404)
  })

  it('a pemda user imports only for their regencies: rows elsewhere are rejected outside_region', async () => {
    const file = path.join(dir, 'pemda.csv')
    await writeDemoImportCsv(file, 300, { seed: 5 })
    const upload = multipart('pemda.csv', fs.readFileSync(file))
    const queued = await app.inject({ method: 'POST', url: '/api/v1/imports/participants', headers: { ...upload.headers, 'x-test-actor': 'pemda' }, payload: upload.payload })
    const job = await until(app, 'pemda', queued.json().jobId)
    const outside = job.result.errors.filter((e: { code: string }) => e.code === 'outside_region')
    expect(outside.length).toBeGreaterThan(250)
    expect(job.result.stored + outside.length).toBe(300)
  })

  it('refuses an unreadable file (400), an agent (403), no sign-in (401); serves the templates', async () => {
    const bad = multipart('x.csv', Buffer.from('nik,nama\n1,A\n'))
    const refused = await app.inject({ method: 'POST', url: '/api/v1/imports/participants', headers: { ...bad.headers, 'x-test-actor': 'kanwil' }, payload: bad.payload })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error).toMatchObject({ code: 'invalid_input', field: 'file' })
    expect((await app.inject({ method: 'POST', url: '/api/v1/imports/participants', headers: { ...bad.headers, 'x-test-actor': 'agent' }, payload: bad.payload })).statusCode).toBe(403)
    expect((await app.inject({ method: 'POST', url: '/api/v1/imports/participants', headers: bad.headers, payload: bad.payload })).statusCode).toBe(401)
    const csv = await app.inject({ url: '/api/v1/imports/templates/participants.csv' })
    expect(csv.body.split('\r\n')[0]).toBe('nik,nama,tanggal_lahir,jenis_kelamin,no_hp,kode_wilayah,pekerjaan,kategori,penghasilan,program,kpj,npp,tanggal_daftar')
    const xlsx = await app.inject({ url: '/api/v1/imports/templates/participants.xlsx' })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    expect(book.worksheets.map((s) => s.name)).toEqual(['Peserta', 'Petunjuk'])
  })
}, { referenceData: true })
