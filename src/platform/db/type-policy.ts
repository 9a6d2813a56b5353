import pg from 'pg'

/**
 * The one type policy of Semesta's database reads, the same on both engines (both are reached through `pg`):
 * - int8 / bigint (OID 20), and so `count(*)`, comes back as a JS number; a value outside
 *   Number.MAX_SAFE_INTEGER throws instead of silently losing digits (rupiah amounts and counts stay far below 2^53);
 * - int8[] (OID 1016) likewise, element by element;
 * - numeric stays a string (exact decimals are the caller's business);
 * - date (OID 1082) stays the 'YYYY-MM-DD' string: a date without a time is a local date (DESIGN.md §7), and pg's
 *   default would turn it into a JS Date at the server's midnight;
 * - timestamptz / timestamp stay JS Dates (pg's default).
 */
const OID_INT8 = 20
const OID_INT8_ARRAY = 1016
const OID_DATE = 1082
const OID_DATE_ARRAY = 1182

export function parseInt8(text: string): number {
  const value = Number(text)
  if (!Number.isSafeInteger(value)) throw new RangeError(`bigint ${text} is outside the safe integer range of a JS number`)
  return value
}

const OID_TEXT_ARRAY = 1009
const defaultParser = pg.types.getTypeParser as (oid: number, format: 'text' | 'binary') => unknown
const parseTextArray = defaultParser(OID_TEXT_ARRAY, 'text') as (text: string) => Array<string | null>

const parseInt8Array = (text: string): Array<number | null> => parseTextArray(text).map((item) => (item === null ? null : parseInt8(item)))

const identity = (text: string): string => text

const overrides = new Map<number, (text: string) => unknown>([
  [OID_INT8, parseInt8],
  [OID_INT8_ARRAY, parseInt8Array],
  [OID_DATE, identity],
  [OID_DATE_ARRAY, parseTextArray],
])

/** Pass as `types` to every pg Pool/Client Semesta opens (it does not touch pg's global parsers). */
export const semestaTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if ((format ?? 'text') === 'text') {
      const parser = overrides.get(oid)
      if (parser) return parser
    }
    return defaultParser(oid, format ?? 'text')
  }) as pg.CustomTypesConfig['getTypeParser'],
}
