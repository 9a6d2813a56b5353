import type { Sql } from '../../../platform/db/sql.js'
import { newId } from '../../../platform/ids.js'
import type { Actor } from '../../access/index.js'

let serial = 0

/** A registered participant written straight into the registry tables (the wage tests need people, not registration). */
export async function insertTestParticipant(sql: Sql, person: { name: string; regencyCode?: string; sex?: 'L' | 'P' }): Promise<{ id: string; nik: string }> {
  serial += 1
  const sex = person.sex ?? 'L'
  const day = String(((serial - 1) % 28) + 1 + (sex === 'P' ? 40 : 0)).padStart(2, '0')
  const nik = `517101${day}0190${String(serial).padStart(4, '0')}`
  const id = newId()
  const sourceId = newId()
  const at = new Date('2026-01-05T02:00:00Z')
  await sql.query(`insert into sources (id, kind, name, created_at) values ($1, 'office', 'uji', $2)`, [sourceId, at])
  await sql.query(
    `insert into participants (id, nik, kpj, kpj_origin, name, name_key, birth_date, sex, regency_code, category, status_since, registered_on,
                               source_id, consent_purpose, consent_at, created_at, updated_at)
     values ($1, $2, $3, 'issued', $4, lower($4), $5, $6, $7, 'pu', '2026-01-05', '2026-01-05', $8, 'uji', $9, $9, $9)`,
    [id, nik, String(90_000_000_000 + serial + process.pid * 1000).slice(0, 11), person.name, `1990-01-${String(((serial - 1) % 28) + 1).padStart(2, '0')}`, sex, person.regencyCode ?? '51.71', sourceId, at],
  )
  return { id, nik }
}

export function testActor(role: Actor['role'], regionCodes: string[] = []): Actor {
  return { userId: newId(), username: `${role}.uji`, role, branchCode: null, regionCodes, sourceIds: [] }
}

export async function auditActions(sql: Sql, subjectId: string): Promise<string[]> {
  const { rows } = await sql.query<{ action: string }>(`select action from audit_events where subject_id = $1 order by occurred_at, id`, [subjectId])
  return rows.map((r) => r.action)
}
