import type { z } from 'zod'
import { DomainError } from '../../../kernel/errors.js'
import { actorOf } from '../../../platform/http/actor.js'
import { errorBodySchema, toErrorReply, type ErrorBody } from '../../../platform/http/error-reply.js'
import { idempotencyHeaders, idempotent } from '../../../platform/http/idempotent.js'
import type { App } from '../../../platform/http/types.js'
import { assertAuthorized } from '../../access/index.js'
import { addSource } from '../../../flows/add-source.js'
import { correctParticipant } from '../../../flows/correct-participant.js'
import { endParticipant } from '../../../flows/end-participant.js'
import { exportParticipant } from '../../../flows/export-participant.js'
import { addProtectionPeriod } from '../../../flows/protection-period.js'
import { tryRegisterParticipant } from '../../../flows/register-participant.js'
import { regencyCodeOf } from '../domain/registration-fields.js'
import { mayAddSource, participantView } from '../policy.js'
import { presentEnrolment, presentEvent, presentIdentityReview, presentParticipant } from './presenters.js'
import { presentIssue, registrationRow, withApiFields } from './registration-input.js'
import { secured, tags } from './read-routes.js'
import * as s from './schemas.js'

type RegistrationAnswer = z.infer<typeof s.registrationResponse> | ErrorBody

/** Changes: registration (Idempotency-Key), corrections, ending a membership, the UU PDP export, and sources. */
export async function changeRoutes(app: App): Promise<void> {
  const { ctx } = app
  const guarded = { preHandler: app.requireActor }

  app.post(
    '/api/v1/participants',
    {
      ...guarded,
      schema: {
        tags, summary: 'Daftarkan peserta (NIK yang sama dengan identitas sama → peserta yang ada, alreadyRegistered)', security: secured,
        headers: idempotencyHeaders, body: s.registrationBody,
        response: { 200: s.registrationResponse, 201: s.registrationResponse, 422: errorBodySchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const body = request.body
      assertAuthorized(actor, 'participant.write', { regionCode: regencyCodeOf(body.regencyCode) ?? null, sourceId: body.sourceId })
      const command = {
        row: registrationRow(body), sourceId: body.sourceId, payer: body.payer, payerRef: body.payerRef, employerId: body.employerId,
        consent: { purpose: body.consent.purpose }, protection: body.protection, pemdaGroup: body.pemdaGroup, pemdaFrom: body.pemdaFrom, actor: { userId: actor.userId, role: actor.role }, requestId: request.id,
      }
      return idempotent<RegistrationAnswer>(request, reply, async (tx) => {
        const outcome = await tryRegisterParticipant(tx, command, ctx.now(), ctx).catch((error: unknown) => {
          throw withApiFields(error, body)
        })
        // final, stored with the key: the identity review row commits with this answer
        if (outcome.kind === 'identity_mismatch') return { status: 422, body: toErrorReply(withApiFields(outcome.error, body), request.id).body }
        const personalData = participantView(actor, outcome.participant) === 'full'
        return {
          status: outcome.kind === 'registered' ? 201 : 200,
          body: {
            participant: presentParticipant(outcome.participant, { personalData }),
            enrolment: outcome.enrolment ? presentEnrolment(outcome.enrolment) : null,
            alreadyRegistered: outcome.alreadyRegistered,
            warnings: outcome.warnings.map((w) => presentIssue(w, body)),
            protection: outcome.kind === 'registered' ? (outcome.protection ?? null) : null,
            membership: outcome.membership ?? null,
          },
        }
      })
    },
  )

  app.post(
    '/api/v1/participants/:id/corrections',
    { ...guarded, schema: { tags, summary: 'Koreksi nama, tanggal lahir, HP atau kabupaten/kota (tercatat sebagai peristiwa)', security: secured, params: s.idParams, body: s.correctionBody, response: { 200: s.participantView } } },
    async (request) => {
      const actor = actorOf(request)
      const { version, reason, ...changes } = request.body
      const updated = await correctParticipant(ctx.sql, { participantId: request.params.id, version, changes, reason, actor, requestId: request.id }, ctx.now(), ctx)
        .catch((error: unknown) => {
          throw withApiFields(error)
        })
      return presentParticipant(updated, { personalData: participantView(actor, updated) === 'full' })
    },
  )

  app.post(
    '/api/v1/participants/:id/protections',
    {
      ...guarded,
      schema: {
        tags, summary: 'Tambah masa perlindungan PMI atau proyek jasa konstruksi (satu iuran, dibayar sekaligus)', security: secured,
        params: s.idParams, body: s.protectionBody, response: { 201: s.protectionView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const added = await addProtectionPeriod(ctx.sql, { participantId: request.params.id, protection: request.body, actor, requestId: request.id }, ctx.now(), ctx)
      return reply.code(201).send(added)
    },
  )

  app.post(
    '/api/v1/participants/:id/end',
    { ...guarded, schema: { tags, summary: 'Akhiri kepesertaan (berhenti, dengan alasan dan bulan)', security: secured, params: s.idParams, body: s.endBody, response: { 200: s.participantView } } },
    async (request) => {
      const actor = actorOf(request)
      const ended = await endParticipant(ctx.sql, { participantId: request.params.id, ...request.body, actor, requestId: request.id }, ctx.now(), ctx)
      return presentParticipant(ended, { personalData: participantView(actor, ended) === 'full' })
    },
  )

  app.get(
    '/api/v1/participants/:id/export',
    { ...guarded, schema: { tags, summary: 'Semua data yang disimpan tentang satu orang (UU PDP 27/2022); petugas kantor saja, tercatat di audit', security: secured, params: s.idParams, response: { 200: s.exportResponse } } },
    async (request) => {
      const held = await exportParticipant(ctx.sql, request.params.id, actorOf(request), request.id)
      const full = { personalData: true }
      return {
        exportedAt: ctx.now().toISOString(),
        participant: { ...presentParticipant(held.participant, full), consentPurpose: held.participant.consentPurpose, consentAt: held.participant.consentAt.toISOString() },
        source: held.source ? { id: held.source.id, kind: held.source.kind, name: held.source.name, refId: held.source.refId } : null,
        enrolments: held.enrolments.map(presentEnrolment),
        events: held.events.map((e) => presentEvent(e, full)),
        identityReviews: held.identityReviews.map(presentIdentityReview),
      }
    },
  )

  app.post(
    '/api/v1/sources',
    { ...guarded, schema: { tags, summary: 'Tambah sumber pendaftaran (agen, mitra, program pemda, pemberi kerja, kantor, mandiri)', security: secured, body: s.sourceBody, response: { 201: s.sourceCreated } } },
    async (request, reply) => {
      const actor = actorOf(request)
      if (!mayAddSource(actor)) throw new DomainError('forbidden', 'Hanya admin atau kanwil yang dapat menambah sumber.', { action: 'source.add' })
      const source = await addSource(ctx.sql, { ...request.body, actor, requestId: request.id }, ctx.now(), ctx)
      return reply.code(201).send({ id: source.id })
    },
  )
}
