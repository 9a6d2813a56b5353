import { describe, expect, it } from 'vitest'
import type { ParticipantEvent } from '../db/events.js'
import type { ParticipantRecord } from '../db/participant-record.js'
import { presentEvent, presentParticipant } from './presenters.js'

const at = new Date('2025-03-14T02:00:00Z')
const record: ParticipantRecord = {
  id: 'p1', nik: '5171015205900002', kpj: '00000000018', kpjOrigin: 'issued', name: 'Ni Made Wirawati', nameKey: 'NI MADE WIRAWATI',
  birthDate: '1990-05-12', sex: 'P', phone: '+6281234567890', regencyCode: '51.71', occupationCodes: ['pedagang'], category: 'bpu',
  status: 'terdaftar', statusSince: '2025-03-14', registeredOn: '2025-03-14', sourceId: 's1', consentPurpose: 'kepesertaan', consentAt: at,
  endedOn: null, endReason: null, version: 1, createdAt: at, updatedAt: at,
}

describe('participant presenters', () => {
  it('shows personal data in full only when asked, masked otherwise, and never the consent or timestamps', () => {
    expect(presentParticipant(record, { personalData: true })).toMatchObject({ nik: record.nik, name: record.name, phone: record.phone, birthDate: '1990-05-12', personalDataMasked: false })
    const masked = presentParticipant(record, { personalData: false })
    expect(masked).toMatchObject({ nik: '5171********0002', name: 'N* M*** W*******', phone: '+628*******890', birthDate: '1990-**-**', kpj: record.kpj, personalDataMasked: true })
    expect(JSON.stringify(masked)).not.toMatch(/Wirawati|5171015205900002|81234567890/)
    expect(masked).not.toHaveProperty('consentPurpose')
  })

  it('masks the old and new personal values of a correction event', () => {
    const event: ParticipantEvent = {
      id: 'e1', participantId: 'p1', occurredAt: at, kind: 'corrected', actorId: null, requestId: 'r1',
      data: { changes: { name: { old: 'Ni Made Wira', new: 'Ni Made Wirawati' }, regencyCode: { old: '51.03', new: '51.71' } }, version: 2 },
    }
    expect(presentEvent(event, { personalData: false }).data).toEqual({ changes: { name: { old: 'N* M*** W***', new: 'N* M*** W*******' }, regencyCode: { old: '51.03', new: '51.71' } }, version: 2 })
    expect(presentEvent(event, { personalData: true }).data).toEqual(event.data)
  })
})
