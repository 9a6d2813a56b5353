import { DomainError, monthOfDate, type DomainErrorCode, type RowIssue } from '../kernel/index.js'
import type { Sql } from '../platform/db/sql.js'
import { writeAudit, type Role } from '../areas/access/index.js'
import {
  CATEGORY_RULES, appendEvents, findParticipantByNik, findSource, insertEnrolment, insertIdentityReview, insertParticipantIfNew, issueKpj,
  listEnrolments, namesClearlyDiffer, nextKpjSerial, nikOfKpj, validateRegistration,
  type Category, type EnrolmentRecord, type IdentityMismatchReason, type ParticipantRecord, type Payer, type RegistrationRow, type ValidRegistration,
} from '../areas/participants/index.js'
import { findEmployersByNpp } from '../areas/employers/index.js'
import { joinProgrammeOnRegistration, type RegistrationMembership } from './pemda-membership.js'
import { addProtectionPeriodIn, type ProtectionInput, type ProtectionResult } from './protection-period.js'
import { bpuIncomeBaseIdr, registrationTables, registrationToday } from './registration-context.js'

export interface RegisterParticipantCommand {
  /** The registration in the template's (Indonesian) field names: the API maps its camelCase body to these. */
  row: RegistrationRow
  sourceId: string
  /** Default per category: BPU and PMI pay themselves, PU and jasa konstruksi their employer, non-ASN their pemda, pemilu the APBN. */
  payer?: Payer | undefined
  payerRef?: string | null | undefined
  employerId?: string | null | undefined
  /** UU PDP 27/2022 Pasal 20, 22: the purpose the person consented to, and when. */
  consent: { purpose: string; givenAt?: Date | undefined }
  /** PMI/jakon: the protection period registered with a new person (ignored when the person was already registered). */
  protection?: ProtectionInput | undefined
  /** Under a pemda programme's source: the cohort group (default: the programme's only group of the category) and first month. */
  pemdaGroup?: string | undefined
  pemdaFrom?: string | undefined
  actor: { userId: string; role: Role } | null
  requestId: string | null
}

export interface IdSource {
  newId(): string
}

export type RegistrationOutcome =
  | { kind: 'registered'; alreadyRegistered: false; participant: ParticipantRecord; enrolment: EnrolmentRecord; warnings: readonly RowIssue[]; protection?: ProtectionResult; membership?: RegistrationMembership }
  | { kind: 'already_registered'; alreadyRegistered: true; participant: ParticipantRecord; enrolment: EnrolmentRecord | null; warnings: readonly RowIssue[]; membership?: RegistrationMembership }
  | { kind: 'identity_mismatch'; error: DomainError; reviewId: string; participantId: string }

const DEFAULT_PAYER: Readonly<Record<Category, Payer>> = { bpu: 'self', pmi: 'self', pu: 'employer', jakon: 'employer', non_asn: 'pemda', pemilu: 'apbn' }
const CONSENT_PURPOSE_MAX = 300

/**
 * Registers one person, or finds them again. Inside ONE transaction (the caller's, when `sql` is one): the
 * participant is inserted with `ON CONFLICT (nik) DO NOTHING`, so concurrent registrations of one NIK leave one
 * row. A known NIK with the same identity returns the existing participant (`alreadyRegistered`), enrolled once
 * per segment; another birth date or a clearly different name is an identity review, returned as a value so the
 * review row commits with the transaction (the HTTP route makes it the final answer of its Idempotency-Key).
 */
export async function tryRegisterParticipant(sql: Sql, cmd: RegisterParticipantCommand, now: Date, ids: IdSource): Promise<RegistrationOutcome> {
  const valid = await validate(sql, cmd, now)
  return sql.transaction(async (tx) => {
    const source = await findSource(tx, cmd.sourceId)
    if (!source) throw unknownSource()
    const outcome = await registerIn(tx, cmd, valid, now, ids)
    if (outcome.kind === 'identity_mismatch' || source.kind !== 'pemda' || source.refId === null || !outcome.enrolment) return outcome
    const joined = await joinProgrammeOnRegistration(tx, {
      programmeId: source.refId, group: cmd.pemdaGroup, from: cmd.pemdaFrom, participantId: outcome.participant.id, category: outcome.participant.category,
    }, now, cmd.actor, cmd.requestId)
    const enrolment = (await listEnrolments(tx, outcome.participant.id)).find((e) => e.id === outcome.enrolment!.id) ?? outcome.enrolment
    const warnings = [...outcome.warnings, ...joined.warnings.map((w) => ({ row: 1, field: w.field, code: w.code, message: w.message }))]
    return { ...outcome, enrolment, warnings, membership: joined.membership } as RegistrationOutcome
  })
}

async function registerIn(tx: Sql, cmd: RegisterParticipantCommand, valid: Validated, now: Date, ids: IdSource): Promise<RegistrationOutcome> {
  valid.employerId = await employerOf(tx, cmd, valid.reg)
  const kpj = valid.reg.kpj ?? issueKpj(await nextKpjSerial(tx))
  if (valid.reg.kpj) await assertKpjFree(tx, valid.reg.kpj, valid.reg.nik)
  const inserted = await insertParticipantIfNew(tx, {
    id: ids.newId(), nik: valid.reg.nik, kpj, kpjOrigin: valid.reg.kpj ? 'brought' : 'issued', name: valid.reg.name, nameKey: valid.reg.nameKey,
    birthDate: valid.reg.birthDate, sex: valid.reg.sex, phone: valid.reg.phoneE164, regencyCode: valid.reg.regencyCode,
    occupationCodes: valid.reg.occupationCodes, category: valid.reg.category, registeredOn: valid.reg.registrationDate,
    sourceId: cmd.sourceId, consentPurpose: valid.consentPurpose, consentAt: cmd.consent.givenAt ?? now, now,
  }).catch(translateDbError)
  if (inserted) return registered(tx, cmd, valid, inserted, now, ids)
  const existing = await findParticipantByNik(tx, valid.reg.nik, { lock: true })
  if (!existing) throw new DomainError('conflict', 'Pendaftaran bersamaan untuk NIK ini; ulangi permintaan.', { field: 'nik' })
  const mismatch = identityMismatch(existing, valid.reg)
  if (mismatch) return reviewMismatch(tx, cmd, valid.reg, existing, mismatch, now, ids)
  const enrolment = await enrolIfNew(tx, cmd, valid, existing, now, ids)
  return { kind: 'already_registered', alreadyRegistered: true, participant: existing, enrolment, warnings: valid.warnings }
}

/** tryRegisterParticipant that throws `nik_identity_mismatch`; with a top-level `sql` the review row has committed by then. */
export async function registerParticipant(sql: Sql, cmd: RegisterParticipantCommand, now: Date, ids: IdSource) {
  const outcome = await sql.transaction((tx) => tryRegisterParticipant(tx, cmd, now, ids))
  if (outcome.kind === 'identity_mismatch') throw outcome.error
  return outcome
}

interface Validated {
  reg: ValidRegistration
  warnings: readonly RowIssue[]
  consentPurpose: string
  employerId?: string | null
}

/** The employer of a wage earner: the one given, else the one registered under the row's NPP (an unknown NPP is refused). */
async function employerOf(sql: Sql, cmd: RegisterParticipantCommand, reg: ValidRegistration): Promise<string | null> {
  if (cmd.employerId) return cmd.employerId
  if (!reg.npp) return null
  const [employer] = await findEmployersByNpp(sql, [reg.npp])
  if (!employer) throw new DomainError('unknown_code', `NPP ${reg.npp} belum terdaftar sebagai pemberi kerja.`, { field: 'npp' })
  return employer.id
}

async function validate(sql: Sql, cmd: RegisterParticipantCommand, now: Date): Promise<Validated> {
  const consentPurpose = cmd.consent.purpose.trim()
  if (consentPurpose === '' || consentPurpose.length > CONSENT_PURPOSE_MAX) {
    throw new DomainError('missing_field', 'Persetujuan dan tujuan pemrosesan data pribadi (UU PDP) wajib dicatat.', { field: 'consent' })
  }
  const tables = await registrationTables(sql)
  const check = validateRegistration(cmd.row, { ...tables, today: registrationToday(now, cmd.row.kode_wilayah) })
  if (check.errors) throw invalidRegistration(check.errors)
  return { reg: check.ok, warnings: check.warnings, consentPurpose }
}

/** Every field problem at once; the first one names the error (`tanggal_lahir` / `birth_date_mismatch`…). */
export function invalidRegistration(issues: readonly RowIssue[]): DomainError {
  const first = issues[0]!
  return new DomainError(first.code as DomainErrorCode, first.message, {
    field: first.field,
    issues: issues.map(({ field, code, message }) => ({ field, code, message })),
  })
}

async function assertKpjFree(sql: Sql, kpj: string, nik: string): Promise<void> {
  const holder = await nikOfKpj(sql, kpj)
  if (holder !== null && holder !== nik) throw kpjTaken()
}

function kpjTaken(): DomainError {
  return new DomainError('conflict', 'Nomor KPJ ini sudah dipakai peserta lain.', { field: 'kpj' })
}

/** A unique KPJ lost to a concurrent registration, or an unknown source: the caller's problem, not a 500. */
function translateDbError(error: unknown): never {
  const pg = error as { code?: string; constraint?: string }
  if (pg.code === '23505' && pg.constraint === 'participants_kpj_key') throw kpjTaken()
  throw error
}

/** Sources are checked here, not by a foreign key (NO_HOT_PATH_FKS in the registry's schema). */
function unknownSource(): DomainError {
  return new DomainError('unknown_code', 'Sumber pendaftaran (sourceId) tidak dikenal.', { field: 'sourceId' })
}

function identityMismatch(existing: ParticipantRecord, reg: ValidRegistration): IdentityMismatchReason | null {
  const otherDate = existing.birthDate !== reg.birthDate
  const otherName = namesClearlyDiffer(existing.name, reg.name)
  if (otherDate && otherName) return 'birth_date_and_name'
  return otherDate ? 'birth_date' : otherName ? 'name' : null
}

async function registered(sql: Sql, cmd: RegisterParticipantCommand, valid: Validated, participant: ParticipantRecord, now: Date, ids: IdSource): Promise<RegistrationOutcome> {
  const enrolment = await insertEnrolment(sql, newEnrolment(cmd, valid, participant.id, now, ids)).catch(translateDbError)
  await appendEvents(sql, [
    event(cmd, participant.id, now, ids, 'registered', {
      kpj: participant.kpj, kpjOrigin: participant.kpjOrigin, category: participant.category, regencyCode: participant.regencyCode,
      sourceId: participant.sourceId, registeredOn: participant.registeredOn, consentPurpose: participant.consentPurpose,
    }),
    enrolledEvent(cmd, enrolment, now, ids),
  ])
  await writeAudit(sql, {
    actor: cmd.actor, action: 'participant.register', subjectType: 'participant', subjectId: participant.id, requestId: cmd.requestId,
    details: { enrolmentId: enrolment.id, sourceId: cmd.sourceId, category: participant.category },
  })
  const protection = cmd.protection ? await addProtectionPeriodIn(sql, participant, cmd.protection, now, ids, cmd.actor, cmd.requestId) : undefined
  return { kind: 'registered', alreadyRegistered: false, participant, enrolment, warnings: valid.warnings, ...(protection ? { protection } : {}) }
}

async function enrolIfNew(sql: Sql, cmd: RegisterParticipantCommand, valid: Validated, participant: ParticipantRecord, now: Date, ids: IdSource): Promise<EnrolmentRecord | null> {
  const enrolments = await listEnrolments(sql, participant.id)
  const same = enrolments.find((e) => e.status === 'active' && e.segment === valid.reg.category)
  if (same || participant.status === 'berhenti') return same ?? null
  const enrolment = await insertEnrolment(sql, newEnrolment(cmd, valid, participant.id, now, ids)).catch(translateDbError)
  await appendEvents(sql, [enrolledEvent(cmd, enrolment, now, ids)])
  await writeAudit(sql, {
    actor: cmd.actor, action: 'participant.enrol', subjectType: 'participant', subjectId: participant.id, requestId: cmd.requestId,
    details: { enrolmentId: enrolment.id, sourceId: cmd.sourceId, category: valid.reg.category },
  })
  return enrolment
}

async function reviewMismatch(sql: Sql, cmd: RegisterParticipantCommand, reg: ValidRegistration, existing: ParticipantRecord, reason: IdentityMismatchReason, now: Date, ids: IdSource): Promise<RegistrationOutcome> {
  const reviewId = ids.newId()
  await insertIdentityReview(sql, {
    id: reviewId, participantId: existing.id, claimedName: reg.name, claimedBirthDate: reg.birthDate, reason,
    sourceId: cmd.sourceId, requestId: cmd.requestId, createdAt: now,
  })
  await writeAudit(sql, {
    actor: cmd.actor, action: 'participant.identity_mismatch', subjectType: 'participant', subjectId: existing.id, requestId: cmd.requestId,
    details: { reviewId, reason },
  })
  const error = new DomainError(
    'nik_identity_mismatch',
    'NIK ini sudah terdaftar dengan identitas lain (tanggal lahir atau nama berbeda). Data tidak disimpan sebagai peserta baru dan dicatat untuk ditinjau petugas.',
    { field: 'nik', reviewId, reason },
  )
  return { kind: 'identity_mismatch', error, reviewId, participantId: existing.id }
}

function newEnrolment(cmd: RegisterParticipantCommand, valid: Validated, participantId: string, now: Date, ids: IdSource) {
  const reg = valid.reg
  const rules = CATEGORY_RULES[reg.category]
  const income = reg.declaredIncomeIdr
  const declared = rules.incomeKind === 'declared_income' ? income : null
  const month = monthOfDate(reg.registrationDate)
  return {
    id: ids.newId(), participantId, segment: reg.category, programmes: [...reg.programmes],
    declaredIncomeIdr: declared, incomeBaseIdr: declared === null ? null : bpuIncomeBaseIdr(declared, month),
    wageIdr: rules.incomeKind === 'wage' || rules.incomeKind === 'honorarium' ? income : null,
    employerId: valid.employerId ?? null, sector: reg.sector, payer: cmd.payer ?? DEFAULT_PAYER[reg.category], payerRef: cmd.payerRef ?? null,
    sourceId: cmd.sourceId, startMonth: rules.statusRule === 'employer_carries' ? month : null, now,
  }
}

function enrolledEvent(cmd: RegisterParticipantCommand, e: EnrolmentRecord, now: Date, ids: IdSource) {
  return event(cmd, e.participantId, now, ids, 'enrolled', {
    enrolmentId: e.id, segment: e.segment, programmes: e.programmes, payer: e.payer, sourceId: e.sourceId,
    declaredIncomeIdr: e.declaredIncomeIdr, incomeBaseIdr: e.incomeBaseIdr, wageIdr: e.wageIdr, sector: e.sector,
  })
}

function event(cmd: RegisterParticipantCommand, participantId: string, now: Date, ids: IdSource, kind: 'registered' | 'enrolled', data: Record<string, unknown>) {
  return { id: ids.newId(), participantId, occurredAt: now, kind, actorId: cmd.actor?.userId ?? null, requestId: cmd.requestId, data }
}
