import { DomainError } from '../../../kernel/errors.js'
import { actorOf } from '../../../platform/http/actor.js'
import type { App } from '../../../platform/http/types.js'
import { dataScope, writeAudit, type Actor } from '../../access/index.js'
import { findParticipantById, findParticipantSummaryByKpj } from '../db/participants.js'
import { listSources } from '../db/sources.js'
import { listEvents } from '../db/events.js'
import { searchParticipants } from '../db/search.js'
import { cleanName, nameKey } from '../domain/names.js'
import { regencyCodeOf } from '../domain/registration-fields.js'
import { mayRegister, maySearchParticipants, participantView } from '../policy.js'
import { presentEvent, presentParticipant } from './presenters.js'
import * as s from './schemas.js'

export const tags = ['participants']
export const secured: Array<Record<string, string[]>> = [{ cookieAuth: [] }, { bearerAuth: [] }]

function mayRead(actor: Actor): Actor {
  if (!maySearchParticipants(actor)) throw new DomainError('forbidden', 'Anda tidak berwenang melihat data peserta.', { action: 'participant.read' })
  return actor
}

function notFound(): DomainError {
  return new DomainError('not_found', 'Peserta tidak ditemukan (atau di luar wilayah/portofolio Anda).')
}

/**
 * The participant this caller may see, with whether personal data shows. Outside the caller's area or portfolio
 * the answer is the same 404 as for an unknown id (existence is not revealed); the refusal is audited (ids only).
 */
export async function visibleParticipant<P extends { id: string; regencyCode: string; sourceId: string }>(app: App, actor: Actor, p: P | null, requestId: string) {
  if (!p) throw notFound()
  const view = participantView(actor, p)
  if (view === 'none') {
    await writeAudit(app.ctx.sql, { actor: { userId: actor.userId, role: actor.role }, action: 'participant.read_refused', subjectType: 'participant', subjectId: p.id, requestId })
    throw notFound()
  }
  return { participant: p, personalData: view === 'full' }
}

/** Reads: one participant by id or KPJ (the fast path: one indexed query), search within the caller's scope, history. */
export async function readRoutes(app: App): Promise<void> {
  const { ctx } = app
  const guarded = { preHandler: app.requireActor }

  app.get(
    '/api/v1/participants/kpj/:kpj',
    { ...guarded, schema: { tags, summary: 'Peserta menurut KPJ', security: secured, params: s.kpjParams, response: { 200: s.participantView } } },
    async (request) => {
      const actor = mayRead(actorOf(request))
      const seen = await visibleParticipant(app, actor, await findParticipantSummaryByKpj(ctx.sql, request.params.kpj), request.id)
      return presentParticipant(seen.participant, seen)
    },
  )

  app.get(
    '/api/v1/participants/:id',
    { ...guarded, schema: { tags, summary: 'Satu peserta', security: secured, params: s.idParams, response: { 200: s.participantView } } },
    async (request) => {
      const actor = mayRead(actorOf(request))
      const seen = await visibleParticipant(app, actor, await findParticipantById(ctx.sql, request.params.id), request.id)
      return presentParticipant(seen.participant, seen)
    },
  )

  app.post(
    '/api/v1/participants/search',
    {
      ...guarded,
      schema: { tags, summary: 'Cari peserta (NIK, KPJ atau awal nama di badan permintaan, tidak pernah di URL), dalam wilayah Anda', security: secured, body: s.searchBody, response: { 200: s.searchResponse } },
    },
    async (request) => {
      const actor = mayRead(actorOf(request))
      const { name, regencyCode, limit, cursor, ...exact } = request.body
      const key = name === undefined ? undefined : nameKey(cleanName(name))
      if (name !== undefined && !key) throw new DomainError('invalid_input', 'Nama yang dicari harus memuat huruf.', { field: 'name' })
      const search = { ...exact, nameKeyPrefix: key, regencyCode: regencyCode === undefined ? undefined : (regencyCodeOf(regencyCode) ?? regencyCode) }
      const result = await searchParticipants(ctx.sql, search, dataScope(actor), { limit, after: cursor })
      return {
        items: result.items.map((p) => presentParticipant(p, { personalData: participantView(actor, p) === 'full' })),
        nextCursor: result.nextCursor,
      }
    },
  )

  app.get(
    '/api/v1/participants/:id/history',
    { ...guarded, schema: { tags, summary: 'Riwayat peserta (terdaftar, ikut program, koreksi, berhenti), hanya bertambah', security: secured, params: s.idParams, response: { 200: s.historyResponse } } },
    async (request) => {
      const actor = mayRead(actorOf(request))
      const seen = await visibleParticipant(app, actor, await findParticipantById(ctx.sql, request.params.id), request.id)
      const events = await listEvents(ctx.sql, seen.participant.id)
      return { items: events.map((e) => presentEvent(e, seen)) }
    },
  )

  app.get(
    '/api/v1/sources',
    { ...guarded, schema: { tags, summary: 'Sumber pendaftaran yang boleh Anda pakai (agen: sumber miliknya; kantor: semua)', security: secured, querystring: s.sourceListQuery, response: { 200: s.sourceListResponse } } },
    async (request) => {
      const actor = actorOf(request)
      if (!mayRegister(actor)) throw new DomainError('forbidden', 'Anda tidak berwenang mendaftarkan peserta.', { action: 'participant.write' })
      const scope = dataScope(actor).sourceIds
      const kind = request.query.kind
      const items = await listSources(ctx.sql, { ...(scope === 'all' ? {} : { ids: scope }), ...(kind ? { kinds: [kind] } : {}), limit: 500 })
      return { items: items.map(({ id, kind: k, name }) => ({ id, kind: k, name })) }
    },
  )
}
