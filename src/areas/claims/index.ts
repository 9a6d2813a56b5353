/** The claims area (issue 11 items 3–4): eligibility, the register and its workflow, the report. Used by others only through this file. */
export * from './domain/index.js'
export {
  insertClaim, findClaim, listClaims, claimReportRows, updateClaim, insertClaimStep, listClaimSteps, insertScholarships, payScholarships, payScholarshipYear, endScholarshipYear, listScholarships,
  type ClaimRecord, type NewClaim, type ClaimFilter, type ClaimUpdate, type ClaimStep, type StoredScholarship,
} from './db/claims.js'
export { claimFor, mayReadClaim, seesClaimant } from './policy.js'
