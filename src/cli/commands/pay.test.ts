import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../platform/db/index.js'
import { closeOwnedDataDir, openOwnedDataDir, runCliInProcess as run } from '../../../test/cli.js'
import { trialBalance } from '../../areas/ledger/index.js'
import { registerBpu } from '../../flows/contributions.test-support.js'

describe('semesta pay / bill / participant show (the done-when story through the CLI)', () => {
  let dataDir: string
  let owner: Database
  let env: NodeJS.ProcessEnv
  const json = async (args: string[]) => {
    const r = await run([...args, '--json'], env)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    return JSON.parse(r.stdout) as Record<string, unknown>
  }

  beforeAll(async () => {
    ;({ dataDir, owner, env } = await openOwnedDataDir('semesta-pay-cli-'))
  }, 120_000)

  afterAll(() => closeOwnedDataDir({ dataDir, owner }))

  it('pays Jan–Mar, bills, lapses, pays September; replays the same key; shows the gap', async () => {
    const p = await registerBpu(owner.sql)
    const first = await json(['pay', p.nik, '--months', '3', '--date', '2026-01-10', '--key', 'cli-k1'])
    expect(first).toMatchObject({ replayed: false, months: ['2026-01', '2026-02', '2026-03'], paidThrough: '2026-03', creditIdr: 0 })
    expect(await json(['pay', p.nik, '--months', '3', '--date', '2026-01-10', '--key', 'cli-k1'])).toEqual({ ...first, replayed: true })
    const bill = await json(['bill', '--month', '2026-04'])
    expect(bill).toEqual({ month: '2026-04', enrolments: 1, dues: 2, billedIdr: expect.any(Number) })
    expect(await json(['participant', 'show', p.kpj, '--as-of', '2026-04-16'])).toMatchObject({ status: 'menunggak', nextChange: { date: '2026-07-16', status: 'nonaktif' } })
    const sept = await json(['pay', p.kpj, '--months', '1', '--date', '2026-09-10'])
    expect(sept).toMatchObject({ months: ['2026-09'], paidThrough: '2026-09' })
    const shown = await json(['participant', 'show', p.nik, '--as-of', '2026-09-10'])
    expect((shown.months as { month: string; status: string }[]).map((m) => m.status)).toEqual([
      'aktif', 'aktif', 'aktif', 'menunggak', 'menunggak', 'menunggak', 'nonaktif', 'nonaktif', 'aktif',
    ])
    expect(shown).toMatchObject({ status: 'aktif', creditIdr: 0, arrearsIdr: 0 })
    expect((await trialBalance(owner.sql)).balanced).toBe(true)

    const refused = await run(['pay', p.nik, '--months', '13', '--json'], env)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('(--months)')
  }, 180_000)
})
