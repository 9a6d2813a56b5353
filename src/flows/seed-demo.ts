import type pg from 'pg'
import { listBranchOffices } from '../areas/access/index.js'
import {
  createDemoPopulation, demoSeedsInRegistry, ensureDemoSources, findOccupation, loadOccupationCatalogue, nextKpjSerials, nikRegistered,
  registryIsEmpty, type DemoPopulation,
} from '../areas/participants/index.js'
import { ensureDemoProgrammes, enrolDemoMembers } from '../areas/pemda/index.js'
import { loadRegulationSet } from '../areas/programmes/index.js'
import { DomainError } from '../kernel/errors.js'
import { monthIndex } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'
import { newId } from '../platform/ids.js'
import { calibrate, type Calibration } from './seed-demo/calibration.js'
import { chunkRows, writeChunk } from './seed-demo/chunks.js'
import { demoRecord, newRecordStream, type DemoPlanContext, type DemoRecord } from './seed-demo/demo-records.js'
import { readRegencyInputs, readRegionNames } from './seed-demo/model-inputs.js'
import { readPemdaProgrammes } from './seed-demo/pemda-programmes.js'
import { planDemoSources } from './seed-demo/sources.js'

/** Where the seed writes: `sql` for reads, `pool` for the COPY transactions (`searchPath` for test schemas). */
export interface SeedTarget {
  sql: Sql
  pool: pg.Pool
  searchPath?: string
}

export interface SeedDemoOptions {
  participants: number
  seed: number
  /** Do nothing when the registry already holds anyone. */
  ifEmpty?: boolean
  /** "Today" of the demo: ages 18–64 on it, registrations in the `registrationYears` before it. */
  referenceDate?: string
  registrationYears?: number
  chunkSize?: number
  now?: () => Date
  onProgress?: (done: number, total: number) => void
}

export interface SeedDemoResult {
  participants: number
  enrolments: number
  sources: number
  bySegment: { bpu: number; pu: number }
  byProvince: Record<string, number>
  ms: number
  seed: number
  /** The generator index of the first person added (a second run continues after the first). */
  firstIndex: number | null
  skipped: 'registry_not_empty' | null
}

export const DEMO_REFERENCE_DATE = '2026-06-30'
export const DEMO_REGISTRATION_YEARS = 11
const DEFAULT_CHUNK = 10_000

/**
 * The first index of `seed` whose person is not in the registry. A seed writes its people in index order, one
 * committed chunk after another, so its people are always a prefix 0 … k−1: an exponential then binary search
 * over "is person(i)'s NIK registered" finds k in about 2·log2(k) look-ups, with no state table.
 */
async function nextIndex(sql: Sql, population: DemoPopulation): Promise<number> {
  const has = (i: number) => nikRegistered(sql, population.person(i).nik)
  if (!(await has(0))) return 0
  let lo = 0
  let hi = 1
  while (hi < population.capacity && (await has(hi))) {
    lo = hi
    hi = Math.min(population.capacity, hi * 2)
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (await has(mid)) lo = mid
    else hi = mid
  }
  return hi
}

async function planContext(sql: Sql, seed: number, calibration: Calibration, referenceDate: string, now: Date): Promise<{ ctx: DemoPlanContext; sources: number }> {
  const formal = new Map(calibration.provinces.map((p) => [p.code, p.formalShare]))
  const bpuAtFullSize = (code: string): number => {
    let sum = 0
    for (const [regency, active] of calibration.regencyActive) {
      if (regency === code || regency.slice(0, 2) === code) sum += active * (1 - (formal.get(regency.slice(0, 2)) ?? 0.5))
    }
    return sum
  }
  const pemda = readPemdaProgrammes()
  const plan = planDemoSources(seed, await listBranchOffices(sql), await readRegionNames(sql), pemda, bpuAtFullSize)
  const ids = await ensureDemoSources(sql, plan.specs, plan.specs.map(() => newId()), now)
  const sources = plan.resolve(ids)
  // the published programmes as real pemda programmes, so the demo's pemda-paid people are members of one
  await ensureDemoProgrammes(sql, pemda.flatMap((p) => {
    const sourceId = sources.pemdaByRegion.get(p.regionCode)?.sourceId
    const spec = plan.specs.find((s) => s.kind === 'pemda' && sourceId !== undefined && ids.get(s.refId) === sourceId)
    return sourceId && spec ? [{ ...p, sourceId, name: spec.name }] : []
  }), now)
  const levels = loadRegulationSet().bpu.incomeLevels.value(monthIndex(referenceDate.slice(0, 7)))
  const catalogue = loadOccupationCatalogue()
  const sectors = new Map<string, 'transport' | 'other'>()
  const sectorOf = (code: string) => {
    let sector = sectors.get(code)
    if (!sector) sectors.set(code, (sector = findOccupation(catalogue, code)?.sector ?? 'other'))
    return sector
  }
  return { ctx: { sources, incomeLevels: levels, sectorOf }, sources: ids.size }
}

function emptyResult(seed: number, startedMs: number, skipped: SeedDemoResult['skipped']): SeedDemoResult {
  return { participants: 0, enrolments: 0, sources: 0, bySegment: { bpu: 0, pu: 0 }, byProvince: {}, ms: Math.round(performance.now() - startedMs), seed, firstIndex: null, skipped }
}

async function refuseOtherSeeds(sql: Sql, seed: number): Promise<void> {
  const others = (await demoSeedsInRegistry(sql)).filter((s) => s !== seed)
  if (others.length > 0) {
    throw new DomainError('conflict', `the registry already holds demo people of --seed ${others.join(', ')}; add more with that seed (another seed could repeat their NIKs)`, { field: '--seed' })
  }
}

/**
 * `semesta seed demo`: a synthetic Banuspa calibrated to banuspa-facts (see docs/demo-data.md), written set-based —
 * chunks of people made by the pure generator, three COPYs per chunk in one transaction, the next chunk made while
 * the database takes the previous one. Same seed and N on an empty registry → the same people (KPJs follow the
 * sequence). A second run adds people after the last index already present.
 */
export async function seedDemo(target: SeedTarget, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const startedMs = performance.now()
  const { participants: total, seed } = options
  if (!Number.isSafeInteger(total) || total < 0) throw new DomainError('invalid_input', `--participants must be a whole number ≥ 0, got ${total}`, { field: '--participants' })
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffff_ffff) throw new DomainError('invalid_input', `--seed must be a whole number from 0 to 4294967295, got ${seed}`, { field: '--seed' })
  const { sql } = target
  if (options.ifEmpty && !(await registryIsEmpty(sql))) return emptyResult(seed, startedMs, 'registry_not_empty')
  await refuseOtherSeeds(sql, seed)
  const now = (options.now ?? (() => new Date()))()
  const referenceDate = options.referenceDate ?? DEMO_REFERENCE_DATE
  const calibration = calibrate(await readRegencyInputs(sql), referenceDate, options.registrationYears ?? DEMO_REGISTRATION_YEARS)
  const population = createDemoPopulation(calibration.model, seed)
  const { ctx, sources } = await planContext(sql, seed, calibration, referenceDate, now)
  const first = await nextIndex(sql, population)
  if (first + total > population.capacity) throw new DomainError('out_of_range', `the demo generator holds ${population.capacity} people per seed`, { field: '--participants' })
  const result: SeedDemoResult = { ...emptyResult(seed, startedMs, null), sources, firstIndex: first }
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK
  const rng = newRecordStream()
  const createdAt = now.toISOString()
  let pending: Promise<void> = Promise.resolve()
  for (let done = 0; done < total; ) {
    const size = Math.min(chunkSize, total - done)
    const serials = await nextKpjSerials(sql, size)
    const records: DemoRecord[] = []
    for (let k = 0; k < size; k++) records.push(demoRecord(population, ctx, rng, first + done + k))
    const chunk = chunkRows(records, serials, seed, createdAt)
    for (const r of records) {
      result.bySegment[r.segment]++
      const province = r.person.regencyCode.slice(0, 2)
      result.byProvince[province] = (result.byProvince[province] ?? 0) + 1
    }
    await pending // chunks commit in index order, so the seed's people stay a prefix
    pending = writeChunk(target.pool, target.searchPath, chunk)
    done += size
    const reached = done
    void pending.then(() => options.onProgress?.(reached, total), () => undefined)
  }
  await pending
  await enrolDemoMembers(sql, now)
  result.participants = total
  result.enrolments = total
  result.ms = Math.round(performance.now() - startedMs)
  return result
}
