import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordWage } from '../../areas/employers/index.js'
import { insertTestParticipant } from '../../areas/employers/testing/fixtures.js'
import { trialBalance } from '../../areas/ledger/index.js'
import type { Database } from '../../platform/db/index.js'
import { closeOwnedDataDir, openOwnedDataDir, runCliInProcess as run } from '../../../test/cli.js'
import { newId } from '../../platform/ids.js'

/** `semesta employer bill|pay|arrears` as a clerk runs them, beside a process that owns the embedded folder. */
describe('semesta employer bill / pay / arrears', () => {
  let dataDir: string
  let owner: Database
  let env: NodeJS.ProcessEnv

  beforeAll(async () => {
    ;({ dataDir, owner, env } = await openOwnedDataDir('semesta-employer-billing-cli-'))
  })

  afterAll(() => closeOwnedDataDir({ dataDir, owner }))

  it('bills E1 for March 2026 and pays it on 15 Jun 2026 with E8 fines; the same key replays', async () => {
    const added = await run(['employer', 'add', '--npp', 'dps-e8', '--name', 'PT Denpasar Karya', '--region', '5171', '--scale', 'large', '--risk-group', '1', '--json'], env)
    expect(added.code).toBe(0)
    const employerId = (JSON.parse(added.stdout) as { id: string }).id
    const worker = await insertTestParticipant(owner.sql, { name: 'Ketut Cli' })
    await recordWage(owner.sql, { actor: null, employerId, nik: worker.nik, month: '2026-03', wageIdr: 5_000_000, via: 'cli', requestId: null }, new Date(), () => newId())

    const billed = await run(['employer', 'bill', '--npp', 'DPSE8', '--month', '2026-03', '--json'], env)
    expect(billed.stderr).toBe('')
    const invoice = JSON.parse(billed.stdout) as Record<string, unknown>
    expect(invoice).toMatchObject({ invoiceNo: 'PU-DPSE8-202603', employer: { npp: 'DPSE8' }, month: '2026-03', workers: 1, amountIdr: 462_000, dueDate: '2026-04-15' })
    expect(Object.keys(invoice)).toEqual(['invoiceNo', 'employer', 'month', 'workers', 'amountIdr', 'lines', 'dueDate'])
    expect(invoice.lines).toHaveLength(6)

    const arrears = await run(['employer', 'arrears', '--npp', 'DPSE8', '--as-of', '2026-06-15', '--json'], env)
    expect(JSON.parse(arrears.stdout)).toMatchObject({ monthsLate: 1, contributionIdr: 462_000, fineIdr: 18_480, totalIdr: 480_480 })

    const paid = await run(['employer', 'pay', '--invoice', 'PU-DPSE8-202603', '--date', '2026-06-15', '--key', 'bank-ref-1', '--json'], env)
    expect(paid.stderr).toBe('')
    expect(JSON.parse(paid.stdout)).toEqual({ invoiceNo: 'PU-DPSE8-202603', amountIdr: 462_000, fineIdr: 18_480, totalIdr: 480_480, replayed: false })
    const replay = await run(['employer', 'pay', '--invoice', 'PU-DPSE8-202603', '--date', '2026-06-15', '--key', 'bank-ref-1', '--json'], env)
    expect(JSON.parse(replay.stdout)).toMatchObject({ totalIdr: 480_480, replayed: true })
    const unknown = await run(['employer', 'pay', '--invoice', 'PU-NOPE-202603', '--date', '2026-06-15'], env)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/--invoice/)
    expect((await trialBalance(owner.sql)).balanced).toBe(true)
  }, 300_000)
})
