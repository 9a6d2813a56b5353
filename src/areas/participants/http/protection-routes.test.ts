import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { makeSource, testPerson } from '../testing/factories.js'
import { actor, ACTOR_HEADER, registration, registryApp } from './routes.test-support.js'

describeDb('PMI/jakon protection periods through the participants API (issue 5)', (ctx) => {
  const actors = { kanwil: actor('kanwil') }
  const as = (key?: string) => ({ [ACTOR_HEADER]: 'kanwil', ...(key ? { 'idempotency-key': key } : {}) })

  it('registers a PMI with a 24-month placement: one Rp370.000 due, terdaftar until paid', async () => {
    const app = await registryApp(ctx.sql, actors)
    const sourceId = await makeSource(ctx.sql)
    const payload = { ...registration(testPerson().row, sourceId), category: 'pmi', occupations: undefined, declaredIncomeIdr: undefined, protection: { via: 'placement', contractMonths: 24, from: '2026-06-01' } }
    const res = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('pmi-1'), payload })
    expect(res.statusCode).toBe(201)
    expect(res.json().protection).toMatchObject({ segment: 'pmi', from: '2026-06-01', to: '2028-12-31', amountIdr: 370_000, status: 'terdaftar', dues: [{ programme: 'JKK_JKM', amountIdr: 370_000 }] })
    await app.close()
  })

  it('adds a project to a registered jakon worker; a BPU is refused; a bad contract length names its field', async () => {
    const app = await registryApp(ctx.sql, actors)
    const sourceId = await makeSource(ctx.sql)
    const jakon = { ...registration(testPerson().row, sourceId), category: 'jakon', occupations: undefined, declaredIncomeIdr: undefined }
    const reg = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('jk-1'), payload: jakon })
    expect(reg.statusCode).toBe(201)
    expect(reg.json().protection).toBeNull()
    const id = reg.json().participant.id
    const added = await app.inject({ method: 'POST', url: `/api/v1/participants/${id}/protections`, headers: as(), payload: { contractValueIdr: 180_000_000, from: '2026-07-01', to: '2026-12-31', project: 'Pasar Badung' } })
    expect(added.statusCode).toBe(201)
    expect(added.json()).toMatchObject({ segment: 'jakon', amountIdr: 392_000, dues: [{ programme: 'JKK', amountIdr: 346_000 }, { programme: 'JKM', amountIdr: 46_000 }] })
    const audit = await ctx.sql.query<{ n: number }>(`select count(*)::int as n from audit_events where action = 'protection.add' and subject_id = $1`, [id])
    expect(audit.rows[0]!.n).toBe(1)
    const bpu = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('bpu-1'), payload: registration(testPerson().row, sourceId) })
    const refused = await app.inject({ method: 'POST', url: `/api/v1/participants/${bpu.json().participant.id}/protections`, headers: as(), payload: { contractMonths: 24 } })
    expect(refused.statusCode).toBe(409)
    const pmi = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('pmi-2'), payload: { ...jakon, ...registration(testPerson().row, sourceId), category: 'pmi', occupations: undefined, declaredIncomeIdr: undefined } })
    const badLength = await app.inject({ method: 'POST', url: `/api/v1/participants/${pmi.json().participant.id}/protections`, headers: as(), payload: { contractMonths: 18 } })
    expect(badLength.statusCode).toBe(400)
    expect(badLength.json().error).toMatchObject({ field: 'contractMonths' })
    await app.close()
  })
}, { referenceData: true })
