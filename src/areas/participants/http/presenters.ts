import { maskName, maskNik, maskPhone } from '../../../kernel/mask.js'
import type { EnrolmentRecord } from '../db/enrolments.js'
import type { ParticipantEvent } from '../db/events.js'
import type { IdentityReview } from '../db/identity-reviews.js'
import type { ParticipantSummary } from '../db/participant-record.js'

export interface PresentOptions {
  /** NIK, name, phone and birth date in clear; masked otherwise (policy.ts decides). */
  personalData: boolean
}

/** A masked birth date keeps the year only: enough to see an age band, not enough to identify. */
function maskBirthDate(date: string): string {
  return `${date.slice(0, 4)}-**-**`
}

/** What leaves the server about one participant (Outline's presentUser: personal data only when allowed). */
export function presentParticipant(p: ParticipantSummary, { personalData }: PresentOptions) {
  return {
    id: p.id,
    kpj: p.kpj,
    kpjOrigin: p.kpjOrigin,
    nik: personalData ? p.nik : maskNik(p.nik),
    name: personalData ? p.name : maskName(p.name),
    birthDate: personalData ? p.birthDate : maskBirthDate(p.birthDate),
    sex: p.sex,
    phone: p.phone === null ? null : personalData ? p.phone : maskPhone(p.phone),
    regencyCode: p.regencyCode,
    occupationCodes: p.occupationCodes,
    category: p.category,
    status: p.status,
    statusSince: p.statusSince,
    registeredOn: p.registeredOn,
    sourceId: p.sourceId,
    endedOn: p.endedOn,
    endReason: p.endReason,
    version: p.version,
    personalDataMasked: !personalData,
  }
}
export type ParticipantPresentation = ReturnType<typeof presentParticipant>

export function presentEnrolment(e: EnrolmentRecord) {
  return {
    id: e.id,
    segment: e.segment,
    programmes: e.programmes,
    declaredIncomeIdr: e.declaredIncomeIdr,
    incomeBaseIdr: e.incomeBaseIdr,
    wageIdr: e.wageIdr,
    employerId: e.employerId,
    sector: e.sector,
    payer: e.payer,
    payerRef: e.payerRef,
    sourceId: e.sourceId,
    startMonth: e.startMonth,
    endMonth: e.endMonth,
    status: e.status,
    endReason: e.endReason,
  }
}

const PERSONAL_EVENT_FIELDS: Readonly<Record<string, (value: string) => string>> = {
  name: maskName,
  birthDate: maskBirthDate,
  phone: maskPhone,
  nik: maskNik,
}

function maskChange(field: string, change: unknown): unknown {
  const mask = PERSONAL_EVENT_FIELDS[field]
  if (!mask || typeof change !== 'object' || change === null) return change
  const { old: before, new: after } = change as { old?: unknown; new?: unknown }
  const one = (v: unknown) => (typeof v === 'string' ? mask(v) : v)
  return { old: one(before), new: one(after) }
}

/** One history entry; a correction's old and new personal values are masked like the record itself. */
export function presentEvent(e: ParticipantEvent, { personalData }: PresentOptions) {
  let data = e.data
  const changes = data.changes as Record<string, unknown> | undefined
  if (!personalData && changes && typeof changes === 'object') {
    data = { ...data, changes: Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, maskChange(field, change)])) }
  }
  return { id: e.id, occurredAt: e.occurredAt.toISOString(), kind: e.kind, actorId: e.actorId, data }
}

export function presentIdentityReview(r: IdentityReview) {
  return {
    id: r.id,
    claimedName: r.claimedName,
    claimedBirthDate: r.claimedBirthDate,
    reason: r.reason,
    sourceId: r.sourceId,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
  }
}
