import { authorize, dataScope, type Actor } from '../access/index.js'

/**
 * Who may read coverage and change its targets and months. Reading is an aggregate (no personal data): every role
 * with `coverage.read`, limited to the regencies of its scope. Targets and month closing are kanwil work.
 */
export function mayReadCoverage(actor: Actor): boolean {
  return authorize(actor, 'coverage.read', { collection: true })
}

export function mayWriteTargets(actor: Actor, regionCode: string): boolean {
  return authorize(actor, 'coverage.write', { regionCode })
}

export function mayCloseMonths(actor: Actor): boolean {
  return authorize(actor, 'coverage.write', {})
}

/** The regencies a caller's coverage rows cover: 'all' or the codes in its scope (a province code covers its regencies). */
export function coverageScope(actor: Actor, regencyCodes: readonly string[]): 'all' | string[] {
  const scope = dataScope(actor).regionCodes
  if (scope === 'all') return 'all'
  return regencyCodes.filter((r) => scope.some((c) => r === c || r.startsWith(`${c}.`)))
}
