import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeOwnedDataDir, openOwnedDataDir, runCliInProcess as run } from '../../../test/cli.js'
import { people, writeCohortFile } from '../../flows/pemda.test-support.js'
import type { Database } from '../../platform/db/index.js'

/** `semesta pemda add|enrol|invoice|pay|status|scorecard --json` as an operator runs them (issue 8 item 7). */
describe('semesta pemda', () => {
  let dataDir: string
  let owner: Database
  let env: NodeJS.ProcessEnv

  beforeAll(async () => {
    ;({ dataDir, owner, env } = await openOwnedDataDir('semesta-pemda-cli-'))
  })
  afterAll(() => closeOwnedDataDir({ dataDir, owner }))

  it('adds a programme, enrols a group from an XLSX, invoices, pays and shows the budget, counts and amounts as JSON numbers', { timeout: 300_000 }, async () => {
    const added = await run(['pemda', 'add', '--name', 'Pekerja rentan Kota Denpasar', '--region', '5171', '--year', '2026', '--budget', '1000000',
      '--programmes', 'jkk,jkm', '--income', '1000000', '--groups', 'nelayan:3,petani:10', '--start', '2026-01', '--end', '2026-12', '--json'], env)
    expect(added.stderr).toBe('')
    const { id } = JSON.parse(added.stdout) as { id: string }
    expect(Object.keys(JSON.parse(added.stdout))).toEqual(['id'])

    const file = path.join(dataDir, 'nelayan.xlsx')
    await writeCohortFile(file, people(900, 4))
    const enrolled = await run(['pemda', 'enrol', '--programme', id, '--group', 'nelayan', file, '--json'], env)
    expect(enrolled.code).toBe(0)
    expect(JSON.parse(enrolled.stdout)).toMatchObject({ read: 4, stored: 3, rejected: 1, errors: [{ row: 5, code: 'quota_exceeded' }], cohort: { admitted: 3, quotaExceeded: 1, members: 3 } })

    const invoiced = await run(['pemda', 'invoice', '--programme', id, '--month', '2026-01', '--members', path.join(dataDir, 'members.xlsx'), '--json'], env)
    expect(invoiced.stderr).toBe('')
    const invoice = JSON.parse(invoiced.stdout) as { invoiceNo: string }
    expect(invoice).toEqual({
      invoiceNo: expect.stringMatching(/^PMD-5171-[0-9A-F]{8}-202601$/), programme: id, month: '2026-01', workers: 3, amountIdr: 50_400,
      lines: [{ group: 'nelayan', workers: 3, amountIdr: 50_400 }, { group: 'petani', workers: 0, amountIdr: 0 }],
    })
    expect(fs.statSync(path.join(dataDir, 'members.xlsx')).size).toBeGreaterThan(0)

    const paid = await run(['pemda', 'pay', '--invoice', invoice.invoiceNo, '--date', '2026-01-12', '--amount', '50400', '--json'], env)
    expect(JSON.parse(paid.stdout)).toMatchObject({ invoiceNo: invoice.invoiceNo, amountIdr: 50_400, membersSettled: 3, membersAktif: 3, replayed: false })

    const status = await run(['pemda', 'status', '--programme', id, '--json'], env)
    // January invoiced; February–December at 3 × 16,800; the remaining budget covers more workers for those 11 months
    expect(JSON.parse(status.stdout)).toEqual({
      budgetIdr: 1_000_000, usedIdr: 50_400, committedIdr: 12 * 50_400, runOutMonth: null, workers: { nelayan: 3, petani: 0 },
      remainingCapacityWorkers: Math.floor((1_000_000 - 12 * 50_400) / (11 * 16_800)),
    })

    const card = await run(['pemda', 'scorecard', '--region', '51.71', '--year', '2026', '--json'], env)
    expect(JSON.parse(card.stdout)).toMatchObject({ regionCode: '51.71', year: 2026, criteria: expect.arrayContaining([expect.objectContaining({ code: 'apbd_budget', met: true, value: 1_000_000 })]) })

    const wrong = await run(['pemda', 'invoice', '--programme', id, '--month', '2027-01'], env)
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain('out_of_range (--month)')
  })
})
