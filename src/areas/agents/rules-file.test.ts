import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseAgentRules, schemeFor } from './domain/scheme.js'
import { AGENT_RULES_FILE, loadAgentRules } from './rules-file.js'

const file = parse(readFileSync(AGENT_RULES_FILE, 'utf8')) as Record<string, unknown>

describe('reference/agen-perisai.yaml', () => {
  const rules = loadAgentRules()

  it('holds the 2018 scheme (7.5 %, Rp500,000 at 50, wadah 10 % from the agent) and the later 15 % scheme', () => {
    expect(schemeFor(rules, '2018-02')).toMatchObject({ collectionRateppm: 75_000, acquisition: { kind: 'flat_at_threshold', threshold: 50, amountIdr: 500_000 }, wadahShareFromAgent: true, evidence: 'C2' })
    expect(schemeFor(rules, '2026-03')).toMatchObject({ collectionRateppm: 150_000, acquisition: { kind: 'per_worker_at_threshold', threshold: 25 }, wadahShareFromAgent: false, evidence: 'S1' })
    expect(schemeFor(rules, '2018-01')).toBeNull()
    expect(rules.inactiveAfterMonths).toBe(3)
  })

  it('refuses overlapping schemes, a missing citation and an unknown evidence label', () => {
    const schemes = file.schemes as Record<string, unknown>[]
    expect(() => parseAgentRules({ ...file, schemes: [schemes[0], { ...schemes[1], from: '2019-06' }] })).toThrow(/overlap/)
    expect(() => parseAgentRules({ ...file, schemes: [{ ...schemes[0], citation: '' }] })).toThrow(/citation/)
    expect(() => parseAgentRules({ ...file, schemes: [{ ...schemes[0], evidence: 'X' }] })).toThrow(/evidence/)
  })
})
