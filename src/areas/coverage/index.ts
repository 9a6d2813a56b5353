/** The coverage area (issue 7): measures, denominators, targets and pacing, rollups kept current from the registry. */
export * from './domain/index.js'
export { foldCoverage, probeCoverage, closedMonths, readCells, protectedAt, closeMonth, recountAndCompare, plainGroupBy, type RollupCell, type RecountDifference } from './db/rollups.js'
export { upsertTarget, listTargets } from './db/targets.js'
export { readWorkforceFigures, readRegionNames, type RegionName } from './db/workforce.js'
export { mayReadCoverage, mayWriteTargets, mayCloseMonths, coverageScope } from './policy.js'
export { renderCoverageXlsx, type ExtraSheet } from './documents/coverage-xlsx.js'
export { renderCoveragePdf } from './documents/coverage-pdf.js'
export { provincePages, monthNameId, type ProvincePage } from './documents/report-pages.js'
