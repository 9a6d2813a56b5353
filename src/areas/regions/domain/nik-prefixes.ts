import { DomainError } from '../../../kernel/errors.js'
import { parseCsvRows } from './csv-rows.js'

/**
 * NIK prefixes (DESIGN.md §7): the province (2 digits) and kab/kota (2 digits) an NIK starts with must be a code
 * that exists now or existed (an NIK is for life: many adults in the new Papua provinces carry 91.xx / 92.xx).
 * An unknown province is an error; an unknown kab/kota inside a known province is a warning, never a rejection.
 */
export interface NikPrefixRow {
  code: string
  name: string
  level: 'province' | 'regency'
  provinceCode: string
  status: 'current' | 'historical'
  /** Today's code of a historical code; null for a current one. */
  successorCode: string | null
}

export type NikPrefixCheck =
  | {
      ok: true
      provinceCode: string
      /** As written in the NIK, dotted; may be historical. */
      regencyCode: string
      /** Today's code of that kab/kota; null when the code is not in the table. */
      currentRegencyCode: string | null
      status: 'current' | 'historical' | 'unknown_regency'
      warning?: string
    }
  | { ok: false; error: DomainError }

const MAX_SUCCESSION = 5

/** A pure lookup built from rows (the nik_prefixes table, or reference/nik-prefixes.csv offline in the web). */
export class NikPrefixTable {
  private readonly byCode: ReadonlyMap<string, NikPrefixRow>

  private constructor(rows: readonly NikPrefixRow[]) {
    this.byCode = new Map(rows.map((row) => [row.code, row]))
  }

  static fromRows(rows: readonly NikPrefixRow[]): NikPrefixTable {
    return new NikPrefixTable(rows)
  }

  /** From the text of reference/nik-prefixes.csv (columns code,name,level,province_code,status,successor_code,source). */
  static fromCsv(text: string): NikPrefixTable {
    return new NikPrefixTable(parseCsvRows(text).map(rowFromCsv))
  }

  get size(): number {
    return this.byCode.size
  }

  provinceExists(code: string): boolean {
    return this.byCode.get(code)?.level === 'province'
  }

  regencyExists(code: string): boolean {
    return this.byCode.get(code)?.level === 'regency'
  }

  /** Today's code of a current or historical code (`91.01` → `93.01`, `51.71` → `51.71`); undefined when unknown. */
  currentCodeOf(code: string): string | undefined {
    let row = this.byCode.get(code)
    for (let step = 0; row && step < MAX_SUCCESSION; step++) {
      if (row.status === 'current') return row.code
      row = row.successorCode ? this.byCode.get(row.successorCode) : undefined
    }
    return undefined
  }

  nameOf(code: string): string | undefined {
    return this.byCode.get(code)?.name
  }

  /** Checks the first four digits of an NIK (`9101…`, or a prefix `9101` / `91.01`). Messages name the prefix only. */
  check(nikOrPrefix: string): NikPrefixCheck {
    const digits = nikOrPrefix.trim().replace(/[.\s-]/g, '')
    if (!/^\d{4,}$/.test(digits)) {
      return { ok: false, error: new DomainError('invalid_nik', 'Awalan NIK harus berupa 4 digit kode provinsi dan kabupaten/kota.', { field: 'nik' }) }
    }
    const provinceCode = digits.slice(0, 2)
    const regencyCode = `${provinceCode}.${digits.slice(2, 4)}`
    if (!this.provinceExists(provinceCode)) {
      const message = `Kode provinsi ${provinceCode} pada NIK tidak dikenal (bukan kode provinsi sekarang maupun dulu).`
      return { ok: false, error: new DomainError('invalid_nik', message, { field: 'nik', prefix: provinceCode }) }
    }
    const row = this.byCode.get(regencyCode)
    if (!row || row.level !== 'regency') {
      const warning = `Kode kabupaten/kota ${regencyCode} pada NIK tidak ada dalam daftar kode sekarang maupun dulu; NIK tetap diterima.`
      return { ok: true, provinceCode, regencyCode, currentRegencyCode: null, status: 'unknown_regency', warning }
    }
    return { ok: true, provinceCode, regencyCode, currentRegencyCode: this.currentCodeOf(regencyCode) ?? null, status: row.status }
  }
}

function rowFromCsv(record: Record<string, string>, index: number): NikPrefixRow {
  const { code, name, level, province_code: provinceCode, status, successor_code: successorCode } = record
  if (!code || !name || !provinceCode || (level !== 'province' && level !== 'regency') || (status !== 'current' && status !== 'historical')) {
    throw new DomainError('invalid_input', `nik-prefixes.csv row ${index + 2} is incomplete or has an unknown level/status`, { row: index + 2 })
  }
  return { code, name, level, provinceCode, status, successorCode: successorCode || null }
}
