import { DomainError } from '../../../kernel/errors.js'

/**
 * Kemendagri region codes (DESIGN.md §7): dotted in every interface (`51`, `51.71`, `51.71.01`, `51.71.01.1001`);
 * input may also give the digits alone (`5171`).
 */
export type RegionLevel = 'province' | 'regency' | 'kecamatan' | 'village'

const LEVELS: readonly RegionLevel[] = ['province', 'regency', 'kecamatan', 'village']
const DOTTED = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/
const GROUP_WIDTHS = [2, 2, 2, 4] as const

function split(digits: string): string[] | undefined {
  const groups: string[] = []
  let offset = 0
  for (const width of GROUP_WIDTHS) {
    if (offset === digits.length) break
    groups.push(digits.slice(offset, offset + width))
    offset += width
  }
  return offset === digits.length && groups.every((g, i) => g.length === GROUP_WIDTHS[i]) ? groups : undefined
}

/** `5171` or `51.71` → `51.71`. Throws `invalid_input` naming the input and the field. */
export function normaliseRegionCode(input: string, field = 'regionCode'): string {
  const text = input.trim()
  const groups = DOTTED.test(text) ? text.split('.') : /^\d+$/.test(text) ? split(text) : undefined
  if (!groups || groups[0] === '00' || groups.slice(1).some((g) => /^0+$/.test(g))) {
    throw new DomainError(
      'invalid_input',
      `Kode wilayah "${input}" tidak valid: tulis kode Kemendagri, mis. 51 (provinsi), 5171 atau 51.71 (kabupaten/kota), 51.71.01 (kecamatan).`,
      { field, input },
    )
  }
  return groups.join('.')
}

export function regionLevelOf(code: string): RegionLevel {
  const level = LEVELS[normaliseRegionCode(code).split('.').length - 1]
  if (!level) throw new DomainError('invalid_input', `Kode wilayah "${code}" tidak valid.`, { field: 'regionCode', input: code })
  return level
}

/** The province of any region code: `51.71.01` → `51`. */
export function provinceOf(code: string): string {
  return normaliseRegionCode(code).slice(0, 2)
}

/** The kab/kota of a regency-or-lower code: `51.71.01` → `51.71`; undefined for a province. */
export function regencyOf(code: string): string | undefined {
  const dotted = normaliseRegionCode(code)
  return dotted.length >= 5 ? dotted.slice(0, 5) : undefined
}

/** Kemendagri's rule: the kab/kota number 71–99 is a kota, otherwise a kabupaten. */
export function isKota(regencyCode: string): boolean {
  const number = Number(normaliseRegionCode(regencyCode).slice(3, 5))
  return number >= 71
}
