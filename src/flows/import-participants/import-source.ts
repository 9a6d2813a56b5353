import { DomainError } from '../../kernel/index.js'
import type { Sql } from '../../platform/db/sql.js'
import { findSource } from '../../areas/participants/index.js'
import { uuidV7Batch } from '../../areas/participants/index.js'

export interface ImportSource {
  id: string
  kind: string
  refId: string | null
}

const DEFAULT_REF = 'bulk-import'

/** The source named on the command, or the office's "bulk import" source (made once, on first use). */
export async function resolveImportSource(sql: Sql, sourceId: string | null | undefined, now: Date): Promise<ImportSource> {
  if (sourceId) {
    const source = await findSource(sql, sourceId)
    if (!source) throw new DomainError('unknown_code', `Sumber ${sourceId} tidak dikenal; buat dulu dengan "semesta source add".`, { field: 'source' })
    return { id: source.id, kind: source.kind, refId: source.refId }
  }
  await sql.query(
    `insert into sources (id, kind, name, ref_id, created_at) values ($1, 'office', 'Impor berkas', $2, $3)
     on conflict (kind, ref_id) where ref_id is not null do nothing`,
    [uuidV7Batch(1, now.getTime())[0], DEFAULT_REF, now],
  )
  const { rows } = await sql.query<ImportSource>(`select id, kind, ref_id as "refId" from sources where kind = 'office' and ref_id = $1`, [DEFAULT_REF])
  return rows[0]!
}
