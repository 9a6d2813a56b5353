import type { LocalDate } from '../../../kernel/dates.js'
import type { Sql } from '../../../platform/db/sql.js'
import { findParticipantById, findParticipantsByNiks, type ParticipantRecord } from '../../participants/index.js'

export interface WorkerLink {
  id: string
  employerId: string
  participantId: string
  startedOn: LocalDate
}

/** Opens an employment spell for each worker without an open one at that employer; returns how many were opened. */
export async function linkWorkers(sql: Sql, links: readonly WorkerLink[], createdAt: Date): Promise<number> {
  if (links.length === 0) return 0
  const result = await sql.query(
    `insert into employer_workers (id, employer_id, participant_id, started_on, created_at)
     select v.id, v.employer_id, v.participant_id, v.started_on, $5
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[]) as v(id, employer_id, participant_id, started_on)
     on conflict (employer_id, participant_id) where ended_on is null do nothing`,
    [links.map((l) => l.id), links.map((l) => l.employerId), links.map((l) => l.participantId), links.map((l) => l.startedOn), createdAt],
  )
  return result.rowCount
}

export interface WorkerRecord {
  participantId: string
  nik: string
  kpj: string
  name: string
  regencyCode: string
  startedOn: LocalDate
  endedOn: LocalDate | null
}

/** An employer's workers (every spell) with the registry fields the workers list shows. */
export async function listWorkers(sql: Sql, employerId: string, limit: number): Promise<WorkerRecord[]> {
  const { rows } = await sql.query<WorkerRecord>(
    `select w.participant_id as "participantId", p.nik, p.kpj, p.name, p.regency_code as "regencyCode",
            w.started_on::text as "startedOn", w.ended_on::text as "endedOn"
       from employer_workers w join participants p on p.id = w.participant_id
      where w.employer_id = $1
      order by p.name_key, w.participant_id, w.started_on
      limit $2`,
    [employerId, limit],
  )
  return rows
}

export interface RegisteredPerson {
  id: string
  nik: string
  name: string
  regencyCode: string
}

/** Registered participants by NIK, for the wage report (one query per chunk, through the participants area). */
export async function participantsByNik(sql: Sql, niks: readonly string[]): Promise<Map<string, RegisteredPerson>> {
  const found = await findParticipantsByNiks(sql, niks)
  return new Map(found.map((p) => [p.nik, registered(p)]))
}

export async function participantById(sql: Sql, id: string): Promise<RegisteredPerson | undefined> {
  const found = await findParticipantById(sql, id)
  return found ? registered(found) : undefined
}

function registered(p: ParticipantRecord): RegisteredPerson {
  return { id: p.id, nik: p.nik, name: p.name, regencyCode: p.regencyCode }
}
