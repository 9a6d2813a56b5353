import { describe, expect, it } from 'vitest'
import { NikPrefixTable, type NikPrefixRow } from './nik-prefixes.js'

const row = (code: string, status: NikPrefixRow['status'] = 'current', successorCode: string | null = null): NikPrefixRow => ({
  code,
  name: `Wilayah ${code}`,
  level: code.length === 2 ? 'province' : 'regency',
  provinceCode: code.slice(0, 2),
  status,
  successorCode,
})

describe('NikPrefixTable (small table)', () => {
  const table = NikPrefixTable.fromRows([row('51'), row('51.71'), row('91'), row('93'), row('93.01'), row('91.01', 'historical', '93.01')])

  it('accepts a current prefix', () => {
    expect(table.check('5171011203950001')).toEqual({ ok: true, provinceCode: '51', regencyCode: '51.71', currentRegencyCode: '51.71', status: 'current' })
  })

  it('accepts a pre-2022 Papua prefix and maps it to today’s code', () => {
    expect(table.check('9101')).toEqual({ ok: true, provinceCode: '91', regencyCode: '91.01', currentRegencyCode: '93.01', status: 'historical' })
    expect(table.currentCodeOf('91.01')).toBe('93.01')
  })

  it('warns, never rejects, on an unknown kab/kota inside a known province', () => {
    const result = table.check('51.99')
    expect(result).toMatchObject({ ok: true, status: 'unknown_regency', currentRegencyCode: null })
    expect(result.ok && result.warning).toContain('51.99')
  })

  it('rejects an unknown province with invalid_nik, naming the prefix', () => {
    const result = table.check('9999')
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_nik')
      expect(result.error.field).toBe('nik')
      expect(result.error.message).toContain('99')
    }
  })

  it('rejects something that is not four digits', () => {
    expect(table.check('51a').ok).toBe(false)
  })
})
