import fs from 'node:fs'
import { once } from 'node:events'
import { createDemoPopulation, demoRegistrationRow, type DemoModel, type RegistrationRow } from '../../areas/participants/index.js'
import { BANUSPA_REGENCIES, FIXTURE_FORMAL_SHARE_PPM } from '../../areas/participants/domain/fixtures/banuspa.js'

import { IMPORT_HEADER } from './template.js'

/** Test and bench support: participant import files made from the demo generator (never committed). */

export const DEMO_REFERENCE_DATE = '2026-03-01'

export function demoModel(): DemoModel {
  return {
    regencies: BANUSPA_REGENCIES.map(([code, , population, kecamatanCount, codeBefore2022]) => ({ code, population, kecamatanCount, codeBefore2022 })),
    formalShareppm: FIXTURE_FORMAL_SHARE_PPM,
    referenceDate: DEMO_REFERENCE_DATE,
  }
}

/** A change that makes one row invalid (on its line), and the field and code the import must report. */
export interface BadRow {
  line: number
  field: string
  code: string
  spoil(row: RegistrationRow, earlier: (line: number) => RegistrationRow): RegistrationRow
}

/** Seven bad rows of different kinds spread over a file of `rows` data rows (lines 2 … rows + 1). */
export function sevenBadRows(rows: number): BadRow[] {
  const at = (share: number) => 2 + Math.floor(rows * share)
  return [
    { line: at(0.05), field: 'nik', code: 'invalid_nik', spoil: (r) => ({ ...r, nik: `99${r.nik!.slice(2)}` }) },
    { line: at(0.2), field: 'tanggal_lahir', code: 'birth_date_mismatch', spoil: (r) => ({ ...r, tanggal_lahir: `${r.tanggal_lahir!.slice(0, 8)}${r.tanggal_lahir!.slice(8) === '15' ? '16' : '15'}` }) },
    { line: at(0.35), field: 'no_hp', code: 'invalid_input', spoil: (r) => ({ ...r, no_hp: '0812-abc' }) },
    { line: at(0.5), field: 'kode_wilayah', code: 'unknown_code', spoil: (r) => ({ ...r, kode_wilayah: '59.99' }) },
    { line: at(0.65), field: 'penghasilan', code: 'out_of_range', spoil: (r) => ({ ...r, penghasilan: '750000' }) },
    { line: at(0.8), field: 'nik', code: 'duplicate_in_file', spoil: (_r, earlier) => earlier(at(0.1)) },
    { line: at(0.95), field: 'pekerjaan', code: 'unknown_code', spoil: (r) => ({ ...r, pekerjaan: 'astronot' }) },
  ]
}

const quote = (value: string) => (/[",\n\r;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)

/**
 * Writes a CSV of `rows` BPU demo people (PU people need registered employers, so they are skipped), with the bad
 * rows applied on their lines. Streams, so a million rows take no more memory than a thousand.
 */
export async function writeDemoImportCsv(file: string, rows: number, options: { seed?: number; bad?: readonly BadRow[] } = {}): Promise<void> {
  const population = createDemoPopulation(demoModel(), options.seed ?? 20260301)
  const bad = new Map((options.bad ?? []).map((b) => [b.line, b]))
  const kept = new Map<number, RegistrationRow>()
  const wanted = new Set((options.bad ?? []).map((b) => b.line))
  const out = fs.createWriteStream(file)
  let text = `${IMPORT_HEADER.join(',')}\n`
  let index = 0
  for (let line = 2; line < rows + 2; line++) {
    let person = population.person(index++)
    while (person.category !== 'bpu') person = population.person(index++)
    let row = demoRegistrationRow(person)
    if (wanted.size > 0) kept.set(line, row)
    const spoil = bad.get(line)
    if (spoil) row = spoil.spoil(row, (l) => kept.get(l)!)
    text += `${IMPORT_HEADER.map((h) => quote(row[h] ?? '')).join(',')}\n`
    if (text.length > 1 << 20) {
      if (!out.write(text)) await once(out, 'drain')
      text = ''
    }
  }
  out.end(text)
  await once(out, 'finish')
}
