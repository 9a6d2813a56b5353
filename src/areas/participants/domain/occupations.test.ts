import { describe, expect, it } from 'vitest'
import { FIXTURE_OCCUPATIONS_RAW } from './fixtures/occupations.js'
import { findOccupation, parseOccupationCatalogue, parseOccupations, sectorOf } from './occupations.js'

const catalogue = parseOccupationCatalogue(FIXTURE_OCCUPATIONS_RAW)

describe('occupation catalogue', () => {
  it.each([
    ['petani', 'petani'],
    ['PETANI', 'petani'],
    ['  Guru   Honorer ', 'guru_honorer'],
    ['guru_honorer', 'guru_honorer'],
    ['guru-honorer', 'guru_honorer'],
    ['Ojol', 'ojek'],
    ['ojek online', 'ojek'],
    ['Supir', 'sopir'],
    ['Pengrajin', 'perajin'],
    ['Jero Mangku', 'pemangku'],
    ['Farmer', 'petani'],
    ['Pekerja rumah tangga', 'pekerja_rumah_tangga'],
  ])('finds %j as %s', (input, code) => {
    expect(findOccupation(catalogue, input)?.code).toBe(code)
  })

  it('maps sopir, ojek and kurir to the transport sector, the rest to other (flagged data)', () => {
    const transport = catalogue.occupations.filter((o) => o.sector === 'transport').map((o) => o.code)
    expect(transport.sort()).toEqual(['kurir', 'ojek', 'sopir'])
    expect(catalogue.sectorMapping.flagged).toBe(true)
  })

  it('refuses a name that two occupations claim', () => {
    const raw = {
      sector_mapping: FIXTURE_OCCUPATIONS_RAW.sector_mapping,
      occupations: [
        { code: 'a', name_id: 'A', name_en: 'A', sector: 'other', aliases: ['sama'] },
        { code: 'b', name_id: 'B', name_en: 'B', sector: 'other', aliases: ['Sama'] },
      ],
    }
    expect(() => parseOccupationCatalogue(raw)).toThrow(/names both a and b/)
  })

  it('refuses an unknown sector and a code that is not snake_case', () => {
    const base = { name_id: 'X', name_en: 'X', aliases: [] }
    const mapping = FIXTURE_OCCUPATIONS_RAW.sector_mapping
    expect(() => parseOccupationCatalogue({ sector_mapping: mapping, occupations: [{ ...base, code: 'x', sector: 'tourism' }] })).toThrow(/sector/)
    expect(() => parseOccupationCatalogue({ sector_mapping: mapping, occupations: [{ ...base, code: 'Guru Honorer', sector: 'other' }] })).toThrow(/snake_case/)
  })
})

describe('parseOccupations: pekerjaan as typed in a row', () => {
  it('takes one or two occupations, by code or name, without repeats', () => {
    expect(parseOccupations(catalogue, 'petani', 2).ok?.map((o) => o.code)).toEqual(['petani'])
    expect(parseOccupations(catalogue, 'Petani; nelayan', 2).ok?.map((o) => o.code)).toEqual(['petani', 'nelayan'])
    expect(parseOccupations(catalogue, 'pedagang, ojol', 2).ok?.map((o) => o.code)).toEqual(['pedagang', 'ojek'])
    expect(parseOccupations(catalogue, 'petani + pekebun', 2).ok?.map((o) => o.code)).toEqual(['petani'])
  })

  it('refuses more than the limit (PP 44/2015 Pasal 11(2)) with out_of_range', () => {
    const result = parseOccupations(catalogue, 'petani; nelayan; peternak', 2)
    expect(result.error).toMatchObject({ field: 'pekerjaan', code: 'out_of_range' })
    expect(result.error?.message).toContain('Paling banyak 2')
  })

  it('names the unknown part', () => {
    const result = parseOccupations(catalogue, 'petani; astronot', 2)
    expect(result.error).toMatchObject({ field: 'pekerjaan', code: 'unknown_code' })
    expect(result.error?.message).toContain('"astronot"')
  })

  it('an empty list is missing_field', () => {
    expect(parseOccupations(catalogue, ' ; ', 2).error?.code).toBe('missing_field')
  })

  it('gives the sector of the first-listed (main) occupation', () => {
    const ojekFirst = parseOccupations(catalogue, 'ojek; petani', 2).ok ?? []
    const petaniFirst = parseOccupations(catalogue, 'petani; ojek', 2).ok ?? []
    expect([sectorOf(ojekFirst), sectorOf(petaniFirst), sectorOf([])]).toEqual(['transport', 'other', 'other'])
  })
})
