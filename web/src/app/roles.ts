/** The roles of src/areas/access (kept as a plain list: the web app only needs their names). */
export const ROLES = ['admin', 'kanwil', 'cabang', 'agent', 'pemda', 'channel', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/** What GET /api/v1/auth/me and POST /api/v1/auth/login return as `user`. */
export interface SessionUser {
  id: string
  username: string
  role: Role
  displayName?: string | null
  branchCode: string | null
  regionCodes: string[]
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** `/auth/me` and `/auth/login` answer `{ user }`; anything else is not a session. */
export function readSessionUser(body: unknown): SessionUser | null {
  const user = typeof body === 'object' && body !== null && 'user' in body ? (body as { user: unknown }).user : null
  if (typeof user !== 'object' || user === null) return null
  const candidate = user as Partial<SessionUser>
  if (typeof candidate.id !== 'string' || typeof candidate.username !== 'string' || !isRole(candidate.role)) return null
  return {
    id: candidate.id,
    username: candidate.username,
    role: candidate.role,
    displayName: candidate.displayName ?? null,
    branchCode: candidate.branchCode ?? null,
    regionCodes: Array.isArray(candidate.regionCodes) ? candidate.regionCodes : [],
  }
}
