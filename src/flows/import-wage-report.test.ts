import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { registerEmployer, listWages, type EmployerRecord } from '../areas/employers/index.js'
import { auditActions, insertTestParticipant, testActor } from '../areas/employers/testing/fixtures.js'
import { newId } from '../platform/ids.js'
import { importWageReport, openWageReport } from './import-wage-report.js'

const now = new Date('2026-05-10T02:00:00Z')
const ids = () => newId()
let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-wage-report-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function csv(name: string, lines: string[]): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, `${lines.join('\n')}\n`)
  return file
}

describeDb(
  'import a laporan upah',
  (ctx) => {
    let employer: EmployerRecord
    let a: { id: string; nik: string }
    let b: { id: string; nik: string }
    let c: { id: string; nik: string }
    let file: string

    const run = async (report: string, actor = null as ReturnType<typeof testActor> | null) => {
      const table = await openWageReport(report)
      return importWageReport(ctx.sql, { npp: 'sby-100', rows: table.rows, actor, requestId: newId(), via: 'cli' }, now, ids)
    }

    beforeAll(async () => {
      ;({ employer } = await registerEmployer(ctx.sql, { actor: null, input: { npp: 'SBY100', name: 'PT Sumbawa Tambang', regionCode: '52.04', scale: 'large', riskGroup: 5 }, requestId: null, via: 'cli' }, now, ids))
      a = await insertTestParticipant(ctx.sql, { name: 'Lalu Ahmad', regencyCode: '52.04' })
      b = await insertTestParticipant(ctx.sql, { name: 'Baiq Nurul', regencyCode: '52.04', sex: 'P' })
      c = await insertTestParticipant(ctx.sql, { name: 'Made Arta', regencyCode: '51.71' })
      file = csv('laporan.csv', [
        'NPP,NIK,Nama,Upah,Bulan',
        `SBY100,${a.nik},Lalu Ahmad,"5.000.000",2026-04`,
        `SBY100,${b.nik},Baiq Nurul,4500000,2026-04`,
        `SBY100,${c.nik},Made Arta,lima juta,2026-04`,
        `SBY100,5271010101900999,Orang Asing,4000000,2026-04`,
        `SBY100,${a.nik},Lalu Ahmad,5000000,2026-4`,
        `LAIN01,${b.nik},Baiq Nurul,4500000,2026-03`,
        `SBY100,${a.nik},Lalu Ahmad,5100000,2026-04`,
        `SBY100,${a.nik},Lalu Ahmad,5000000,2026-03`,
        `SBY100,${c.nik},Putu Sari Dewi,3000000,2026-04`,
      ])
    })

    it('stores the good rows and reports each bad one with its line, field and code', async () => {
      const result = await run(file)
      expect(result).toMatchObject({ employerId: employer.id, read: 9, stored: 3, corrected: 0, unchanged: 0, rejected: 6, workersLinked: 2 })
      expect(result.errors.map((e) => [e.row, e.field, e.code])).toEqual([
        [4, 'upah', 'invalid_input'],
        [5, 'nik', 'not_found'],
        [6, 'bulan', 'invalid_month'],
        [7, 'npp', 'invalid_input'],
        [8, 'nik', 'duplicate_in_file'],
        [10, 'nama', 'nik_identity_mismatch'],
      ])
      expect(result.errors[1]?.message).toMatch(/belum terdaftar/)
      const wages = await listWages(ctx.sql, employer.id)
      expect(wages.map((w) => [w.participantId, w.effectiveMonth, w.wageIdr, w.reportedVia])).toEqual(
        expect.arrayContaining([[a.id, '2026-04', 5_000_000, 'wage_report'], [a.id, '2026-03', 5_000_000, 'wage_report'], [b.id, '2026-04', 4_500_000, 'wage_report']]),
      )
      const workers = await ctx.sql.query<{ participant_id: string; started_on: string }>(`select participant_id, started_on::text from employer_workers where employer_id = $1 order by started_on`, [employer.id])
      expect(workers.rows).toEqual([{ participant_id: a.id, started_on: '2026-03-01' }, { participant_id: b.id, started_on: '2026-04-01' }])
    })

    it('stores nothing new when the same report is imported again, one audit event per import', async () => {
      const again = await run(file)
      expect(again).toMatchObject({ read: 9, stored: 0, unchanged: 3, rejected: 6, workersLinked: 0 })
      expect((await listWages(ctx.sql, employer.id)).length).toBe(3)
      expect(await auditActions(ctx.sql, employer.id)).toEqual(['employer.create', 'employer.wage_report', 'employer.wage_report'])
    })

    it('keeps another amount for a reported month as a correction row with its reason', async () => {
      const corrected = await run(csv('koreksi.csv', ['nik,upah,bulan', `${b.nik},4.750.000,2026-04`]))
      expect(corrected).toMatchObject({ read: 1, stored: 1, corrected: 1, rejected: 0 })
      const rows = (await listWages(ctx.sql, employer.id)).filter((w) => w.participantId === b.id)
      expect(rows.map((w) => [w.revision, w.wageIdr, w.reason])).toEqual([[0, 4_500_000, null], [1, 4_750_000, 'koreksi laporan upah']])
    })

    it('refuses a report without its columns, and a cabang user outside the employer regency', async () => {
      await expect(openWageReport(csv('kurang.csv', ['nik,nama', `${a.nik},Lalu`]))).rejects.toMatchObject({ problem: 'missing_columns', missingColumns: ['upah', 'bulan'] })
      await expect(run(file, testActor('cabang', ['51.71']))).rejects.toMatchObject({ code: 'forbidden' })
      expect(await run(csv('kosong.csv', ['nik,upah,bulan']), testActor('cabang', ['52.04']))).toMatchObject({ read: 0, stored: 0, rejected: 0 })
    })
  },
  { referenceData: true },
)
