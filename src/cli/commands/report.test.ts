import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../platform/db/index.js'
import { closeOwnedDataDir, openOwnedDataDir, runCliInProcess as run } from '../../../test/cli.js'
import { registerBpu } from '../../flows/contributions.test-support.js'

/** `semesta report coverage|close|rebuild` and `semesta target set|import` as an operator runs them. */
describe('semesta report / target', () => {
  let dataDir: string
  let owner: Database
  let env: NodeJS.ProcessEnv
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-report-out-'))

  beforeAll(async () => {
    ;({ dataDir, owner, env } = await openOwnedDataDir('semesta-report-cli-'))
    await registerBpu(owner.sql, '2026-01-05')
  })

  afterAll(async () => {
    await closeOwnedDataDir({ dataDir, owner })
    fs.rmSync(out, { recursive: true, force: true })
  })

  it('sets and imports targets, reports as JSON, CSV and XLSX, closes a month once and proves the rebuild', async () => {
    const set = await run(['target', 'set', '--region', '52', '--year', '2026', '--value', '62.22%', '--source', 'SE Bangda 500.11.2/9602', '--json'], env)
    expect(set.stderr).toBe('')
    expect(JSON.parse(set.stdout)).toMatchObject({ regionCode: '52', kind: 'pct', value: 622_200 })
    const csvFile = path.join(out, 'targets.csv')
    fs.writeFileSync(csvFile, 'region,year,value,source\n53,2026,64.82%,Rakortekrenbang 2024\n5171,2026,1000,uji\n')
    expect(JSON.parse((await run(['target', 'import', csvFile, '--json'], env)).stdout)).toEqual({ imported: 2, targets: 3 })

    const json = await run(['report', 'coverage', '--month', '2026-01', '--level', 'regency', '--format', 'json'], env)
    expect(json.stderr).toBe('')
    const report = JSON.parse(json.stdout) as { month: string; rows: Array<{ code: string; registered: number; target: number | null }> }
    expect(report.month).toBe('2026-01')
    expect(report.rows.find((r) => r.code === '51.71')).toMatchObject({ registered: 1, target: 1000 })
    const csv = await run(['report', 'coverage', '--month', '2026-01', '--format', 'csv'], env)
    expect(csv.stdout.split('\r\n')).toHaveLength(11) // header + 9 provinces + trailing
    const xlsxFile = path.join(out, 'cakupan.xlsx')
    expect((await run(['report', 'coverage', '--month', '2026-01', '--format', 'xlsx', '--out', xlsxFile], env)).code).toBe(0)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(xlsxFile)
    expect(book.worksheets.map((w) => w.name)[0]).toBe('Bali')

    const closed = await run(['report', 'close', '--month', '2026-01', '--json'], env)
    expect(JSON.parse(closed.stdout)).toMatchObject({ month: '2026-01', closed: true })
    expect(JSON.parse((await run(['report', 'close', '--month', '2026-01', '--json'], env)).stdout)).toMatchObject({ closed: false })
    const rebuilt = await run(['report', 'rebuild', '--check-only', '--json'], env)
    expect(rebuilt.code).toBe(0)
    expect(JSON.parse(rebuilt.stdout)).toMatchObject({ equal: true, differences: [] })
    const bad = await run(['report', 'coverage', '--level', 'kecamatan'], env)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('--level')
  }, 300_000)
})
