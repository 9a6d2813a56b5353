import { authorize, type Actor } from '../access/index.js'
import { subjectOf } from '../participants/index.js'

/** A participant's messages are personal: the staff who may read the participant (their regency or portfolio). */
export function mayReadMessagesOf(actor: Actor, p: { regencyCode: string; sourceId: string }): boolean {
  return authorize(actor, 'participant.read', subjectOf(p))
}

/** Recording an opt-out (asked at the counter or by phone) is a change to the participant: `participant.write` in scope. */
export function mayChangeOptOut(actor: Actor, p: { regencyCode: string; sourceId: string }): boolean {
  return authorize(actor, 'participant.write', subjectOf(p))
}
