import { Sfc32, type DemoPerson, type DemoPopulation } from '../../areas/participants/index.js'

/**
 * What the seed adds to each demo person beyond `DemoPopulation.person(i)`: the source that brought them in,
 * who pays, the BPU income level, a plausible registration date. Drawn from a second stream seeded by
 * (seed, i) only, so person i is the same whatever else is seeded; issue 5 can derive payment histories the
 * same way (a third stream per (seed, i)).
 */
export interface IncomeLevelRow {
  fromIdr: number
  baseIdr: number
}

export interface PemdaCover {
  sourceId: string
  /** Chance that a BPU person living in the programme's area is paid by it, ppm. */
  chanceppm: number
}

export interface SourceSet {
  /** The branch office of each regency. */
  officeByRegency: ReadonlyMap<string, string>
  agentsByRegency: ReadonlyMap<string, readonly string[]>
  channels: readonly string[]
  selfService: string
  /** Regency programme first, then the province's. */
  pemdaByRegion: ReadonlyMap<string, PemdaCover>
}

export interface DemoPlanContext {
  sources: SourceSet
  /** The 33 BPU income levels, ascending. */
  incomeLevels: readonly IncomeLevelRow[]
  /** PP 50/2025 sector of an occupation code (flagged data, reference/occupations.yaml). */
  sectorOf(occupationCode: string): 'transport' | 'other'
}

export interface DemoRecord {
  index: number
  person: DemoPerson
  registeredOn: string
  sourceId: string
  segment: 'bpu' | 'pu'
  programmes: readonly string[]
  declaredIncomeIdr: number | null
  incomeBaseIdr: number | null
  wageIdr: number | null
  sector: 'transport' | 'other' | null
  payer: 'self' | 'employer' | 'pemda'
  payerRef: string | null
  startMonth: string | null
  /** Never paid (`terdaftar`) or protected since registration (`aktif`). */
  status: 'aktif' | 'terdaftar'
}

/**
 * FLAGGED demo data: the share of demo people who registered but never paid. Drawn last from the person's own stream,
 * independently of region and segment, so the protected people keep the calibrated shares (the reality check scales
 * by the protected total; docs/demo-data.md).
 */
export const DEMO_NEVER_PAID_PPM = 100_000

const STREAM_SALT = 0x5eed_0d0e
const PEMDA_PROGRAMMES = Object.freeze(['JKK', 'JKM'])
/** Income level draw: mostly the lowest levels (most BPU declare about the minimum), a thin tail up to level 33. */
const LOW_LEVELS_PPM = 960_000
const GEOMETRIC_STAY_PPM = 450_000

function incomeLevelIndex(rng: Sfc32, count: number): number {
  if (!rng.chance(LOW_LEVELS_PPM)) return rng.below(count)
  let level = 0
  while (level < count - 1 && rng.chance(GEOMETRIC_STAY_PPM)) level++
  return level
}

function declaredIncome(rng: Sfc32, levels: readonly IncomeLevelRow[], at: number): number {
  const level = levels[at]!
  const from = Math.max(level.fromIdr, 1_000_000)
  const next = levels[at + 1]?.fromIdr ?? level.fromIdr + 1_000_000
  const steps = Math.max(1, Math.floor((next - from) / 50_000))
  return from + rng.below(steps) * 50_000
}

/** The 18th birthday: nobody is registered as a worker before it. */
function adultFrom(birthDate: string): string {
  const date = `${String(Number(birthDate.slice(0, 4)) + 18).padStart(4, '0')}${birthDate.slice(4)}`
  return date.endsWith('-02-29') ? `${date.slice(0, 8)}28` : date
}

function pemdaCover(ctx: DemoPlanContext, rng: Sfc32, regencyCode: string): PemdaCover | null {
  for (const code of [regencyCode, regencyCode.slice(0, 2)]) {
    const cover = ctx.sources.pemdaByRegion.get(code)
    if (cover && rng.chance(cover.chanceppm)) return cover
  }
  return null
}

function bpuSource(ctx: DemoPlanContext, rng: Sfc32, regencyCode: string): string {
  const roll = rng.below(100)
  const agents = ctx.sources.agentsByRegency.get(regencyCode) ?? []
  if (roll < 30 && agents.length > 0) return rng.pick(agents)
  if (roll < 50) return rng.pick(ctx.sources.channels)
  if (roll < 62) return ctx.sources.selfService
  return ctx.sources.officeByRegency.get(regencyCode) ?? ctx.sources.selfService
}

export function demoRecord(population: DemoPopulation, ctx: DemoPlanContext, rng: Sfc32, index: number): DemoRecord {
  const person = population.person(index)
  rng.reseed(population.seed ^ STREAM_SALT, index)
  const adult = adultFrom(person.birthDate)
  const registeredOn = person.registrationDate < adult ? adult : person.registrationDate
  const office = ctx.sources.officeByRegency.get(person.regencyCode) ?? ctx.sources.selfService
  if (person.category === 'pu') {
    return {
      index, person, registeredOn, sourceId: office, segment: 'pu', programmes: person.programmes,
      declaredIncomeIdr: null, incomeBaseIdr: null, wageIdr: person.declaredIncomeIdr, sector: null,
      payer: 'employer', payerRef: person.npp, startMonth: registeredOn.slice(0, 7), status: neverPaid(rng),
    }
  }
  const pemda = pemdaCover(ctx, rng, person.regencyCode)
  const level = pemda ? 0 : incomeLevelIndex(rng, ctx.incomeLevels.length)
  return {
    index, person, registeredOn,
    sourceId: pemda ? pemda.sourceId : bpuSource(ctx, rng, person.regencyCode),
    segment: 'bpu',
    programmes: pemda ? PEMDA_PROGRAMMES : person.programmes,
    declaredIncomeIdr: pemda ? 1_000_000 : declaredIncome(rng, ctx.incomeLevels, level),
    incomeBaseIdr: ctx.incomeLevels[level]!.baseIdr,
    wageIdr: null,
    sector: ctx.sectorOf(person.occupationCodes[0] ?? ''),
    payer: pemda ? 'pemda' : 'self',
    payerRef: pemda ? pemda.sourceId : null,
    startMonth: null,
    status: neverPaid(rng),
  }
}

function neverPaid(rng: Sfc32): 'aktif' | 'terdaftar' {
  return rng.chance(DEMO_NEVER_PAID_PPM) ? 'terdaftar' : 'aktif'
}

export function newRecordStream(): Sfc32 {
  return new Sfc32()
}
