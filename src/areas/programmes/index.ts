/** The programmes area: the regulation engine, for the server, the CLI and flows. */
export * from './domain/index.js'
export { loadRegulationSet, loadHolidayCalendar, readRegulationFiles, DEFAULT_REGULATIONS_DIR, DEFAULT_HOLIDAYS_FILE } from './regulation-files.js'
export { default as programmesRoutes } from './http/routes.js'
