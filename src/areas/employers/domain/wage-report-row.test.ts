import { describe, expect, it } from 'vitest'
import { parseReportMonth, parseReportWage, parseWageReportRow } from './wage-report-row.js'

const context = { npp: 'NPP0001', latestMonth: '2026-04' }
const NIK = '5171014101900001'

describe('parseWageReportRow', () => {
  it('reads a good row with either rupiah form and an optional npp', () => {
    expect(parseWageReportRow(2, { npp: 'npp-0001', nik: NIK, nama: ' Ni Made ', upah: '5.000.000', bulan: '2026-03' }, context)).toEqual({
      ok: { line: 2, nik: NIK, name: 'Ni Made', wageIdr: 5_000_000, month: '2026-03' },
    })
    expect(parseWageReportRow(3, { nik: NIK, upah: '5000000', bulan: '2026-03' }, context).ok).toMatchObject({ wageIdr: 5_000_000, name: null })
  })

  it('lists every problem of a row with its line and field', () => {
    const parsed = parseWageReportRow(7, { npp: 'OTHER', nik: '123', upah: 'lima juta rupiah', bulan: '2026/3' }, context)
    expect(parsed.errors?.map((e) => [e.row, e.field, e.code])).toEqual([
      [7, 'npp', 'invalid_input'],
      [7, 'nik', 'invalid_nik'],
      [7, 'upah', 'invalid_input'],
      [7, 'bulan', 'invalid_month'],
    ])
  })

  it('refuses a zero wage, a missing month and a month too far ahead', () => {
    expect(parseWageReportRow(2, { nik: NIK, upah: '0', bulan: '' }, context).errors?.map((e) => e.code)).toEqual(['out_of_range', 'missing_field'])
    expect(parseWageReportRow(2, { nik: NIK, upah: '1', bulan: '2026-05' }, context).errors?.[0]).toMatchObject({ field: 'bulan', code: 'out_of_range' })
  })
})

describe('report cells', () => {
  it('reads months and wages as clerks and spreadsheets write them', () => {
    expect(parseReportMonth('03/2026')).toBe('2026-03')
    expect(parseReportMonth('2026-03-01')).toBe('2026-03')
    expect(parseReportMonth('2026-3')).toBeUndefined()
    expect(parseReportWage('Rp5.000.000').ok).toBe(5_000_000)
    expect(parseReportWage('5.000.000,50').code).toBe('invalid_input')
    expect(parseReportWage('').code).toBe('missing_field')
  })
})
