import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, it } from 'vitest'
import { describeDb } from '../../../../test/db.js'
import { BRANCH_OFFICES_CSV, listBranchOffices, loadBranchOffices, readUserReferenceData } from './branch-offices.js'

describeDb('loadBranchOffices', (ctx) => {
  it('loads the 10 branches and 83 regencies, and a second run changes nothing', async () => {
    expect(await loadBranchOffices(ctx.sql)).toEqual({ branches: 10, regencies: 83 })
    const before = await listBranchOffices(ctx.sql)
    expect(await loadBranchOffices(ctx.sql)).toEqual({ branches: 10, regencies: 83 })
    expect(await listBranchOffices(ctx.sql)).toEqual(before)
    const ref = await readUserReferenceData(ctx.sql)
    expect(ref.branchCodes).toHaveLength(10)
    expect(ref.regencyCodes).toHaveLength(83)
  })

  it('lists each branch with its regencies and their mapping status', async () => {
    await loadBranchOffices(ctx.sql)
    const offices = await listBranchOffices(ctx.sql)
    const denpasar = offices.find((o) => o.code === 'bali-denpasar')
    expect(denpasar?.regencies.map((r) => r.regencyCode)).toEqual(['51.01', '51.02', '51.03', '51.08', '51.71'])
    expect(denpasar?.regencies.every((r) => r.mappingStatus === 'reported')).toBe(true)
    expect(offices.find((o) => o.code === 'papua-tengah')?.regencies.every((r) => r.mappingStatus === 'best_guess')).toBe(true)
  })

  it('applies an edited file: a regency moved to another branch, a branch dropped when nobody uses it', async () => {
    await loadBranchOffices(ctx.sql)
    const lines = readFileSync(BRANCH_OFFICES_CSV, 'utf8').trim().split('\n')
    const edited = lines.map((line) => (line.startsWith('lombok-timur,') ? line.replace(/^lombok-timur,[^,]*,[^,]*,/, 'ntb-mataram,BPJS Ketenagakerjaan Cabang NTB (Mataram),Mataram,') : line))
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'semesta-branches-')), 'branch-offices.csv')
    writeFileSync(file, `${edited.join('\n')}\n`)
    expect(await loadBranchOffices(ctx.sql, file)).toEqual({ branches: 9, regencies: 83 })
    const offices = await listBranchOffices(ctx.sql)
    expect(offices.map((o) => o.code)).not.toContain('lombok-timur')
    expect(offices.find((o) => o.code === 'ntb-mataram')?.regencies.map((r) => r.regencyCode)).toContain('52.03')
    await loadBranchOffices(ctx.sql)
    expect((await listBranchOffices(ctx.sql)).find((o) => o.code === 'lombok-timur')?.regencies.map((r) => r.regencyCode)).toEqual(['52.03'])
  })
})
