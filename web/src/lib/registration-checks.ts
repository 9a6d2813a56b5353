import nikPrefixesCsv from '@reference/nik-prefixes.csv?raw'
import {
  checkIdentityAgainstNik, checkNik, normalisePhone, parseOccupationCatalogue, type FieldIssue, type Occupation, type OccupationCatalogue,
} from '../../../src/areas/participants/domain/index'
import { NikPrefixTable } from '../../../src/areas/regions/domain/index'
import { createQuoteEngine, type QuoteEngine } from './quote-engine'

const occupationModules = import.meta.glob<unknown>('@reference/occupations.yaml', { eager: true, import: 'default' })

export interface NikReading {
  error?: FieldIssue
  warnings: readonly FieldIssue[]
  /** today's code of the NIK's regency, when known */
  regencyCode?: string
  sex?: 'L' | 'P'
  /** `DD/MM/YY` from the NIK's date digits */
  birthDigits?: string
}

export interface RegistrationChecks {
  nik(text: string): NikReading
  identity(nik: string, declared: { birthDate?: string | null; sex?: 'L' | 'P' | null }): readonly FieldIssue[]
  phone(text: string): { ok?: string; error?: FieldIssue }
  occupations: readonly Occupation[]
  catalogue: OccupationCatalogue
  quotes: QuoteEngine
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n))

/**
 * The registry's own pure checks in the browser (issue 9: live validation): the NIK with the prefix table of
 * reference/nik-prefixes.csv, the declared birth date and sex against the NIK, the phone with libphonenumber's mobile
 * metadata, and the quote engine. Loaded in its own chunk by the registration page.
 */
export function createRegistrationChecks(): RegistrationChecks {
  const prefixes = NikPrefixTable.fromCsv(nikPrefixesCsv)
  const catalogue = parseOccupationCatalogue(Object.values(occupationModules)[0] ?? {})
  return {
    nik(text) {
      const check = checkNik(text, prefixes)
      if (check.error) return { error: check.error, warnings: [] }
      const n = check.ok
      return {
        warnings: check.warnings,
        ...(check.currentRegencyCode ? { regencyCode: check.currentRegencyCode } : {}),
        sex: n.sex,
        birthDigits: `${pad(n.birthDay)}/${pad(n.birthMonth)}/${pad(n.birthYear2)}`,
      }
    },
    identity: (nik, declared) => checkIdentityAgainstNik(nik, declared),
    phone: (text) => normalisePhone(text),
    occupations: catalogue.occupations,
    catalogue,
    quotes: createQuoteEngine(),
  }
}
