/**
 * The participants area (registry, NIK, KPJ, status): the pure domain, the readers of its reference files, the
 * registry tables (db/), policies, presenters and the HTTP routes.
 */
export * from './domain/index.js'
export { loadOccupationCatalogue, loadRegistrationRules, REFERENCE_DIR as PARTICIPANTS_REFERENCE_DIR } from './reference-files.js'
export type { ParticipantRecord, ParticipantStatus, KpjOrigin } from './db/participant-record.js'
// the columns of a ParticipantRecord over `participants p`: for a read that joins other rows in one statement
export { PARTICIPANT_COLUMNS } from './db/participant-record.js'
export {
  nextKpjSerial, insertParticipantIfNew, findParticipantById, findParticipantsByIds, findParticipantsByNiks, countByCategoryAndStatus, findParticipantByNik, findParticipantByKpj, nikOfKpj,
  updateParticipantFields, markParticipantEnded, isUuid, type NewParticipant, type ParticipantChanges,
} from './db/participants.js'
export {
  insertEnrolment, listEnrolments, enrolmentsOfParticipantSql, enrolmentFromJson, endActiveEnrolments, listEnrolmentsOf, activePayers, assignPayer,
  type EnrolmentRecord, type NewEnrolment, type Payer, type PayerAssignment,
} from './db/enrolments.js'
export { appendEvents, listEvents, type ParticipantEvent, type NewParticipantEvent, type ParticipantEventKind } from './db/events.js'
export { insertIdentityReview, listIdentityReviews, type IdentityReview, type IdentityMismatchReason } from './db/identity-reviews.js'
export { insertSource, findSource, SOURCE_KINDS, type SourceKind, type SourceRecord } from './db/sources.js'
export { searchParticipants, type ParticipantSearch, type SearchScope, type SearchPage, type SearchResult } from './db/search.js'
export { participantView, maySearchParticipants, mayExportParticipant, mayAddSource, subjectOf, type ParticipantView } from './policy.js'
export { presentParticipant, presentEnrolment, presentEvent, type ParticipantPresentation } from './http/presenters.js'
export { registrationRow, apiFieldOf } from './http/registration-input.js'
export type { RegistrationBody } from './http/schemas.js'
export { copySeedChunk, type SeedChunk, type SeedParticipantRow, type SeedEnrolmentRow, type SeedEventRow } from './db/demo-copy.js'
export { ensureDemoSources, demoSeedsInRegistry, registryIsEmpty, nikRegistered, nextKpjSerials, demoRefPrefix, type DemoSourceSpec } from './db/demo-registry.js'
export { uuidV7Batch } from './db/bulk-ids.js'
export {
  claimImportJob, findImportJob, listUnfinishedImportJobs, recordImportProgress, finishImportJob,
  type ImportJobRecord, type ImportCounters, type ImportJobStatus, type NewImportJob,
} from './db/bulk-import-jobs.js'
export { insertImportIssues, listImportIssues, eachImportIssue, type ImportIssue, type IssueSeverity, type StoredImportIssue } from './db/bulk-issues.js'
export { createSeenTable, dropSeenTable, claimNiks, firstRowsOfNiks, hasClaimedNiks } from './db/bulk-seen.js'
export { copyRegistrations, isUniqueViolation } from './db/bulk-copy.js'
export {
  findRegisteredIdentities, findTakenKpjs, insertRegistrations, insertIdentityReviews,
  type BulkRegistration, type BulkContext, type RegisteredIdentity, type IdentityReviewInput,
} from './db/bulk-participants.js'
