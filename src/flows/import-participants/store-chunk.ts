import { DomainError, monthOfDate } from '../../kernel/index.js'
import type { Sql } from '../../platform/db/sql.js'
import {
  CATEGORY_RULES, claimNiks, copyRegistrations, findRegisteredIdentities, isUniqueViolation, firstRowsOfNiks, findTakenKpjs, insertIdentityReviews, insertImportIssues, insertRegistrations,
  issueKpj, namesClearlyDiffer, nextKpjSerials, recordImportProgress, uuidV7Batch,
  type BulkRegistration, type Category, type ImportCounters, type ImportIssue, type IdentityReviewInput, type Payer, type RegisteredIdentity,
} from '../../areas/participants/index.js'
import { bpuIncomeBaseIdr } from '../registration-context.js'
import type { Candidate, PreparedChunk } from './prepare-chunk.js'

export interface StoreSetup {
  jobId: string
  source: { id: string; kind: string; refId: string | null }
  consentPurpose: string
  actorId: string | null
  requestId: string | null
  /** Employers by NPP (the employers area); a `pu` row whose NPP is not there is rejected. */
  findEmployerIds(sql: Sql, npps: readonly string[]): Promise<Map<string, string>>
  /** False while the job's seen table is known empty (a first import of new people): chunks skip looking there. */
  claimedNiks: { mayExist: boolean }
  /** A cohort's rules over the import (a pemda programme's enrolment), applied in each chunk's transaction. */
  admission?: ImportAdmission | undefined
}

/** A row that passed validation, is first in its file and is new or already registered (`participantId`). */
export interface AdmissionRow {
  line: number
  values: Record<string, string>
  reg: Candidate['reg']
  participantId: string | null
}

export interface AdmissionVerdict {
  line: number
  /** Store (a new person) or admit (someone registered) the row; false with no error leaves it flagged. */
  admit: boolean
  issues: ReadonlyArray<{ field: string; code: string; severity: 'error' | 'warning'; message: string }>
}

export interface AdmittedRow {
  line: number
  participantId: string
  /** The enrolment the import just created; null for someone registered before. */
  enrolmentId: string | null
  reg: Candidate['reg']
}

/**
 * Extra rules a caller puts over the import without forking it: `screen` decides each row (in file order) before
 * anything is stored, `admit` records the admitted rows once the new ones are registered. Both run in the chunk's
 * transaction, so a chunk's members are stored with its people, or neither.
 */
export interface ImportAdmission {
  screen(tx: Sql, rows: readonly AdmissionRow[]): Promise<AdmissionVerdict[]>
  admit(tx: Sql, rows: readonly AdmittedRow[], now: Date, jobId: string): Promise<void>
}

const DEFAULT_PAYER: Readonly<Record<Category, Payer>> = { bpu: 'self', pmi: 'self', pu: 'employer', jakon: 'employer', non_asn: 'pemda', pemilu: 'apbn' }

class ChunkOutcome {
  stored = 0
  alreadyRegistered = 0
  /** Rows that took their NIK without registering it (for the job's seen table). */
  readonly claimed: Candidate[] = []
  constructor(readonly prepared: PreparedChunk) {}
  claim(c: Candidate): void {
    this.claimed.push(c)
  }
  reject(c: Candidate, field: string, code: string, message: string): void {
    this.prepared.issues.push({ row: c.line, field, code, message, severity: 'error', original: c.values })
    this.prepared.rejected.add(c.line)
  }
  warn(c: Candidate, field: string, code: string, message: string): void {
    this.prepared.issues.push({ row: c.line, field, code, message, severity: 'warning', original: c.values })
  }
  counters(): ImportCounters {
    const { prepared } = this
    const warnings = prepared.issues.reduce((n, i) => n + (i.severity === 'warning' ? 1 : 0), 0)
    return { read: prepared.rows, stored: this.stored, alreadyRegistered: this.alreadyRegistered, rejected: prepared.rejected.size, warnings }
  }
}

async function withEmployers(sql: Sql, candidates: Candidate[], setup: StoreSetup, out: ChunkOutcome): Promise<{ kept: Candidate[]; employerIds: Map<string, string> }> {
  const npps = [...new Set(candidates.filter((c) => c.reg.category === 'pu' && c.reg.npp).map((c) => c.reg.npp!))]
  const employerIds = npps.length > 0 ? await setup.findEmployerIds(sql, npps) : new Map<string, string>()
  const kept = candidates.filter((c) => {
    if (c.reg.category !== 'pu' || !c.reg.npp || employerIds.has(c.reg.npp)) return true
    out.reject(c, 'npp', 'unknown_code', `NPP ${c.reg.npp} belum terdaftar sebagai pemberi kerja; daftarkan perusahaannya terlebih dahulu.`)
    return false
  })
  return { kept, employerIds }
}

const duplicateMessage = (firstRow: number | undefined) =>
  `NIK ini sudah ada di baris ${firstRow ?? '?'} berkas ini; hanya baris pertama yang diproses.`

/**
 * Keeps the first row of each NIK of the file: a NIK repeated inside the chunk, registered by an earlier row of this
 * job (its `registered` event names the row) or taken by an earlier row without being registered (the job's seen
 * table) is `duplicate_in_file`. Returns the chunk's first rows and the participants already holding their NIKs.
 */
async function firstInFile(sql: Sql, candidates: Candidate[], setup: StoreSetup, out: ChunkOutcome): Promise<{ first: Candidate[]; existing: Map<string, RegisteredIdentity> }> {
  const lineOf = new Map<string, number>()
  const unique: Candidate[] = []
  const repeated: Candidate[] = []
  for (const c of candidates) {
    if (lineOf.has(c.reg.nik)) repeated.push(c)
    else {
      lineOf.set(c.reg.nik, c.line)
      unique.push(c)
    }
  }
  const niks = unique.map((c) => c.reg.nik)
  const existing = await findRegisteredIdentities(sql, niks, setup.jobId)
  const taken = setup.claimedNiks.mayExist ? await firstRowsOfNiks(sql, setup.jobId, niks) : new Map<string, number>()
  const earlierRow = (nik: string) => existing.get(nik)?.rowInJob ?? taken.get(nik)
  const first = unique.filter((c) => {
    const row = earlierRow(c.reg.nik)
    if (row === undefined) return true
    out.reject(c, 'nik', 'duplicate_in_file', duplicateMessage(row))
    return false
  })
  for (const c of repeated) out.reject(c, 'nik', 'duplicate_in_file', duplicateMessage(earlierRow(c.reg.nik) ?? lineOf.get(c.reg.nik)))
  return { first, existing }
}

function mismatchReason(existing: RegisteredIdentity, c: Candidate): 'birth_date' | 'name' | 'birth_date_and_name' | null {
  const otherDate = existing.birthDate !== c.reg.birthDate
  const otherName = namesClearlyDiffer(existing.name, c.reg.name)
  if (otherDate && otherName) return 'birth_date_and_name'
  return otherDate ? 'birth_date' : otherName ? 'name' : null
}

/** Rows whose NIK someone already holds: the same person (already registered, kept in `registered`) or another identity (kept for review). */
function newPeople(candidates: Candidate[], existing: Map<string, RegisteredIdentity>, out: ChunkOutcome, reviews: IdentityReviewInput[], registered: Array<Candidate & { participantId: string }>): Candidate[] {
  if (existing.size === 0) return candidates
  const ids = uuidV7Batch(existing.size)
  return candidates.filter((c) => {
    const found = existing.get(c.reg.nik)
    if (!found) return true
    out.claim(c)
    const reason = mismatchReason(found, c)
    if (reason === null) {
      out.alreadyRegistered++
      registered.push({ ...c, participantId: found.id })
    } else {
      reviews.push({ id: ids[reviews.length]!, participantId: found.id, claimedName: c.reg.name, claimedBirthDate: c.reg.birthDate, reason })
      out.reject(c, 'nik', 'nik_identity_mismatch', 'NIK ini sudah terdaftar dengan identitas lain (tanggal lahir atau nama berbeda); tidak disimpan dan dicatat untuk ditinjau petugas.')
    }
    return false
  })
}

async function freeKpjs(sql: Sql, candidates: Candidate[], out: ChunkOutcome): Promise<Candidate[]> {
  const brought = candidates.filter((c) => c.reg.kpj !== null)
  if (brought.length === 0) return candidates
  const taken = await findTakenKpjs(sql, brought.map((c) => c.reg.kpj!))
  return candidates.filter((c) => {
    if (c.reg.kpj === null) return true
    if (taken.has(c.reg.kpj)) {
      out.claim(c)
      out.reject(c, 'kpj', 'conflict', `Nomor KPJ ${c.reg.kpj} sudah dipakai peserta lain.`)
      return false
    }
    taken.add(c.reg.kpj)
    return true
  })
}

function registration(c: Candidate, kpj: string, ids: readonly string[], at: number, setup: StoreSetup, employerIds: Map<string, string>): BulkRegistration {
  const { reg } = c
  const rules = CATEGORY_RULES[reg.category]
  const month = monthOfDate(reg.registrationDate)
  const declared = rules.incomeKind === 'declared_income' ? reg.declaredIncomeIdr : null
  const pemdaPays = setup.source.kind === 'pemda' && reg.category === 'bpu'
  return {
    row: c.line, id: ids[at]!, nik: reg.nik, kpj, kpjOrigin: reg.kpj ? 'brought' : 'issued', name: reg.name, nameKey: reg.nameKey,
    birthDate: reg.birthDate, sex: reg.sex, phone: reg.phoneE164, regencyCode: reg.regencyCode, occupationCodes: reg.occupationCodes,
    category: reg.category, registeredOn: reg.registrationDate, enrolmentId: ids[at + 1]!, programmes: reg.programmes,
    declaredIncomeIdr: declared, incomeBaseIdr: declared === null ? null : bpuIncomeBaseIdr(declared, month),
    wageIdr: rules.incomeKind === 'wage' || rules.incomeKind === 'honorarium' ? reg.declaredIncomeIdr : null,
    employerId: reg.category === 'pu' && reg.npp ? (employerIds.get(reg.npp) ?? null) : null, sector: reg.sector,
    payer: pemdaPays ? 'pemda' : DEFAULT_PAYER[reg.category], payerRef: pemdaPays ? (setup.source.refId ?? setup.source.id) : null,
    startMonth: rules.statusRule === 'employer_carries' ? month : null, registeredEventId: ids[at + 2]!,
  }
}

async function register(sql: Sql, candidates: Candidate[], setup: StoreSetup, employerIds: Map<string, string>, now: Date, out: ChunkOutcome, fast: boolean): Promise<BulkRegistration[]> {
  if (candidates.length === 0) return []
  const serials = await nextKpjSerials(sql, candidates.reduce((n, c) => n + (c.reg.kpj ? 0 : 1), 0))
  const ids = uuidV7Batch(candidates.length * 3, now.getTime())
  let serial = 0
  const rows = candidates.map((c, i) => registration(c, c.reg.kpj ?? issueKpj(serials[serial++]!), ids, i * 3, setup, employerIds))
  const insert = fast ? copyRegistrations : insertRegistrations
  const inserted = await insert(sql, rows, { sourceId: setup.source.id, consentPurpose: setup.consentPurpose, now, actorId: setup.actorId, requestId: setup.requestId, jobId: setup.jobId })
  out.stored += inserted.size
  for (const c of candidates) {
    if (inserted.has(c.line)) continue
    out.claim(c)
    out.reject(c, 'nik', 'conflict', 'NIK atau KPJ ini baru saja didaftarkan oleh proses lain; unggah ulang baris ini.')
  }
  return rows.filter((r) => inserted.has(r.row))
}

/** The admission's verdicts: errors reject a row, warnings stay with it; returns the new and the registered rows it admits. */
async function screen(tx: Sql, admission: ImportAdmission, fresh: Candidate[], registered: Array<Candidate & { participantId: string }>, out: ChunkOutcome) {
  const rows: AdmissionRow[] = [...fresh.map((c) => ({ ...c, participantId: null })), ...registered].sort((a, b) => a.line - b.line)
    .map(({ line, values, reg, participantId }) => ({ line, values, reg, participantId }))
  const verdicts = new Map((await admission.screen(tx, rows)).map((v) => [v.line, v]))
  const apply = (c: Candidate, known: boolean): boolean => {
    const verdict = verdicts.get(c.line)
    if (!verdict) return false
    for (const issue of verdict.issues) {
      if (issue.severity === 'warning') out.warn(c, issue.field, issue.code, issue.message)
      else out.reject(c, issue.field, issue.code, issue.message)
    }
    if (known && verdict.issues.some((i) => i.severity === 'error')) out.alreadyRegistered--
    // a new person left out still takes their NIK: a later row of the file with it is a duplicate
    if (!known && !verdict.admit) out.claim(c)
    return verdict.admit
  }
  return { fresh: fresh.filter((c) => apply(c, false)), registered: registered.filter((c) => apply(c, true)) }
}

/**
 * Stores one validated chunk in ONE transaction together with the job's progress, so a crash leaves either the
 * whole chunk and its progress or neither: a re-run resumes after `rows_done` and ends like one clean run.
 * First by COPY of the rows proven new; when another transaction registered one of its NIKs or KPJs meanwhile
 * (a unique violation), the chunk is redone by INSERT … ON CONFLICT, which reports those rows instead.
 */
export async function storeChunk(sql: Sql, prepared: PreparedChunk, expectedRowsDone: number, setup: StoreSetup, now: Date): Promise<ImportCounters> {
  const attempt = (fast: boolean) => sql.transaction((tx) => storeIn(tx, copyOfChunk(prepared), expectedRowsDone, setup, now, fast && tx.copyIn !== undefined))
  try {
    return await attempt(true)
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return attempt(false)
  }
}

/** A chunk's issues grow while it is stored; a redo starts again from what validation found. */
function copyOfChunk(prepared: PreparedChunk): PreparedChunk {
  return { ...prepared, issues: [...prepared.issues], rejected: new Set(prepared.rejected) }
}

async function storeIn(tx: Sql, prepared: PreparedChunk, expectedRowsDone: number, setup: StoreSetup, now: Date, fast: boolean): Promise<ImportCounters> {
  // the chunk commits with its progress: one lost to a database crash is redone by the resumed job, as if never run
  await tx.query('set local synchronous_commit = off')
  const out = new ChunkOutcome(prepared)
  const reviews: IdentityReviewInput[] = []
  const { kept, employerIds } = await withEmployers(tx, prepared.candidates, setup, out)
  const { first, existing } = await firstInFile(tx, kept, setup, out)
  let registered: Array<Candidate & { participantId: string }> = []
  let fresh = await freeKpjs(tx, newPeople(first, existing, out, reviews, registered), out)
  if (setup.admission) ({ fresh, registered } = await screen(tx, setup.admission, fresh, registered, out))
  const stored = await register(tx, fresh, setup, employerIds, now, out, fast)
  if (setup.admission) {
    const byLine = new Map(fresh.map((c) => [c.line, c]))
    await setup.admission.admit(tx, [
      ...stored.map((r) => ({ line: r.row, participantId: r.id, enrolmentId: r.enrolmentId, reg: byLine.get(r.row)!.reg })),
      ...registered.map((c) => ({ line: c.line, participantId: c.participantId, enrolmentId: null, reg: c.reg })),
    ], now, setup.jobId)
  }
  if (out.claimed.length > 0) {
    setup.claimedNiks.mayExist = true // before the commit: a chunk that rolls back leaves it true, which is only slower
    await claimNiks(tx, setup.jobId, out.claimed.map((c) => c.reg.nik), out.claimed.map((c) => c.line), fast)
  }
  await insertIdentityReviews(tx, reviews, { sourceId: setup.source.id, requestId: setup.requestId, now })
  await insertImportIssues(tx, setup.jobId, prepared.issues as ImportIssue[])
  const counters = out.counters()
  if (!(await recordImportProgress(tx, setup.jobId, expectedRowsDone, { ...counters, rows: prepared.rows }))) {
    throw new DomainError('conflict', 'Impor berkas ini sedang dijalankan oleh proses lain.')
  }
  return counters
}
