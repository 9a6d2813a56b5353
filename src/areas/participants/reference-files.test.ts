import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { NikPrefixTable } from '../regions/domain/index.js'
import {
  checkNik, createDemoPopulation, demoRegistrationRow, findOccupation, registrationLimitsAt, validateRegistration,
  type DemoRegency, type NikPrefixLookup, type RegistrationContext,
} from './domain/index.js'
import { DEMO_BPU_OCCUPATION_WEIGHTS, DEMO_PU_OCCUPATION_WEIGHTS, DEMO_SECOND_OCCUPATIONS } from './domain/demo-occupations.js'
import { BANUSPA_REGENCIES, BANUSPA_REGENCY_CODES, FIXTURE_FORMAL_SHARE_PPM } from './domain/fixtures/banuspa.js'
import { FIXTURE_OCCUPATIONS_RAW } from './domain/fixtures/occupations.js'
import { FIXTURE_REGISTRATION_RULES_RAW } from './domain/fixtures/rules.js'
import { loadOccupationCatalogue, loadRegistrationRules, REFERENCE_DIR } from './reference-files.js'

const catalogue = loadOccupationCatalogue()
const rules = loadRegistrationRules()
const prefixTable = NikPrefixTable.fromCsv(fs.readFileSync(path.join(REFERENCE_DIR, 'nik-prefixes.csv'), 'utf8'))

describe('reference/occupations.yaml', () => {
  it('holds 30–45 coded occupations incl. the trades of issue 4, with Indonesian and English names', () => {
    expect(catalogue.occupations.length).toBeGreaterThanOrEqual(30)
    expect(catalogue.occupations.length).toBeLessThanOrEqual(45)
    for (const code of ['pedagang', 'penjahit', 'pemangku', 'sulinggih', 'pecalang', 'petani', 'nelayan', 'perajin', 'peternak', 'sopir', 'ojek', 'kurir', 'guru_honorer', 'buruh_harian', 'tukang', 'pekerja_rumah_tangga', 'seniman', 'pemandu_wisata']) {
      expect(findOccupation(catalogue, code)?.code, code).toBe(code)
    }
  })

  it('maps exactly sopir, ojek and kurir to transport, flagged as a Semesta mapping', () => {
    expect(catalogue.occupations.filter((o) => o.sector === 'transport').map((o) => o.code).sort()).toEqual(['kurir', 'ojek', 'sopir'])
    expect(catalogue.sectorMapping).toMatchObject({ flagged: true, evidence: 'R' })
    expect(catalogue.sectorMapping.source).toContain('not taken from the text of PP 50/2025')
  })

  it('agrees with the fixture the pure tests use, and knows every code the demo generator draws', () => {
    for (const fixture of FIXTURE_OCCUPATIONS_RAW.occupations) {
      expect(findOccupation(catalogue, fixture.code), fixture.code).toMatchObject({ nameId: fixture.name_id, sector: fixture.sector })
      for (const alias of fixture.aliases) expect(findOccupation(catalogue, alias)?.code, alias).toBe(fixture.code)
    }
    const demoCodes = [...Object.values(DEMO_BPU_OCCUPATION_WEIGHTS).flatMap((w) => Object.keys(w)), ...Object.keys(DEMO_PU_OCCUPATION_WEIGHTS), ...Object.values(DEMO_SECOND_OCCUPATIONS)]
    for (const code of demoCodes) expect(findOccupation(catalogue, code)?.code, code).toBe(code)
  })
})

describe('reference/registration-rules.yaml', () => {
  it('gives 65 years, Rp1.000.000 and 2 occupations, each cited with its evidence label, like the fixture', () => {
    const limits = registrationLimitsAt(rules, '2026-03-01')
    expect(limits.bpuAgeLimitYears).toMatchObject({ value: 65, evidence: 'S1' })
    expect(limits.bpuMinDeclaredIncomeIdr).toMatchObject({ value: 1_000_000, evidence: 'S1' })
    expect(limits.maxOccupations).toMatchObject({ value: 2, evidence: 'V-REG', citation: 'PP 44/2015 Pasal 11(2)' })
    const fixture = FIXTURE_REGISTRATION_RULES_RAW.parameters
    expect([limits.bpuAgeLimitYears.value, limits.bpuMinDeclaredIncomeIdr.value, limits.maxOccupations.value]).toEqual([
      fixture.bpu_age_limit_years.periods[0]!.value, fixture.bpu_min_declared_income_idr.periods[0]!.value, fixture.max_occupations.periods[0]!.value,
    ])
  })
})

describe('with the regions area NIK prefix table (reference/nik-prefixes.csv)', () => {
  const lookup: NikPrefixLookup = prefixTable

  it('accepts historical Papua prefixes, NIKs from other provinces, and warns on unknown regencies', () => {
    expect(checkNik('9101011205900001', lookup)).toMatchObject({ currentRegencyCode: '93.01', warnings: [] })
    expect(checkNik('9201015205900002', lookup)).toMatchObject({ currentRegencyCode: '96.01' })
    expect(checkNik('3578011205900001', lookup)).toMatchObject({ currentRegencyCode: '35.78', warnings: [] })
    const unknownRegency = checkNik('5199011205900001', lookup)
    expect(unknownRegency.ok && unknownRegency.warnings.map((w) => w.code)).toEqual(['unknown_code'])
    expect(checkNik('9901011205900001', lookup).error?.code).toBe('invalid_nik')
  })

  it('every demo person registers with the real tables, without warnings', () => {
    const regencies: DemoRegency[] = BANUSPA_REGENCIES.map(([code, , population, kecamatanCount, codeBefore2022]) => ({ code, population, kecamatanCount, codeBefore2022 }))
    const population = createDemoPopulation({ regencies, formalShareppm: FIXTURE_FORMAL_SHARE_PPM, referenceDate: '2026-03-01' }, 1)
    const ctx: RegistrationContext = { nikPrefixes: lookup, banuspaRegencies: BANUSPA_REGENCY_CODES, occupations: catalogue, rules, today: '2026-03-01' }
    const bad = []
    for (let i = 0; i < 5_000; i++) {
      const result = validateRegistration(demoRegistrationRow(population.person(i)), ctx, i + 2)
      if (result.errors || result.warnings.length > 0) bad.push(result)
    }
    expect(bad).toEqual([])
  })
})
