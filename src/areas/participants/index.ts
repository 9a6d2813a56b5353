/**
 * The participants area (registry, NIK, KPJ, status). For now: the pure domain and the readers of its reference
 * files; db/, http/ and the import flow come with issue 4.
 */
export * from './domain/index.js'
export { loadOccupationCatalogue, loadRegistrationRules, REFERENCE_DIR as PARTICIPANTS_REFERENCE_DIR } from './reference-files.js'
