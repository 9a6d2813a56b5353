import { DomainError } from '../../kernel/errors.js'
import type { Sql } from '../../platform/db/sql.js'
import { authorize, canSeePersonalData, type Actor } from '../access/index.js'
import { findClaim, type ClaimRecord } from './db/claims.js'

/** Claims are for office roles (admin, kanwil everywhere; cabang in its regencies): `claim.read` / `claim.write`. */
export function mayReadClaim(actor: Actor, claim: Pick<ClaimRecord, 'regionCode'>): boolean {
  return authorize(actor, 'claim.read', { regionCode: claim.regionCode })
}

/** Whether the claimant's NIK and name leave the server unmasked (as for participants). */
export function seesClaimant(actor: Actor, claim: Pick<ClaimRecord, 'regionCode'>): boolean {
  return canSeePersonalData(actor, { regionCode: claim.regionCode })
}

/**
 * One claim for a read or a step: a caller outside its scope gets `not_found` (existence is not revealed), one who
 * may read but not act gets `forbidden`. Null actor: the operator's CLI.
 */
export async function claimFor(sql: Sql, id: string, actor: Actor | null, action: 'claim.read' | 'claim.write', lock = false): Promise<ClaimRecord> {
  const claim = await findClaim(sql, id, { lock })
  if (!claim || (actor !== null && !mayReadClaim(actor, claim))) throw new DomainError('not_found', 'Klaim tidak ditemukan (atau di luar wilayah Anda).', { field: 'id' })
  if (actor !== null && !authorize(actor, action, { regionCode: claim.regionCode })) throw new DomainError('forbidden', 'Anda tidak berwenang untuk tindakan ini.', { action })
  return claim
}
