import { describe, expect, it } from 'vitest'
import { commissionStatement, type CollectionFact, type RegistrationFact } from './commission.js'
import { MID_YEAR_RULES } from './test-rules.js'

const c = (paymentId: string, collectedOn: string, amountIdr: number, reversedOn: string | null = null): CollectionFact => ({ paymentId, collectedOn, amountIdr, reversedOn })
const r = (participantId: string, registeredOn: string, programmes = 2): RegistrationFact => ({ participantId, registeredOn, programmes })

describe('the monthly incentive statement of an agent', () => {
  const collections = [c('a', '2026-06-10', 16_800), c('b', '2026-06-20', 33_600), c('c', '2026-07-05', 16_800), c('d', '2026-07-30', 50_400)]
  const registrations = [r('p1', '2026-06-01'), r('p2', '2026-06-02', 3), r('p3', '2026-07-03', 3), r('p4', '2026-07-04', 2)]

  it('prices June at the June rate (7.5 %) and July at the July rate (15 %)', () => {
    const june = commissionStatement('2026-06', MID_YEAR_RULES, collections, registrations)
    expect(june.lines.find((l) => l.kind === 'collection')).toMatchObject({ baseIdr: 50_400, rateppm: 75_000, amountIdr: 3_780, count: 2 })
    // 2 new participants reach the 2018-style threshold: Rp500,000 flat; the wadah takes 10 % from the agent
    expect(june.lines.find((l) => l.kind === 'acquisition')).toMatchObject({ amountIdr: 500_000, count: 2 })
    expect(june.lines.find((l) => l.kind === 'wadah_share')).toMatchObject({ baseIdr: 503_780, amountIdr: -50_378 })
    expect(june).toMatchObject({ totalIdr: 453_402, wadahIdr: 50_378, collectedIdr: 50_400, newParticipants: 2, scheme: { from: '2018-02', evidence: 'C2' } })

    const july = commissionStatement('2026-07', MID_YEAR_RULES, collections, registrations)
    expect(july.lines.find((l) => l.kind === 'collection')).toMatchObject({ baseIdr: 67_200, rateppm: 150_000, amountIdr: 10_080 })
    expect(july.lines.find((l) => l.kind === 'acquisition')).toMatchObject({ amountIdr: 25_000 })
    // paid beside the agent: shown, not deducted
    expect(july.lines.find((l) => l.kind === 'wadah_share')).toMatchObject({ amountIdr: 0, rateppm: 100_000 })
    expect(july).toMatchObject({ totalIdr: 35_080, wadahIdr: 3_508, scheme: { from: '2026-07', evidence: 'S1' } })
  })

  it('claws back a reversed collection in the month of the reversal, at the rate of its own month', () => {
    const reversed = [c('a', '2026-06-10', 16_800, '2026-07-02'), c('c', '2026-07-05', 16_800)]
    const july = commissionStatement('2026-07', MID_YEAR_RULES, reversed, [])
    expect(july.lines).toEqual([
      { kind: 'collection', schemeMonth: '2026-07', baseIdr: 16_800, rateppm: 150_000, amountIdr: 2_520, count: 1, evidence: 'S1' },
      { kind: 'clawback', schemeMonth: '2026-06', baseIdr: -16_800, rateppm: 75_000, amountIdr: -1_260, count: 1, evidence: 'C2' },
      { kind: 'wadah_share', schemeMonth: '2026-07', baseIdr: 1_260, rateppm: 100_000, amountIdr: 0, count: 0, evidence: 'S1' },
    ])
    expect(july.totalIdr).toBe(1_260)
    // the June statement is not rewritten: it keeps the collection it paid for
    expect(commissionStatement('2026-06', MID_YEAR_RULES, reversed, []).totalIdr).toBe(1_260 - 126)
  })

  it('pays no acquisition incentive under the threshold, and nothing before the first scheme', () => {
    expect(commissionStatement('2026-07', MID_YEAR_RULES, [], [r('p', '2026-07-01', 3)]).lines).toEqual([])
    expect(commissionStatement('2017-12', MID_YEAR_RULES, [c('x', '2017-12-01', 10_000)], [])).toMatchObject({ totalIdr: 0, scheme: null, lines: [] })
  })
})
