import { describe, expect, it } from 'vitest'
import { projectMap, type GeoFeature } from './map-projection'

const square = (code: string, lng: number, lat: number, size: number): GeoFeature => ({
  properties: { kode: code, nama: `Kab ${code}`, kode_prov: code.slice(0, 2) },
  geometry: { type: 'Polygon', coordinates: [[[lng, lat], [lng + size, lat], [lng + size, lat - size], [lng, lat - size], [lng, lat]]] },
})

describe('projecting the regency map', () => {
  it('fits the regencies into the width, north up, in whole pixels', () => {
    const map = projectMap([square('51.01', 114, -8, 1), square('91.71', 140, -2, 1)], [], 270)
    expect(map.width).toBe(270)
    expect(map.height).toBe(70)
    expect(map.regencies[0]).toMatchObject({ code: '51.01', parentCode: '51', d: 'M0 60L10 60L10 70L0 70L0 60Z', cx: 5, cy: 65 })
    expect(map.regencies[1]?.d.startsWith('M260 0')).toBe(true)
  })

  it('drops repeated points and rings that collapse below a pixel', () => {
    const tiny: GeoFeature = { properties: { kode: '51.02', nama: 'x', kode_prov: '51' }, geometry: { type: 'MultiPolygon', coordinates: [[[[114.001, -8.001], [114.002, -8.001], [114.002, -8.002], [114.001, -8.001]]]] } }
    const map = projectMap([square('51.01', 114, -8, 1), square('91.71', 140, -2, 1), tiny], [], 270)
    expect(map.regencies[2]?.d).toBe('')
  })
})
