import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { expectWellFormedOpenApi } from '../../../platform/http/openapi-check.test-support.js'
import { makeSource, testPerson } from '../testing/factories.js'
import { actor, ACTOR_HEADER, registration, registryApp } from './routes.test-support.js'

describeDb('participants API', (ctx) => {
  const actors = { kanwil: actor('kanwil'), channel: actor('channel') }
  const as = (who: keyof typeof actors, key?: string) => ({ [ACTOR_HEADER]: who, ...(key ? { 'idempotency-key': key } : {}) })

  it('registers with an Idempotency-Key (201), replays the same key, and answers the same identity again with alreadyRegistered (200)', async () => {
    const app = await registryApp(ctx.sql, actors)
    const sourceId = await makeSource(ctx.sql)
    const person = testPerson()
    const payload = registration(person.row, sourceId)
    const first = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('kanwil', 'reg-1'), payload })
    expect(first.statusCode).toBe(201)
    const body = first.json()
    expect(body).toMatchObject({ alreadyRegistered: false, participant: { nik: person.nik, name: 'I Wayan Sudarma', status: 'terdaftar', personalDataMasked: false }, enrolment: { segment: 'bpu', incomeBaseIdr: 2_000_000 } })
    const replay = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('kanwil', 'reg-1'), payload })
    expect(replay.statusCode).toBe(201)
    expect(replay.headers['idempotent-replayed']).toBe('true')
    expect(replay.json()).toEqual(body)
    const again = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('kanwil', 'reg-2'), payload })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ alreadyRegistered: true, participant: { id: body.participant.id } })
    const byKpj = await app.inject({ method: 'GET', url: `/api/v1/participants/kpj/${body.participant.kpj}`, headers: as('kanwil') })
    expect(byKpj.json()).toMatchObject({ id: body.participant.id, nik: person.nik })
    await app.close()
  })

  it('requires the Idempotency-Key and consent, and names both the template field and the API field of a domain refusal', async () => {
    const app = await registryApp(ctx.sql, actors)
    const sourceId = await makeSource(ctx.sql)
    const payload = registration(testPerson().row, sourceId)
    const noKey = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('kanwil'), payload })
    expect(noKey.statusCode).toBe(400)
    const noConsent = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('kanwil', 'reg-3'), payload: { ...payload, consent: { given: false, purpose: 'x' } } })
    expect(noConsent.statusCode).toBe(400)
    const wrongDate = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('kanwil', 'reg-4'), payload: { ...payload, birthDate: '1990-05-13' } })
    expect(wrongDate.statusCode).toBe(422)
    expect(wrongDate.json().error).toMatchObject({ code: 'birth_date_mismatch', field: 'tanggal_lahir', details: { apiField: 'birthDate' } })
    await app.close()
  })

  it('refuses a NIK with another birth date as nik_identity_mismatch (422), final for its key, with the review kept', async () => {
    const app = await registryApp(ctx.sql, actors)
    const sourceId = await makeSource(ctx.sql)
    const person = testPerson({ birthDate: '2004-07-09' })
    const first = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('kanwil', 'mm-1'), payload: registration(person.row, sourceId) })
    expect(first.statusCode).toBe(201)
    const claim = { ...registration(person.row, sourceId), birthDate: '1904-07-09', category: 'pmi', declaredIncomeIdr: undefined }
    const refused = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('kanwil', 'mm-2'), payload: claim })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error).toMatchObject({ code: 'nik_identity_mismatch', field: 'nik' })
    const replay = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('kanwil', 'mm-2'), payload: claim })
    expect(replay.statusCode).toBe(422)
    const exported = await app.inject({ method: 'GET', url: `/api/v1/participants/${first.json().participant.id}/export`, headers: as('kanwil') })
    expect(exported.statusCode).toBe(200)
    expect(exported.json().identityReviews).toHaveLength(1)
    await app.close()
  })

  it('corrects with a version check, keeps old and new values in the history, ends a membership, and exports everything', async () => {
    const app = await registryApp(ctx.sql, actors)
    const sourceId = await makeSource(ctx.sql)
    const person = testPerson({ name: 'Ni Ketut Sari', sex: 'P', birthDate: '1988-02-03' })
    const created = (await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('kanwil', 'c-1'), payload: registration(person.row, sourceId) })).json()
    const id = created.participant.id as string
    const url = `/api/v1/participants/${id}`
    const corrected = await app.inject({ method: 'POST', url: `${url}/corrections`, headers: as('kanwil'), payload: { version: 1, name: 'Ni Ketut Sariani', phone: null, reason: 'salah ketik' } })
    expect(corrected.statusCode).toBe(200)
    expect(corrected.json()).toMatchObject({ name: 'Ni Ketut Sariani', phone: null, version: 2 })
    const stale = await app.inject({ method: 'POST', url: `${url}/corrections`, headers: as('kanwil'), payload: { version: 1, name: 'Ni Ketut Sari' } })
    expect(stale.json().error).toMatchObject({ code: 'conflict', field: 'version' })
    const badDate = await app.inject({ method: 'POST', url: `${url}/corrections`, headers: as('kanwil'), payload: { version: 2, birthDate: '1988-03-02' } })
    expect(badDate.json().error).toMatchObject({ code: 'birth_date_mismatch', field: 'tanggal_lahir' })
    const ended = await app.inject({ method: 'POST', url: `${url}/end`, headers: as('kanwil'), payload: { reason: 'moved_segment', month: '2025-03' } })
    expect(ended.json()).toMatchObject({ status: 'berhenti', endedOn: '2025-03-31', endReason: 'moved_segment' })
    const history = (await app.inject({ method: 'GET', url: `${url}/history`, headers: as('kanwil') })).json()
    expect(history.items.map((e: { kind: string }) => e.kind)).toEqual(['registered', 'enrolled', 'corrected', 'ended'])
    expect(history.items[2].data.changes.name).toEqual({ old: 'Ni Ketut Sari', new: 'Ni Ketut Sariani' })
    const exported = (await app.inject({ method: 'GET', url: `${url}/export`, headers: as('kanwil') })).json()
    expect(exported).toMatchObject({ participant: { id, consentPurpose: 'kepesertaan BPJS Ketenagakerjaan' }, enrolments: [{ status: 'ended', endMonth: '2025-03' }] })
    expect(exported.events).toHaveLength(4)
    await app.close()
  })

  it('adds a source (admin/kanwil only) and refuses the channel role any participant read', async () => {
    const app = await registryApp(ctx.sql, actors)
    const added = await app.inject({ method: 'POST', url: '/api/v1/sources', headers: as('kanwil'), payload: { kind: 'agent', name: 'Agen Perisai Denpasar' } })
    expect(added.statusCode).toBe(201)
    expect(added.json().id).toMatch(/^[0-9a-f-]{36}$/)
    expect((await app.inject({ method: 'POST', url: '/api/v1/sources', headers: as('channel'), payload: { kind: 'agent', name: 'x' } })).statusCode).toBe(403)
    expect((await app.inject({ method: 'POST', url: '/api/v1/participants/search', headers: as('channel'), payload: {} })).statusCode).toBe(403)
    expect((await app.inject({ method: 'GET', url: '/api/v1/participants/kpj/00000000000' })).statusCode).toBe(401)
    await app.close()
  })

  it('lists the sources a caller may register with: all for the office (by kind), only its own for an agent, none for a viewer', async () => {
    const office = await makeSource(ctx.sql, 'office', 'Kantor Cabang Uji')
    const agentSource = await makeSource(ctx.sql, 'agent', 'Agen Perisai Uji')
    const app = await registryApp(ctx.sql, { ...actors, agent: actor('agent', { sourceIds: [agentSource] }), viewer: actor('viewer') })
    const offices = (await app.inject({ method: 'GET', url: '/api/v1/sources?kind=office', headers: as('kanwil') })).json().items as Array<{ id: string; kind: string }>
    expect(offices.map((x) => x.id)).toContain(office)
    expect(offices.every((x) => x.kind === 'office')).toBe(true)
    const own = await app.inject({ method: 'GET', url: '/api/v1/sources', headers: { [ACTOR_HEADER]: 'agent' } })
    expect(own.json()).toEqual({ items: [{ id: agentSource, kind: 'agent', name: 'Agen Perisai Uji' }] })
    expect((await app.inject({ method: 'GET', url: '/api/v1/sources', headers: { [ACTOR_HEADER]: 'viewer' } })).statusCode).toBe(403)
    await app.close()
  })

  it('documents every route in OpenAPI', async () => {
    const app = await registryApp(ctx.sql, actors)
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' })
    const doc = response.json()
    expectWellFormedOpenApi(doc)
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/participants', '/api/v1/participants/search', '/api/v1/participants/kpj/{kpj}', '/api/v1/sources']))
    await app.close()
  })
}, { referenceData: true })
