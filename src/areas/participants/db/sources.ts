import type { Sql } from '../../../platform/db/sql.js'
import { isUuid } from './participants.js'

export const SOURCE_KINDS = ['agent', 'channel', 'pemda', 'employer', 'office', 'self'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

export interface SourceRecord {
  id: string
  kind: SourceKind
  name: string
  refId: string | null
  createdAt: Date
}

export async function insertSource(sql: Sql, source: SourceRecord): Promise<SourceRecord> {
  const { rows } = await sql.query<SourceRecord>(
    `insert into sources (id, kind, name, ref_id, created_at) values ($1, $2, $3, $4, $5)
     returning id, kind, name, ref_id as "refId", created_at as "createdAt"`,
    [source.id, source.kind, source.name, source.refId, source.createdAt],
  )
  return rows[0]!
}

export async function findSource(sql: Sql, id: string): Promise<SourceRecord | null> {
  if (!isUuid(id)) return null
  const { rows } = await sql.query<SourceRecord>(`select id, kind, name, ref_id as "refId", created_at as "createdAt" from sources where id = $1`, [id])
  return rows[0] ?? null
}

/** Sources by id (an agent's own) or by kind, in name order, at most `limit`. */
export async function listSources(sql: Sql, filter: { ids?: readonly string[]; kinds?: readonly SourceKind[]; limit: number }): Promise<SourceRecord[]> {
  const ids = filter.ids?.filter(isUuid)
  const { rows } = await sql.query<SourceRecord>(
    `select id, kind, name, ref_id as "refId", created_at as "createdAt" from sources
     where ($1::uuid[] is null or id = any($1::uuid[])) and ($2::text[] is null or kind = any($2::text[]))
     order by kind, name limit $3`,
    [ids ?? null, filter.kinds ?? null, filter.limit],
  )
  return rows
}
