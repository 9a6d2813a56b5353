import { describe, expect, it } from 'vitest'
import { DEMO_BPU_OCCUPATION_WEIGHTS, DEMO_PU_OCCUPATION_WEIGHTS, DEMO_SECOND_OCCUPATIONS } from './demo-occupations.js'
import { createDemoPopulation, demoRegistrationRow, type DemoModel, type DemoPerson } from './demo-population.js'
import { BANUSPA_REGENCIES, BANUSPA_REGENCY_CODES, FIXTURE_FORMAL_SHARE_PPM, fixturePrefixLookup } from './fixtures/banuspa.js'
import { FIXTURE_REGISTRATION_RULES_RAW } from './fixtures/rules.js'
import { checkNik, parseNik } from './nik.js'
import { parseOccupationCatalogue } from './occupations.js'
import { normalisePhone } from './phone.js'
import { parseRegistrationRules } from './registration-parameters.js'
import { validateRegistration, type RegistrationContext } from './registration-rules.js'

const model: DemoModel = {
  regencies: BANUSPA_REGENCIES.map(([code, , population, kecamatanCount, codeBefore2022]) => ({ code, population, kecamatanCount, codeBefore2022 })),
  formalShareppm: FIXTURE_FORMAL_SHARE_PPM,
  referenceDate: '2026-03-01',
}
const population = createDemoPopulation(model, 20260301)
const sample: DemoPerson[] = Array.from({ length: 60_000 }, (_, i) => population.person(i))

/** Every occupation code the generator may use, as a catalogue (the real one is checked in reference-files.test.ts). */
function demoCatalogue() {
  const codes = new Set([
    ...Object.values(DEMO_BPU_OCCUPATION_WEIGHTS).flatMap((w) => Object.keys(w)),
    ...Object.keys(DEMO_PU_OCCUPATION_WEIGHTS),
    ...Object.values(DEMO_SECOND_OCCUPATIONS),
  ])
  const occupations = [...codes].map((code) => ({ code, name_id: code, name_en: code, sector: 'other', aliases: [] }))
  return parseOccupationCatalogue({ sector_mapping: { evidence: 'R', source: 'test', note: 'test' }, occupations })
}

describe('demo population: deterministic', () => {
  it('the same seed and index give the same person, in any order', () => {
    const again = createDemoPopulation(model, 20260301)
    expect(again.person(59_999)).toEqual(sample[59_999])
    expect(again.person(0)).toEqual(sample[0])
    expect(again.person(12_345)).toEqual(sample[12_345])
  })

  it('another seed gives other people', () => {
    const other = createDemoPopulation(model, 7)
    expect(other.person(0).nik).not.toBe(sample[0]!.nik)
    expect(other.person(0).name === sample[0]!.name && other.person(1).name === sample[1]!.name).toBe(false)
  })

  it('refuses an index outside its capacity', () => {
    expect(() => population.person(population.capacity)).toThrow(RangeError)
    expect(population.capacity).toBeGreaterThan(150_000_000) // room for a national population
  })
})

describe('demo population: valid and unique identities', () => {
  const prefixes = fixturePrefixLookup()

  it('every NIK passes the validator with no warning, and NIKs are unique', () => {
    const seen = new Set<string>()
    const bad: string[] = []
    for (const person of sample) {
      const check = checkNik(person.nik, prefixes)
      if (check.error || check.warnings.length > 0) bad.push(person.nik)
      seen.add(person.nik)
    }
    expect(bad).toEqual([])
    expect(seen.size).toBe(sample.length)
  })

  it('women carry the day + 40 and the NIK date is the birth date', () => {
    const bad = sample.filter((person) => {
      const nik = parseNik(person.nik).ok
      const nikDate = `${String(nik?.birthDay).padStart(2, '0')}/${String(nik?.birthMonth).padStart(2, '0')}/${String(nik?.birthYear2).padStart(2, '0')}`
      const birth = `${person.birthDate.slice(8, 10)}/${person.birthDate.slice(5, 7)}/${person.birthDate.slice(2, 4)}`
      return nik?.sex !== person.sex || (Number(person.nik.slice(6, 8)) > 40) !== (person.sex === 'P') || nikDate !== birth
    })
    expect(bad).toEqual([])
  })

  it('most people living in the new Papua provinces carry a pre-2022 prefix', () => {
    const inNewProvinces = sample.filter((p) => ['93', '94', '95', '96'].includes(p.regencyCode.slice(0, 2)))
    const oldPrefix = inNewProvinces.filter((p) => p.nik.startsWith('91') || p.nik.startsWith('92'))
    expect(inNewProvinces.length).toBeGreaterThan(1_000)
    expect(oldPrefix.length / inNewProvinces.length).toBeGreaterThan(0.75)
  })

  it('every row passes the registration rules with no warning, phones included', () => {
    const ctx: RegistrationContext = {
      nikPrefixes: prefixes,
      banuspaRegencies: BANUSPA_REGENCY_CODES,
      occupations: demoCatalogue(),
      rules: parseRegistrationRules(FIXTURE_REGISTRATION_RULES_RAW),
      today: model.referenceDate,
    }
    const bad = sample.slice(0, 20_000).filter((person) => {
      const result = validateRegistration(demoRegistrationRow(person), ctx, 2)
      const phoneOk = person.phoneE164 === null || normalisePhone(person.phoneE164).ok === person.phoneE164
      return result.errors !== undefined || result.warnings.length > 0 || !phoneOk
    })
    expect(bad).toEqual([])
  })
})

describe('demo population: calibrated to the weights given', () => {
  it('domicile follows the Dukcapil population per regency', () => {
    const total = model.regencies.reduce((sum, r) => sum + r.population, 0)
    const counts = new Map<string, number>()
    for (const person of sample) counts.set(person.regencyCode, (counts.get(person.regencyCode) ?? 0) + 1)
    for (const regency of model.regencies) {
      const expected = (regency.population / total) * sample.length
      if (expected < 500) continue
      expect(Math.abs((counts.get(regency.code) ?? 0) - expected) / expected, regency.code).toBeLessThan(0.12)
    }
  })

  it('the PU share per province follows the formal share given', () => {
    for (const province of ['51', '52', '53']) {
      const people = sample.filter((p) => p.regencyCode.startsWith(province))
      const pu = people.filter((p) => p.category === 'pu').length / people.length
      expect(Math.abs(pu - FIXTURE_FORMAL_SHARE_PPM[province]! / 1_000_000), province).toBeLessThan(0.02)
    }
  })

  it('ages are 18–64 on the reference date, registrations within the last 3 years, names look local', () => {
    expect(sample.every((p) => p.birthDate > '1961-03-01' && p.birthDate <= '2008-03-01')).toBe(true)
    expect(sample.every((p) => p.registrationDate > '2023-03-01' && p.registrationDate <= '2026-03-01')).toBe(true)
    const bali = sample.filter((p) => p.regencyCode.startsWith('51'))
    expect(bali.filter((p) => /^(I|Ni) /.test(p.name)).length / bali.length).toBeGreaterThan(0.7)
    const lombok = sample.filter((p) => p.regencyCode === '52.03')
    expect(lombok.some((p) => p.name.startsWith('Lalu ') || p.name.startsWith('Baiq '))).toBe(true)
  })
})
