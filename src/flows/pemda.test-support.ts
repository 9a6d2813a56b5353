import fs from 'node:fs'
import { writeTable } from '../platform/tabular/index.js'
import { IMPORT_HEADER } from './import-participants.js'

/** Test support: an OPD's cohort list as the registry's import template (XLSX or CSV), with valid synthetic NIKs. */
export interface CohortPerson {
  /** Makes the NIK unique across files: people `serial` … of one call never meet another call's. */
  serial: number
  regencyCode?: string
  category?: 'bpu' | 'non_asn'
  occupation?: string
  incomeIdr?: number
  programmes?: string
}

/** A valid NIK of the regency for a serial (birth date and serial derived from it), a male born 1970–1999. */
export function cohortNik(serial: number, regencyCode = '51.71'): { nik: string; birthDate: string } {
  const day = (serial % 28) + 1
  const month = Math.floor(serial / 28) % 12 + 1
  const year = 1970 + (Math.floor(serial / 336) % 30)
  const tail = String(Math.floor(serial / 10_080) + 1).padStart(4, '0')
  const dd = String(day).padStart(2, '0')
  const mm = String(month).padStart(2, '0')
  const nik = `${regencyCode.replace('.', '')}01${dd}${mm}${String(year).slice(2)}${tail}`
  return { nik, birthDate: `${year}-${mm}-${dd}` }
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

function nameOf(serial: number): string {
  let n = serial
  let word = ''
  do {
    word += LETTERS[n % 26]
    n = Math.floor(n / 26)
  } while (n > 0)
  return `Wayan ${word.charAt(0).toUpperCase()}${word.slice(1)} Ardana`
}

export function cohortRow(p: CohortPerson): string[] {
  const regency = p.regencyCode ?? '51.71'
  const { nik, birthDate } = cohortNik(p.serial, regency)
  const category = p.category ?? 'bpu'
  const values: Record<string, string> = {
    nik, nama: nameOf(p.serial), tanggal_lahir: birthDate, jenis_kelamin: 'L', no_hp: '', kode_wilayah: regency,
    pekerjaan: p.occupation ?? (category === 'bpu' ? 'nelayan' : ''), kategori: category, penghasilan: String(p.incomeIdr ?? 1_000_000),
    program: p.programmes ?? 'JKK+JKM', kpj: '', npp: '', tanggal_daftar: '',
  }
  return IMPORT_HEADER.map((h) => values[h] ?? '')
}

/** Writes the people as an import file (the format from the extension). */
export async function writeCohortFile(file: string, people: readonly CohortPerson[]): Promise<void> {
  const out = fs.createWriteStream(file)
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve)
    out.on('error', reject)
  })
  await writeTable(out, file.endsWith('.xlsx') ? 'xlsx' : 'csv', [{ name: 'Peserta', columns: IMPORT_HEADER, rows: people.map(cohortRow) }])
  await done
}

/** `count` people from `firstSerial` on, all alike. */
export function people(firstSerial: number, count: number, like: Omit<CohortPerson, 'serial'> = {}): CohortPerson[] {
  return Array.from({ length: count }, (_, i) => ({ ...like, serial: firstSerial + i }))
}
