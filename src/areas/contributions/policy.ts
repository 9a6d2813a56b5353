import { authorize, dataScope, regionInScope, type Actor, type Subject } from '../access/index.js'

/**
 * Who may record, read and list contributions. Pure predicates over access's authorize: a participant's subject is
 * its regency and the source that brought it in, so an agent acts only on its own portfolio and a cabang only inside
 * its regencies.
 */
export type PaymentView = 'full' | 'masked' | 'none'

export function subjectOfParticipant(p: { regencyCode: string; sourceId: string }): Subject {
  return { regionCode: p.regencyCode, sourceId: p.sourceId }
}

/** Recording cash collected for this participant (office staff in scope, an agent for its portfolio). */
export function mayRecordPayment(actor: Actor, p: { regencyCode: string; sourceId: string }): boolean {
  return authorize(actor, 'payment.write', subjectOfParticipant(p))
}

/** May the role record payments at all (before the participant is known)? */
export function mayRecordPayments(actor: Actor): boolean {
  return authorize(actor, 'payment.write', { collection: true })
}

/** An account, payments and receipts: in clear for payment readers in scope, masked for a viewer inside its regions. */
export function paymentView(actor: Actor, p: { regencyCode: string; sourceId: string }): PaymentView {
  if (authorize(actor, 'payment.read', subjectOfParticipant(p))) return 'full'
  if (actor.role === 'viewer') {
    const scope = dataScope(actor).regionCodes
    return scope === 'all' || regionInScope(scope, p.regencyCode) ? 'masked' : 'none'
  }
  return 'none'
}

/** Worklists: payment readers (rows then filtered with dataScope) and viewers (masked). */
export function mayReadWorklists(actor: Actor): boolean {
  return actor.role === 'viewer' || authorize(actor, 'payment.read', { collection: true })
}

export interface Collection {
  /** The payments.channel value: `agent` for an Agen Perisai's cash, `office` for a branch counter. */
  channel: 'agent' | 'office'
  /** The collecting source (the agent's source, or the one staff name); null at an office counter. */
  sourceId: string | null
}

/**
 * Who collected the money. An agent collects under one of its own sources (the participant's own source when the
 * agent holds it, else the one named, else its first); staff may name a source or none (the counter).
 * Returns null when an agent names a source that is not theirs.
 */
export function collectionOf(actor: Actor, p: { sourceId: string }, named?: string): Collection | null {
  if (actor.role === 'agent') {
    if (named !== undefined) return actor.sourceIds.includes(named) ? { channel: 'agent', sourceId: named } : null
    const sourceId = actor.sourceIds.includes(p.sourceId) ? p.sourceId : (actor.sourceIds[0] ?? null)
    return sourceId === null ? null : { channel: 'agent', sourceId }
  }
  return { channel: 'office', sourceId: named ?? null }
}
