import { describe, expect, it } from 'vitest'
import type { Actor } from '../access/index.js'
import { mayAddSource, mayExportParticipant, maySearchParticipants, participantView } from './policy.js'

const who = (role: Actor['role'], scope: Partial<Pick<Actor, 'regionCodes' | 'sourceIds'>> = {}): Actor => ({
  userId: 'u1', username: 'u', role, branchCode: null, regionCodes: scope.regionCodes ?? [], sourceIds: scope.sourceIds ?? [],
})
const denpasar = { regencyCode: '51.71', sourceId: 'src-a' }

describe('participant policy', () => {
  it.each([
    ['kanwil', who('kanwil'), 'full'],
    ['cabang in its regencies', who('cabang', { regionCodes: ['51.71'] }), 'full'],
    ['pemda of its province', who('pemda', { regionCodes: ['51'] }), 'full'],
    ['pemda elsewhere', who('pemda', { regionCodes: ['52.71'] }), 'none'],
    ['agent of the source', who('agent', { sourceIds: ['src-a'] }), 'full'],
    ['agent of another source', who('agent', { sourceIds: ['src-b'] }), 'none'],
    ['viewer in its regions', who('viewer', { regionCodes: ['51.71'] }), 'masked'],
    ['viewer of all Banuspa', who('viewer'), 'masked'],
    ['viewer elsewhere', who('viewer', { regionCodes: ['94.01'] }), 'none'],
    ['channel', who('channel', { sourceIds: ['src-a'] }), 'none'],
  ] as const)('%s sees %s', (_, actor, view) => {
    expect(participantView(actor, denpasar)).toBe(view)
  })

  it('lets only office roles in scope export, admin/kanwil add sources, and the channel role search nothing', () => {
    expect(mayExportParticipant(who('cabang', { regionCodes: ['51.71'] }), denpasar)).toBe(true)
    expect(mayExportParticipant(who('cabang', { regionCodes: ['52.71'] }), denpasar)).toBe(false)
    expect(mayExportParticipant(who('pemda', { regionCodes: ['51.71'] }), denpasar)).toBe(false)
    expect(mayExportParticipant(who('agent', { sourceIds: ['src-a'] }), denpasar)).toBe(false)
    expect([mayAddSource(who('kanwil')), mayAddSource(who('admin')), mayAddSource(who('cabang', { regionCodes: ['51.71'] }))]).toEqual([true, true, false])
    expect([maySearchParticipants(who('viewer')), maySearchParticipants(who('channel'))]).toEqual([true, false])
  })
})
