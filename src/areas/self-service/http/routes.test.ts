import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { pay, registerBpu } from '../../../flows/contributions.test-support.js'
import { readConfig } from '../../../platform/config.js'
import { testContext } from '../../../platform/http/test-context.js'
import type { App } from '../../../platform/http/types.js'
import { createServer } from '../../../server.js'
import { listAuditEvents } from '../../access/index.js'
import { readSink, sinkFileIn } from '../../notifications/index.js'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-self-'))
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

/** The last one-time code the local sink holds for a participant. */
function codeFor(participantId: string): string | null {
  const line = readSink(sinkFileIn(dataDir)).filter((l) => l.subjectId === participantId && l.rule === 'one_time_code').at(-1)
  return line?.text.match(/\b(\d{6})\b/)?.[1] ?? null
}

describeDb('worker self-service: one-time code sign-in, own record only', (ctx) => {
  let app: App
  let a: { id: string; nik: string; kpj: string }
  let b: { id: string; nik: string; kpj: string }
  let receiptA: string
  let receiptB: string
  const now = new Date('2026-02-20T02:00:00Z')
  beforeAll(async () => {
    app = await createServer(testContext({ sql: ctx.sql, now: () => now, config: { ...readConfig({ NODE_ENV: 'test' }), dataDir } }), { webRoot: dataDir })
    a = await registerBpu(ctx.sql)
    b = await registerBpu(ctx.sql)
    receiptA = (await pay(ctx.sql, a.id, '2026-01-10', { months: 1 })).receiptNo
    receiptB = (await pay(ctx.sql, b.id, '2026-01-11', { months: 2 })).receiptNo
  })
  afterAll(() => app?.close())
  const post = (url: string, payload: Record<string, unknown>, cookie?: string) => app.inject({ method: 'POST', url, payload, ...(cookie ? { headers: { cookie } } : {}) })
  const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } })

  it('answers the same for a wrong birth date and sends no code; the right one gets a code through the outbox', async () => {
    const wrong = await post('/api/v1/self/sign-in', { number: a.nik, birthDate: '1991-01-01' })
    expect(wrong.statusCode).toBe(200)
    expect(Object.keys(wrong.json())).toEqual(['challengeId', 'expiresInSeconds'])
    expect(codeFor(a.id)).toBeNull()
    expect((await post('/api/v1/self/verify', { challengeId: wrong.json().challengeId, code: '000000' })).statusCode).toBe(401)
    const right = await post('/api/v1/self/sign-in', { number: a.kpj, birthDate: '1990-05-12' })
    expect(right.statusCode).toBe(200)
    const code = codeFor(a.id)
    expect(code).toMatch(/^\d{6}$/)
    const stored = await ctx.sql.query<{ params: Record<string, unknown>; status: string }>(`select params, status from notification_outbox where rule = 'one_time_code' and subject_id = $1`, [a.id])
    expect(stored.rows).toEqual([{ params: { minutes: 10 }, status: 'sent' }])
    const codes = await ctx.sql.query<{ codeHash: string }>(`select code_hash as "codeHash" from worker_sign_in_codes where participant_id = $1`, [a.id])
    expect(codes.rows[0]?.codeHash).not.toContain(code)
  })

  it('signs in with the code once; the session reads only its own record and no staff API', async () => {
    const challenge = (await post('/api/v1/self/sign-in', { number: a.nik, birthDate: '1990-05-12' })).json().challengeId as string
    const code = codeFor(a.id) as string
    const wrongCode = code === '999999' ? '000000' : String(Number(code) + 1).padStart(6, '0')
    expect((await post('/api/v1/self/verify', { challengeId: challenge, code: wrongCode })).statusCode).toBe(401)
    const ok = await post('/api/v1/self/verify', { challengeId: challenge, code })
    expect(ok.statusCode).toBe(200)
    const cookie = String(ok.headers['set-cookie']).split(';')[0] as string
    expect(cookie).toMatch(/^semesta_peserta=/)
    expect((await post('/api/v1/self/verify', { challengeId: challenge, code })).statusCode).toBe(401)

    const me = await get('/api/v1/self/me', cookie)
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({ kpj: a.kpj, payNo: a.kpj, status: 'menunggak', paidThrough: '2026-01', receipts: [{ receiptNo: receiptA }] })
    expect(me.json().nikMasked).not.toBe(a.nik)
    expect(me.json().owed).toEqual([{ month: '2026-02', amountIdr: expect.any(Number), overdue: true }])
    expect(me.json().family.jkm.totalIdr).toBeGreaterThan(0)
    expect(me.json().protectedUntil).toMatch(/^2026-0[5-6]-\d\d$/)

    const own = await get(`/api/v1/self/receipts/${receiptA}.pdf`, cookie)
    expect(own.statusCode).toBe(200)
    expect(own.headers['content-type']).toBe('application/pdf')
    expect((await get(`/api/v1/self/receipts/${receiptB}.pdf`, cookie)).statusCode).toBe(404)
    for (const url of [`/api/v1/participants/${b.id}`, `/api/v1/participants/${a.id}`, `/api/v1/participants/${b.id}/account`, `/api/v1/receipts/${receiptB}.pdf`, `/api/v1/auth/me`]) {
      expect((await get(url, cookie)).statusCode, url).toBe(401)
    }
    const refused = await listAuditEvents(ctx.sql, { action: 'self.read_refused', limit: 10 })
    expect(refused.items).toHaveLength(1)
    expect((await listAuditEvents(ctx.sql, { action: 'self.sign_in', subjectId: a.id, limit: 10 })).items).toHaveLength(1)
    expect((await listAuditEvents(ctx.sql, { action: 'self.sign_in_failed', limit: 10 })).items.length).toBeGreaterThanOrEqual(2)

    const optOut = await app.inject({ method: 'PUT', url: '/api/v1/self/opt-outs', payload: { channel: 'whatsapp', optedOut: true }, headers: { cookie } })
    expect(optOut.json()).toEqual({ optOuts: ['whatsapp'] })
    expect((await post('/api/v1/self/sign-out', {}, cookie)).statusCode).toBe(204)
    expect((await get('/api/v1/self/me', cookie)).statusCode).toBe(401)
  })

  it('locks a challenge after 5 wrong codes and limits codes per NIK/KPJ', async () => {
    const challenge = (await post('/api/v1/self/sign-in', { number: b.kpj, birthDate: '1990-05-12' })).json().challengeId as string
    const code = codeFor(b.id) as string
    const wrongCode = code === '999999' ? '000000' : String(Number(code) + 1).padStart(6, '0')
    for (let i = 0; i < 5; i++) expect((await post('/api/v1/self/verify', { challengeId: challenge, code: wrongCode })).statusCode).toBe(401)
    expect((await post('/api/v1/self/verify', { challengeId: challenge, code })).statusCode).toBe(401)
    expect((await post('/api/v1/self/sign-in', { number: b.kpj, birthDate: '1990-05-12' })).statusCode).toBe(200)
    expect((await post('/api/v1/self/sign-in', { number: b.kpj, birthDate: '1990-05-12' })).statusCode).toBe(200)
    const fourth = await post('/api/v1/self/sign-in', { number: b.kpj, birthDate: '1990-05-12' })
    expect(fourth.statusCode).toBe(429)
    expect(fourth.json().error.code).toBe('rate_limited')
    expect((await post('/api/v1/self/sign-in', { number: '123', birthDate: '1990-05-12' })).statusCode).toBe(400)
  })
}, { referenceData: true })
