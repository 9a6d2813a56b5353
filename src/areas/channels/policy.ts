import { authorize, type Action, type Actor } from '../access/index.js'

/** Which SNAP service needs which action of access's policy table (role `channel`, scoped to the partner's source). */
export const SNAP_ACTIONS = {
  inquiry: 'channel.bill.read',
  payment: 'channel.payment.write',
  status: 'channel.status.read',
  registration: 'channel.registration.write',
  reversal: 'channel.reversal.write',
  report: 'channel.reconcile',
} as const satisfies Record<string, Action>

export type SnapOperation = keyof typeof SNAP_ACTIONS

/** A partner acts as an API-only actor of role `channel` over its own registry source. */
export function partnerActor(partner: { id: string; code: string; sourceId: string }): Actor {
  return { userId: partner.id, username: `mitra.${partner.code.toLowerCase()}`, role: 'channel', branchCode: null, regionCodes: [], sourceIds: [partner.sourceId] }
}

/** A partner may call every SNAP service for its own source (it pays for any worker: the money is collected under its source). */
export function partnerMay(partner: { id: string; code: string; sourceId: string }, operation: SnapOperation): boolean {
  return authorize(partnerActor(partner), SNAP_ACTIONS[operation], { sourceId: partner.sourceId })
}
