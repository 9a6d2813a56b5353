import { z } from 'zod'
import { ROLES } from '../domain/roles.js'

/** Request and response shapes of the access API (the web app imports these). */

export const roleSchema = z.enum(ROLES)

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
})

export const sessionUser = z.object({
  id: z.string(),
  username: z.string(),
  role: roleSchema,
  displayName: z.string(),
  branchCode: z.string().nullable(),
  regionCodes: z.array(z.string()),
})
export const sessionResponse = z.object({ user: sessionUser })
export type SessionUser = z.infer<typeof sessionUser>

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  branchCode: z.string().nullable(),
  regionCodes: z.array(z.string()),
  sourceIds: z.array(z.string()),
  status: z.enum(['active', 'disabled']),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
})
export type UserView = z.infer<typeof userView>

export const listUsersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
export const listUsersResponse = z.object({ items: z.array(userView) })

export const createUserBody = z.object({
  username: z.string().max(64),
  role: z.string().max(16),
  displayName: z.string().max(120).optional(),
  branchCode: z.string().max(40).nullable().optional(),
  regionCodes: z.array(z.string().max(8)).max(100).optional(),
  sourceIds: z.array(z.string().max(64)).max(100).optional(),
  password: z.string().max(256),
})

export const userIdParams = z.object({ id: z.uuid() })
export const createApiTokenBody = z.object({ name: z.string().max(64) })
export const createdApiToken = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  token: z.string().describe('Shown once; store it now'),
  createdAt: z.string(),
})

/** `YYYY-MM-DD` is the start of that day in WITA (UTC+8), the Kanwil's time zone; or a full ISO timestamp. */
const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]).transform((value) => new Date(value.length === 10 ? `${value}T00:00:00+08:00` : value))

export const auditQuery = z.object({
  actorId: z.uuid().optional(),
  action: z.string().max(64).optional(),
  subjectType: z.string().max(64).optional(),
  subjectId: z.string().max(100).optional(),
  from: instant.optional().describe('inclusive; YYYY-MM-DD (WITA) or ISO timestamp'),
  to: instant.optional().describe('exclusive; YYYY-MM-DD (WITA) or ISO timestamp'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
})

export const auditEventView = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
})
export const auditListResponse = z.object({ items: z.array(auditEventView), nextCursor: z.string().nullable() })

export const branchOfficeView = z.object({
  code: z.string(),
  name: z.string(),
  city: z.string(),
  regencies: z.array(
    z.object({
      regencyCode: z.string(),
      mappingStatus: z.enum(['reported', 'best_guess']),
      source: z.string(),
      note: z.string(),
    }),
  ),
})
export const branchOfficesResponse = z.object({ items: z.array(branchOfficeView) })
