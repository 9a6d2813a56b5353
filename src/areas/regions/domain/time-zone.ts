import { DomainError } from '../../../kernel/errors.js'
import { provinceOf } from './region-code.js'

/** Indonesia's three time zones. A date without a time is the local date of the participant's regency (DESIGN.md §7). */
export type TimeZoneLabel = 'WIB' | 'WITA' | 'WIT'

export const IANA_TIME_ZONE: Readonly<Record<TimeZoneLabel, string>> = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' }
export const UTC_OFFSET_HOURS: Readonly<Record<TimeZoneLabel, number>> = { WIB: 7, WITA: 8, WIT: 9 }

/** Keppres 41/1987 zones by province (Banuspa: Bali, NTB, NTT are WITA; the six Papua provinces WIT). */
const ZONE_OF_PROVINCE: ReadonlyMap<string, TimeZoneLabel> = new Map([
  ...['11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36', '61', '62'].map((p) => [p, 'WIB'] as const),
  ...['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76'].map((p) => [p, 'WITA'] as const),
  ...['81', '82', '91', '92', '93', '94', '95', '96'].map((p) => [p, 'WIT'] as const),
])

/** The time zone of any region code (`51.71` → WITA, `94.01` → WIT). Throws `unknown_code` for a province that does not exist. */
export function timeZoneOf(code: string): TimeZoneLabel {
  const province = provinceOf(code)
  const zone = ZONE_OF_PROVINCE.get(province)
  if (!zone) throw new DomainError('unknown_code', `Provinsi dengan kode ${province} (dari "${code}") tidak dikenal.`, { field: 'regionCode', input: code })
  return zone
}
