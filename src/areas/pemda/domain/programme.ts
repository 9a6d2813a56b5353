import { DomainError } from '../../../kernel/errors.js'
import { isMonth, type Month } from '../../../kernel/month.js'
import { normaliseRegionCode, regionLevelOf } from '../../regions/domain/index.js'

/**
 * A regional government's programme (issue 8 item 1): the paying government (a province for a Pemprov, a kab/kota
 * for a Pemkab/Pemkot) and the OPD that holds the APBD line, the legal basis, the budget, the programmes paid, the
 * income base its BPU members are billed on, its cohort groups with quotas, and its period.
 */
export type GroupCategory = 'bpu' | 'non_asn'

export interface ProgrammeGroup {
  code: string
  quota: number
  /** `non_asn` groups follow the state-worker basis (DESIGN.md §7), never the BPU rate; every other group is BPU. */
  category: GroupCategory
  /** BPU: the declared income the programme bills on; non-ASN: the honorarium. */
  incomeIdr: number
}

export interface ProgrammeSpec {
  name: string
  regionCode: string
  opd: string | null
  legalBasis: string | null
  year: number
  budgetIdr: number
  programmes: string[]
  incomeIdr: number
  startMonth: Month
  endMonth: Month
  groups: ProgrammeGroup[]
}

export interface ProgrammeInput {
  name?: unknown
  regionCode?: unknown
  opd?: unknown
  legalBasis?: unknown
  year?: unknown
  budgetIdr?: unknown
  programmes?: unknown
  incomeIdr?: unknown
  /** Honorarium of the non-ASN groups; default the income. */
  honorariumIdr?: unknown
  /** `nelayan:349,petani:1462,non_asn:5302` or a list of {code, quota}. */
  groups?: unknown
  startMonth?: unknown
  endMonth?: unknown
}

const PROGRAMME_CODES = ['jkk', 'jkm', 'jht'] as const
const GROUP_CODE = /^[a-z][a-z0-9_]{0,39}$/
const NON_ASN_CODES = new Set(['non_asn', 'nonasn', 'non-asn'])

function refuse(field: string, message: string): never {
  throw new DomainError('invalid_input', message, { field })
}

function text(value: unknown, field: string, required: boolean, max = 200): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    if (required) throw new DomainError('missing_field', `${field} wajib diisi.`, { field })
    return null
  }
  if (typeof value !== 'string' || value.trim().length > max) refuse(field, `${field} harus teks paling panjang ${max} karakter.`)
  return value.trim()
}

/** A whole rupiah amount from a number or a string such as `1500000` or `1.500.000`. */
export function parseIdr(value: unknown, field: string, { min = 0 } = {}): number {
  if (value === undefined || value === null || value === '') throw new DomainError('missing_field', `${field} wajib diisi.`, { field })
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,3}(\.\d{3})+$|^\d+$/.test(value.trim()) ? Number(value.trim().replaceAll('.', '')) : NaN
  if (!Number.isSafeInteger(n) || n < min) refuse(field, `${field} harus bilangan rupiah bulat paling sedikit ${min}.`)
  return n
}

function month(value: unknown, field: string): Month {
  if (typeof value !== 'string' || !isMonth(value)) throw new DomainError('invalid_month', `${field} harus bulan YYYY-MM.`, { field })
  return value
}

export function groupCategory(code: string): GroupCategory {
  return NON_ASN_CODES.has(code) ? 'non_asn' : 'bpu'
}

function parseGroups(value: unknown, incomeIdr: number, honorariumIdr: number): ProgrammeGroup[] {
  const entries: Array<{ code: unknown; quota: unknown }> =
    typeof value === 'string'
      ? value.split(',').filter((s) => s.trim() !== '').map((pair) => {
          const [code, quota, ...rest] = pair.split(':')
          if (rest.length > 0 || quota === undefined) refuse('groups', `Kelompok "${pair}" harus ditulis nama:kuota, misalnya nelayan:349.`)
          return { code, quota: quota.trim() }
        })
      : Array.isArray(value) ? (value as Array<{ code: unknown; quota: unknown }>) : []
  if (entries.length === 0) throw new DomainError('missing_field', 'Program harus punya paling sedikit satu kelompok (nama:kuota).', { field: 'groups' })
  const seen = new Set<string>()
  return entries.map(({ code: rawCode, quota: rawQuota }) => {
    const code = typeof rawCode === 'string' ? rawCode.trim().toLowerCase().replaceAll('-', '_').replaceAll(' ', '_') : ''
    if (!GROUP_CODE.test(code)) refuse('groups', `Nama kelompok "${String(rawCode)}" tidak sah: huruf kecil, angka dan garis bawah.`)
    if (seen.has(code)) refuse('groups', `Kelompok ${code} disebut dua kali.`)
    seen.add(code)
    const quota = typeof rawQuota === 'number' ? rawQuota : typeof rawQuota === 'string' && /^\d+$/.test(rawQuota.replaceAll('.', '')) ? Number(rawQuota.replaceAll('.', '')) : NaN
    if (!Number.isSafeInteger(quota) || quota < 0 || quota > 10_000_000) refuse('groups', `Kuota kelompok ${code} harus bilangan bulat 0 atau lebih.`)
    const category = groupCategory(code)
    return { code, quota, category, incomeIdr: category === 'non_asn' ? honorariumIdr : incomeIdr }
  })
}

function programmes(value: unknown): string[] {
  const list = typeof value === 'string' ? value.split(/[,+]/) : Array.isArray(value) ? value : []
  const codes = [...new Set(list.map((p) => String(p).trim().toLowerCase()).filter((p) => p !== ''))]
  if (codes.length === 0) return ['jkk', 'jkm']
  for (const code of codes) {
    if (!(PROGRAMME_CODES as readonly string[]).includes(code)) refuse('programmes', `Program ${code} tidak dapat dibiayai program pemda (jkk, jkm, jht).`)
  }
  if (!codes.includes('jkk') || !codes.includes('jkm')) refuse('programmes', 'Program pemda selalu membiayai JKK dan JKM.')
  return PROGRAMME_CODES.filter((p) => codes.includes(p))
}

/** Validates a programme (CLI flags, the HTTP body): Bahasa Indonesia messages naming the field to fix. */
export function parseProgramme(input: ProgrammeInput): ProgrammeSpec {
  const name = text(input.name, 'name', true)!
  if (typeof input.regionCode !== 'string') throw new DomainError('missing_field', 'regionCode (kode wilayah pemda pembayar) wajib diisi.', { field: 'regionCode' })
  const regionCode = normaliseRegionCode(input.regionCode)
  const level = regionLevelOf(regionCode)
  if (level !== 'province' && level !== 'regency') refuse('regionCode', 'Pemda pembayar adalah provinsi (mis. 51) atau kabupaten/kota (mis. 51.71).')
  const year = Number(input.year)
  if (!Number.isInteger(year) || year < 2015 || year > 2060) refuse('year', 'year harus tahun anggaran YYYY.')
  const budgetIdr = parseIdr(input.budgetIdr, 'budgetIdr')
  const incomeIdr = parseIdr(input.incomeIdr, 'incomeIdr', { min: 1 })
  const honorariumIdr = input.honorariumIdr === undefined || input.honorariumIdr === null ? incomeIdr : parseIdr(input.honorariumIdr, 'honorariumIdr', { min: 1 })
  const startMonth = month(input.startMonth, 'startMonth')
  const endMonth = month(input.endMonth, 'endMonth')
  if (endMonth < startMonth) refuse('endMonth', 'endMonth tidak boleh sebelum startMonth.')
  return {
    name, regionCode, opd: text(input.opd, 'opd', false), legalBasis: text(input.legalBasis, 'legalBasis', false), year, budgetIdr,
    programmes: programmes(input.programmes), incomeIdr, startMonth, endMonth, groups: parseGroups(input.groups, incomeIdr, honorariumIdr),
  }
}

/** The programme's region covers a regency: itself (Pemkab/Pemkot) or any regency of the province (Pemprov). */
export function regionCovers(programmeRegion: string, regencyCode: string): boolean {
  return regencyCode === programmeRegion || regencyCode.startsWith(`${programmeRegion}.`)
}

/** `PMD-5171-202601`: the payer's region, the contribution month and the programme's short id. */
export function invoiceNumber(regionCode: string, programmeId: string, month: Month): string {
  return `PMD-${regionCode.replaceAll('.', '')}-${programmeId.replaceAll('-', '').slice(-8).toUpperCase()}-${month.replace('-', '')}`
}
