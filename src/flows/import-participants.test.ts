import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import type { Sql } from '../platform/db/sql.js'
import { importParticipants, participantImportResult, queueParticipantImport, runParticipantImport } from './import-participants.js'
import { sevenBadRows, writeDemoImportCsv } from './import-participants/testing.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-import-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
const now = () => new Date('2026-03-02T03:00:00Z')

async function count(sql: { query: (t: string) => Promise<{ rows: Array<{ n: number }> }> }, table: string): Promise<number> {
  return Number((await sql.query(`select count(*)::int as n from ${table}`)).rows[0]!.n)
}

describeDb('importing a small participant file in chunks', (ctx) => {
  const file = path.join(dir, 'small.csv')
  const bad = sevenBadRows(1_000)

  it('stores every valid row, reports each bad row with field and reason, and a re-run stores nothing new', async () => {
    await writeDemoImportCsv(file, 1_000, { bad })
    const first = await importParticipants(ctx.sql, { file, actor: null, requestId: null }, now, { chunkRows: 300 })
    expect({ read: first.read, stored: first.stored, alreadyRegistered: first.alreadyRegistered, rejected: first.rejected }).toEqual({ read: 1_000, stored: 993, alreadyRegistered: 0, rejected: 7 })
    expect(first.errors.map((e) => [e.row, e.field, e.code])).toEqual(bad.map((b) => [b.line, b.field, b.code]))
    expect(await count(ctx.sql, 'participants')).toBe(993)
    expect(await count(ctx.sql, 'enrolments')).toBe(993)
    // a bulk row writes one `registered` event that carries its enrolment (a single registration writes two)
    expect(await count(ctx.sql, 'participant_events')).toBe(993)
    const again = await importParticipants(ctx.sql, { file, actor: null, requestId: null }, now, { chunkRows: 300 })
    expect(again.jobId).not.toBe(first.jobId)
    expect({ read: again.read, stored: again.stored, alreadyRegistered: again.alreadyRegistered, rejected: again.rejected }).toEqual({ read: 1_000, stored: 0, alreadyRegistered: 993, rejected: 7 })
    expect(await count(ctx.sql, 'participants')).toBe(993)
  })

  it('a job stopped between chunks resumes after rows_done and ends with the same totals', async () => {
    const other = path.join(dir, 'other.csv')
    await writeDemoImportCsv(other, 700, { seed: 99, bad: sevenBadRows(700) })
    const { job } = await queueParticipantImport(ctx.sql, { file: other, actor: null, requestId: null }, now())
    const stop = new AbortController()
    const finished = await runParticipantImport(ctx.sql, job.id, now, { chunkRows: 200, signal: stop.signal, onProgress: () => stop.abort() })
    expect(finished).toBe(false)
    const { job: resumed, resumed: wasResumed } = await queueParticipantImport(ctx.sql, { file: other, actor: null, requestId: null }, now())
    expect(wasResumed).toBe(true)
    expect(resumed.id).toBe(job.id)
    expect(resumed.rowsDone).toBe(200)
    await runParticipantImport(ctx.sql, job.id, now, { chunkRows: 200 })
    const result = await participantImportResult(ctx.sql, job.id)
    expect({ read: result.read, stored: result.stored, rejected: result.rejected, errors: result.errors.length }).toEqual({ read: 700, stored: 693, rejected: 7, errors: 7 })
  })

  it('a NIK registered by another transaction after the chunk looked it up: the COPY fails and the chunk is redone, reporting it', async () => {
    const raced = path.join(dir, 'raced.csv')
    await writeDemoImportCsv(raced, 40, { seed: 7 })
    await importParticipants(ctx.sql, { file: raced, actor: null, requestId: null }, now)
    // the first lookup of registered NIKs sees none of them, as if they committed just after it ran
    let blinded = false
    const blind = (sql: Sql): Sql => ({
      ...sql,
      query: (text, params) => {
        if (!blinded && /from participants where nik = any/.test(text)) {
          blinded = true
          return Promise.resolve({ rows: [], rowCount: 0 })
        }
        return sql.query(text, params)
      },
      transaction: (work) => sql.transaction((tx) => work(blind(tx))),
    })
    const again = await importParticipants(blind(ctx.sql), { file: raced, actor: null, requestId: null }, now)
    expect(blinded).toBe(true)
    expect({ read: again.read, stored: again.stored, alreadyRegistered: again.alreadyRegistered, rejected: again.rejected }).toEqual({ read: 40, stored: 0, alreadyRegistered: 40, rejected: 0 })
  })
}, { referenceData: true })
