import { DomainError } from '../../../kernel/errors.js'
import { SCALES, type RiskGroup, type Scale } from '../../programmes/domain/index.js'
import { normaliseRegionCode } from '../../regions/domain/index.js'
import { normaliseNpp } from './npp.js'

export const EMPLOYER_STATUSES = ['active', 'closed'] as const
export type EmployerStatus = (typeof EMPLOYER_STATUSES)[number]

export interface NewEmployerInput {
  npp: string
  name: string
  regionCode: string
  scale: string
  riskGroup: number | string
}

export interface NewEmployer {
  npp: string
  name: string
  regencyCode: string
  scale: Scale
  riskGroup: RiskGroup
}

const NAME_MAX = 200

/** Shape checks of a new employer (the regency's existence is checked against the regions table by the caller). */
export function validateNewEmployer(input: NewEmployerInput): NewEmployer {
  const npp = normaliseNpp(input.npp)
  const name = input.name.trim().replace(/\s+/g, ' ')
  if (name.length === 0) throw new DomainError('missing_field', 'Nama perusahaan wajib diisi.', { field: 'name' })
  if (name.length > NAME_MAX) throw new DomainError('invalid_input', `Nama perusahaan paling banyak ${NAME_MAX} karakter.`, { field: 'name' })
  const regencyCode = normaliseRegionCode(input.regionCode, 'regionCode')
  if (regencyCode.split('.').length !== 2) {
    throw new DomainError('invalid_input', `Kode wilayah "${input.regionCode}" bukan kabupaten/kota: tulis mis. 51.71 atau 5171.`, { field: 'regionCode' })
  }
  return { npp, name, regencyCode, scale: parseScale(input.scale), riskGroup: parseRiskGroup(input.riskGroup) }
}

export function parseScale(input: string): Scale {
  const scale = input.trim().toLowerCase()
  if (!(SCALES as readonly string[]).includes(scale)) {
    throw new DomainError('invalid_input', `Skala usaha harus salah satu dari ${SCALES.join(', ')}.`, { field: 'scale' })
  }
  return scale as Scale
}

/** PP 44/2015 Pasal 16: groups I–V; `1`…`5` or the Roman numeral. */
export function parseRiskGroup(input: number | string): RiskGroup {
  const text = String(input).trim().toUpperCase()
  const roman = ['I', 'II', 'III', 'IV', 'V'].indexOf(text)
  const group = roman >= 0 ? roman + 1 : /^[1-5]$/.test(text) ? Number(text) : NaN
  if (!(group >= 1 && group <= 5)) throw new DomainError('out_of_range', 'Kelompok risiko JKK harus 1 sampai 5 (I–V).', { field: 'riskGroup' })
  return group as RiskGroup
}
