import { SnapRefusal } from './codes.js'

/** Integer rupiah → SNAP's string amount with two decimals (`16800` → `"16800.00"`, channel-api.md §7, §13.1). */
export function snapAmount(idr: number): { value: string; currency: 'IDR' } {
  return { value: `${idr}.00`, currency: 'IDR' }
}

const AMOUNT = /^(0|[1-9]\d{0,13})\.(\d{2})$/

/**
 * A SNAP amount object to integer rupiah. The value must be a string with two decimals and the currency IDR;
 * rupiah have no sen in Semesta, so a value with sen (`"16800.50"`) is refused as an invalid format.
 */
export function parseSnapAmount(value: unknown, field: string): number {
  if (value === undefined || value === null) throw new SnapRefusal('invalidMandatoryField', field)
  if (typeof value !== 'object' || Array.isArray(value)) throw new SnapRefusal('invalidFieldFormat', field)
  const { value: text, currency } = value as { value?: unknown; currency?: unknown }
  if (text === undefined || currency === undefined) throw new SnapRefusal('invalidMandatoryField', text === undefined ? `${field}.value` : `${field}.currency`)
  if (currency !== 'IDR') throw new SnapRefusal('invalidFieldFormat', `${field}.currency`)
  const m = typeof text === 'string' ? AMOUNT.exec(text) : null
  if (!m || m[2] !== '00') throw new SnapRefusal('invalidFieldFormat', `${field}.value`)
  return Number(m[1])
}
