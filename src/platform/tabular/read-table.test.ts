import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { openTable, type TabularRow } from './read-table.js'
import { TabularError } from './tabular-error.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-tabular-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function file(name: string, text: string): string {
  const target = path.join(dir, name)
  fs.writeFileSync(target, text)
  return target
}

async function all(rows: AsyncGenerator<TabularRow>): Promise<TabularRow[]> {
  const out: TabularRow[] = []
  for await (const row of rows) out.push(row)
  return out
}

async function problemOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(TabularError)
  return (error as TabularError).problem
}

describe('a CSV file', () => {
  it('yields rows keyed by normalised headers, with the file line number (header = 1), skipping blank lines', async () => {
    const table = await openTable(file('a.csv', '\uFEFF NIK ,Tanggal Lahir,Nama\r\n5171011205900001,1990-05-12,"Made, Wayan"\r\n\r\n5171,2000-01-01,"Ni\nLuh"\r\n'))
    expect(table.format).toBe('csv')
    expect(table.columns).toEqual(['nik', 'tanggal_lahir', 'nama'])
    expect(await all(table.rows)).toEqual([
      { line: 2, values: { nik: '5171011205900001', tanggal_lahir: '1990-05-12', nama: 'Made, Wayan' } },
      { line: 4, values: { nik: '5171', tanggal_lahir: '2000-01-01', nama: 'Ni\nLuh' } },
    ])
  })

  it('reads the semicolon-separated CSV that Excel writes in an Indonesian locale, and short rows as blanks', async () => {
    const table = await openTable(file('b.txt', 'nik;nama;no_hp\n1;A\n'))
    expect(await all(table.rows)).toEqual([{ line: 2, values: { nik: '1', nama: 'A', no_hp: '' } }])
  })

  it('fails before any row when a required column is missing', async () => {
    const error = await openTable(file('c.csv', 'nik,nama\n1,A\n'), { requiredColumns: ['nik', 'nama', 'tanggal_lahir', 'program'] }).catch((e: unknown) => e)
    expect(error).toMatchObject({ problem: 'missing_columns', missingColumns: ['tanggal_lahir', 'program'] })
    expect((error as Error).message).toContain('tanggal_lahir, program')
  })

  it('an empty file has no header', async () => {
    expect(await problemOf(openTable(file('d.csv', '\n\n'), { requiredColumns: ['nik'] }))).toBe('missing_columns')
  })
})

describe('files that cannot be read', () => {
  it('a missing file, an unknown extension, a legacy .xls and a fake .xlsx are TabularErrors', async () => {
    expect(await problemOf(openTable(path.join(dir, 'nope.csv')))).toBe('missing_file')
    expect(await problemOf(openTable(file('e.pdf', '%PDF-1.4')))).toBe('unknown_format')
    expect(await problemOf(openTable(file('f.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]).toString('latin1'))))).toBe('unknown_format')
    expect(await problemOf(openTable(file('g.xlsx', 'nik,nama\n')))).toBe('unreadable')
  })
})

describe('an XLSX file', () => {
  it('turns numbers and dates into the text the validators expect, by magic bytes whatever the extension', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Peserta')
    sheet.addRow(['NIK', 'Tanggal Lahir', 'Nama', 'Penghasilan'])
    sheet.addRow([5171011205900001, new Date(Date.UTC(1990, 4, 12)), { richText: [{ text: 'Made ' }, { text: 'Wayan' }] }, 1500000])
    sheet.getCell('B2').numFmt = 'dd/mm/yyyy'
    sheet.addRow([])
    sheet.addRow(['5171014708850002', '12/05/1990', { formula: 'UPPER("b")', result: 'B' }, '1.000.000'])
    workbook.addWorksheet('Petunjuk').addRow(['ignored'])
    const target = path.join(dir, 'h.bin')
    await workbook.xlsx.writeFile(target)
    const table = await openTable(target, { requiredColumns: ['nik'] })
    expect(table.format).toBe('xlsx')
    expect(await all(table.rows)).toEqual([
      { line: 2, values: { nik: '5171011205900001', tanggal_lahir: '1990-05-12', nama: 'Made Wayan', penghasilan: '1500000' } },
      { line: 4, values: { nik: '5171014708850002', tanggal_lahir: '12/05/1990', nama: 'B', penghasilan: '1.000.000' } },
    ])
  })
})
