import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'

/**
 * Set-based writes for `semesta seed demo`: one COPY per table per chunk, in the chunk's transaction. The rows
 * are already valid (made by the domain's demo generator), so nothing is checked here but the constraints.
 */
export interface SeedParticipantRow {
  id: string
  nik: string
  kpj: string
  name: string
  nameKey: string
  birthDate: string
  sex: string
  phone: string | null
  regencyCode: string
  occupationCodes: readonly string[]
  category: string
  /** `aktif` (protected since registration) or `terdaftar` (never paid): see docs/demo-data.md. */
  status: 'aktif' | 'terdaftar'
  registeredOn: string
  sourceId: string
  consentPurpose: string
  /** ISO timestamps. */
  consentAt: string
  createdAt: string
}

export interface SeedEnrolmentRow {
  id: string
  participantId: string
  segment: string
  programmes: readonly string[]
  declaredIncomeIdr: number | null
  incomeBaseIdr: number | null
  wageIdr: number | null
  sector: string | null
  payer: string
  payerRef: string | null
  sourceId: string
  startMonth: string | null
  createdAt: string
}

export interface SeedEventRow {
  id: string
  participantId: string
  occurredAt: string
  /** JSON text. */
  data: string
}

export interface SeedChunk {
  participants: readonly SeedParticipantRow[]
  enrolments: readonly SeedEnrolmentRow[]
  events: readonly SeedEventRow[]
}

const NEEDS_ESCAPE = /[\\\t\n\r]/
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }

/** A COPY text-format field (`\N` for null). */
function field(value: string | number | null): string {
  if (value === null) return '\\N'
  const text = String(value)
  return NEEDS_ESCAPE.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : text
}

/** A text[] literal; the codes in it are plain words (programmes, occupation codes). */
const textArray = (items: readonly string[]): string => `{${items.join(',')}}`

export function participantLines(rows: readonly SeedParticipantRow[]): string {
  let out = ''
  for (const p of rows) {
    out += `${p.id}\t${p.nik}\t${p.kpj}\tissued\t${field(p.name)}\t${field(p.nameKey)}\t${p.birthDate}\t${p.sex}\t${field(p.phone)}\t${p.regencyCode}\t`
    out += `${textArray(p.occupationCodes)}\t${p.category}\t${p.status}\t${p.registeredOn}\t${p.registeredOn}\t${p.sourceId}\t${field(p.consentPurpose)}\t${p.consentAt}\t1\t${p.createdAt}\t${p.createdAt}\n`
  }
  return out
}

export function enrolmentLines(rows: readonly SeedEnrolmentRow[]): string {
  let out = ''
  for (const e of rows) {
    out += `${e.id}\t${e.participantId}\t${e.segment}\t${textArray(e.programmes)}\t${field(e.declaredIncomeIdr)}\t${field(e.incomeBaseIdr)}\t${field(e.wageIdr)}\t\\N\t`
    out += `${field(e.sector)}\t${e.payer}\t${field(e.payerRef)}\t${e.sourceId}\t${field(e.startMonth)}\tactive\t${e.createdAt}\t${e.createdAt}\n`
  }
  return out
}

export function eventLines(rows: readonly SeedEventRow[]): string {
  let out = ''
  for (const e of rows) out += `${e.id}\t${e.participantId}\t${e.occurredAt}\tregistered\t${field(e.data)}\n`
  return out
}

const PARTICIPANT_COLUMNS =
  'id, nik, kpj, kpj_origin, name, name_key, birth_date, sex, phone, regency_code, occupation_codes, category, status, status_since, registered_on, source_id, consent_purpose, consent_at, version, created_at, updated_at'
const ENROLMENT_COLUMNS =
  'id, participant_id, segment, programmes, declared_income_idr, income_base_idr, wage_idr, employer_id, sector, payer, payer_ref, source_id, start_month, status, created_at, updated_at'
const EVENT_COLUMNS = 'id, participant_id, occurred_at, kind, data'

async function copyText(client: pg.PoolClient, statement: string, text: string): Promise<void> {
  if (text.length === 0) return
  await pipeline(Readable.from([text]), client.query(copyFrom(statement)))
}

/** Writes one chunk with three COPYs on `client` (the caller holds the transaction). */
export async function copySeedChunk(client: pg.PoolClient, chunk: SeedChunk): Promise<void> {
  await copyText(client, `copy participants (${PARTICIPANT_COLUMNS}) from stdin`, participantLines(chunk.participants))
  await copyText(client, `copy enrolments (${ENROLMENT_COLUMNS}) from stdin`, enrolmentLines(chunk.enrolments))
  await copyText(client, `copy participant_events (${EVENT_COLUMNS}) from stdin`, eventLines(chunk.events))
}
