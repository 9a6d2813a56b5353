import { describe, expect, it } from 'vitest'
import { buildRegionTree, readRegionList } from './region-tree'

describe('the province → regency tree', () => {
  const items = [
    { code: '51.71', name: 'Kota Denpasar' },
    { code: '53', name: 'Nusa Tenggara Timur' },
    { code: '51', name: 'Bali' },
    { code: '51.03', name: 'Badung' },
    { code: '53.71', name: 'Kota Kupang' },
    { code: '51.03.01', name: 'Kuta Selatan' },
  ]

  it('groups regencies under their province by code, both in code order', () => {
    const tree = buildRegionTree(items)
    expect(tree.map((p) => p.code)).toEqual(['51', '53'])
    expect(tree[0]?.regencies.map((r) => r.code)).toEqual(['51.03', '51.71'])
    expect(tree[1]?.regencies.map((r) => r.name)).toEqual(['Kota Kupang'])
  })

  it('leaves out kecamatan and regencies of an unknown province', () => {
    const tree = buildRegionTree([...items, { code: '99.01', name: 'Nowhere' }])
    expect(tree.flatMap((p) => p.regencies).map((r) => r.code)).not.toContain('51.03.01')
    expect(tree.flatMap((p) => p.regencies).map((r) => r.code)).not.toContain('99.01')
  })

  it('reads a bare list or a `{ regions }` answer and skips malformed items', () => {
    expect(readRegionList([{ code: '51', name: 'Bali', level: 'province' }])).toEqual([{ code: '51', name: 'Bali' }])
    expect(readRegionList({ regions: [{ code: '94.01', name: 'Nabire', timeZone: 'WIT' }] })).toEqual([{ code: '94.01', name: 'Nabire', timeZone: 'WIT' }])
    expect(readRegionList({ regions: [{ code: '51', name: 'Bali' }, { code: 51 }, null] })).toEqual([{ code: '51', name: 'Bali' }])
    expect(readRegionList({ nope: true })).toEqual([])
  })
})
