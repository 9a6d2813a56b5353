/**
 * Banuspa's regencies as SVG paths, made once at build time (the Vite plugin in web/vite.config.ts) from
 * reference/banuspa-regencies.geojson (MIT, (c) 2024 Cahya DSN; reference/LICENCE.md): an equirectangular
 * projection (Banuspa lies within 11° of the equator, where it distorts little), coordinates rounded to whole
 * pixels and repeated points dropped, so the map costs tens of kilobytes instead of a megabyte of GeoJSON.
 */
type Position = [number, number]
type Ring = Position[]

interface Geometry {
  type: 'Polygon' | 'MultiPolygon'
  coordinates: Ring[] | Ring[][]
}

export interface GeoFeature {
  properties: Record<string, unknown>
  geometry: Geometry
}

export interface MapShape {
  code: string
  name: string
  /** province code (2 digits) */
  parentCode: string
  d: string
  /** label anchor: the centre of the shape's largest ring's bounding box */
  cx: number
  cy: number
}

export interface ProjectedMap {
  width: number
  height: number
  regencies: MapShape[]
  provinces: Array<{ code: string; d: string }>
}

function polygonsOf(g: Geometry): Ring[][] {
  return g.type === 'Polygon' ? [g.coordinates as Ring[]] : (g.coordinates as Ring[][])
}

interface Frame {
  minLng: number
  maxLat: number
  scale: number
}

function frameOf(features: readonly GeoFeature[], width: number): Frame & { height: number } {
  let minLng = Infinity
  let maxLng = -Infinity
  let minLat = Infinity
  let maxLat = -Infinity
  for (const f of features) {
    for (const polygon of polygonsOf(f.geometry)) {
      for (const [lng, lat] of polygon[0] ?? []) {
        minLng = Math.min(minLng, lng)
        maxLng = Math.max(maxLng, lng)
        minLat = Math.min(minLat, lat)
        maxLat = Math.max(maxLat, lat)
      }
    }
  }
  const scale = width / (maxLng - minLng)
  return { minLng, maxLat, scale, height: Math.ceil((maxLat - minLat) * scale) }
}

/** One ring as `M x y L …Z` in whole pixels; a ring that collapses below 3 distinct points is dropped. */
function ringPath(ring: Ring, frame: Frame): { d: string; box: [number, number, number, number] } | null {
  const points: Position[] = []
  for (const [lng, lat] of ring) {
    const x = Math.round((lng - frame.minLng) * frame.scale)
    const y = Math.round((frame.maxLat - lat) * frame.scale)
    const last = points[points.length - 1]
    if (!last || last[0] !== x || last[1] !== y) points.push([x, y])
  }
  if (points.length < 4) return null
  let box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const [x, y] of points) box = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)]
  return { d: `M${points.map(([x, y]) => `${x} ${y}`).join('L')}Z`, box }
}

function shapeOf(geometry: Geometry, frame: Frame) {
  let d = ''
  let best = [0, 0, 0, 0]
  let bestArea = -1
  for (const polygon of polygonsOf(geometry)) {
    for (const [i, ring] of polygon.entries()) {
      const path = ringPath(ring, frame)
      if (!path) continue
      d += path.d
      const [x0, y0, x1, y1] = path.box
      const area = (x1 - x0) * (y1 - y0)
      if (i === 0 && area > bestArea) {
        best = path.box
        bestArea = area
      }
    }
  }
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = best
  return { d, cx: Math.round((x0 + x1) / 2), cy: Math.round((y0 + y1) / 2) }
}

/** Projects the regencies (property `kode`, `nama`, `kode_prov`) and, on the same frame, the province outlines. */
export function projectMap(regencies: readonly GeoFeature[], provinces: readonly GeoFeature[], width: number): ProjectedMap {
  const frame = frameOf(regencies, width)
  return {
    width,
    height: frame.height,
    regencies: regencies.map((f) => {
      const { d, cx, cy } = shapeOf(f.geometry, frame)
      return { code: String(f.properties.kode), name: String(f.properties.nama), parentCode: String(f.properties.kode_prov), d, cx, cy }
    }),
    provinces: provinces.map((f) => ({ code: String(f.properties.kode_prov), d: shapeOf(f.geometry, frame).d })),
  }
}
