import { readFileSync } from 'node:fs'
import cookie from '@fastify/cookie'
import Fastify, { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { DomainError } from '../../kernel/errors.js'
import { createLogger, type Logger } from '../log.js'
import { installActorHooks } from './actor.js'
import { lazyRequestLogger } from './lazy-request-logger.js'
import { toErrorReply } from './error-reply.js'
import { registerOpenApi } from './openapi.js'
import { DEFAULT_RATE_LIMITS, registerRateLimit, type RateLimitSettings } from './rate-limit.js'
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id.js'
import type { App, AppContext, Authenticate, RoutePlugin } from './types.js'
import { registerWebApp, type WebFallback } from './web-app.js'

export interface BuildAppOptions {
  ctx: AppContext
  /** How a request finds its caller; without it every `app.requireActor` route answers 401. */
  authenticate?: Authenticate
  routes: RoutePlugin[]
  /** The built web app (web/dist); when absent or not built, `/` says the web app is not built. */
  webRoot?: string
  /** `false` turns rate limiting off. Default: DEFAULT_RATE_LIMITS, but off when `ctx.config.env` is 'test'. */
  rateLimit?: RateLimitSettings | false
  /** The pino logger (tests pass one writing to a capture stream). */
  logger?: Logger
}

const VERSION = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version

function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const answer = toErrorReply(error, request.id)
  if (answer.serverFault) request.log.error({ err: error }, 'request failed')
  else request.log.info({ code: answer.body.error.code, field: answer.body.error.field }, 'request refused')
  return reply.code(answer.status).send(answer.body)
}

function notFound(fallback: WebFallback) {
  return (request: FastifyRequest, reply: FastifyReply) => {
    if (fallback(request, reply)) return reply
    return handleError(new DomainError('not_found', 'Alamat tidak ditemukan.'), request, reply)
  }
}

/**
 * Request logs cost a formatted, redacted line each on every request of the hot read paths (the KPJ look-up), so
 * the start of a request is logged at debug and its completion at info only when the answer is 4xx/5xx (debug
 * otherwise); errors stay at error. `LOG_LEVEL=debug` brings back both lines for every request.
 */
class QuietRequestLog extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    if (!this.isLogDisabled(request)) request.log.debug({ req: request }, 'incoming request')
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored')
    else if (reply.statusCode >= 400) reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed')
    else reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed')
  }
}

/** The Fastify app of Semesta: zod schemas, OpenAPI, request ids, error mapping, rate limits, the web app, routes. */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  const { ctx } = options
  const app: App = Fastify({
    loggerInstance: (options.logger ?? createLogger({ level: ctx.config.logLevel })) as FastifyBaseLogger,
    genReqId: (request) => requestIdFrom(request.headers[REQUEST_ID_HEADER], () => ctx.newId()),
    logController: new QuietRequestLog({ requestIdLogLabel: 'requestId' }),
    childLoggerFactory: (logger, bindings, childOptions) => lazyRequestLogger(logger, bindings, childOptions),
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.decorate('ctx', ctx)
  installActorHooks(app, options.authenticate)
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id)
  })
  app.setErrorHandler(handleError)

  const rateLimit = options.rateLimit ?? (ctx.config.env === 'test' ? false : DEFAULT_RATE_LIMITS)
  if (rateLimit) await registerRateLimit(app, rateLimit)
  await app.register(cookie, ctx.config.sessionSecret ? { secret: ctx.config.sessionSecret } : {})
  await registerOpenApi(app, VERSION)
  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: 'Layanan hidup', response: { 200: z.object({ status: z.literal('ok'), version: z.string() }) } } },
    async () => ({ status: 'ok' as const, version: VERSION }),
  )
  for (const plugin of options.routes) {
    await app.register(async (scope) => plugin(scope as App))
  }
  app.setNotFoundHandler(notFound(await registerWebApp(app, options.webRoot)))
  return app
}
