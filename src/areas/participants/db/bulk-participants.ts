import type { Sql } from '../../../platform/db/sql.js'
import { sortedKeys } from './sorted-keys.js'

/** A participant already registered under one of the NIKs of a chunk (identity fields only). */
export interface RegisteredIdentity {
  id: string
  nik: string
  name: string
  birthDate: string
  /** The file row that registered this person, when it was the import job asked about (a NIK repeated in its file). */
  rowInJob: number | null
}

/**
 * The participants holding these NIKs; with a job, also the row of that job's file that registered each one (from
 * its `registered` event, looked up only for the NIKs found: none in a first import of new people).
 */
export async function findRegisteredIdentities(sql: Sql, niks: readonly string[], jobId: string | null = null): Promise<Map<string, RegisteredIdentity>> {
  if (niks.length === 0) return new Map()
  const { rows } = await sql.query<RegisteredIdentity>(
    `select id, nik, name, birth_date::text as "birthDate",
            (select (e.data->>'row')::int from participant_events e
              where $2::text is not null and e.participant_id = participants.id and e.kind = 'registered' and e.data->>'importJobId' = $2::text
              limit 1) as "rowInJob"
       from participants where nik = any($1::text[])`,
    [sortedKeys(niks), jobId],
  )
  return new Map(rows.map((r) => [r.nik, r]))
}

/** The KPJs among these that some participant already holds. */
export async function findTakenKpjs(sql: Sql, kpjs: readonly string[]): Promise<Set<string>> {
  if (kpjs.length === 0) return new Set()
  const { rows } = await sql.query<{ kpj: string }>(`select kpj from participants where kpj = any($1::text[])`, [sortedKeys(kpjs)])
  return new Set(rows.map((r) => r.kpj))
}

/** One row to register in bulk: a participant, its enrolment, and the id of its `registered` history event. */
export interface BulkRegistration {
  row: number
  id: string
  nik: string
  kpj: string
  kpjOrigin: 'issued' | 'brought'
  name: string
  nameKey: string
  birthDate: string
  sex: 'L' | 'P'
  phone: string | null
  regencyCode: string
  occupationCodes: readonly string[]
  category: string
  registeredOn: string
  enrolmentId: string
  programmes: readonly string[]
  declaredIncomeIdr: number | null
  incomeBaseIdr: number | null
  wageIdr: number | null
  employerId: string | null
  sector: string | null
  payer: string
  payerRef: string | null
  startMonth: string | null
  registeredEventId: string
}

export interface BulkContext {
  sourceId: string
  consentPurpose: string
  now: Date
  actorId: string | null
  requestId: string | null
  jobId: string
}

const textArray = (values: readonly string[]) => `{${values.join(',')}}` // codes only: no quoting needed

function columns(rows: readonly BulkRegistration[]): unknown[] {
  const pick = <T>(f: (r: BulkRegistration) => T) => rows.map(f)
  return [
    pick((r) => r.id), pick((r) => r.nik), pick((r) => r.kpj), pick((r) => r.kpjOrigin), pick((r) => r.name), pick((r) => r.nameKey),
    pick((r) => r.birthDate), pick((r) => r.sex), pick((r) => r.phone), pick((r) => r.regencyCode), pick((r) => textArray(r.occupationCodes)),
    pick((r) => r.category), pick((r) => r.registeredOn), pick((r) => r.enrolmentId), pick((r) => textArray(r.programmes)),
    pick((r) => r.declaredIncomeIdr), pick((r) => r.incomeBaseIdr), pick((r) => r.wageIdr), pick((r) => r.employerId), pick((r) => r.sector),
    pick((r) => r.payer), pick((r) => r.payerRef), pick((r) => r.startMonth), pick((r) => r.registeredEventId),
    pick((r) => r.row),
  ]
}

/**
 * Registers a chunk set-based, in one statement: participants (`ON CONFLICT DO NOTHING`: a NIK or KPJ taken
 * meanwhile by a single registration is skipped, never an error), then for the rows inserted their enrolment
 * and ONE `registered` event naming the job, the row and the enrolment (registeredEventData). Returns the file rows that were inserted.
 */
export async function insertRegistrations(sql: Sql, rows: readonly BulkRegistration[], ctx: BulkContext): Promise<Set<number>> {
  if (rows.length === 0) return new Set()
  await sql.query(`set local work_mem = '64MB'`) // the chunk's joins sort in memory, not on disk
  const { rows: inserted } = await sql.query<{ row: number }>(
    `with input as (
       select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[], $9::text[], $10::text[],
                            $11::text[], $12::text[], $13::date[], $14::uuid[], $15::text[], $16::int8[], $17::int8[], $18::int8[], $19::uuid[],
                            $20::text[], $21::text[], $22::text[], $23::text[], $24::uuid[], $25::int4[])
         as t(id, nik, kpj, kpj_origin, name, name_key, birth_date, sex, phone, regency_code, occupations, category, registered_on,
              enrolment_id, programmes, declared_income_idr, income_base_idr, wage_idr, employer_id, sector, payer, payer_ref, start_month,
              registered_event_id, row)
     ), p as (
       insert into participants (id, nik, kpj, kpj_origin, name, name_key, birth_date, sex, phone, regency_code, occupation_codes, category,
                                 status, status_since, registered_on, source_id, consent_purpose, consent_at, version, created_at, updated_at)
       select id, nik, kpj, kpj_origin, name, name_key, birth_date, sex, phone, regency_code, occupations::text[], category,
              'terdaftar', registered_on, registered_on, $26, $27, $28, 1, $28, $28
         from input
       on conflict do nothing
       returning id
     ), e as (
       insert into enrolments (id, participant_id, segment, programmes, declared_income_idr, income_base_idr, wage_idr, employer_id, sector,
                               payer, payer_ref, source_id, start_month, status, created_at, updated_at)
       select i.enrolment_id, i.id, i.category, i.programmes::text[], i.declared_income_idr, i.income_base_idr, i.wage_idr, i.employer_id, i.sector,
              i.payer, i.payer_ref, $26, i.start_month, 'active', $28, $28
         from input i join p on p.id = i.id
     ), ev as (
       insert into participant_events (id, participant_id, occurred_at, kind, actor_id, request_id, data)
       select i.registered_event_id, i.id, $28, 'registered', $29, $30,
              jsonb_build_object('row', i.row, 'importJobId', $31::uuid, 'enrolmentId', i.enrolment_id)
         from input i join p on p.id = i.id
     )
     select i.row from input i join p on p.id = i.id`,
    [...columns(rows), ctx.sourceId, ctx.consentPurpose, ctx.now, ctx.actorId, ctx.requestId, ctx.jobId],
  )
  return new Set(inserted.map((r) => r.row))
}

export interface IdentityReviewInput {
  id: string
  participantId: string
  claimedName: string
  claimedBirthDate: string
  reason: string
}

/** Identity conflicts of a chunk, kept for a person to review (never a second participant). */
export async function insertIdentityReviews(sql: Sql, reviews: readonly IdentityReviewInput[], ctx: Pick<BulkContext, 'sourceId' | 'requestId' | 'now'>): Promise<void> {
  if (reviews.length === 0) return
  await sql.query(
    `insert into identity_reviews (id, participant_id, claimed_name, claimed_birth_date, reason, source_id, request_id, status, created_at)
     select id, participant_id, claimed_name, claimed_birth_date, reason, $6, $7, 'open', $8
       from unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::text[]) as t(id, participant_id, claimed_name, claimed_birth_date, reason)`,
    [reviews.map((r) => r.id), reviews.map((r) => r.participantId), reviews.map((r) => r.claimedName), reviews.map((r) => r.claimedBirthDate),
      reviews.map((r) => r.reason), ctx.sourceId, ctx.requestId, ctx.now],
  )
}
