import { expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { listTargets } from '../areas/coverage/index.js'
import { setCoverageTarget } from './coverage-admin.js'
import { ensureDemoTargets } from './seed-demo-targets.js'

const now = new Date('2026-11-26T03:00:00Z')

describeDb('the demo coverage targets', (ctx) => {
  it('sets each province its published UCJ target for this year, says it is an earlier year used for the demo, and never changes a target', async () => {
    await setCoverageTarget(ctx.sql, { regionCode: '94', year: 2026, value: '70%', source: 'set by the office', actor: null, requestId: null }, now)
    expect(await ensureDemoTargets(ctx.sql, now)).toBe(2)
    const targets = await listTargets(ctx.sql, 2026)
    expect(targets.map((t) => [t.regionCode, t.kind, t.value])).toEqual([['52', 'pct', 622_200], ['53', 'pct', 648_200], ['94', 'pct', 700_000]])
    expect(targets.find((t) => t.regionCode === '52')?.source).toMatch(/\(target 2025, dipakai sebagai target demo 2026\)$/)
    expect(targets.find((t) => t.regionCode === '94')?.source).toBe('set by the office')
    expect(await ensureDemoTargets(ctx.sql, now)).toBe(0)
  })
}, { referenceData: true })
