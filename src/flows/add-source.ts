import { DomainError } from '../kernel/index.js'
import type { Sql } from '../platform/db/sql.js'
import { writeAudit, type Actor } from '../areas/access/index.js'
import { insertSource, SOURCE_KINDS, type SourceKind, type SourceRecord } from '../areas/participants/index.js'
import { auditActor } from './participant-guard.js'
import type { IdSource } from './register-participant.js'

export interface AddSourceCommand {
  kind: string
  name: string
  refId?: string | null | undefined
  actor: Actor | null
  requestId: string | null
}

/** A new source (who brings people in: an agent, a channel partner, a pemda programme, an employer, an office, self-service). */
export async function addSource(sql: Sql, cmd: AddSourceCommand, now: Date, ids: IdSource): Promise<SourceRecord> {
  if (!(SOURCE_KINDS as readonly string[]).includes(cmd.kind)) {
    throw new DomainError('unknown_code', `Jenis sumber "${cmd.kind}" tidak dikenal; pilih ${SOURCE_KINDS.join(', ')}.`, { field: 'kind' })
  }
  const name = cmd.name.trim()
  if (name === '' || name.length > 200) throw new DomainError('invalid_input', 'Nama sumber wajib diisi (paling panjang 200 karakter).', { field: 'name' })
  return sql.transaction(async (tx) => {
    const source = await insertSource(tx, { id: ids.newId(), kind: cmd.kind as SourceKind, name, refId: cmd.refId ?? null, createdAt: now }).catch((error: unknown) => {
      if ((error as { code?: string }).code === '23505') throw new DomainError('conflict', 'Sumber dengan refId ini sudah ada.', { field: 'refId' })
      throw error
    })
    await writeAudit(tx, { actor: auditActor(cmd.actor), action: 'source.add', subjectType: 'source', subjectId: source.id, requestId: cmd.requestId, details: { kind: source.kind } })
    return source
  })
}
