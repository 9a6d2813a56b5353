import type { Actor } from '../../areas/access/index.js'
import { newId } from '../ids.js'

/** Route tests sign in by naming an actor in this header (the access area's real sign-in has its own tests). */
export const ACTOR_HEADER = 'x-test-actor'

/** A signed-in actor of `role` with the given area/source scope, for route tests. */
export function actor(role: Actor['role'], scope: Partial<Pick<Actor, 'regionCodes' | 'sourceIds'>> = {}): Actor {
  return { userId: newId(), username: `${role}.uji`, role, branchCode: null, regionCodes: scope.regionCodes ?? [], sourceIds: scope.sourceIds ?? [] }
}
