import type { Sql } from '../../../platform/db/sql.js'
import { isUuid } from './participants.js'
import { PARTICIPANT_COLUMNS, type ParticipantRecord } from './participant-record.js'

export interface ParticipantSearch {
  nik?: string | undefined
  kpj?: string | undefined
  /** A nameKey (domain/names.ts) prefix: `NI MADE` finds `NI MADE WIRAWATI`. */
  nameKeyPrefix?: string | undefined
  regencyCode?: string | undefined
  status?: string | undefined
}

/** The rows a caller may see (access's dataScope): `'all'` or the regency codes / source ids to keep. */
export interface SearchScope {
  regionCodes: 'all' | readonly string[]
  sourceIds: 'all' | readonly string[]
}

export interface SearchPage {
  limit: number
  /** The id of the last row of the previous page. */
  after?: string | undefined
}

export interface SearchResult {
  items: ParticipantRecord[]
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null
}

const LIKE_SPECIAL = /[\\%_]/g

/**
 * Participants matching every given criterion, within the scope, in name order (keyset on name_key, id so deep
 * pages stay one index range scan). The cursor is a participant id, so it carries no personal data.
 */
export async function searchParticipants(sql: Sql, search: ParticipantSearch, scope: SearchScope, page: SearchPage): Promise<SearchResult> {
  const where: string[] = []
  const params: unknown[] = []
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value)
    where.push(clause(`$${params.length}`))
  }
  if (search.nik) add((p) => `p.nik = ${p}`, search.nik)
  if (search.kpj) add((p) => `p.kpj = ${p}`, search.kpj)
  if (search.nameKeyPrefix) add((p) => `p.name_key like ${p}`, `${search.nameKeyPrefix.replace(LIKE_SPECIAL, '\\$&')}%`)
  if (search.regencyCode) add((p) => `p.regency_code = ${p}`, search.regencyCode)
  if (search.status) add((p) => `p.status = ${p}`, search.status)
  if (scope.regionCodes !== 'all') {
    add((p) => `exists (select 1 from unnest(${p}::text[]) c where p.regency_code = c or p.regency_code like c || '.%')`, [...scope.regionCodes])
  }
  if (scope.sourceIds !== 'all') add((p) => `p.source_id = any(${p}::uuid[])`, scope.sourceIds.filter(isUuid))
  if (page.after && isUuid(page.after)) {
    add((p) => `(p.name_key, p.id) > (select a.name_key, a.id from participants a where a.id = ${p})`, page.after)
  }
  params.push(page.limit + 1)
  const { rows } = await sql.query<ParticipantRecord>(
    `select ${PARTICIPANT_COLUMNS} from participants p
      ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
      order by p.name_key, p.id limit $${params.length}`,
    params,
  )
  const more = rows.length > page.limit
  const items = more ? rows.slice(0, page.limit) : rows
  return { items, nextCursor: more ? items[items.length - 1]!.id : null }
}
