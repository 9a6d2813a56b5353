/** The regions area: Banuspa's provinces, kab/kota and kecamatan, NIK prefixes, workforce figures and holidays. */
export * from './domain/index.js'
export { loadReferenceData, type ReferenceCounts } from './db/reference-data.js'
export { listRegions, loadNikPrefixTable, type RegionFilter, type RegionRecord } from './db/regions.js'
export { latestWorkforceFigure, type WorkforceFigure } from './db/workforce.js'
export { readReferenceData, REFERENCE_DIR, type ReferenceData } from './reference-files.js'
