import { describe, expect, it } from 'vitest'
import { parseBranchOffices, type BranchOfficeRow } from './branch-offices.js'

const row = (over: Partial<BranchOfficeRow>): BranchOfficeRow => ({
  branch_code: 'bali-denpasar', branch_name: 'Cabang Bali Denpasar', branch_city: 'Denpasar', regency_code: '51.71',
  regency_name: 'Kota Denpasar', mapping_status: 'reported', source: 'https://example.org', note: '', ...over,
})

describe('parseBranchOffices', () => {
  it('groups rows per branch', () => {
    const branches = parseBranchOffices([row({}), row({ regency_code: '51.03' }), row({ branch_code: 'bali-gianyar', branch_name: 'Cabang Gianyar', branch_city: 'Gianyar', regency_code: '51.04', mapping_status: 'best_guess' })])
    expect(branches.map((b) => [b.code, b.regencies.map((r) => r.regencyCode)])).toEqual([['bali-denpasar', ['51.71', '51.03']], ['bali-gianyar', ['51.04']]])
  })

  it.each([
    ['a regency served twice', [row({}), row({ branch_code: 'bali-gianyar' })], /row 3: 51.71 is already served by bali-denpasar/],
    ['an unknown mapping status', [row({ mapping_status: 'rumour' })], /mapping_status/],
    ['a mapping without source', [row({ source: ' ' })], /source/],
    ['a bad regency code', [row({ regency_code: '5171' })], /regency code/],
    ['a branch renamed on a later row', [row({}), row({ regency_code: '51.03', branch_city: 'Badung' })], /another name or city/],
  ])('refuses %s', (_label, rows, message) => {
    expect(() => parseBranchOffices(rows)).toThrow(message)
  })

  it('refuses a file that leaves a regency unserved or serves an unknown one', () => {
    expect(() => parseBranchOffices([row({})], ['51.71', '51.03'])).toThrow(/no branch serves 51.03/)
    expect(() => parseBranchOffices([row({}), row({ regency_code: '51.99' })], ['51.71'])).toThrow(/unknown regency 51.99/)
  })
})
