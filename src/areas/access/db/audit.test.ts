import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { auditRows } from '../testing/factories.js'
import { listAuditEvents, writeAudit } from './audit.js'

const admin = { userId: '0190a6f2-7c1e-7abc-8def-0123456789ab', role: 'admin' as const }
const t = (minute: number) => new Date(Date.UTC(2025, 2, 14, 1, minute))

describeDb('writeAudit', (ctx) => {
  it('writes one row with actor, action, subject, request id and details', async () => {
    await writeAudit(ctx.sql, { actor: admin, action: 'test.create', subjectType: 'thing', subjectId: 'thing-1', requestId: 'req-a1', details: { rowCount: 3, dryRun: false }, occurredAt: t(0) })
    expect(await auditRows(ctx.sql, { requestId: 'req-a1' })).toEqual([
      { action: 'test.create', actor_id: admin.userId, actor_role: 'admin', subject_type: 'thing', subject_id: 'thing-1', request_id: 'req-a1', details: { rowCount: 3, dryRun: false } },
    ])
  })

  it('leaves no audit row when the mutation it belongs to rolls back', async () => {
    await ctx.sql.query('create table if not exists audit_probe (id text primary key)')
    await expect(
      ctx.sql.transaction(async (tx) => {
        await tx.query(`insert into audit_probe values ('p-1')`)
        await writeAudit(tx, { actor: admin, action: 'probe.create', subjectType: 'probe', subjectId: 'p-1', requestId: 'req-rollback', occurredAt: t(1) })
        throw new Error('the mutation fails after writing its audit event')
      }),
    ).rejects.toThrow('the mutation fails')
    expect(await auditRows(ctx.sql, { requestId: 'req-rollback' })).toEqual([])
    expect((await ctx.sql.query(`select 1 from audit_probe where id = 'p-1'`)).rowCount).toBe(0)
  })

  it('refuses personal data in details and writes nothing', async () => {
    await expect(writeAudit(ctx.sql, { actor: admin, action: 'participant.create', subjectType: 'participant', subjectId: 'p-2', requestId: 'req-nik', details: { nik: '5171044201900001' } })).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(writeAudit(ctx.sql, { actor: admin, action: 'participant.create', subjectType: 'participant', subjectId: 'p-2', requestId: 'req-nik', details: { ref: 'Ni Made Wirawati' } })).rejects.toMatchObject({ code: 'invalid_input' })
    expect(await auditRows(ctx.sql, { requestId: 'req-nik' })).toEqual([])
  })

  it('refuses an action that is not area.verb', async () => {
    await expect(writeAudit(ctx.sql, { actor: null, action: 'Created', subjectType: 'x', subjectId: null, requestId: null })).rejects.toThrow(/area.verb/)
  })
})

describeDb('listAuditEvents', (ctx) => {
  it('filters by actor, action, subject and date range, newest first, in pages', async () => {
    for (let i = 0; i < 5; i += 1) {
      await writeAudit(ctx.sql, { actor: admin, action: 'page.touch', subjectType: 'page', subjectId: `pg-${i}`, requestId: null, occurredAt: t(10 + i) })
    }
    await writeAudit(ctx.sql, { actor: null, action: 'other.touch', subjectType: 'page', subjectId: 'pg-0', requestId: null, occurredAt: t(20) })

    const first = await listAuditEvents(ctx.sql, { action: 'page.touch', limit: 2 })
    expect(first.items.map((e) => e.subjectId)).toEqual(['pg-4', 'pg-3'])
    const second = await listAuditEvents(ctx.sql, { action: 'page.touch', limit: 2, cursor: first.nextCursor ?? undefined })
    expect(second.items.map((e) => e.subjectId)).toEqual(['pg-2', 'pg-1'])
    const third = await listAuditEvents(ctx.sql, { action: 'page.touch', limit: 2, cursor: second.nextCursor ?? undefined })
    expect(third).toMatchObject({ items: [{ subjectId: 'pg-0' }], nextCursor: null })

    expect((await listAuditEvents(ctx.sql, { subjectType: 'page', subjectId: 'pg-0', limit: 10 })).items.map((e) => e.action)).toEqual(['other.touch', 'page.touch'])
    expect((await listAuditEvents(ctx.sql, { actorId: admin.userId, from: t(11), to: t(13), limit: 10 })).items.map((e) => e.subjectId)).toEqual(['pg-2', 'pg-1'])
    expect((await listAuditEvents(ctx.sql, { limit: 10 })).items[0]).toMatchObject({ action: 'other.touch', actorId: null, occurredAt: t(20) })
  })

  it('pages through events written in the same millisecond without losing or repeating one', async () => {
    for (let i = 0; i < 4; i += 1) await writeAudit(ctx.sql, { actor: null, action: 'burst.touch', subjectType: 'burst', subjectId: `b-${i}`, requestId: null, occurredAt: t(30) })
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await listAuditEvents(ctx.sql, { action: 'burst.touch', limit: 3, cursor })
      seen.push(...page.items.map((e) => e.subjectId ?? ''))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(seen.sort()).toEqual(['b-0', 'b-1', 'b-2', 'b-3'])
  })

  it('refuses a cursor it did not give out', async () => {
    await expect(listAuditEvents(ctx.sql, { limit: 2, cursor: 'bm9wZQ' })).rejects.toMatchObject({ code: 'invalid_input', details: { field: 'cursor' } })
  })
})
