import { DomainError } from '../../../kernel/errors.js'
import { expandRegionCodes } from './region-codes.js'
import { isRole, ROLES, type Role } from './roles.js'

/** What `semesta user add` and `POST /api/v1/users` ask for (the password is checked separately). */
export interface NewUserInput {
  username: string
  role: string
  displayName?: string | null
  branchCode?: string | null
  /** Regency or province codes (`51.71`, `5171`, `53`). */
  regionCodes?: readonly string[] | null
  sourceIds?: readonly string[] | null
}

export interface NewUser {
  username: string
  displayName: string
  role: Role
  branchCode: string | null
  /** Regency codes; empty for cabang users, whose regencies come from their branch office at sign-in. */
  regionCodes: string[]
  sourceIds: string[]
}

export interface UserReferenceData {
  branchCodes: readonly string[]
  regencyCodes: readonly string[]
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/
const SOURCE_ID = /^[A-Za-z0-9._:-]{1,64}$/

/** Which roles take which scoping fields: required, allowed, or refused. */
const FIELDS: Record<Role, { branch: 'required' | 'allowed' | 'refused'; regions: 'required' | 'allowed' | 'refused'; sources: boolean }> = {
  admin: { branch: 'refused', regions: 'refused', sources: false },
  kanwil: { branch: 'refused', regions: 'refused', sources: false },
  cabang: { branch: 'required', regions: 'refused', sources: false },
  agent: { branch: 'allowed', regions: 'allowed', sources: true },
  pemda: { branch: 'refused', regions: 'required', sources: false },
  channel: { branch: 'refused', regions: 'refused', sources: true },
  viewer: { branch: 'refused', regions: 'allowed', sources: false },
}

function invalid(field: string, message: string, code: 'invalid_input' | 'missing_field' | 'unknown_code' = 'invalid_input'): never {
  throw new DomainError(code, message, { field })
}

/** Validates and normalises a new user; errors name the field (`username`, `role`, `branch`, `regions`, `sources`, `name`). */
export function validateNewUser(input: NewUserInput, ref: UserReferenceData): NewUser {
  const username = input.username.trim().toLowerCase()
  if (!USERNAME.test(username)) invalid('username', 'username must be 3-64 characters: a-z, 0-9, dot, dash or underscore, starting with a letter or digit')
  if (!isRole(input.role)) invalid('role', `unknown role "${input.role}" (one of ${ROLES.join(', ')})`, 'unknown_code')
  const role = input.role
  const rule = FIELDS[role]
  const branchCode = validateBranch(input.branchCode ?? null, rule.branch, role, ref)
  const regionCodes = validateRegions(input.regionCodes ?? [], rule.regions, role, ref)
  const sourceIds = [...new Set(input.sourceIds ?? [])]
  if (sourceIds.length > 0 && !rule.sources) invalid('sources', `role ${role} takes no sources`)
  for (const id of sourceIds) if (!SOURCE_ID.test(id)) invalid('sources', `source id "${id}" is not an id (letters, digits, . _ : -)`)
  const displayName = (input.displayName ?? '').trim() || username
  if (displayName.length > 120) invalid('name', 'name is longer than 120 characters')
  return { username, displayName, role, branchCode, regionCodes, sourceIds }
}

function validateBranch(raw: string | null, rule: 'required' | 'allowed' | 'refused', role: Role, ref: UserReferenceData): string | null {
  const code = raw?.trim() || null
  if (code === null) {
    if (rule === 'required') invalid('branch', `role ${role} needs a branch office (--branch; one of ${ref.branchCodes.join(', ')})`, 'missing_field')
    return null
  }
  if (rule === 'refused') invalid('branch', `role ${role} takes no branch office`)
  if (!ref.branchCodes.includes(code)) invalid('branch', `unknown branch office "${code}" (one of ${ref.branchCodes.join(', ')})`, 'unknown_code')
  return code
}

function validateRegions(raw: readonly string[], rule: 'required' | 'allowed' | 'refused', role: Role, ref: UserReferenceData): string[] {
  const inputs = raw.map((code) => code.trim()).filter((code) => code !== '')
  if (inputs.length === 0) {
    if (rule === 'required') invalid('regions', `role ${role} needs its regions (--regions 51.71,51.03 or a province code)`, 'missing_field')
    return []
  }
  if (rule === 'refused') invalid('regions', `role ${role} takes no regions${role === 'cabang' ? ' (its branch office gives them)' : ''}`)
  const { regencyCodes, unknown } = expandRegionCodes(inputs, ref.regencyCodes)
  if (unknown.length > 0) invalid('regions', `unknown region code ${unknown.map((c) => `"${c}"`).join(', ')} (Banuspa regency like 51.71, or province like 51)`, 'unknown_code')
  return regencyCodes
}
