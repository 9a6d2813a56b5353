import { describe, expect, it } from 'vitest'
import { informalByRegion, workforceByRegion, type WorkforceFigure } from './denominators.js'

const f = (regionCode: string, period: string, metric: string, value: number | null, status: WorkforceFigure['status'] = 'reported'): WorkforceFigure =>
  ({ regionCode, period, metric, value, unit: 'persons', status, source: `src ${regionCode} ${period}` })

const regions = [
  { code: '51', parentCode: null }, { code: '51.01', parentCode: '51' }, { code: '51.71', parentCode: '51' },
  { code: '92', parentCode: null }, { code: '96', parentCode: null }, { code: '96.71', parentCode: '96' },
]
const figures = [
  f('51', '2023-08', 'working_population', 2_620_000), f('51', '2024-08', 'working_population', 2_670_000), f('51', '2024-02', 'working_population', 2_700_000),
  f('51', '2024-08', 'formal_workers', 1_310_000),
  f('51.01', '2024-12', 'population', 300), f('51.71', '2024-12', 'population', 700),
  f('92', '2024-08', 'working_population', 290_077, 'derived'),
  f('92+96', '2023-08', 'working_population', 560_883), f('96', '2024-08', 'working_population', null, 'not_found'),
  f('92', '2024-12', 'population', 600), f('96', '2024-12', 'population', 400), f('96.71', '2024-12', 'population', 400),
]

describe('coverage denominators (DESIGN.md §7)', () => {
  const w = workforceByRegion(figures, regions)
  it('a province: the latest August Sakernas figure, with its source, period and status', () => {
    expect(w.get('51')).toEqual({ value: 2_670_000, metric: 'working_population', period: '2024-08', source: 'src 51 2024-08', status: 'reported' })
    expect(w.get('92')).toMatchObject({ value: 290_077, status: 'derived' })
  })
  it('without its own figure: the pre-split aggregate times its share of the Dukcapil population, marked derived', () => {
    expect(w.get('96')).toMatchObject({ value: Math.round((560_883 * 400) / 1000), period: '2023-08', status: 'derived' })
    expect(w.get('96')!.source).toContain('92+96')
  })
  it('a regency: its province figure times its population share, derived', () => {
    expect(w.get('51.71')).toMatchObject({ value: 1_869_000, period: '2024-08', status: 'derived' })
    expect(w.get('51.01')!.value! + w.get('51.71')!.value!).toBe(2_670_000)
  })
  it('informal workers where the split is known: working − formal', () => {
    const i = informalByRegion(figures, regions)
    expect(i.get('51')).toMatchObject({ value: 1_360_000, metric: 'informal_workers', status: 'derived' })
    expect(i.get('51.71')).toMatchObject({ value: 952_000, status: 'derived' })
    expect(i.get('96')).toMatchObject({ value: null, status: 'not_found' })
  })
})
