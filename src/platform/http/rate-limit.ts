import rateLimit from '@fastify/rate-limit'
import type { FastifyRequest } from 'fastify'
import { DomainError } from '../../kernel/errors.js'
import type { App } from './types.js'

export interface RateLimitRule {
  max: number
  timeWindowMs: number
  /** What one budget belongs to; the caller's IP by default. */
  keyBy?: 'ip' | 'ip-and-username'
}

export interface RateLimitSettings {
  /** Every /api route without a rule of its own. */
  api: RateLimitRule
  /** Stricter rules keyed by `METHOD /url` as the route declares it. */
  routes: Record<string, RateLimitRule>
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  api: { max: 600, timeWindowMs: 60_000 },
  routes: {
    // per IP and username: staff of one office share a public IP, and guessing one account stays slow
    'POST /api/v1/auth/login': { max: 10, timeWindowMs: 60_000, keyBy: 'ip-and-username' },
    'POST /api/v1/quotes': { max: 60, timeWindowMs: 60_000 },
    // worker self-service (issue 11): codes per IP here, per NIK/KPJ in the flow (src/flows/worker-sign-in.ts)
    'POST /api/v1/self/sign-in': { max: 5, timeWindowMs: 60_000 },
    'POST /api/v1/self/verify': { max: 10, timeWindowMs: 60_000 },
  },
}

function usernameOf(request: FastifyRequest): string {
  const body = request.body as { username?: unknown } | undefined
  return typeof body?.username === 'string' ? body.username.trim().toLowerCase().slice(0, 64) : ''
}

function routeConfig(rule: RateLimitRule) {
  if (rule.keyBy !== 'ip-and-username') return { max: rule.max, timeWindow: rule.timeWindowMs }
  return {
    max: rule.max,
    timeWindow: rule.timeWindowMs,
    hook: 'preHandler' as const, // the body (and its username) is parsed by then
    keyGenerator: (request: FastifyRequest) => `${request.ip}|${usernameOf(request)}`,
  }
}

/**
 * Per-IP limits on /api only: the web app's files and the SNAP channel API (signed, partner-authenticated, with
 * its own throughput goal) are not limited here. Over the limit: 429 `rate_limited` with Retry-After.
 */
export async function registerRateLimit(app: App, settings: RateLimitSettings): Promise<void> {
  // runs before the plugin's own onRoute hook, so the plugin sees the configuration chosen here
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { rateLimit?: unknown }
    if (config.rateLimit !== undefined) return
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    const rule = methods.map((method) => settings.routes[`${method} ${route.url}`]).find(Boolean)
    if (rule) config.rateLimit = routeConfig(rule)
    else if (!route.url.startsWith('/api/')) config.rateLimit = false
    route.config = config as typeof route.config
  })
  await app.register(rateLimit, {
    global: true,
    max: settings.api.max,
    timeWindow: settings.api.timeWindowMs,
    errorResponseBuilder: (_request, context) =>
      new DomainError('rate_limited', `Terlalu banyak permintaan; coba lagi dalam ${context.after}.`, {
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  })
}
