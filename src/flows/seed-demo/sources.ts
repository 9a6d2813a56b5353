import type { DemoSourceSpec } from '../../areas/participants/index.js'
import type { PemdaCover, SourceSet } from './demo-records.js'
import type { RegionName } from './model-inputs.js'
import type { PemdaProgramme } from './pemda-programmes.js'

export interface BranchOfficeInput {
  code: string
  name: string
  city: string
  regencies: ReadonlyArray<{ regencyCode: string }>
}

export const AGENTS_PER_BRANCH = 3
const CHANNELS = Object.freeze([
  ['bank-bpd', 'Kanal mitra: bank pembangunan daerah (demo)'],
  ['kantor-pos', 'Kanal mitra: kantor pos (demo)'],
  ['gerai-ritel', 'Kanal mitra: gerai ritel (demo)'],
  ['bumdes', 'Kanal mitra: BUMDes (demo)'],
] as const)
/** A pemda programme never pays for more than this share of the BPU people in its area. */
const MAX_PEMDA_CHANCE_PPM = 800_000

const PEMDA_TITLE: Readonly<Record<RegionName['kind'], string>> = { provinsi: 'Pemprov', kabupaten: 'Pemkab', kota: 'Pemkot' }

export interface SourcePlan {
  specs: DemoSourceSpec[]
  /** Turns the ids of the created sources into the set the records draw from. */
  resolve(idsByRef: ReadonlyMap<string, string>): SourceSet
}

/**
 * The demo sources: one office per branch (and the Kanwil for regencies no branch lists), three Agen Perisai per
 * branch, four channel partners, self-service, and one pemda source per published programme, whose chance of
 * paying for a BPU person is its worker count over the BPU people the full-size demo puts in its area.
 */
export function planDemoSources(
  seed: number,
  branches: readonly BranchOfficeInput[],
  regions: readonly RegionName[],
  programmes: readonly PemdaProgramme[],
  bpuAtFullSize: (regionCode: string) => number,
): SourcePlan {
  const ref = (kind: string, key: string) => `demo:s${seed}:${kind}:${key}`
  const specs: DemoSourceSpec[] = [{ kind: 'office', name: 'Kantor Wilayah Banuspa (demo)', refId: ref('office', 'kanwil') }, { kind: 'self', name: 'Pendaftaran mandiri (demo)', refId: ref('self', 'app') }]
  for (const b of branches) {
    specs.push({ kind: 'office', name: `${b.name} (demo)`, refId: ref('office', b.code) })
    for (let n = 1; n <= AGENTS_PER_BRANCH; n++) specs.push({ kind: 'agent', name: `Agen Perisai ${b.city} ${n} (demo)`, refId: ref('agent', `${b.code}-${n}`) })
  }
  for (const [key, name] of CHANNELS) specs.push({ kind: 'channel', name, refId: ref('channel', key) })
  const names = new Map(regions.map((r) => [r.code, r]))
  for (const p of programmes) {
    const region = names.get(p.regionCode)
    if (!region) continue
    specs.push({ kind: 'pemda', name: `${PEMDA_TITLE[region.kind]} ${region.shortName}: pekerja rentan JKK+JKM (${p.period}, demo)`, refId: ref('pemda', p.regionCode) })
  }
  const resolve = (ids: ReadonlyMap<string, string>): SourceSet => {
    const id = (refId: string): string => {
      const found = ids.get(refId)
      if (!found) throw new Error(`demo source ${refId} was not created`)
      return found
    }
    const officeByRegency = new Map<string, string>()
    const agentsByRegency = new Map<string, string[]>()
    for (const b of branches) {
      const agents = Array.from({ length: AGENTS_PER_BRANCH }, (_, n) => id(ref('agent', `${b.code}-${n + 1}`)))
      for (const { regencyCode } of b.regencies) {
        if (!officeByRegency.has(regencyCode)) officeByRegency.set(regencyCode, id(ref('office', b.code)))
        agentsByRegency.set(regencyCode, [...(agentsByRegency.get(regencyCode) ?? []), ...agents])
      }
    }
    const kanwil = id(ref('office', 'kanwil'))
    for (const r of regions) if (r.kind !== 'provinsi' && !officeByRegency.has(r.code)) officeByRegency.set(r.code, kanwil)
    const pemdaByRegion = new Map<string, PemdaCover>()
    for (const p of programmes) {
      const sourceId = ids.get(ref('pemda', p.regionCode))
      const bpu = bpuAtFullSize(p.regionCode)
      if (sourceId && bpu > 0) pemdaByRegion.set(p.regionCode, { sourceId, chanceppm: Math.min(MAX_PEMDA_CHANCE_PPM, Math.round((p.workers / bpu) * 1_000_000)) })
    }
    return { officeByRegency, agentsByRegency, channels: CHANNELS.map(([key]) => id(ref('channel', key))), selfService: id(ref('self', 'app')), pemdaByRegion }
  }
  return { specs, resolve }
}
