import { SnapRefusal } from './codes.js'

/** Readers of a parsed JSON body that refuse in SNAP terms: missing → `400xx02 {field}`, wrong shape → `400xx01 {field}`. */
export type Body = Record<string, unknown>

export function asBody(value: unknown): Body {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new SnapRefusal('badRequest', 'body must be a JSON object')
  return value as Body
}

export function requiredString(body: Body, field: string, maxLength: number, pattern?: RegExp): string {
  const value = body[field]
  if (value === undefined || value === null || value === '') throw new SnapRefusal('invalidMandatoryField', field)
  return checkedString(value, field, maxLength, pattern)
}

export function optionalString(body: Body, field: string, maxLength: number, pattern?: RegExp): string | undefined {
  const value = body[field]
  if (value === undefined || value === null || value === '') return undefined
  return checkedString(value, field, maxLength, pattern)
}

function checkedString(value: unknown, field: string, maxLength: number, pattern?: RegExp): string {
  if (typeof value !== 'string' || value.length > maxLength || (pattern && !pattern.test(value))) throw new SnapRefusal('invalidFieldFormat', field)
  return value
}

/** A string or, as some SNAP samples send it, a bare JSON number (channel-api.md §9). */
export function requiredDigits(body: Body, field: string, maxLength: number): string {
  const value = body[field]
  if (value === undefined || value === null || value === '') throw new SnapRefusal('invalidMandatoryField', field)
  const text = typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value
  return checkedString(text, field, maxLength)
}

export function optionalObject(body: Body, field: string): Body | undefined {
  const value = body[field]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) throw new SnapRefusal('invalidFieldFormat', field)
  return value as Body
}
