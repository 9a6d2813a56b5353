import { DomainError } from '../../../kernel/errors.js'

/**
 * Audit details hold ids, counts and short codes only, never personal data (DESIGN.md §3): the audit table is
 * read by admins and kept for years, so a NIK or a name written there would outlive every other copy.
 * `assertAuditDetails` refuses keys that name personal data and values that look like it.
 */
export type AuditValue = number | boolean | null | string | AuditValue[] | { [key: string]: AuditValue }
export type AuditDetails = Record<string, AuditValue>

const PERSONAL_KEY_PARTS = new Set([
  'nik', 'name', 'names', 'fullname', 'username', 'phone', 'mobile', 'msisdn', 'address', 'email', 'password',
  'secret', 'birth', 'birthdate', 'dob', 'mother', 'kpj', 'npwp', 'account', 'iban',
])
const KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/
const ID_LIKE = /^[A-Za-z0-9._:-]{1,100}$/
const NIK_LIKE = /^\d{16}$/
const PHONE_LIKE = /^(0|62)8\d{7,}$/
const MAX_KEYS = 30
const MAX_ARRAY = 100

/** `subjectIdsCount` → ['subject', 'ids', 'count']; `display_name` → ['display', 'name']. */
function keyParts(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split('_')
    .filter((part) => part !== '')
}

function refuse(path: string, reason: string): never {
  throw new DomainError('invalid_input', `audit details ${reason} at "${path}": ids and counts only`, { field: `details.${path}` })
}

export function assertAuditDetails(details: unknown): asserts details is AuditDetails {
  if (details === null || typeof details !== 'object' || Array.isArray(details)) refuse('', 'must be an object')
  checkObject(details as Record<string, unknown>, '', 0)
}

function checkObject(object: Record<string, unknown>, path: string, depth: number): void {
  const keys = Object.keys(object)
  if (keys.length > MAX_KEYS) refuse(path, `has more than ${MAX_KEYS} keys`)
  for (const key of keys) {
    const at = path ? `${path}.${key}` : key
    if (!KEY.test(key)) refuse(at, 'has a key that is not an identifier')
    if (keyParts(key).some((part) => PERSONAL_KEY_PARTS.has(part))) refuse(at, 'names personal data')
    checkValue(object[key], at, depth)
  }
}

function checkValue(value: unknown, path: string, depth: number): void {
  if (value === null || typeof value === 'boolean') return
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) refuse(path, 'holds a number that is not finite')
    return
  }
  if (typeof value === 'string') {
    if (!ID_LIKE.test(value)) refuse(path, 'holds text that is not an id or code')
    if (NIK_LIKE.test(value) || PHONE_LIKE.test(value)) refuse(path, 'holds what looks like a NIK or phone number')
    if (value.startsWith('smt_')) refuse(path, 'holds what looks like an API token')
    return
  }
  if (depth >= 1) refuse(path, 'is nested too deeply (one level of lists or objects at most)')
  if (Array.isArray(value)) {
    if (value.length > MAX_ARRAY) refuse(path, `has more than ${MAX_ARRAY} items (store a count)`)
    value.forEach((item, i) => checkValue(item, `${path}[${i}]`, depth + 1))
    return
  }
  if (typeof value === 'object') {
    checkObject(value as Record<string, unknown>, path, depth + 1)
    return
  }
  refuse(path, `holds a ${typeof value}`)
}
