import type { Sql } from '../../../platform/db/sql.js'

/**
 * What an agent's portfolio did: reads of the registry (participants and enrolments by the agent's source, indexed by
 * source) beside the agent's own collections. Read-only SQL across areas, like the coverage rollups' readers.
 */
export interface RegistrationRow {
  participantId: string
  registeredOn: string
  programmes: number
}

export async function listRegistrations(sql: Sql, sourceId: string, range: { from: string; to: string }): Promise<RegistrationRow[]> {
  const { rows } = await sql.query<RegistrationRow>(
    `select p.id as "participantId", p.registered_on as "registeredOn",
       coalesce((select max(cardinality(e.programmes)) from enrolments e where e.participant_id = p.id and e.source_id = p.source_id), 0)::int as programmes
     from participants p where p.source_id = $1 and p.registered_on between $2::date and $3::date order by p.registered_on, p.id`,
    [sourceId, range.from, range.to],
  )
  return rows
}

export interface PortfolioCounts {
  agentId: string
  participants: number
  terlindungi: number
  nonaktif: number
  everPaid: number
  lastRegistrationOn: string | null
  lastCollectionOn: string | null
}

/** Per agent: portfolio size by status, and the last day of production (registration or collection). */
export async function portfolioCounts(sql: Sql, agentIds: readonly string[]): Promise<PortfolioCounts[]> {
  if (agentIds.length === 0) return []
  const { rows } = await sql.query<PortfolioCounts>(
    `select a.id as "agentId",
       count(p.id)::int as participants,
       count(p.id) filter (where p.status in ('aktif', 'menunggak'))::int as terlindungi,
       count(p.id) filter (where p.status = 'nonaktif')::int as nonaktif,
       count(p.id) filter (where p.status in ('aktif', 'menunggak', 'nonaktif'))::int as "everPaid",
       to_char(max(p.registered_on), 'YYYY-MM-DD') as "lastRegistrationOn",
       (select to_char(max(c.collected_on), 'YYYY-MM-DD') from agent_collections c where c.agent_id = a.id) as "lastCollectionOn"
     from agents a left join participants p on p.source_id = a.source_id
     where a.id = any($1::uuid[]) group by a.id`,
    [agentIds],
  )
  return rows
}

export interface MonthProduction {
  agentId: string
  registrations: number
  collections: number
  collectedIdr: number
}

/** Registrations and collections of each agent in a date range. */
export async function monthProduction(sql: Sql, agentIds: readonly string[], range: { from: string; to: string }): Promise<MonthProduction[]> {
  if (agentIds.length === 0) return []
  const { rows } = await sql.query<MonthProduction>(
    `select a.id as "agentId",
       (select count(*) from participants p where p.source_id = a.source_id and p.registered_on between $2::date and $3::date)::int as registrations,
       (select count(*) from agent_collections c where c.agent_id = a.id and c.collected_on between $2::date and $3::date)::int as collections,
       (select coalesce(sum(c.amount_idr), 0) from agent_collections c where c.agent_id = a.id and c.collected_on between $2::date and $3::date)::bigint as "collectedIdr"
     from agents a where a.id = any($1::uuid[])`,
    [agentIds, range.from, range.to],
  )
  return rows
}
