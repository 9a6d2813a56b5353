import { describe, expect, it } from 'vitest'
import { BANUSPA_REGENCY_CODES, fixturePrefixLookup } from './fixtures/banuspa.js'
import { FIXTURE_OCCUPATIONS_RAW } from './fixtures/occupations.js'
import { FIXTURE_REGISTRATION_RULES_RAW } from './fixtures/rules.js'
import { parseOccupationCatalogue } from './occupations.js'
import { parseRegistrationRules } from './registration-parameters.js'
import { validateRegistration, type RegistrationContext, type RegistrationRow } from './registration-rules.js'

const ctx: RegistrationContext = {
  nikPrefixes: fixturePrefixLookup(),
  banuspaRegencies: BANUSPA_REGENCY_CODES,
  occupations: parseOccupationCatalogue(FIXTURE_OCCUPATIONS_RAW),
  rules: parseRegistrationRules(FIXTURE_REGISTRATION_RULES_RAW),
  today: '2026-03-01',
}

const pemangku: RegistrationRow = {
  nik: '5171011205900001',
  nama: 'I Made  Sudarsana',
  tanggal_lahir: '12/05/1990',
  jenis_kelamin: 'L',
  no_hp: '0812-3456-7890',
  kode_wilayah: '5171',
  pekerjaan: 'pemangku',
  kategori: 'bpu',
  penghasilan: '1.000.000',
  program: 'JKK+JKM',
}

function issuesOf(row: RegistrationRow, rowNumber = 2) {
  const result = validateRegistration(row, ctx, rowNumber)
  return (result.errors ?? []).map((e) => [e.field, e.code])
}

describe('validateRegistration: a valid BPU row', () => {
  it('returns the normalised registration', () => {
    const result = validateRegistration(pemangku, ctx, 2)
    expect(result.errors).toBeUndefined()
    expect(result.warnings).toEqual([])
    expect(result.ok).toEqual({
      nik: '5171011205900001', name: 'I Made Sudarsana', nameKey: 'I MADE SUDARSANA', birthDate: '1990-05-12', sex: 'L',
      phoneE164: '+6281234567890', regencyCode: '51.71', nikRegencyCode: '51.71', occupationCodes: ['pemangku'], sector: 'other',
      category: 'bpu', declaredIncomeIdr: 1_000_000, programmes: ['JKK', 'JKM'], kpj: null, npp: null, registrationDate: '2026-03-01',
    })
  })

  it('takes optional fields: a brought KPJ, two occupations, JHT, a registration date, no phone', () => {
    const ok = validateRegistration({ ...pemangku, kpj: '160-1234-5678', pekerjaan: 'ojol; petani', program: 'jkk+jkm+jht', tanggal_daftar: '2025-07-01', no_hp: '' }, ctx).ok
    expect(ok).toMatchObject({ kpj: '16012345678', occupationCodes: ['ojek', 'petani'], sector: 'transport', programmes: ['JKK', 'JKM', 'JHT'], registrationDate: '2025-07-01', phoneE164: null })
  })
})

describe('validateRegistration: every problem of a row at once', () => {
  it('lists each bad field with its code, on the given row', () => {
    const row: RegistrationRow = {
      nik: '99010112059000', nama: 'Made 2', tanggal_lahir: '31/02/1990', jenis_kelamin: 'X', no_hp: '0361 234567',
      kode_wilayah: '3578', pekerjaan: 'astronot', kategori: 'bpu', penghasilan: '500.000', program: 'JKK+JKM+JP', kpj: '123', tanggal_daftar: '2027-01-01',
    }
    const result = validateRegistration(row, ctx, 7)
    expect(result.ok).toBeUndefined()
    expect(result.errors?.map((e) => [e.row, e.field, e.code])).toEqual([
      [7, 'tanggal_daftar', 'out_of_range'],
      [7, 'nik', 'invalid_nik'],
      [7, 'nama', 'invalid_input'],
      [7, 'tanggal_lahir', 'invalid_date'],
      [7, 'jenis_kelamin', 'invalid_input'],
      [7, 'no_hp', 'invalid_input'],
      [7, 'kode_wilayah', 'outside_region'],
      [7, 'pekerjaan', 'unknown_code'],
      [7, 'penghasilan', 'out_of_range'],
      [7, 'program', 'not_eligible'],
      [7, 'kpj', 'invalid_input'],
    ])
    for (const error of result.errors ?? []) expect(error.message).toMatch(/[a-z]/)
  })

  it('names every missing required field', () => {
    expect(issuesOf({})).toEqual([
      ['nik', 'missing_field'],
      ['nama', 'missing_field'],
      ['tanggal_lahir', 'missing_field'],
      ['jenis_kelamin', 'missing_field'],
      ['kode_wilayah', 'missing_field'],
      ['kategori', 'missing_field'],
      ['program', 'missing_field'],
    ])
    expect(issuesOf({ ...pemangku, pekerjaan: ' ', penghasilan: '' })).toEqual([
      ['pekerjaan', 'missing_field'],
      ['penghasilan', 'missing_field'],
    ])
  })
})

describe('validateRegistration: identity against the NIK', () => {
  it('a birth date that disagrees with the NIK is birth_date_mismatch on tanggal_lahir', () => {
    const result = validateRegistration({ ...pemangku, tanggal_lahir: '1990-05-13' }, ctx, 3)
    expect(result.errors).toEqual([
      { row: 3, field: 'tanggal_lahir', code: 'birth_date_mismatch', message: 'Tanggal lahir 13/05/1990 tidak cocok dengan tanggal lahir pada NIK (12/05/90).' },
    ])
  })

  it('a sex that disagrees with the NIK is sex_mismatch on jenis_kelamin', () => {
    expect(issuesOf({ ...pemangku, jenis_kelamin: 'P' })).toEqual([['jenis_kelamin', 'sex_mismatch']])
  })

  it('accepts a pre-2022 Papua NIK and an old region code, with a warning for the code', () => {
    const row = { ...pemangku, nik: '9101015205900002', nama: 'Maria Gebze', jenis_kelamin: 'P', kode_wilayah: '91.01', pekerjaan: 'nelayan' }
    const result = validateRegistration(row, ctx, 4)
    expect(result.ok).toMatchObject({ regencyCode: '93.01', nikRegencyCode: '93.01', sex: 'P' })
    expect(result.warnings.map((w) => [w.row, w.field, w.code])).toEqual([[4, 'kode_wilayah', 'unknown_code']])
  })

  it('stores a row whose NIK regency is unknown in a known province, with a warning', () => {
    const result = validateRegistration({ ...pemangku, nik: '5199011205900001' }, ctx, 5)
    expect(result.ok?.nikRegencyCode).toBe('51.99')
    expect(result.warnings.map((w) => [w.field, w.code])).toEqual([['nik', 'unknown_code']])
  })

  it('an unknown region code is unknown_code; one outside Banuspa is outside_region', () => {
    expect(issuesOf({ ...pemangku, kode_wilayah: '5199' })).toEqual([['kode_wilayah', 'unknown_code']])
    expect(issuesOf({ ...pemangku, kode_wilayah: '35.78' })).toEqual([['kode_wilayah', 'outside_region']])
    expect(issuesOf({ ...pemangku, kode_wilayah: 'Denpasar' })).toEqual([['kode_wilayah', 'invalid_input']])
  })
})

describe('validateRegistration: BPU conditions (flagged parameters)', () => {
  const nikBorn = (date: string) => `517101${date}0001` // DDMMYY, a man

  it('age under 65 on the registration date: 64 passes, 65 is not_eligible', () => {
    expect(issuesOf({ ...pemangku, nik: nikBorn('020361'), tanggal_lahir: '1961-03-02' })).toEqual([])
    expect(issuesOf({ ...pemangku, nik: nikBorn('010361'), tanggal_lahir: '1961-03-01' })).toEqual([['tanggal_lahir', 'not_eligible']])
  })

  it('the age counts on tanggal_daftar when given', () => {
    const row = { ...pemangku, nik: nikBorn('010361'), tanggal_lahir: '1961-03-01', tanggal_daftar: '2026-02-28' }
    expect(issuesOf(row)).toEqual([])
  })

  it('declared income at least Rp1.000.000', () => {
    expect(issuesOf({ ...pemangku, penghasilan: '999999' })).toEqual([['penghasilan', 'out_of_range']])
    const message = validateRegistration({ ...pemangku, penghasilan: '999999' }, ctx).errors?.[0]?.message
    expect(message).toBe('Penghasilan peserta BPU paling sedikit Rp1.000.000 per bulan (tertulis Rp999.999).')
  })

  it('the limits come from the parameters the caller supplies', () => {
    const raw = structuredClone(FIXTURE_REGISTRATION_RULES_RAW)
    raw.parameters.bpu_min_declared_income_idr.periods[0]!.value = 500_000
    const custom = { ...ctx, rules: parseRegistrationRules(raw) }
    expect(validateRegistration({ ...pemangku, penghasilan: '600000' }, custom).ok).toBeDefined()
  })

  it('at most 2 occupations', () => {
    expect(issuesOf({ ...pemangku, pekerjaan: 'petani; nelayan; peternak' })).toEqual([['pekerjaan', 'out_of_range']])
  })

  it('a young birth date only warns', () => {
    const result = validateRegistration({ ...pemangku, nik: nikBorn('120515'), tanggal_lahir: '2015-05-12' }, ctx)
    expect(result.ok).toBeDefined()
    expect(result.warnings.map((w) => [w.field, w.code])).toEqual([['tanggal_lahir', 'out_of_range']])
  })
})

describe('validateRegistration: other categories', () => {
  it('PU needs an NPP and a wage, has no BPU age or income limit, and may take JP', () => {
    const pu = { ...pemangku, kategori: 'pu', pekerjaan: 'karyawan', program: 'JKK+JKM+JHT+JP', penghasilan: '3.200.000' }
    expect(issuesOf(pu)).toEqual([['npp', 'missing_field']])
    const older = { ...pu, npp: '12345678', nik: nikBornOld(), tanggal_lahir: '1955-01-01' }
    expect(validateRegistration(older, ctx).ok).toMatchObject({ category: 'pu', npp: '12345678', programmes: ['JKK', 'JKM', 'JHT', 'JP'] })
  })

  it('PMI needs no income or occupation', () => {
    const pmi = { ...pemangku, kategori: 'pmi', pekerjaan: '', penghasilan: '' }
    expect(validateRegistration(pmi, ctx).ok).toMatchObject({ category: 'pmi', declaredIncomeIdr: null, occupationCodes: [] })
  })

  it('an unknown category skips the category-dependent checks but is reported', () => {
    expect(issuesOf({ ...pemangku, kategori: 'informal' })).toEqual([['kategori', 'unknown_code']])
  })
})

function nikBornOld(): string {
  return '5171010101550001'
}
