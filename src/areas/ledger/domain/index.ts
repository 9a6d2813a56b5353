/** The ledger's pure rules (web-safe): the chart of accounts, entry invariants and the standard movements. */
export * from './accounts.js'
export * from './entries.js'
export * from './transfer-kinds.js'
export * from './movements/index.js'
