import { describe, expect, it } from 'vitest'
import { fixturePrefixLookup } from './fixtures/banuspa.js'
import { birthDateFromNik, checkIdentityAgainstNik, checkNik, parseNik, type ParsedNik } from './nik.js'

const prefixes = fixturePrefixLookup()

function parsed(nik: string): ParsedNik {
  const result = parseNik(nik)
  if (!result.ok) throw new Error(result.error.message)
  return result.ok
}

describe('parseNik: the structure of a 16-digit NIK', () => {
  it('splits province, regency, kecamatan, date, sex and serial', () => {
    expect(parsed('5171011205900001')).toEqual({
      nik: '5171011205900001', provinceCode: '51', regencyCode: '51.71', kecamatanCode: '51.71.01',
      birthDay: 12, birthMonth: 5, birthYear2: 90, sex: 'L', serial: '0001',
    })
  })

  it('reads a woman from the day plus 40', () => {
    const nik = parsed('5171015205900002')
    expect([nik.birthDay, nik.sex]).toEqual([12, 'P'])
  })

  it('accepts digit groups separated by spaces, dashes or dots', () => {
    expect(parsed(' 5171 0112 0590 0001 ').nik).toBe('5171011205900001')
    expect(parsed('5171-0112-0590-0001').nik).toBe('5171011205900001')
  })

  it.each([
    ['', 'missing_field', 'wajib'],
    ['517101120590001', 'invalid_nik', '15 digit'],
    ['51710112059000012', 'invalid_nik', '17 digit'],
    ['5171O11205900001', 'invalid_nik', 'angka'],
    ['5.17101E+15', 'invalid_nik', 'format ilmiah'],
    ['5171013205900001', 'invalid_nik', 'tanggal'], // day 32
    ['5171017205900001', 'invalid_nik', 'tanggal'], // woman, day 72 − 40 = 32
    ['5171010005900001', 'invalid_nik', 'tanggal'], // day 00
    ['5171011213900001', 'invalid_nik', 'tanggal'], // month 13
    ['5171013002900001', 'invalid_nik', 'tanggal'], // 30 February
    ['5171012902010001', 'invalid_nik', 'tanggal'], // 29 February in 1901 and 2001
    ['5171011205900000', 'invalid_nik', '0000'],
  ])('rejects %j (%s)', (input, code, words) => {
    const result = parseNik(input)
    expect(result.error?.code).toBe(code)
    expect(result.error?.field).toBe('nik')
    expect(result.error?.message).toContain(words)
  })

  it('accepts 29 February of a two-digit year that is leap in either century (00 → 2000)', () => {
    expect(parseNik('5171012902000001').ok).toBeDefined()
    expect(parseNik('5171016902960001').ok?.sex).toBe('P')
  })
})

describe('checkNik: prefixes current or historical (DESIGN.md §7)', () => {
  it('accepts a current Banuspa prefix without warnings', () => {
    const result = checkNik('5171011205900001', prefixes)
    expect(result.ok?.regencyCode).toBe('51.71')
    expect(result.ok && result.currentRegencyCode).toBe('51.71')
    expect(result.ok && result.warnings).toEqual([])
  })

  it('accepts a pre-2022 Papua prefix and gives its current code (91.01 Merauke → 93.01)', () => {
    const result = checkNik('9101011205900001', prefixes)
    expect(result.ok && result.currentRegencyCode).toBe('93.01')
    const sorong = checkNik('9271011205900001', prefixes)
    expect(sorong.ok && sorong.currentRegencyCode).toBe('96.71')
  })

  it('accepts an NIK issued elsewhere in Indonesia (a Surabaya NIK of a worker in Bali)', () => {
    expect(checkNik('3578011205900001', prefixes).ok).toBeDefined()
  })

  it('warns, never rejects, on an unknown regency inside a known province', () => {
    const result = checkNik('5199011205900001', prefixes)
    expect(result.ok).toBeDefined()
    expect(result.ok && result.currentRegencyCode).toBeUndefined()
    expect(result.ok && result.warnings.map((w) => [w.field, w.code])).toEqual([['nik', 'unknown_code']])
  })

  it('warns on kecamatan 00', () => {
    const result = checkNik('5171001205900001', prefixes)
    expect(result.ok && result.warnings[0]?.message).toContain('kecamatan')
  })

  it('rejects an unknown province prefix with invalid_nik on field nik', () => {
    const result = checkNik('9901011205900001', prefixes)
    expect(result.error).toMatchObject({ field: 'nik', code: 'invalid_nik' })
    expect(result.error?.message).toContain('(99)')
  })
})

describe('birthDateFromNik: choosing the century', () => {
  const on = '2026-03-01'
  it.each([
    ['5171011205900001', '1990-05-12'], // 2090 is in the future
    ['5171011205050001', '2005-05-12'], // 20 years old, not 120
    ['5171011205300001', '1930-05-12'], // 2030 in the future; 95 is plausible
    ['5171011205150001', '2015-05-12'], // 10 or 110: neither plausible, take the latest not in the future
    ['5171012902000001', '2000-02-29'], // only 2000 has the day
    ['5171011202260001', '1926-02-12'], // 12 Feb 2026 is past, but age 0 is not a working age; 100 is
  ])('%s → %s', (nik, expected) => {
    expect(birthDateFromNik(parsed(nik), on)).toBe(expected)
  })

  it('takes the plausible age range as an argument', () => {
    expect(birthDateFromNik(parsed('5171011202260001'), on, { plausible: { minAgeYears: 0, maxAgeYears: 99 } })).toBe('2026-02-12')
  })

  it('a declared birth date that matches the NIK digits settles the century', () => {
    expect(birthDateFromNik(parsed('5171011205150001'), on, { declaredBirthDate: '1915-05-12' })).toBe('1915-05-12')
    expect(birthDateFromNik(parsed('5171011205150001'), on, { declaredBirthDate: '1915-05-13' })).toBe('2015-05-12')
  })
})

describe('checkIdentityAgainstNik: declared birth date and sex vs the NIK digits', () => {
  it('passes when day, month, two-digit year and sex agree', () => {
    expect(checkIdentityAgainstNik('5171015205900002', { birthDate: '1990-05-12', sex: 'P' })).toEqual([])
    expect(checkIdentityAgainstNik('5171011205900001', { birthDate: '1990-05-12', sex: 'L' })).toEqual([])
  })

  it('rejects another date as birth_date_mismatch on tanggal_lahir', () => {
    const issues = checkIdentityAgainstNik('5171011205900001', { birthDate: '1990-05-13', sex: 'L' })
    expect(issues).toEqual([
      { field: 'tanggal_lahir', code: 'birth_date_mismatch', message: 'Tanggal lahir 13/05/1990 tidak cocok dengan tanggal lahir pada NIK (12/05/90).' },
    ])
  })

  it('compares the year on two digits only (the century is not in the NIK)', () => {
    expect(checkIdentityAgainstNik('5171011205900001', { birthDate: '1890-05-12' })).toEqual([])
    expect(checkIdentityAgainstNik('5171011205900001', { birthDate: '1991-05-12' })[0]?.code).toBe('birth_date_mismatch')
  })

  it('rejects the other sex on jenis_kelamin, and reports both problems at once', () => {
    const issues = checkIdentityAgainstNik('5171011205900001', { birthDate: '1991-05-12', sex: 'P' })
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['tanggal_lahir', 'birth_date_mismatch'],
      ['jenis_kelamin', 'sex_mismatch'],
    ])
  })

  it('a woman registered as a man: same day once the 40 is removed, so only the sex is wrong', () => {
    const issues = checkIdentityAgainstNik('5171015205900002', { birthDate: '1990-05-12', sex: 'L' })
    expect(issues.map((i) => i.code)).toEqual(['sex_mismatch'])
    expect(issues[0]?.message).toContain('perempuan')
  })

  it('checks only what was declared', () => {
    expect(checkIdentityAgainstNik('5171011205900001', {})).toEqual([])
  })
})
