import { addDays, type LocalDate } from '../../../kernel/index.js'
import type { Programme } from './categories.js'
import { cultureOf, demoName, type Culture } from './demo-names.js'
import { DEMO_BPU_OCCUPATION_WEIGHTS, DEMO_PU_OCCUPATION_WEIGHTS, DEMO_SECOND_OCCUPATIONS } from './demo-occupations.js'
import type { Sex } from './nik.js'
import { mix32, Sfc32 } from './prng.js'
import type { RegistrationRow } from './registration-rules.js'

export interface DemoRegency {
  code: string
  /** Dukcapil population; the domicile of demo people is drawn in proportion to it. */
  population: number
  kecamatanCount: number
  /** The regency's code before the 2022 Papua split (91.01 for 93.01); null (or the same code) when unchanged. */
  codeBefore2022: string | null
}

export interface DemoModel {
  regencies: readonly DemoRegency[]
  /** Share of participants who are PU (formal), per province code, ppm (e.g. from banuspa-facts.md). */
  formalShareppm: Readonly<Record<string, number>>
  /** "Today": ages are 18–64 on this date and registrations fall in the years before it. */
  referenceDate: LocalDate
  registrationYears?: number
  maleShareppm?: number
}

export interface DemoPerson {
  nik: string
  name: string
  birthDate: LocalDate
  sex: Sex
  phoneE164: string | null
  regencyCode: string
  occupationCodes: readonly string[]
  category: 'bpu' | 'pu'
  declaredIncomeIdr: number
  programmes: readonly Programme[]
  /** A synthetic employer number for PU people (4 digits of the regency + a 4-digit employer), else null. */
  npp: string | null
  registrationDate: LocalDate
}

const SERIALS = 9_999
const MIN_AGE_YEARS = 18
const MAX_AGE_YEARS = 64
const OLD_PREFIX_PPM = 900_000 // most adults in the new Papua provinces still carry pre-2022 NIKs (DESIGN.md §7)
const HOME_PREFIX_PPM = 920_000 // the rest carry an NIK issued in another Banuspa regency
const PHONE_PPM = 900_000
const PHONE_PREFIXES = Object.freeze('811,812,813,821,822,823,851,852,853,814,815,816,855,856,857,858,817,818,819,859,877,878,895,896,897,898,899,881,882,838,831'.split(','))
const BPU_INCOMES_IDR = Object.freeze([1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000, 3_000_000, 5_000_000])
const JKK_JKM: readonly Programme[] = Object.freeze(['JKK', 'JKM'])
const WITH_JHT: readonly Programme[] = Object.freeze(['JKK', 'JKM', 'JHT'])
const PU_FULL: readonly Programme[] = Object.freeze(['JKK', 'JKM', 'JHT', 'JP'])

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))

/** Cumulative weights for a weighted draw by binary search. */
class WeightedTable<T> {
  private readonly cumulative: Float64Array
  constructor(private readonly items: readonly T[], weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length)
    let total = 0
    weights.forEach((w, i) => (this.cumulative[i] = total += w))
  }
  draw(rng: Sfc32): T {
    const target = rng.float() * this.cumulative[this.cumulative.length - 1]!
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.cumulative[mid]! > target) hi = mid
      else lo = mid + 1
    }
    return this.items[lo]!
  }
}

function occupationTable(weights: Readonly<Record<string, number>>): WeightedTable<readonly string[]> {
  const codes = Object.keys(weights)
  return new WeightedTable(codes.map((c) => Object.freeze([c])), codes.map((c) => weights[c]!))
}

interface RegencyPlan {
  regency: DemoRegency
  provinceCode: string
  culture: Culture
  migrantppm: number
  formalppm: number
  employers: number
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b]
  return a
}

/** a × b mod m for a, b < m < 2^28, without passing 2^53. */
function mulmod(a: number, b: number, m: number): number {
  const hi = Math.floor(b / 16_384)
  const lo = b % 16_384
  return (((a * hi) % m) * 16_384 + a * lo) % m
}

function yearsBefore(date: LocalDate, years: number): LocalDate {
  const shifted = `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`
  return shifted.endsWith('-02-29') ? `${shifted.slice(0, 8)}28` : shifted
}

function datesBetween(from: LocalDate, to: LocalDate): string[] {
  const out: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d)
  return out
}

/**
 * A deterministic synthetic Banuspa population: `person(i)` depends only on (model, seed, i), so people can be
 * made in any order, in batches, or resumed after a crash. NIKs are unique: the birth date and the serial
 * come from a permutation of the index (an affine map modulo days × 9,999), everything else from a stream
 * seeded by (seed, i).
 */
export class DemoPopulation {
  private readonly rng = new Sfc32()
  private readonly plans: readonly RegencyPlan[]
  private readonly domicile: WeightedTable<RegencyPlan>
  private readonly birthDates: readonly string[]
  private readonly registrationDates: readonly string[]
  /** How many distinct people the NIK scheme can hold (days × serials). */
  readonly capacity: number
  private readonly stride: number
  private readonly offset: number
  private readonly bpuOccupations: Readonly<Record<Culture, WeightedTable<readonly string[]>>>
  private readonly puOccupations = occupationTable(DEMO_PU_OCCUPATION_WEIGHTS)
  private readonly pairs = new Map<string, readonly string[]>()
  private readonly maleppm: number

  constructor(model: DemoModel, readonly seed: number) {
    this.plans = model.regencies.map((regency) => planOf(regency, model))
    this.domicile = new WeightedTable(this.plans, this.plans.map((p) => p.regency.population))
    const latestBirth = yearsBefore(model.referenceDate, MIN_AGE_YEARS)
    const earliestBirth = addDays(yearsBefore(model.referenceDate, MAX_AGE_YEARS + 1), 1)
    this.birthDates = datesBetween(earliestBirth, latestBirth)
    const registeredFrom = addDays(yearsBefore(model.referenceDate, model.registrationYears ?? 3), 1)
    this.registrationDates = datesBetween(registeredFrom, model.referenceDate)
    this.capacity = this.birthDates.length * SERIALS
    let stride = (mix32(seed) % (this.capacity - 1)) + 1
    while (gcd(stride, this.capacity) !== 1) stride = (stride % (this.capacity - 1)) + 1
    this.stride = stride
    this.offset = mix32(seed ^ 0x68e31da4) % this.capacity
    const cultures = Object.keys(DEMO_BPU_OCCUPATION_WEIGHTS) as Culture[]
    this.bpuOccupations = Object.fromEntries(cultures.map((c) => [c, occupationTable(DEMO_BPU_OCCUPATION_WEIGHTS[c])])) as Record<Culture, WeightedTable<readonly string[]>>
    for (const [first, second] of Object.entries(DEMO_SECOND_OCCUPATIONS)) this.pairs.set(first, Object.freeze([first, second]))
    this.maleppm = model.maleShareppm ?? 580_000
  }

  person(index: number): DemoPerson {
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.capacity) {
      throw new RangeError(`demo person index must be 0 … ${this.capacity - 1}, got ${index}`)
    }
    const rng = this.rng
    rng.reseed(this.seed, index)
    const x = (mulmod(index, this.stride, this.capacity) + this.offset) % this.capacity
    const day = x % this.birthDates.length
    const serial = Math.floor(x / this.birthDates.length) + 1
    const sex: Sex = rng.chance(this.maleppm) ? 'L' : 'P'
    const home = this.domicile.draw(rng)
    const birthDate = this.birthDates[day]!
    const category = rng.chance(home.formalppm) ? 'pu' : 'bpu'
    const culture = rng.chance(home.migrantppm) ? 'migrant' : home.culture
    return {
      nik: this.nik(rng, home, birthDate, sex, serial),
      name: demoName(culture, sex, home.provinceCode, rng),
      birthDate,
      sex,
      phoneE164: rng.chance(PHONE_PPM) ? `+62${rng.pick(PHONE_PREFIXES)}${String(rng.below(100_000_000)).padStart(8, '0')}` : null,
      regencyCode: home.regency.code,
      occupationCodes: category === 'pu' ? this.puOccupations.draw(rng) : this.bpuOccupation(rng, culture),
      category,
      declaredIncomeIdr: category === 'pu' ? 2_500_000 + rng.below(71) * 50_000 : rng.pick(BPU_INCOMES_IDR),
      programmes: category === 'pu' ? (rng.chance(700_000) ? PU_FULL : WITH_JHT) : rng.chance(250_000) ? WITH_JHT : JKK_JKM,
      npp: category === 'pu' ? `${home.regency.code.replace('.', '')}${String(rng.below(home.employers) + 1).padStart(4, '0')}` : null,
      registrationDate: rng.pick(this.registrationDates),
    }
  }

  private nik(rng: Sfc32, home: RegencyPlan, birthDate: string, sex: Sex, serial: number): string {
    const issuer = rng.chance(HOME_PREFIX_PPM) ? home.regency : this.domicile.draw(rng).regency
    const prefix = issuer.codeBefore2022 !== null && rng.chance(OLD_PREFIX_PPM) ? issuer.codeBefore2022 : issuer.code
    const kecamatan = 1 + rng.below(issuer.kecamatanCount)
    const dd = Number(birthDate.slice(8, 10)) + (sex === 'P' ? 40 : 0)
    const ddmmyy = `${pad2(dd)}${birthDate.slice(5, 7)}${birthDate.slice(2, 4)}`
    return `${prefix.slice(0, 2)}${prefix.slice(3, 5)}${pad2(kecamatan)}${ddmmyy}${String(serial).padStart(4, '0')}`
  }

  private bpuOccupation(rng: Sfc32, culture: Culture): readonly string[] {
    const main = this.bpuOccupations[culture].draw(rng)
    if (!rng.chance(100_000)) return main
    return this.pairs.get(main[0]!) ?? main
  }
}

function planOf(regency: DemoRegency, model: DemoModel): RegencyPlan {
  const provinceCode = regency.code.slice(0, 2)
  const { culture, migrantppm } = cultureOf(regency.code)
  return {
    regency,
    provinceCode,
    culture,
    migrantppm,
    formalppm: model.formalShareppm[provinceCode] ?? 500_000,
    employers: Math.max(5, Math.min(9_999, Math.round(regency.population / 5_000))),
  }
}

export function createDemoPopulation(model: DemoModel, seed: number): DemoPopulation {
  return new DemoPopulation(model, seed)
}

/** A demo person as a row of the import template (for import files, benchmarks and tests). */
export function demoRegistrationRow(person: DemoPerson): RegistrationRow {
  return {
    nik: person.nik,
    nama: person.name,
    tanggal_lahir: person.birthDate,
    jenis_kelamin: person.sex,
    no_hp: person.phoneE164 ?? '',
    kode_wilayah: person.regencyCode,
    pekerjaan: person.occupationCodes.join(';'),
    kategori: person.category,
    penghasilan: String(person.declaredIncomeIdr),
    program: person.programmes.join('+'),
    kpj: '',
    npp: person.npp ?? '',
    tanggal_daftar: person.registrationDate,
  }
}
