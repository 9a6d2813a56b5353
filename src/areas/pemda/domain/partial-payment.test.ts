import { describe, expect, it } from 'vitest'
import { coveredMemberMonths } from './partial-payment.js'

const mm = (participantId: string, groupCode: string, month: string, amountIdr = 16_800) => ({ participantId, groupCode, month, amountIdr })

describe('coveredMemberMonths (partial payment of a pemda invoice)', () => {
  const items = [mm('b', 'petani', '2026-05'), mm('a', 'petani', '2026-05'), mm('c', 'nelayan', '2026-05'), mm('a', 'petani', '2026-04'), mm('d', 'non_asn', '2026-05', 10_800)]
  const order = ['nelayan', 'petani', 'non_asn']

  it('covers the oldest month first, then the groups in the programme order, then members by id', () => {
    const keys = (paid: number) => coveredMemberMonths(items, order, paid).map((i) => `${i.month}:${i.groupCode}:${i.participantId}`)
    expect(keys(16_800 * 3)).toEqual(['2026-04:petani:a', '2026-05:nelayan:c', '2026-05:petani:a'])
    expect(keys(16_800 * 4 + 10_799)).toEqual(['2026-04:petani:a', '2026-05:nelayan:c', '2026-05:petani:a', '2026-05:petani:b'])
    expect(keys(16_800 * 4 + 10_800)).toHaveLength(5)
  })

  it('whole member-months only; nothing for less than the first one; the prefix stops at the first that does not fit', () => {
    expect(coveredMemberMonths(items, order, 16_799)).toEqual([])
    const cheapLast = [mm('a', 'nelayan', '2026-04', 20_000), mm('b', 'nelayan', '2026-04', 5_000)]
    expect(coveredMemberMonths(cheapLast, order, 15_000)).toEqual([])
  })
})
