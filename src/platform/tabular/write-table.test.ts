import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { finished } from 'node:stream/promises'
import { afterAll, describe, expect, it } from 'vitest'
import { openTable, type TabularRow } from './read-table.js'
import { writeTable } from './write-table.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-tabular-w-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

async function roundTrip(name: string, format: 'csv' | 'xlsx'): Promise<TabularRow[]> {
  const target = path.join(dir, name)
  const out = fs.createWriteStream(target)
  await writeTable(out, format, [
    { name: 'Kesalahan', columns: ['baris', 'nik', 'pesan'], rows: [['2', '5171011205900001', 'NIK "salah", cek lagi'], ['3', '0012', 'baris\nkedua']] },
    { name: 'Petunjuk', columns: ['kolom'], rows: [['nik']] },
  ])
  await finished(out)
  const rows: TabularRow[] = []
  for await (const row of (await openTable(target)).rows) rows.push(row)
  return rows
}

describe('writeTable', () => {
  it.each(['csv', 'xlsx'] as const)('writes a table that reads back the same, as text (%s)', async (format) => {
    expect(await roundTrip(`out.${format}`, format)).toEqual([
      { line: 2, values: { baris: '2', nik: '5171011205900001', pesan: 'NIK "salah", cek lagi' } },
      { line: 3, values: { baris: '3', nik: '0012', pesan: 'baris\nkedua' } },
    ])
  })
})
