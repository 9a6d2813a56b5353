import { describe, expect, it } from 'vitest'
import { contributionStatus } from '../../contributions/domain/status-engine.js'
import { bpuSchedule, monthlyDues } from '../../contributions/domain/fixtures.test-support.js'
import { LAPSE_RULE } from '../../contributions/domain/lapse-rule.js'
import type { AccountInput } from '../../contributions/domain/types.js'
import { protectedUntil } from './protected-until.js'

const paidJanuary: AccountInput = { rule: 'bpu_lapse', lapse: LAPSE_RULE, firstDueMonth: '2026-01', dues: monthlyDues('2026-01', 1, { '2026-01': '2026-01-10' }), schedule: bpuSchedule() }

describe('protected until', () => {
  it('is the day before the engine makes an unpaid BPU nonaktif (through the menunggak months)', () => {
    const until = protectedUntil(paidJanuary, '2026-02-01')
    expect(until).not.toBeNull()
    expect(contributionStatus(paidJanuary, until!).status).toBe('menunggak')
    const dayAfter = new Date(Date.parse(`${until}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    expect(contributionStatus(paidJanuary, dayAfter).status).toBe('nonaktif')
    expect(protectedUntil(paidJanuary, '2026-03-01')).toBe(until)
  })
  it('is null for someone not protected (registered, never paid)', () => {
    expect(protectedUntil({ ...paidJanuary, dues: [], firstDueMonth: null }, '2026-02-01')).toBeNull()
  })
})
