import type { FastifyRequest } from 'fastify'
import { DomainError } from '../../kernel/errors.js'
import type { Actor, App, Authenticate } from './types.js'

/** Decorates `request.actor` and the two preHandlers routes use: `app.requireActor` and `app.identifyActor`. */
export function installActorHooks(app: App, authenticate: Authenticate | undefined): void {
  app.decorateRequest('actor', null)
  const find = async (request: FastifyRequest): Promise<Actor | null> => {
    if (request.actor) return request.actor
    request.actor = authenticate ? await authenticate(request) : null
    return request.actor
  }
  app.decorate('identifyActor', async (request: FastifyRequest) => {
    await find(request)
  })
  app.decorate('requireActor', async (request: FastifyRequest) => {
    if (!(await find(request))) throw new DomainError('unauthenticated', 'Silakan masuk terlebih dahulu.')
  })
}

/** The signed-in caller of a route guarded by `app.requireActor`. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('unauthenticated', 'Silakan masuk terlebih dahulu.')
  return request.actor
}
