import type { Sql } from '../../../platform/db/sql.js'
import { newId } from '../../../platform/ids.js'
import { insertSource, type SourceKind } from '../db/sources.js'
import { luhnCheckDigit } from '../domain/kpj.js'

let serial = 0

/** A new source of the given kind (tests share one schema per engine). */
export async function makeSource(sql: Sql, kind: SourceKind = 'office', name = 'Kantor uji'): Promise<string> {
  const id = newId()
  await insertSource(sql, { id, kind, name, refId: null, createdAt: new Date('2025-03-01T00:00:00Z') })
  return id
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

/**
 * A valid NIK of Denpasar (51.71) for a birth date and sex, with a serial unique in this process, and the matching
 * registration row in the import template's field names.
 */
export function testPerson(options: { birthDate?: string; sex?: 'L' | 'P'; name?: string; regency?: string } = {}) {
  serial += 1
  const birthDate = options.birthDate ?? '1990-05-12'
  const sex = options.sex ?? 'L'
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number]
  const regency = options.regency ?? '51.71'
  const nik = `${regency.replace('.', '')}01${pad(sex === 'P' ? day + 40 : day, 2)}${pad(month, 2)}${pad(year % 100, 2)}${pad((process.pid % 50) * 100 + serial, 4)}`
  return {
    nik,
    row: {
      nik, nama: options.name ?? 'I Wayan Sudarma', tanggal_lahir: birthDate, jenis_kelamin: sex, no_hp: '081234567890',
      kode_wilayah: regency, pekerjaan: 'pedagang', kategori: 'bpu', penghasilan: '2000000', program: 'JKK+JKM',
    },
  }
}

/** An 11-digit KPJ a member brings (a Luhn-valid one from a range Semesta's sequence will not reach in tests). */
export function broughtKpj(n: number): string {
  const body = `9${pad(n, 9)}`
  return body + String(luhnCheckDigit(body))
}
