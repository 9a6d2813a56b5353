/** The participants area's pure code: the server, the CLI and the web app (offline agent checks) use the same rules. */
export { IMPORT_FIELDS, type ImportField, type FieldIssue } from './field-issue.js'
export { parseDateInput, ageOn } from './birth-dates.js'
export {
  parseNik, checkNik, birthDateFromNik, checkIdentityAgainstNik, PLAUSIBLE_WORKING_AGE,
  type Sex, type NikPrefixLookup, type ParsedNik, type NikParse, type NikCheck, type NikCheckOk, type PlausibleAge, type DeclaredIdentity, type NikBirthDateOptions,
} from './nik.js'
export { KPJ_LENGTH, luhnCheckDigit, issueKpj, isSemestaKpj, parseKpj, paymentVirtualAccount, VIRTUAL_ACCOUNT_RULE, type KpjParse } from './kpj.js'
export { cleanName, nameKey, namesClearlyDiffer } from './names.js'
export { normalisePhone, type PhoneParse } from './phone.js'
export {
  parseOccupationCatalogue, findOccupation, parseOccupations, sectorOf, occupationKey,
  type Occupation, type OccupationCatalogue, type OccupationsParse, type Sector, type SectorMappingFlag,
} from './occupations.js'
export { CATEGORIES, CATEGORY_RULES, PROGRAMMES, parseCategory, type Category, type CategoryRules, type Programme, type StatusRule } from './categories.js'
export { parseProgrammes, type ProgrammesParse } from './programmes.js'
export { parseSex, parseRupiah, parseNpp, regencyCodeOf, type FieldParse } from './registration-fields.js'
export { parseRegistrationRules, registrationLimitsAt, type RegistrationRules, type RegistrationLimits, type DatedValue } from './registration-parameters.js'
export { validateRegistration, type RegistrationRow, type RegistrationContext, type RegistrationCheck, type ValidRegistration } from './registration-rules.js'
export { Sfc32, mix32 } from './prng.js'
export { createDemoPopulation, demoRegistrationRow, DemoPopulation, type DemoModel, type DemoPerson, type DemoRegency } from './demo-population.js'
export { cultureOf, demoName, type Culture } from './demo-names.js'
