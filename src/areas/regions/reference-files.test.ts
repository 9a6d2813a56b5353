import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { NikPrefixTable } from './domain/nik-prefixes.js'
import { percentToPpm, readReferenceData, REFERENCE_DIR } from './reference-files.js'

const data = readReferenceData()

describe('reference/ as read', () => {
  it('has Banuspa: 9 provinces, 83 kab/kota with their province, 1,282 kecamatan', () => {
    expect(data.regions.filter((r) => r.level === 'province')).toHaveLength(9)
    const regencies = data.regions.filter((r) => r.level === 'regency')
    expect(regencies).toHaveLength(83)
    for (const r of regencies) expect(r.parentCode).toBe(r.code.slice(0, 2))
    expect(data.kecamatan).toHaveLength(1282)
    expect(data.regions.find((r) => r.code === '93.01')).toMatchObject({ codeBefore2022Split: '91.01', timeZone: 'WIT', kind: 'kabupaten' })
    expect(data.regions.find((r) => r.code === '51.71')).toMatchObject({ kind: 'kota', timeZone: 'WITA', shortName: 'Denpasar' })
  })

  it('keeps every workforce figure with its source; percents become exact ppm', () => {
    expect(data.workforce).toHaveLength(156)
    for (const w of data.workforce) expect(w.source).not.toBe('')
    expect(data.workforce.find((w) => w.regionCode === '51' && w.period === '2024-08' && w.metric === 'formal_share')).toMatchObject({ value: 493_200, unit: 'ppm' })
    expect(data.workforce.filter((w) => w.status === 'not_found').every((w) => w.value === null)).toBe(true)
    expect(percentToPpm('4.8')).toBe(48_000)
    expect(percentToPpm('27.7')).toBe(277_000)
    expect(() => percentToPpm('1.23456')).toThrow()
  })

  it('reads the holidays of reference/holidays.yaml when present (dated, sourced)', () => {
    if (!fs.existsSync(path.join(REFERENCE_DIR, 'holidays.yaml'))) return
    expect(data.holidays.length).toBeGreaterThan(100)
    for (const h of data.holidays) {
      expect(h.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(h.date.slice(0, 4)).toBe(String(h.year))
      expect(h.source).not.toBe('')
    }
    expect(data.holidays.some((h) => h.kind === 'cuti_bersama')).toBe(true)
  })
})

describe('reference/nik-prefixes.csv stays in step with its sources', () => {
  const table = NikPrefixTable.fromCsv(fs.readFileSync(path.join(REFERENCE_DIR, 'nik-prefixes.csv'), 'utf8'))
  const lines = (file: string) => fs.readFileSync(path.join(REFERENCE_DIR, file), 'utf8').trim().split('\n').slice(1)

  it('holds every current code of idn-area-data as current', () => {
    for (const line of [...lines('idn-area-provinces.csv'), ...lines('idn-area-regencies.csv')]) {
      const code = line.split(',')[0] as string
      expect(table.currentCodeOf(code), code).toBe(code)
    }
    expect(table.size).toBe(38 + 514 + 26)
  })

  it('maps every pre-2022 Papua code of regions.csv to its successor', () => {
    const moved = data.regions.filter((r) => r.codeBefore2022Split && r.codeBefore2022Split !== r.code)
    expect(moved).toHaveLength(26)
    for (const r of moved) expect(table.check(r.codeBefore2022Split as string)).toMatchObject({ ok: true, status: 'historical', currentRegencyCode: r.code })
  })

  it('answers the DESIGN examples: 9101 and 9271 historical, 9999 unknown province', () => {
    expect(table.check('9101')).toMatchObject({ ok: true, status: 'historical', currentRegencyCode: '93.01' })
    expect(table.check('9271')).toMatchObject({ ok: true, status: 'historical', currentRegencyCode: '96.71' })
    expect(table.check('9999').ok).toBe(false)
  })
})
