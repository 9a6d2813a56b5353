import { describe, expect, it } from 'vitest'
import { DateParameter, MonthParameter, readParameter } from './periods.js'
import { int } from './read-values.js'

const row = (from: string, to: string | null, value?: number, extra: Record<string, unknown> = {}) => ({
  from, to, ...(value === undefined ? { unknown: true } : { value }), citation: 'PP 1/2015 Pasal 1', evidence: 'V-REG', ...extra,
})
const param = (periods: unknown[], datedBy = 'month') => ({ description: 'a test figure', dated_by: datedBy, unit: 'idr', periods })

describe('readParameter', () => {
  it('indexes contiguous month periods, the open last one running on', () => {
    const p = readParameter('t', 'cap', param([row('2015-07', '2016-02', 7), row('2016-03', '2017-02'), row('2017-03', null, 9)]), int)
    expect(p).toBeInstanceOf(MonthParameter)
    const m = p as MonthParameter<number>
    const idx = (y: number, mo: number) => y * 12 + mo - 1
    expect(m.value(idx(2015, 7))).toBe(7)
    expect(m.value(idx(2016, 2))).toBe(7)
    expect(m.value(idx(2040, 1))).toBe(9)
    expect(m.period(idx(2015, 6))).toBeUndefined()
    expect(() => m.value(idx(2016, 5))).toThrow(expect.objectContaining({ code: 'unknown_figure', details: expect.objectContaining({ figure: 't.cap', field: 'month' }) }))
    expect(() => m.value(idx(2015, 1))).toThrow(expect.objectContaining({ code: 'no_rule_for_period' }))
  })

  it('rejects overlapping periods', () => {
    expect(() => readParameter('t', 'cap', param([row('2015-07', '2016-03', 7), row('2016-03', null, 8)]), int)).toThrow(
      expect.objectContaining({ code: 'overlapping_periods' }),
    )
    expect(() => readParameter('t', 'cap', param([row('2015-07', null, 7), row('2016-03', null, 8)]), int)).toThrow(
      expect.objectContaining({ code: 'overlapping_periods' }),
    )
  })

  it('rejects a gap between periods (an unknown row must fill it)', () => {
    expect(() => readParameter('t', 'cap', param([row('2015-07', '2016-01', 7), row('2016-03', null, 8)]), int)).toThrow(
      expect.objectContaining({ code: 'no_rule_for_period', message: expect.stringContaining('gap') }),
    )
  })

  it('checks date periods day by day', () => {
    const ok = readParameter('t', 'd', param([row('2015-07-01', '2019-12-01', 1), row('2019-12-02', null, 2)], 'date'), int) as DateParameter<number>
    expect(ok.value('2019-12-01')).toBe(1)
    expect(ok.value('2019-12-02')).toBe(2)
    expect(() => readParameter('t', 'd', param([row('2015-07-01', '2019-12-01', 1), row('2019-12-03', null, 2)], 'date'), int)).toThrow(
      expect.objectContaining({ code: 'no_rule_for_period' }),
    )
  })

  it('requires a citation, a known evidence label, and no value on an unknown row', () => {
    expect(() => readParameter('t', 'x', param([row('2015-07', null, 1, { citation: '' })]), int)).toThrow(/citation/)
    expect(() => readParameter('t', 'x', param([row('2015-07', null, 1, { evidence: 'maybe' })]), int)).toThrow(/evidence/)
    expect(() => readParameter('t', 'x', param([{ ...row('2015-07', null), value: 3 }]), int)).toThrow(/unknown period/)
    expect(() => readParameter('t', 'x', param([row('2015-7', null, 1)]), int)).toThrow(/YYYY-MM/)
  })
})
