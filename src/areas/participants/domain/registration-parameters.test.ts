import { describe, expect, it } from 'vitest'
import { FIXTURE_REGISTRATION_RULES_RAW } from './fixtures/rules.js'
import { parseRegistrationRules, registrationLimitsAt } from './registration-parameters.js'

describe('registration parameters (flagged, dated, cited)', () => {
  it('resolves the values in force with their citation and evidence', () => {
    const limits = registrationLimitsAt(parseRegistrationRules(FIXTURE_REGISTRATION_RULES_RAW), '2026-03-01')
    expect(limits.bpuAgeLimitYears).toMatchObject({ value: 65, evidence: 'S1' })
    expect(limits.bpuMinDeclaredIncomeIdr.value).toBe(1_000_000)
    expect(limits.maxOccupations).toMatchObject({ value: 2, citation: 'PP 44/2015 Pasal 11(2)' })
  })

  it('picks the period of the registration month', () => {
    const raw = structuredClone(FIXTURE_REGISTRATION_RULES_RAW) as { parameters: Record<string, { periods: unknown[] }> }
    raw.parameters.bpu_age_limit_years!.periods = [
      { from: '2015-07', to: '2026-12', value: 65, citation: 'a', evidence: 'S1' },
      { from: '2027-01', to: null, value: 60, citation: 'b', evidence: 'R' },
    ]
    const rules = parseRegistrationRules(raw)
    expect(registrationLimitsAt(rules, '2026-12-31').bpuAgeLimitYears.value).toBe(65)
    expect(registrationLimitsAt(rules, '2027-01-01').bpuAgeLimitYears.value).toBe(60)
  })

  it('a date before every period is no_rule_for_period', () => {
    expect(() => registrationLimitsAt(parseRegistrationRules(FIXTURE_REGISTRATION_RULES_RAW), '2014-01-01')).toThrow(
      expect.objectContaining({ code: 'no_rule_for_period' }),
    )
  })

  it('refuses overlapping periods and values without a citation', () => {
    const overlapping = structuredClone(FIXTURE_REGISTRATION_RULES_RAW) as { parameters: Record<string, { periods: unknown[] }> }
    overlapping.parameters.max_occupations!.periods = [
      { from: '2015-07', to: null, value: 2, citation: 'a', evidence: 'V-REG' },
      { from: '2020-01', to: null, value: 3, citation: 'b', evidence: 'R' },
    ]
    expect(() => parseRegistrationRules(overlapping)).toThrow(/overlap/)
    const uncited = structuredClone(FIXTURE_REGISTRATION_RULES_RAW) as { parameters: Record<string, { periods: unknown[] }> }
    uncited.parameters.max_occupations!.periods = [{ from: '2015-07', to: null, value: 2 }]
    expect(() => parseRegistrationRules(uncited)).toThrow(/citation/)
  })
})
