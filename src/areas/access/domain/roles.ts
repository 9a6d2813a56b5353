/**
 * Who may act in Semesta. `kanwil` sees all of Banuspa, `cabang` the regencies of its branch office, `pemda` its own
 * regions, `agent` its own portfolio (source), `channel` only the partner API (never a web session), `viewer`
 * non-personal aggregates.
 */
export const ROLES = ['admin', 'kanwil', 'cabang', 'agent', 'pemda', 'channel', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

/** The authenticated caller, as every route and flow receives it (docs: /work/notes/interfaces.md). */
export interface Actor {
  userId: string
  username: string
  role: Role
  branchCode: string | null
  /** Regency codes in scope; [] with role admin/kanwil (and an unscoped viewer) means all of Banuspa. */
  regionCodes: string[]
  /** Agent or channel identities this actor acts for (portfolio, partner). */
  sourceIds: string[]
}

/** Roles that see every regency of Banuspa whatever their regionCodes say. */
export function seesAllBanuspa(role: Role): boolean {
  return role === 'admin' || role === 'kanwil'
}

/** Roles that may hold a browser session (the channel role is API only). */
export function mayUseWebSession(role: Role): boolean {
  return role !== 'channel'
}
