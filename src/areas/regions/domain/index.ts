export { normaliseRegionCode, regionLevelOf, provinceOf, regencyOf, isKota, type RegionLevel } from './region-code.js'
export { timeZoneOf, IANA_TIME_ZONE, UTC_OFFSET_HOURS, type TimeZoneLabel } from './time-zone.js'
export { NikPrefixTable, type NikPrefixRow, type NikPrefixCheck } from './nik-prefixes.js'
export { parseCsvRows } from './csv-rows.js'
