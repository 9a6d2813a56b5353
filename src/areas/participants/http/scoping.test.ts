import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { createLogger } from '../../../platform/log.js'
import { makeSource, testPerson } from '../testing/factories.js'
import { actor, ACTOR_HEADER, registration, registryApp } from './routes.test-support.js'

describeDb('participants API scoping', (ctx) => {
  it('keeps pemda users to their regencies, agents to their sources, and masks personal data for viewers', async () => {
    const agentSource = await makeSource(ctx.sql, 'agent', 'Agen A')
    const otherSource = await makeSource(ctx.sql, 'agent', 'Agen B')
    const actors = {
      kanwil: actor('kanwil'),
      pemdaBali: actor('pemda', { regionCodes: ['51.71'] }),
      pemdaNtb: actor('pemda', { regionCodes: ['52.71'] }),
      agent: actor('agent', { sourceIds: [agentSource] }),
      viewer: actor('viewer', { regionCodes: ['51.71'] }),
    }
    const as = (who: keyof typeof actors, key?: string) => ({ [ACTOR_HEADER]: who, ...(key ? { 'idempotency-key': key } : {}) })
    const app = await registryApp(ctx.sql, actors)
    const person = testPerson({ name: 'I Made Scope' })
    const created = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('kanwil', 'scope-1'), payload: registration(person.row, otherSource) })
    const p = created.json().participant as { id: string; kpj: string }

    const get = (who: keyof typeof actors, url: string) => app.inject({ method: 'GET', url, headers: as(who) })
    const search = (who: keyof typeof actors, payload: object) => app.inject({ method: 'POST', url: '/api/v1/participants/search', headers: as(who), payload })

    expect((await get('pemdaBali', `/api/v1/participants/${p.id}`)).json()).toMatchObject({ nik: person.nik, personalDataMasked: false })
    for (const outsider of ['pemdaNtb', 'agent'] as const) {
      for (const url of [`/api/v1/participants/${p.id}`, `/api/v1/participants/kpj/${p.kpj}`, `/api/v1/participants/${p.id}/history`]) {
        const refused = await get(outsider, url)
        expect(refused.statusCode, `${outsider} ${url}`).toBe(404)
        expect(JSON.stringify(refused.json())).not.toContain(person.nik)
      }
      expect((await search(outsider, { nik: person.nik })).json().items).toEqual([])
    }
    const { rows } = await ctx.sql.query<{ n: number }>(`select count(*) as n from audit_events where action = 'participant.read_refused' and subject_id = $1`, [p.id])
    expect(rows[0]!.n).toBe(6)

    const masked = (await get('viewer', `/api/v1/participants/${p.id}`)).json()
    expect(masked).toMatchObject({ personalDataMasked: true, nik: `${person.nik.slice(0, 4)}********${person.nik.slice(12)}`, name: 'I M*** S****', birthDate: '1990-**-**' })
    expect((await search('viewer', { name: 'i made sco' })).json().items).toEqual([expect.objectContaining({ id: p.id, personalDataMasked: true })])
    expect((await get('viewer', `/api/v1/participants/${p.id}/export`)).statusCode).toBe(403)
    expect((await get('pemdaBali', `/api/v1/participants/${p.id}/export`)).statusCode).toBe(403)

    // an agent registers into its own source only, and then sees its own participant in full
    const mine = testPerson({ name: 'Komang Milik Agen' })
    expect((await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('agent', 'scope-2'), payload: registration(mine.row, otherSource) })).statusCode).toBe(403)
    const own = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: as('agent', 'scope-3'), payload: registration(mine.row, agentSource) })
    expect(own.statusCode).toBe(201)
    expect((await search('agent', { name: 'komang' })).json().items).toEqual([expect.objectContaining({ nik: mine.nik, personalDataMasked: false })])
    await app.close()
  })

  it('pages a name search with an id cursor', async () => {
    const sourceId = await makeSource(ctx.sql)
    const actors = { kanwil: actor('kanwil') }
    const app = await registryApp(ctx.sql, actors)
    for (const [i, name] of ['Putu Ayu Lestari', 'Putu Ayu Mahendra', 'Putu Ayu Kartika'].entries()) {
      const person = testPerson({ name, sex: 'P', birthDate: '1995-06-07' })
      expect((await app.inject({ method: 'POST', url: '/api/v1/participants', headers: { [ACTOR_HEADER]: 'kanwil', 'idempotency-key': `page-${i}` }, payload: registration(person.row, sourceId) })).statusCode).toBe(201)
    }
    const page = (payload: object) => app.inject({ method: 'POST', url: '/api/v1/participants/search', headers: { [ACTOR_HEADER]: 'kanwil' }, payload }).then((r) => r.json())
    const first = await page({ name: 'putu ayu', limit: 2 })
    expect(first.items.map((p: { name: string }) => p.name)).toEqual(['Putu Ayu Kartika', 'Putu Ayu Lestari'])
    const second = await page({ name: 'putu ayu', limit: 2, cursor: first.nextCursor })
    expect(second).toMatchObject({ items: [{ name: 'Putu Ayu Mahendra' }], nextCursor: null })
    await app.close()
  })

  it('never writes a NIK or a name into the log: registration, search, a refused registration, and a lookup', async () => {
    const lines: string[] = []
    const logger = createLogger({ level: 'debug', destination: { write: (line: string) => lines.push(line) } })
    const sourceId = await makeSource(ctx.sql)
    const app = await registryApp(ctx.sql, { kanwil: actor('kanwil') }, logger)
    const person = testPerson({ name: 'Ni Luh Rahasia Sekali' })
    const headers = (key?: string) => ({ [ACTOR_HEADER]: 'kanwil', ...(key ? { 'idempotency-key': key } : {}) })
    const created = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: headers('log-1'), payload: registration(person.row, sourceId) })
    expect(created.statusCode).toBe(201)
    await app.inject({ method: 'POST', url: '/api/v1/participants/search', headers: headers(), payload: { nik: person.nik } })
    await app.inject({ method: 'POST', url: '/api/v1/participants/search', headers: headers(), payload: { name: 'Ni Luh Rahasia' } })
    const refused = await app.inject({ method: 'POST', url: '/api/v1/participants', headers: headers('log-2'), payload: { ...registration(person.row, sourceId), name: 'Yohanes Rahasia Lain' } })
    expect(refused.statusCode).toBe(422)
    await app.inject({ method: 'POST', url: '/api/v1/participants', headers: headers('log-3'), payload: { ...registration(person.row, sourceId), birthDate: '1990-05-13' } })
    await app.inject({ method: 'GET', url: `/api/v1/participants/kpj/${created.json().participant.kpj}`, headers: headers() })
    await app.close()
    const log = lines.join('')
    expect(lines.length).toBeGreaterThan(10)
    for (const secret of [person.nik, 'Rahasia', 'RAHASIA', '081234567890', '+6281234567890', '1990-05-12', '1990-05-13']) expect(log, secret).not.toContain(secret)
  })
}, { referenceData: true })
