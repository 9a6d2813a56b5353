import { describe, expect, it } from 'vitest'
import { agentStatus } from './status.js'

describe('an agent without production for 3 months counts as inactive', () => {
  const a = { terminated: false, joinedOn: '2025-01-15', lastProductionOn: '2026-01-31' }
  it('stays aktif through the third month without production and is tidak_aktif from the fourth', () => {
    expect(agentStatus(a, '2026-04-30', 3)).toBe('aktif')
    expect(agentStatus(a, '2026-05-01', 3)).toBe('tidak_aktif')
  })
  it('counts from joining when the agent never produced, and a terminated agent is inactive at once', () => {
    expect(agentStatus({ ...a, lastProductionOn: null }, '2025-04-30', 3)).toBe('aktif')
    expect(agentStatus({ ...a, lastProductionOn: null }, '2025-05-01', 3)).toBe('tidak_aktif')
    expect(agentStatus({ ...a, terminated: true }, '2026-02-01', 3)).toBe('tidak_aktif')
  })
})
