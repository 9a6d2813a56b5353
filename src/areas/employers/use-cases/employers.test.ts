import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { newId } from '../../../platform/ids.js'
import { listWages } from '../db/wages.js'
import { effectiveWage } from '../domain/index.js'
import { auditActions, insertTestParticipant, testActor } from '../testing/fixtures.js'
import { recordWage } from './record-wage.js'
import { registerEmployer } from './register-employer.js'

const now = new Date('2026-05-10T02:00:00Z')
const ids = () => newId()

describeDb(
  'employers: register and dated wages',
  (ctx) => {
    it('registers an employer with its source, mandatory programmes and audit event; refuses a taken NPP', async () => {
      const { employer, mandatoryProgrammes } = await registerEmployer(ctx.sql, { actor: null, input: { npp: 'bali-0001', name: 'PT Segara Biru', regionCode: '5171', scale: 'small', riskGroup: 2 }, requestId: 'r1', via: 'cli' }, now, ids)
      expect(employer).toMatchObject({ npp: 'BALI0001', regencyCode: '51.71', scale: 'small', riskGroup: 2, status: 'active' })
      expect(mandatoryProgrammes).toEqual(['jkk', 'jkm', 'jht'])
      const source = await ctx.sql.query(`select kind, ref_id from sources where id = $1`, [employer.sourceId])
      expect(source.rows).toEqual([{ kind: 'employer', ref_id: employer.id }])
      expect(await auditActions(ctx.sql, employer.id)).toEqual(['employer.create'])

      await expect(registerEmployer(ctx.sql, { actor: null, input: { npp: 'BALI 0001', name: 'PT Lain', regionCode: '51.03', scale: 'large', riskGroup: 1 }, requestId: 'r2', via: 'cli' }, now, ids))
        .rejects.toMatchObject({ code: 'conflict', details: { field: 'npp' } })
      await expect(registerEmployer(ctx.sql, { actor: null, input: { npp: 'X1', name: 'PT Luar', regionCode: '31.71', scale: 'micro', riskGroup: 1 }, requestId: 'r3', via: 'cli' }, now, ids))
        .rejects.toMatchObject({ code: 'unknown_code', details: { field: 'regionCode' } })
      const count = await ctx.sql.query<{ n: number }>(`select count(*)::int as n from sources where kind = 'employer'`)
      expect(count.rows[0]?.n).toBe(1)
    })

    it('keeps a wage change as a new dated row and a correction as the next revision; effective wage per month', async () => {
      const { employer } = await registerEmployer(ctx.sql, { actor: null, input: { npp: 'NTT77', name: 'CV Flores Jaya', regionCode: '53.71', scale: 'medium', riskGroup: 3 }, requestId: null, via: 'cli' }, now, ids)
      const worker = await insertTestParticipant(ctx.sql, { name: 'Yohanes Kewa', regencyCode: '53.71' })
      const record = (month: string, wageIdr: number, reason?: string) =>
        recordWage(ctx.sql, { actor: null, employerId: employer.id, nik: worker.nik, month, wageIdr, reason, via: 'cli', requestId: null }, now, ids)

      expect(await record('2026-01', 4_000_000)).toMatchObject({ stored: { revision: 0 }, workerLinked: true })
      expect(await record('2026-04', 5_000_000)).toMatchObject({ stored: { revision: 0 }, workerLinked: false })
      expect(await record('2026-04', 5_000_000)).toMatchObject({ stored: null })
      expect(await record('2026-04', 5_250_000, 'tunjangan tetap terlewat')).toMatchObject({ stored: { revision: 1 } })
      await expect(record('2026-13', 1)).rejects.toMatchObject({ code: 'invalid_month' })
      await expect(record('2026-05', 0)).rejects.toMatchObject({ code: 'out_of_range' })

      const wages = await listWages(ctx.sql, employer.id)
      expect(wages.map((w) => [w.effectiveMonth, w.revision, w.wageIdr, w.reason])).toEqual([
        ['2026-01', 0, 4_000_000, null],
        ['2026-04', 0, 5_000_000, null],
        ['2026-04', 1, 5_250_000, 'tunjangan tetap terlewat'],
      ])
      expect(effectiveWage(wages, '2025-12')).toBeUndefined()
      expect(effectiveWage(wages, '2026-03')?.wageIdr).toBe(4_000_000)
      expect(effectiveWage(wages, '2026-05')?.wageIdr).toBe(5_250_000)
      expect(await auditActions(ctx.sql, employer.id)).toEqual(['employer.create', 'employer.wage_record', 'employer.wage_record', 'employer.wage_record'])
    })

    it('refuses a cabang user outside the employer regency, and an unknown NIK', async () => {
      const outside = testActor('cabang', ['51.03'])
      await expect(registerEmployer(ctx.sql, { actor: outside, input: { npp: 'DPS9', name: 'PT Kuta', regionCode: '51.71', scale: 'micro', riskGroup: 1 }, requestId: null, via: 'api' }, now, ids))
        .rejects.toMatchObject({ code: 'forbidden' })
      const inside = testActor('cabang', ['51.71'])
      const { employer } = await registerEmployer(ctx.sql, { actor: inside, input: { npp: 'DPS9', name: 'PT Kuta', regionCode: '51.71', scale: 'micro', riskGroup: 1 }, requestId: null, via: 'api' }, now, ids)
      const worker = await insertTestParticipant(ctx.sql, { name: 'Wayan Sudra' })
      await expect(recordWage(ctx.sql, { actor: outside, employerId: employer.id, participantId: worker.id, month: '2026-04', wageIdr: 3_000_000, via: 'api', requestId: null }, now, ids))
        .rejects.toMatchObject({ code: 'forbidden' })
      await expect(recordWage(ctx.sql, { actor: inside, employerId: employer.id, nik: '5171010101900999', month: '2026-04', wageIdr: 3_000_000, via: 'api', requestId: null }, now, ids))
        .rejects.toMatchObject({ code: 'not_found', details: { field: 'nik' } })
      expect(await auditActions(ctx.sql, employer.id)).toEqual(['employer.create'])
    })
  },
  { referenceData: true },
)
