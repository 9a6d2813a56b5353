/** The access area's pure code (the web app may import it). */
export * from './roles.js'
export * from './policy.js'
export * from './region-codes.js'
export * from './new-user.js'
export * from './password-rules.js'
export * from './audit-details.js'
export * from './session-rules.js'
export * from './branch-offices.js'
