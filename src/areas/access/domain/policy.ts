import { seesAllBanuspa, type Actor, type Role } from './roles.js'

/**
 * Policies as pure predicates (Outline's server/policies): a route asks `authorize(actor, action, subject)` and
 * presenters ask `canSeePersonalData(actor, subject)`; neither touches the database.
 *
 * An action belongs to one kind; the kind says which scope check applies. Add new actions to ACTIONS (and
 * their test rows in policy.test.ts); an action missing from the table is always refused.
 */
export type ActionKind = 'self' | 'reference' | 'aggregate' | 'personal' | 'write' | 'admin' | 'channel'

interface ActionRule {
  kind: ActionKind
  roles: readonly Role[]
}

const ALL: readonly Role[] = ['admin', 'kanwil', 'cabang', 'agent', 'pemda', 'channel', 'viewer']
const WEB: readonly Role[] = ['admin', 'kanwil', 'cabang', 'agent', 'pemda', 'viewer']
const OFFICE: readonly Role[] = ['admin', 'kanwil', 'cabang']

export const ACTIONS = {
  'self.read': { kind: 'self', roles: ALL },
  'reference.read': { kind: 'reference', roles: WEB },
  'branch_office.read': { kind: 'reference', roles: WEB },
  'coverage.read': { kind: 'aggregate', roles: ['admin', 'kanwil', 'cabang', 'pemda', 'agent', 'viewer'] },
  'coverage.write': { kind: 'write', roles: ['admin', 'kanwil'] },
  'report.read': { kind: 'aggregate', roles: ['admin', 'kanwil', 'cabang', 'pemda', 'viewer'] },
  'participant.read': { kind: 'personal', roles: ['admin', 'kanwil', 'cabang', 'pemda', 'agent'] },
  'participant.write': { kind: 'write', roles: [...OFFICE, 'agent'] },
  'payment.read': { kind: 'personal', roles: ['admin', 'kanwil', 'cabang', 'pemda', 'agent'] },
  'payment.write': { kind: 'write', roles: [...OFFICE, 'agent'] },
  'employer.read': { kind: 'personal', roles: [...OFFICE, 'pemda'] },
  'employer.write': { kind: 'write', roles: OFFICE },
  'import.run': { kind: 'write', roles: [...OFFICE, 'pemda'] },
  'pemda.read': { kind: 'personal', roles: [...OFFICE, 'pemda'] },
  'pemda.write': { kind: 'write', roles: [...OFFICE, 'pemda'] },
  'agent.read': { kind: 'personal', roles: [...OFFICE, 'agent'] },
  'agent.write': { kind: 'write', roles: OFFICE },
  'user.read': { kind: 'admin', roles: ['admin'] },
  'user.write': { kind: 'admin', roles: ['admin'] },
  'api_token.write': { kind: 'admin', roles: ['admin'] },
  'audit.read': { kind: 'admin', roles: ['admin'] },
  'branch_office.write': { kind: 'admin', roles: ['admin'] },
  'channel.bill.read': { kind: 'channel', roles: ['channel'] },
  'channel.payment.write': { kind: 'channel', roles: ['channel'] },
  'channel.status.read': { kind: 'channel', roles: ['channel'] },
  'channel.reconcile': { kind: 'channel', roles: ['channel'] },
  'channel.registration.write': { kind: 'channel', roles: ['channel'] },
  'channel.reversal.write': { kind: 'channel', roles: ['channel'] },
  'channel_partner.read': { kind: 'aggregate', roles: OFFICE },
  'claim.read': { kind: 'personal', roles: OFFICE },
  'claim.write': { kind: 'write', roles: OFFICE },
  'channel_partner.reconcile': { kind: 'write', roles: OFFICE },
} as const satisfies Record<string, ActionRule>

export type Action = keyof typeof ACTIONS

/**
 * What an action is about. A single record carries its regency (`regionCode`, dotted; a kecamatan code is
 * inside its regency) and/or its source (agent portfolio, channel partner). `collection: true` asks about a
 * listing as a whole: allowed when the role may do the action at all, and the caller then filters the rows
 * with `dataScope(actor)`. A subject with neither is Banuspa-wide: only unscoped actors pass (fail closed).
 */
export interface Subject {
  regionCode?: string | null
  sourceId?: string | null
  collection?: boolean
}

export function isAction(value: string): value is Action {
  return Object.hasOwn(ACTIONS, value)
}

export function authorize(actor: Actor, action: Action, subject: Subject = {}): boolean {
  const rule: ActionRule | undefined = isAction(action) ? ACTIONS[action] : undefined
  if (!rule || !rule.roles.includes(actor.role)) return false
  if (rule.kind === 'self' || rule.kind === 'reference' || rule.kind === 'admin') return true
  if (subject.collection) return true
  return inScope(actor, subject)
}

/** Presenters call this to decide whether NIK, names, phones and addresses leave the server unmasked. */
export function canSeePersonalData(actor: Actor, subject: Subject): boolean {
  return authorize(actor, 'participant.read', subject)
}

function inScope(actor: Actor, subject: Subject): boolean {
  if (seesAllBanuspa(actor.role)) return true
  switch (actor.role) {
    case 'cabang':
    case 'pemda':
      return regionInScope(actor.regionCodes, subject.regionCode)
    case 'viewer':
      return actor.regionCodes.length === 0 || regionInScope(actor.regionCodes, subject.regionCode)
    case 'agent':
    case 'channel':
      return subject.sourceId != null && actor.sourceIds.includes(subject.sourceId)
    default:
      return false
  }
}

/** A regency code is in scope when it is listed; a kecamatan code (51.71.01) when its regency is. */
export function regionInScope(regionCodes: readonly string[], regionCode: string | null | undefined): boolean {
  if (!regionCode) return false
  return regionCodes.some((code) => regionCode === code || regionCode.startsWith(`${code}.`))
}

/** The rows a listing may show: `'all'` or the regency codes / source ids to filter on. */
export interface DataScope {
  regionCodes: 'all' | readonly string[]
  sourceIds: 'all' | readonly string[]
}

export function dataScope(actor: Actor): DataScope {
  switch (actor.role) {
    case 'admin':
    case 'kanwil':
      return { regionCodes: 'all', sourceIds: 'all' }
    case 'cabang':
    case 'pemda':
      return { regionCodes: actor.regionCodes, sourceIds: 'all' }
    case 'viewer':
      return { regionCodes: actor.regionCodes.length === 0 ? 'all' : actor.regionCodes, sourceIds: 'all' }
    case 'agent':
    case 'channel':
      return { regionCodes: 'all', sourceIds: actor.sourceIds }
  }
}
