import { describe, expect, it } from 'vitest'
import { parseRegulationSet } from './domain/regulation-set.js'
import { loadHolidayCalendar, loadRegulationSet, readRegulationFiles } from './regulation-files.js'

type Obj = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

function capPeriods(files: Obj): Obj[] {
  return files.pu.parameters.jp_wage_cap_idr.periods
}

describe('regulations/*.yaml', () => {
  it('load into a set where every parameter starts July 2015 and every period is cited with an evidence label', () => {
    const regs = loadRegulationSet()
    expect(regs.firstMonth).toBe('2015-07')
    expect(regs.parameters.size).toBeGreaterThan(30)
    for (const p of regs.parameters.values()) {
      for (const period of p.periods) {
        expect(period.citation, p.key).not.toBe('')
        expect(['V-REG', 'V-EXC', 'C2', 'S1', 'R'], p.key).toContain(period.evidence)
      }
    }
  })

  it('hold the 33 BPU income levels and the JP caps 2022–2026 effective in March', () => {
    const regs = loadRegulationSet()
    const mi = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5)) - 1
    expect(regs.bpu.incomeLevels.value(mi('2026-03'))).toHaveLength(33)
    const caps: Record<string, number> = { '2022-03': 9_077_600, '2023-03': 9_559_600, '2024-03': 10_042_300, '2025-03': 10_547_400, '2026-02': 10_547_400, '2026-03': 11_086_300 }
    for (const [m, cap] of Object.entries(caps)) expect(regs.pu.jpWageCap.value(mi(m)), m).toBe(cap)
    for (const m of ['2016-05', '2017-05', '2019-06', '2021-06']) expect(regs.pu.jpWageCap.period(mi(m))?.unknown, m).toBe(true)
  })

  it('are refused when two periods overlap', () => {
    const files = readRegulationFiles() as Obj
    capPeriods(files)[1]!.from = '2016-02'
    expect(() => parseRegulationSet(files)).toThrow(expect.objectContaining({ code: 'overlapping_periods', message: expect.stringContaining('pu.jp_wage_cap_idr') }))
  })

  it('are refused when periods leave a gap', () => {
    const files = readRegulationFiles() as Obj
    capPeriods(files).splice(1, 1)
    expect(() => parseRegulationSet(files)).toThrow(expect.objectContaining({ code: 'no_rule_for_period', message: expect.stringContaining('gap') }))
  })

  it('are refused with a parameter the engine does not read (a typo) or a file missing', () => {
    const files = readRegulationFiles() as Obj
    files.pu.parameters.jkm_rate_pmm = files.pu.parameters.jkm_rate_ppm
    expect(() => parseRegulationSet(files)).toThrow(/jkm_rate_pmm/)
    const missing = readRegulationFiles() as Obj
    delete missing.fines
    expect(() => parseRegulationSet(missing)).toThrow(/fines\.yaml is missing/)
  })
})

describe('reference/holidays.yaml', () => {
  it('lists national holidays and cuti bersama for every year 2015–2026, each year with its source', () => {
    const calendar = loadHolidayCalendar()
    for (let year = 2015; year <= 2026; year++) {
      const y = calendar.years.get(year)
      expect(y?.source, String(year)).toMatch(/SKB/)
      const days = [...calendar.days.keys()].filter((d) => d.startsWith(String(year)))
      expect(days.length, String(year)).toBeGreaterThanOrEqual(15)
      expect(days, String(year)).toContain(`${year}-08-17`)
    }
    expect(calendar.days.get('2026-03-20')).toMatchObject({ kind: 'cuti_bersama' })
    expect(calendar.years.has(2027)).toBe(false)
  })
})

describe('docs/regulations.md', () => {
  it('names every parameter, and lists every one with an S1 or R period among the unconfirmed facts', async () => {
    const { readFileSync } = await import('node:fs')
    const doc = readFileSync(new URL('../../../docs/regulations.md', import.meta.url), 'utf8')
    const unconfirmed = doc.slice(doc.indexOf('## Unconfirmed facts'))
    for (const p of loadRegulationSet().parameters.values()) {
      expect(doc, p.key).toContain(`\`${p.key}\``)
      if (p.periods.some((period) => period.evidence === 'S1' || period.evidence === 'R')) {
        const name = p.key.split('.')[1] as string
        expect(unconfirmed, p.key).toContain(name.replace(/_(transport|other)$/, ''))
      }
    }
  })
})
