import { describe, expect, it } from 'vitest'
import { DateParameter } from '../../programmes/domain/periods.js'
import type { RegulationSet } from '../../programmes/domain/regulation-set.js'
import { LAPSE_RULE, lapseRuleFromRegulations, lapseRunMonths, parseLapseRule } from './lapse-rule.js'

describe('lapse rule (flagged data)', () => {
  it('lapses after more than 3 consecutive months by default, citing PP 44/2015', () => {
    expect(lapseRunMonths(LAPSE_RULE)).toBe(4)
    expect(LAPSE_RULE.citation).toMatch(/PP 44\/2015 Pasal 39, 42/)
  })

  it('reads a rule given as data and the comparison with it', () => {
    const rule = parseLapseRule({ window_months: 2, lapse_when: 'at_window', citation: 'test', evidence: 'R' })
    expect(lapseRunMonths(rule)).toBe(2)
    expect(() => parseLapseRule({ windowMonths: 3, lapseWhen: 'sometimes', citation: 'x', evidence: 'R' })).toThrow(/lapseWhen/)
    expect(() => parseLapseRule({ windowMonths: 3, lapseWhen: 'at_window', evidence: 'R' })).toThrow(/citation/)
  })

  it('takes the window from the dated regulation parameter', () => {
    const arrearsWindowMonths = new DateParameter('benefits.arrears_window_months', 'window', 'months', [
      { from: '2015-07-01', to: null, value: 3, unknown: false, citation: 'PP 44/2015 Pasal 39, 42', evidence: 'V-REG' },
    ])
    const regs = { benefits: { arrearsWindowMonths } } as unknown as Pick<RegulationSet, 'benefits'>
    expect(lapseRuleFromRegulations(regs, '2026-05-01')).toMatchObject({ windowMonths: 3, lapseWhen: 'more_than_window', evidence: 'V-REG' })
  })
})
