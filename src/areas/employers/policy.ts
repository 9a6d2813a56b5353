import { assertAuthorized, type Actor } from '../access/index.js'
import type { EmployerRecord } from './db/employers.js'

/**
 * An employer is a record of its regency: a cabang or pemda user acts on employers of their kab/kota only
 * (access's policy decides; employer.read for office roles and pemda, employer.write for office roles).
 */
export function assertEmployerAccess(actor: Actor, action: 'employer.read' | 'employer.write', employer: Pick<EmployerRecord, 'regencyCode'>): Actor {
  return assertAuthorized(actor, action, { regionCode: employer.regencyCode })
}
