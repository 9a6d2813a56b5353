import type pg from 'pg'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { describeDb, type DbContext } from '../../test/db.js'
import { loadBranchOffices } from '../areas/access/index.js'
import { checkNik, createDemoPopulation, isSemestaKpj } from '../areas/participants/index.js'
import { loadNikPrefixTable } from '../areas/regions/index.js'
import { createPool } from '../platform/db/open-database.js'
import { BANUSPA_FORMAL, BANUSPA_ACTIVE, calibrate } from './seed-demo/calibration.js'
import { readRegencyInputs } from './seed-demo/model-inputs.js'
import { DEMO_REFERENCE_DATE, DEMO_REGISTRATION_YEARS, seedDemo, type SeedTarget } from './seed-demo.js'

/** The COPYs need a pool of their own; it must see the block's schema like ctx.sql does. */
function copyPool(ctx: DbContext): { pool: pg.Pool; searchPath?: string } {
  if (ctx.engine === 'embedded') return { pool: createPool(inject('semestaEmbeddedUrl'), 2), searchPath: ctx.schema }
  return { pool: createPool(process.env.TEST_DATABASE_URL as string, 2, { options: `-c search_path=${ctx.schema}` }) }
}

const NOW = new Date('2026-07-01T00:00:00Z')

describeDb(
  'seed demo',
  (ctx) => {
    let target: SeedTarget
    beforeAll(async () => {
      await loadBranchOffices(ctx.sql)
      target = { sql: ctx.sql, ...copyPool(ctx) }
    })
    afterAll(async () => {
      await target?.pool.end()
    })

    it('seeds exactly N people with unique valid NIKs and Luhn KPJs, one enrolment and one registered event each', async () => {
      const result = await seedDemo(target, { participants: 500, seed: 7, chunkSize: 200, now: () => NOW })
      expect(result).toMatchObject({ participants: 500, enrolments: 500, firstIndex: 0, skipped: null, seed: 7 })
      expect(result.bySegment.bpu + result.bySegment.pu).toBe(500)
      expect(Object.values(result.byProvince).reduce((a, b) => a + b, 0)).toBe(500)
      const counts = await ctx.sql.query<{ p: number; niks: number; kpjs: number; e: number; ev: number }>(
        `select (select count(*) from participants)::int p, (select count(distinct nik) from participants)::int niks,
                (select count(distinct kpj) from participants)::int kpjs, (select count(*) from enrolments)::int e,
                (select count(*) from participant_events where kind = 'registered')::int ev`,
      )
      expect(counts.rows[0]).toEqual({ p: 500, niks: 500, kpjs: 500, e: 500, ev: 500 })
      const prefixes = await loadNikPrefixTable(ctx.sql)
      const { rows } = await ctx.sql.query<{ nik: string; kpj: string; status: string; registered_on: string; birth_date: string }>(
        'select nik, kpj, status, registered_on::text, birth_date::text from participants',
      )
      for (const row of rows) {
        expect(checkNik(row.nik, prefixes).error, row.nik).toBeUndefined()
        expect(isSemestaKpj(row.kpj), row.kpj).toBe(true)
        expect(['aktif', 'terdaftar']).toContain(row.status) // protected since registration, or never paid (docs/demo-data.md)
        expect(row.registered_on >= '2015-07-01' && row.registered_on <= DEMO_REFERENCE_DATE).toBe(true)
      }
      const neverPaid = rows.filter((r) => r.status === 'terdaftar').length
      expect(neverPaid / rows.length).toBeGreaterThan(0.05) // about 10% never paid (DEMO_NEVER_PAID_PPM)
      expect(neverPaid / rows.length).toBeLessThan(0.16)
      const old = await ctx.sql.query<{ n: number }>(`select count(*)::int n from participants where substr(nik, 1, 2) = '91' and regency_code not like '91.%'`)
      expect(old.rows[0]!.n).toBeGreaterThan(0) // pre-2022 Papua prefixes in the new provinces
    })

    it('keeps the formal/informal split of the calibration, and pays BPU people by self or a pemda programme', async () => {
      const { rows } = await ctx.sql.query<{ segment: string; payer: string; n: number }>('select segment, payer, count(*)::int n from enrolments group by 1, 2')
      const pu = rows.filter((r) => r.segment === 'pu').reduce((s, r) => s + r.n, 0)
      expect(Math.abs(pu / 500 - BANUSPA_FORMAL / BANUSPA_ACTIVE)).toBeLessThan(0.07)
      for (const r of rows) expect(r.segment === 'pu' ? ['employer'] : ['self', 'pemda']).toContain(r.payer)
      const levels = await ctx.sql.query<{ bad: number }>(
        `select count(*)::int bad from enrolments where segment = 'bpu' and (declared_income_idr < 1000000 or income_base_idr is null)`,
      )
      expect(levels.rows[0]!.bad).toBe(0)
      // every pemda-paid demo person is a member of a real pemda programme (docs/pemda.md), the one its payer_ref names
      const members = await ctx.sql.query<{ paid: number; members: number; programmes: number }>(
        `select (select count(*) from enrolments where payer = 'pemda')::int paid,
                (select count(*) from pemda_members m join enrolments e on e.id = m.enrolment_id and e.payer_ref = m.programme_id::text)::int members,
                (select count(*) from pemda_programmes)::int programmes`,
      )
      expect(members.rows[0]!.paid).toBeGreaterThan(0)
      expect(members.rows[0]!.members).toBe(members.rows[0]!.paid)
      expect(members.rows[0]!.programmes).toBeGreaterThan(0)
    })

    it('makes the same first people for the same seed (the pure generator, calibrated from the tables)', async () => {
      const model = calibrate(await readRegencyInputs(ctx.sql), DEMO_REFERENCE_DATE, DEMO_REGISTRATION_YEARS).model
      const population = createDemoPopulation(model, 7)
      const { rows } = await ctx.sql.query<{ nik: string }>(
        `select p.nik from participants p join participant_events e on e.participant_id = p.id order by (e.data->>'index')::int limit 5`,
      )
      expect(rows.map((r) => r.nik)).toEqual([0, 1, 2, 3, 4].map((i) => population.person(i).nik))
    })

    it('--if-empty does nothing on a registry that holds people', async () => {
      const result = await seedDemo(target, { participants: 50, seed: 7, ifEmpty: true })
      expect(result).toMatchObject({ participants: 0, skipped: 'registry_not_empty' })
      const { rows } = await ctx.sql.query<{ n: number }>('select count(*)::int n from participants')
      expect(rows[0]!.n).toBe(500)
    })

    it('a second run continues after the last index; another seed is refused', async () => {
      const more = await seedDemo(target, { participants: 30, seed: 7 })
      expect(more).toMatchObject({ participants: 30, firstIndex: 500 })
      await expect(seedDemo(target, { participants: 10, seed: 8 })).rejects.toMatchObject({ code: 'conflict' })
      const { rows } = await ctx.sql.query<{ n: number }>('select count(distinct nik)::int n from participants')
      expect(rows[0]!.n).toBe(530)
    })
  },
  { referenceData: true },
)
