import { describe, expect, it } from 'vitest'
import { ACTIONS, authorize, canSeePersonalData, dataScope, regionInScope, type Action, type Subject } from './policy.js'
import { ROLES, type Actor, type Role } from './roles.js'

const actors: Record<Role, Actor> = {
  admin: { userId: 'u-admin', username: 'admin', role: 'admin', branchCode: null, regionCodes: [], sourceIds: [] },
  kanwil: { userId: 'u-kanwil', username: 'kanwil', role: 'kanwil', branchCode: null, regionCodes: [], sourceIds: [] },
  cabang: { userId: 'u-cabang', username: 'cabang.dps', role: 'cabang', branchCode: 'bali-denpasar', regionCodes: ['51.01', '51.02', '51.03', '51.08', '51.71'], sourceIds: [] },
  pemda: { userId: 'u-pemda', username: 'pemkot.kupang', role: 'pemda', branchCode: null, regionCodes: ['53.71'], sourceIds: [] },
  agent: { userId: 'u-agent', username: 'agen.1', role: 'agent', branchCode: 'ntt-kupang', regionCodes: [], sourceIds: ['agent-1'] },
  channel: { userId: 'u-pos', username: 'pos', role: 'channel', branchCode: null, regionCodes: [], sourceIds: ['pos'] },
  viewer: { userId: 'u-viewer', username: 'viewer', role: 'viewer', branchCode: null, regionCodes: [], sourceIds: [] },
}

/** A subject inside each role's scope, and one outside it (null: the role has no outside). */
const own: Record<Role, Subject> = {
  admin: { regionCode: '94.04' },
  kanwil: { regionCode: '96.71' },
  cabang: { regionCode: '51.71.01' },
  pemda: { regionCode: '53.71' },
  agent: { regionCode: '53.71', sourceId: 'agent-1' },
  channel: { sourceId: 'pos' },
  viewer: { regionCode: '95.01' },
}
const foreign: Record<Role, Subject | null> = {
  admin: null,
  kanwil: null,
  cabang: { regionCode: '51.04' },
  pemda: { regionCode: '53.01' },
  agent: { regionCode: '53.71', sourceId: 'agent-2' },
  channel: { sourceId: 'brilink' },
  viewer: null,
}

/** Which roles may do each action on a subject in their own scope. Every action of ACTIONS has a row. */
const MATRIX: Record<Action, string> = {
  'self.read': 'admin kanwil cabang agent pemda channel viewer',
  'reference.read': 'admin kanwil cabang agent pemda viewer',
  'branch_office.read': 'admin kanwil cabang agent pemda viewer',
  'coverage.read': 'admin kanwil cabang agent pemda viewer',
  'coverage.write': 'admin kanwil',
  'report.read': 'admin kanwil cabang pemda viewer',
  'participant.read': 'admin kanwil cabang agent pemda',
  'participant.write': 'admin kanwil cabang agent',
  'payment.read': 'admin kanwil cabang agent pemda',
  'payment.write': 'admin kanwil cabang agent',
  'employer.read': 'admin kanwil cabang pemda',
  'employer.write': 'admin kanwil cabang',
  'import.run': 'admin kanwil cabang pemda',
  'pemda.read': 'admin kanwil cabang pemda',
  'pemda.write': 'admin kanwil cabang pemda',
  'agent.read': 'admin kanwil cabang agent',
  'agent.write': 'admin kanwil cabang',
  'user.read': 'admin',
  'user.write': 'admin',
  'api_token.write': 'admin',
  'audit.read': 'admin',
  'branch_office.write': 'admin',
  'channel.bill.read': 'channel',
  'channel.payment.write': 'channel',
  'channel.status.read': 'channel',
  'channel.reconcile': 'channel',
  'channel.registration.write': 'channel',
  'channel.reversal.write': 'channel',
  'channel_partner.read': 'admin kanwil cabang',
  'channel_partner.reconcile': 'admin kanwil cabang',
  'claim.read': 'admin kanwil cabang',
  'claim.write': 'admin kanwil cabang',
}

const cases = (Object.keys(ACTIONS) as Action[]).flatMap((action) => ROLES.map((role) => ({ action, role, allowed: MATRIX[action].split(' ').includes(role) })))

describe('authorize: every role × action', () => {
  it('has a matrix row for every action', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(ACTIONS).sort())
  })

  it.each(cases)('$role $action on its own scope → $allowed', ({ action, role, allowed }) => {
    expect(authorize(actors[role], action, own[role])).toBe(allowed)
  })

  const scoped = cases.filter(({ action, role, allowed }) => allowed && foreign[role] !== null && !['self', 'reference', 'admin'].includes(ACTIONS[action].kind))
  it.each(scoped)('$role $action outside its scope → refused', ({ action, role }) => {
    expect(authorize(actors[role], action, foreign[role] ?? {})).toBe(false)
  })
})

describe('authorize: scope rules', () => {
  it('lets kanwil and admin act on any regency of Banuspa, and on Banuspa-wide subjects', () => {
    for (const role of ['admin', 'kanwil'] as const) {
      expect(authorize(actors[role], 'participant.write', { regionCode: '93.01' })).toBe(true)
      expect(authorize(actors[role], 'coverage.read', {})).toBe(true)
    }
  })

  it('keeps a branch user inside its regencies: not a province-wide or Banuspa-wide subject', () => {
    expect(authorize(actors.cabang, 'coverage.read', { regionCode: '51' })).toBe(false)
    expect(authorize(actors.cabang, 'coverage.read', {})).toBe(false)
    expect(authorize(actors.cabang, 'coverage.read', { regionCode: '51.03' })).toBe(true)
  })

  it('allows a listing as a whole to any role that may do the action (rows then filtered by dataScope)', () => {
    expect(authorize(actors.cabang, 'participant.read', { collection: true })).toBe(true)
    expect(authorize(actors.viewer, 'participant.read', { collection: true })).toBe(false)
    expect(authorize(actors.channel, 'coverage.read', { collection: true })).toBe(false)
  })

  it('scopes agents and channels by source, never by region alone', () => {
    expect(authorize(actors.agent, 'participant.read', { regionCode: '53.71' })).toBe(false)
    expect(authorize(actors.channel, 'channel.bill.read', { regionCode: '51.71' })).toBe(false)
  })

  it('limits a viewer with regions to them, and only for aggregates', () => {
    const viewer = { ...actors.viewer, regionCodes: ['52.03'] }
    expect(authorize(viewer, 'coverage.read', { regionCode: '52.03' })).toBe(true)
    expect(authorize(viewer, 'coverage.read', { regionCode: '52.01' })).toBe(false)
    expect(authorize(viewer, 'participant.read', { regionCode: '52.03' })).toBe(false)
  })

  it('refuses a branch user whose branch has no regencies (fails closed)', () => {
    expect(authorize({ ...actors.cabang, regionCodes: [] }, 'coverage.read', { regionCode: '51.71' })).toBe(false)
  })

  it('refuses an action that is not in the table', () => {
    expect(authorize(actors.admin, 'nuke.everything' as Action, {})).toBe(false)
  })
})

describe('canSeePersonalData', () => {
  it.each([
    ['admin', { regionCode: '91.03' }, true],
    ['kanwil', { regionCode: '91.03' }, true],
    ['cabang', { regionCode: '51.71' }, true],
    ['cabang', { regionCode: '91.03' }, false],
    ['pemda', { regionCode: '53.71' }, true],
    ['pemda', { regionCode: '51.71' }, false],
    ['agent', { regionCode: '53.71', sourceId: 'agent-1' }, true],
    ['agent', { regionCode: '53.71', sourceId: 'agent-9' }, false],
    ['viewer', { regionCode: '51.71' }, false],
    ['channel', { sourceId: 'pos' }, false],
  ] as Array<[Role, Subject, boolean]>)('%s on %o → %s', (role, subject, expected) => {
    expect(canSeePersonalData(actors[role], subject)).toBe(expected)
  })
})

describe('dataScope and regionInScope', () => {
  it('gives listings the filter of each role', () => {
    expect(dataScope(actors.kanwil)).toEqual({ regionCodes: 'all', sourceIds: 'all' })
    expect(dataScope(actors.cabang)).toEqual({ regionCodes: actors.cabang.regionCodes, sourceIds: 'all' })
    expect(dataScope(actors.agent)).toEqual({ regionCodes: 'all', sourceIds: ['agent-1'] })
    expect(dataScope(actors.viewer)).toEqual({ regionCodes: 'all', sourceIds: 'all' })
    expect(dataScope({ ...actors.viewer, regionCodes: ['52.03'] })).toEqual({ regionCodes: ['52.03'], sourceIds: 'all' })
  })

  it('puts a kecamatan inside its regency but not a neighbour with the same prefix digits', () => {
    expect(regionInScope(['51.71'], '51.71.02')).toBe(true)
    expect(regionInScope(['51.7'], '51.71')).toBe(false)
    expect(regionInScope(['51.71'], null)).toBe(false)
  })
})
