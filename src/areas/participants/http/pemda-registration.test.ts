import { beforeAll, expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { newId } from '../../../platform/ids.js'
import { addPemdaProgramme } from '../../../flows/pemda-programmes.js'
import { cohortRow } from '../../../flows/pemda.test-support.js'
import { IMPORT_HEADER } from '../../../flows/import-participants.js'
import { makeSource, testPerson } from '../testing/factories.js'
import { actor, ACTOR_HEADER, registration, registryApp } from './routes.test-support.js'

/** A cohort person as the registration body (the OPD template's fields). */
function cohortBody(serial: number, sourceId: string, regencyCode = '51.71') {
  const values = Object.fromEntries(IMPORT_HEADER.map((h, i) => [h, cohortRow({ serial: 9000 + serial, regencyCode })[i] ?? '']))
  return { ...registration(values, sourceId), occupations: ['nelayan'] }
}

describeDb('an agent registering a worker under a pemda programme (issue 8)', (ctx) => {
  let programme: { id: string; sourceId: string }
  let other: { id: string; sourceId: string }
  const actors: Record<string, ReturnType<typeof actor>> = {}
  const as = (who: string, key: string) => ({ [ACTOR_HEADER]: who, 'idempotency-key': key })

  beforeAll(async () => {
    const now = new Date('2026-03-20T02:00:00Z')
    const add = (name: string, groups: string, region = '5171') => addPemdaProgramme(ctx.sql, { actor: null, requestId: null, input: {
      name, regionCode: region, year: 2026, budgetIdr: 10_000_000, programmes: 'jkk,jkm', incomeIdr: 1_000_000, groups, startMonth: '2026-04', endMonth: '2026-12',
      legalBasis: 'Perwali Denpasar (uji)',
    } }, now, { newId: () => newId() })
    programme = await add('Nelayan Kota Denpasar 2026', 'nelayan:2')
    other = await add('Pekerja rentan Provinsi Bali 2026', 'petani:5', '51')
    actors.agent = actor('agent', { regionCodes: ['51.71'], sourceIds: [programme.sourceId] })
    actors.other = actor('agent', { regionCodes: ['51.71'], sourceIds: [other.sourceId] })
  })

  it('creates the membership (payer pemda, the programme income, first month the start); the quota and region checks apply; other sponsors are flagged', async () => {
    const app = await registryApp(ctx.sql, actors)
    const first = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('agent', 'a-1'), payload: { ...cohortBody(1, programme.sourceId), declaredIncomeIdr: 1_500_000 } })
    expect(first.statusCode).toBe(201)
    expect(first.json()).toMatchObject({
      membership: { programme: programme.id, group: 'nelayan', firstMonth: '2026-04', verdict: 'admit' },
      enrolment: { payer: 'pemda', payerRef: programme.id, declaredIncomeIdr: 1_000_000, startMonth: '2026-04' },
      warnings: [{ code: 'income_overridden' }],
    })
    const members = await ctx.sql.query<{ n: number }>(`select count(*)::int as n from pemda_members where programme_id = $1`, [programme.id])
    expect(members.rows[0]!.n).toBe(1)

    const outside = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('agent', 'a-2'), payload: cohortBody(2, programme.sourceId, '51.03') })
    expect([403, 422]).toContain(outside.statusCode)
    const second = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('agent', 'a-3'), payload: cohortBody(3, programme.sourceId) })
    expect(second.statusCode).toBe(201)
    const full = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('agent', 'a-4'), payload: cohortBody(4, programme.sourceId) })
    expect(full.statusCode).toBe(422)
    expect(full.json().error).toMatchObject({ code: 'quota_exceeded' })
    const refusedPerson = await ctx.sql.query<{ n: number }>(`select count(*)::int as n from participants where nik = $1`, [cohortBody(4, programme.sourceId).nik])
    expect(refusedPerson.rows[0]!.n).toBe(0)

    // the first worker again, under another programme's source: already paid by the city, flagged, not moved
    const again = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('other', 'a-5'), payload: cohortBody(1, other.sourceId) })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ alreadyRegistered: true, membership: { verdict: 'flagged' }, enrolment: { payerRef: programme.id } })
    expect(again.json().warnings.map((w: { code: string }) => w.code)).toContain('already_sponsored')
    await app.close()
  })

  it('a plain source registers as before (no membership)', async () => {
    const app = await registryApp(ctx.sql, { kanwil: actor('kanwil') })
    const sourceId = await makeSource(ctx.sql)
    const res = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('kanwil', 'p-1'), payload: registration(testPerson().row, sourceId) })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ membership: null, enrolment: { payer: 'self' } })
    await app.close()
  })
}, { referenceData: true })
