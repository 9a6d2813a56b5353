import type { FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { isDomainError } from '../../../kernel/errors.js'
import type { App } from '../../../platform/http/types.js'
import { channelInquiry, channelPayment, channelStatus, type ChannelCall } from '../../../flows/channel-payments.js'
import { channelRegistration, channelReversal } from '../../../flows/channel-counter.js'
import { isSnapRefusal, SNAP_SERVICES, snapAnswer, wibTimestamp, type SnapAnswer, type SnapService } from '../domain/index.js'
import { ChannelGate, type VerifiedCall } from '../gate.js'
import { secretKeyFrom } from '../signing/secrets.js'
import * as s from './schemas.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The exact bytes of a SNAP request's body: what its signature covers (channel-api.md §4.2). */
    rawBody?: Buffer
    snapCall?: VerifiedCall
  }
  interface FastifyContextConfig {
    /** The SNAP service code of the route (its answers' codes carry it). */
    snapService?: string
  }
}

export const SNAP_PREFIX = '/snap/v1.0'
const tags = ['channels']
/**
 * The schemas describe the routes in OpenAPI only: every field is checked by the domain parsers (SNAP codes naming
 * the field) and every answer is built by the domain, so the routes neither validate with zod nor serialise through it.
 */
const documentedOnly = {
  validatorCompiler: () => (value: unknown) => ({ value }),
  serializerCompiler: () => (data: unknown) => JSON.stringify(data),
}
const RESPONSES = { 200: s.snapResponse, 400: s.snapResponse, 401: s.snapResponse, 403: s.snapResponse, 404: s.snapResponse, 409: s.snapResponse, 500: s.snapResponse }

function serviceOf(request: FastifyRequest): SnapService {
  return ((request.routeOptions.config as { snapService?: SnapService }).snapService ?? SNAP_SERVICES.inquiry) as SnapService
}

function send(reply: FastifyReply, answer: SnapAnswer, now: Date) {
  return reply.code(answer.httpStatus).header('X-TIMESTAMP', wibTimestamp(now)).send(answer.body)
}

/** Field of a schema validation failure (`/customerNo` → customerNo). */
function validationField(error: { validation?: Array<{ instancePath?: string; params?: { missingProperty?: string } }> }): string | undefined {
  const first = error.validation?.[0]
  return first?.instancePath?.replace(/^\//, '').replace(/\//g, '.') || first?.params?.missingProperty
}

/**
 * The SNAP answer of any failure in this scope, never the app's error body: a SnapRefusal as it says; a malformed
 * body `400xx00`; a field the schema refuses `400xx01`; anything else `500xx00` (logged as an error). Only codes
 * are logged: no body, header, token or signature reaches the log.
 */
function snapErrorHandler(app: App) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const service = serviceOf(request)
    const now = app.ctx.now()
    let answer: SnapAnswer
    const framework = error as { statusCode?: number; validation?: unknown[] }
    if (isSnapRefusal(error)) answer = snapAnswer(service, error.kase, error.detail, error.data ?? {})
    else if (framework.validation) answer = snapAnswer(service, 'invalidFieldFormat', validationField(error as never))
    else if (!isDomainError(error) && framework.statusCode && framework.statusCode >= 400 && framework.statusCode < 500) answer = snapAnswer(service, 'badRequest')
    else {
      request.log.error({ err: error }, 'snap request failed')
      answer = snapAnswer(service, 'generalError')
    }
    if (answer.httpStatus < 500) request.log.info({ responseCode: answer.body.responseCode }, 'snap request refused')
    return send(reply, answer, now)
  }
}

/**
 * The SNAP biller API (issue 6, channel-api.md §14): `/snap/v1.0/access-token/b2b`, `transfer-va/inquiry|payment|status`,
 * and Semesta's `semesta/registration` and `semesta/payment-reversal`. The body is kept raw for the signature and
 * parsed here; every transaction call passes the gate (timestamp, partner, token, HMAC) before its body is read.
 */
export default async function channelsRoutes(app: App): Promise<void> {
  const { ctx } = app
  const gate = new ChannelGate(ctx.sql, { secretKey: () => secretKeyFrom(ctx.config) })
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const raw = body as Buffer
    request.rawBody = raw
    if (raw.length === 0) return done(null, {})
    try {
      done(null, JSON.parse(raw.toString('utf8')))
    } catch {
      const error = new Error('body is not JSON') as Error & { statusCode: number }
      error.statusCode = 400
      done(error, undefined)
    }
  })
  app.setErrorHandler(snapErrorHandler(app))

  const verify = async (request: FastifyRequest) => {
    request.snapCall = await gate.verify(
      { method: request.method, url: request.url, headers: request.headers, rawBody: request.rawBody ?? Buffer.alloc(0) },
      ctx.now(),
    )
  }
  const callOf = (request: FastifyRequest): ChannelCall => ({ call: request.snapCall as VerifiedCall, body: request.body, requestId: request.id })

  app.post(
    `${SNAP_PREFIX}/access-token/b2b`,
    {
      config: { snapService: SNAP_SERVICES.token },
      ...documentedOnly,
      schema: {
        tags, summary: 'Access token B2B (73): SHA256withRSA over clientKey|X-TIMESTAMP, 900 s', headers: s.snapHeaders, body: s.tokenBody,
        response: { 200: s.tokenResponse, 400: s.snapResponse, 401: s.snapResponse, 500: s.snapResponse },
      },
    },
    async (request, reply) => {
      const now = ctx.now()
      const token = await gate.issueToken({ headers: request.headers, body: request.body }, now)
      return send(reply, snapAnswer(SNAP_SERVICES.token, 'success', undefined, {
        accessToken: token.accessToken, tokenType: 'Bearer', expiresIn: String(token.expiresIn), additionalInfo: {},
      }), now)
    },
  )

  const routes: Array<{ path: string; service: SnapService; summary: string; body: z.ZodType; run: (call: ChannelCall, now: Date) => Promise<SnapAnswer> }> = [
    { path: 'transfer-va/inquiry', service: SNAP_SERVICES.inquiry, summary: 'VA Inquiry (24): the worker\'s open bills, 1–12 months', body: s.inquiryBody, run: (c, now) => channelInquiry(ctx.sql, c, now) },
    { path: 'transfer-va/payment', service: SNAP_SERVICES.payment, summary: 'VA Payment (25): idempotent on (partner, paymentRequestId)', body: s.paymentBody, run: (c, now) => channelPayment(ctx.sql, c, now, ctx) },
    { path: 'transfer-va/status', service: SNAP_SERVICES.status, summary: 'VA Inquiry Status (26): outcome of a payment', body: s.statusBody, run: (c, now) => channelStatus(ctx.sql, c, now) },
    { path: 'semesta/registration', service: SNAP_SERVICES.registration, summary: 'Registration at the counter (Semesta 90): a BPU worker', body: s.registrationBody, run: (c, now) => channelRegistration(ctx.sql, c, now, ctx) },
    { path: 'semesta/payment-reversal', service: SNAP_SERVICES.reversal, summary: 'Payment reversal (Semesta 91): same WIB day, before 23:00 WIB', body: s.reversalBody, run: (c, now) => channelReversal(ctx.sql, c, now, ctx) },
  ]
  for (const route of routes) {
    app.post(
      `${SNAP_PREFIX}/${route.path}`,
      { config: { snapService: route.service }, preValidation: verify, ...documentedOnly, schema: { tags, summary: route.summary, headers: s.snapHeaders, body: route.body, response: RESPONSES } },
      async (request, reply) => {
        const now = ctx.now()
        const answer = await route.run(callOf(request), now)
        return send(reply, { httpStatus: answer.httpStatus, body: answer.body }, now)
      },
    )
  }
}
