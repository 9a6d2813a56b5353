import { authorize, dataScope, regionInScope, type Actor, type Subject } from '../access/index.js'

/**
 * How much of one participant a caller may see. `full`: NIK, name, phone and birth date in clear (access's
 * `participant.read` for this subject, i.e. canSeePersonalData). `masked`: a viewer inside its regions sees the
 * record with personal data masked. `none`: nothing, not even that the participant exists.
 */
export type ParticipantView = 'full' | 'masked' | 'none'

/** The access subject of one participant: its regency and the source that brought it in. */
export function subjectOf(p: { regencyCode: string; sourceId: string }): Subject {
  return { regionCode: p.regencyCode, sourceId: p.sourceId }
}

export function participantView(actor: Actor, p: { regencyCode: string; sourceId: string }): ParticipantView {
  const subject = subjectOf(p)
  if (authorize(actor, 'participant.read', subject)) return 'full'
  if (actor.role === 'viewer') {
    const scope = dataScope(actor).regionCodes
    return scope === 'all' || regionInScope(scope, p.regencyCode) ? 'masked' : 'none'
  }
  return 'none'
}

/** Who may search the registry at all (rows are then filtered with dataScope): readers, and viewers (masked). */
export function maySearchParticipants(actor: Actor): boolean {
  return actor.role === 'viewer' || authorize(actor, 'participant.read', { collection: true })
}

const EXPORT_ROLES = new Set(['admin', 'kanwil', 'cabang'])

/**
 * UU PDP 27/2022 Pasal 7 (access to one's own data): the full export of one person is office work, done by
 * admin, kanwil or the cabang whose regencies hold the person; never by an agent, a pemda or a viewer.
 */
export function mayExportParticipant(actor: Actor, p: { regencyCode: string; sourceId: string }): boolean {
  return EXPORT_ROLES.has(actor.role) && authorize(actor, 'participant.read', subjectOf(p))
}

/** Who may register participants at all (each registration is then checked against its regency and source). */
export function mayRegister(actor: Actor): boolean {
  return authorize(actor, 'participant.write', { collection: true })
}

/** Adding a source (agent, partner, pemda programme…) is Banuspa-wide office work: admin or kanwil. */
export function mayAddSource(actor: Actor): boolean {
  return authorize(actor, 'agent.write', {})
}
