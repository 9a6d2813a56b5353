import { describe, expect, it } from 'vitest'
import type { Actor } from '../access/index.js'
import { collectionOf, mayReadWorklists, mayRecordPayment, mayRecordPayments, paymentView } from './policy.js'

const SOURCE = '0190a6a0-0000-7000-8000-000000000001'
const OTHER = '0190a6a0-0000-7000-8000-000000000002'
const actor = (role: Actor['role'], scope: Partial<Pick<Actor, 'regionCodes' | 'sourceIds'>> = {}): Actor => ({
  userId: 'u', username: 'u', role, branchCode: null, regionCodes: scope.regionCodes ?? [], sourceIds: scope.sourceIds ?? [],
})
const kupang = { regencyCode: '53.71', sourceId: SOURCE }

describe('contributions policy', () => {
  it('lets an agent record payments only for its own portfolio, and a cabang only inside its regencies', () => {
    expect(mayRecordPayment(actor('agent', { sourceIds: [SOURCE] }), kupang)).toBe(true)
    expect(mayRecordPayment(actor('agent', { sourceIds: [OTHER] }), kupang)).toBe(false)
    expect(mayRecordPayment(actor('cabang', { regionCodes: ['53.71'] }), kupang)).toBe(true)
    expect(mayRecordPayment(actor('cabang', { regionCodes: ['51.71'] }), kupang)).toBe(false)
    expect(mayRecordPayment(actor('kanwil'), kupang)).toBe(true)
    expect(mayRecordPayments(actor('viewer'))).toBe(false)
    expect(mayRecordPayments(actor('pemda', { regionCodes: ['53.71'] }))).toBe(false)
    expect(mayRecordPayments(actor('channel'))).toBe(false)
  })

  it('shows accounts in clear to payment readers in scope, masked to a viewer in its regions, and not at all otherwise', () => {
    expect(paymentView(actor('cabang', { regionCodes: ['53.71'] }), kupang)).toBe('full')
    expect(paymentView(actor('viewer', { regionCodes: ['53.71'] }), kupang)).toBe('masked')
    expect(paymentView(actor('viewer', { regionCodes: ['51.71'] }), kupang)).toBe('none')
    expect(paymentView(actor('agent', { sourceIds: [OTHER] }), kupang)).toBe('none')
    expect(mayReadWorklists(actor('agent', { sourceIds: [SOURCE] }))).toBe(true)
    expect(mayReadWorklists(actor('channel'))).toBe(false)
  })

  it('names who collected the money', () => {
    expect(collectionOf(actor('agent', { sourceIds: [OTHER, SOURCE] }), kupang)).toEqual({ channel: 'agent', sourceId: SOURCE })
    expect(collectionOf(actor('agent', { sourceIds: [OTHER] }), kupang, SOURCE)).toBeNull()
    expect(collectionOf(actor('cabang', { regionCodes: ['53.71'] }), kupang)).toEqual({ channel: 'office', sourceId: null })
    expect(collectionOf(actor('kanwil'), kupang, OTHER)).toEqual({ channel: 'office', sourceId: OTHER })
  })
})
