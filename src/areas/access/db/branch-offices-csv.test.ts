import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseBranchOffices } from '../domain/branch-offices.js'
import { readBranchOfficeRows } from './branch-offices.js'

/** The shipped file against the 83 regencies of regions.csv (the copy in reference/ when it is there). */
function regencies(): Array<{ code: string; name: string }> {
  const file = ['reference/regions.csv', '../shared/data/regions.csv', '/work/shared/data/regions.csv'].find((p) => existsSync(p))
  if (!file) throw new Error('regions.csv not found')
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n')
  const cols = (header ?? '').split(',')
  return lines
    .map((line) => line.split(','))
    .filter((c) => c[cols.indexOf('type')] !== 'provinsi')
    .map((c) => ({ code: c[cols.indexOf('code')] ?? '', name: c[cols.indexOf('name')] ?? '' }))
}

describe('reference/branch-offices.csv', () => {
  const rows = readBranchOfficeRows()
  const all = regencies()

  it('serves every one of the 83 regencies exactly once', () => {
    expect(all).toHaveLength(83)
    const branches = parseBranchOffices(rows, all.map((r) => r.code))
    expect(branches.map((b) => b.code)).toEqual(['bali-denpasar', 'bali-gianyar', 'ntb-mataram', 'lombok-timur', 'ntt-kupang', 'atambua', 'papua-jayapura', 'nabire', 'papua-tengah', 'manokwari'])
  })

  it('names each regency as regions.csv does', () => {
    const names = new Map(all.map((r) => [r.code, r.name]))
    for (const r of rows) expect(r.regency_name).toBe(names.get(r.regency_code))
  })

  it('flags best guesses and sources every reported mapping with a URL', () => {
    const guessed = rows.filter((r) => r.mapping_status === 'best_guess').map((r) => r.regency_code)
    expect(guessed).toContain('52.04')
    expect(guessed).toContain('94.04')
    for (const r of rows.filter((x) => x.mapping_status === 'reported')) expect(r.source).toMatch(/^https:\/\//)
    expect(rows.filter((r) => r.mapping_status === 'reported').map((r) => r.regency_code)).toEqual(expect.arrayContaining(['51.71', '51.04', '53.04', '93.01', '95.01', '94.01', '96.71']))
  })
})
