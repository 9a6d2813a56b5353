import { DomainError } from '../../kernel/errors.js'
import { authorize, type Action, type Subject } from './domain/policy.js'
import type { Actor } from './domain/roles.js'

/**
 * The one-line guard routes and flows use: no caller → `unauthenticated` (401); a caller the policy refuses →
 * `forbidden` (403). The decision itself is the pure `authorize` of domain/policy.ts.
 */
export function assertAuthorized(actor: Actor | null | undefined, action: Action, subject: Subject = {}): Actor {
  if (!actor) throw new DomainError('unauthenticated', 'Silakan masuk terlebih dahulu.')
  if (!authorize(actor, action, subject)) throw new DomainError('forbidden', 'Anda tidak berwenang untuk tindakan ini.', { action })
  return actor
}
