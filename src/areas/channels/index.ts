/**
 * The channels area (issue 6): channel partners on the SNAP BI biller API. Pure rules in domain/, signatures and
 * sealed secrets in signing/ (node:crypto), the gate that verifies tokens and signatures, the partner tables in db/,
 * and the `/snap/v1.0/` routes in http/. Used by others only through this file.
 */
export * from './domain/index.js'
export { bodySha256, transactionString, hmacSign, hmacVerify, rsaSignToken, rsaVerifyToken, readRsaPublicKey, type TransactionSigning } from './signing/signatures.js'
export { secretKeyFrom, seal, open, newSecret, SECRET_KEY_FILE } from './signing/secrets.js'
export { ChannelGate, TOKEN_TTL_SECONDS, type Partner, type VerifiedCall, type SignedRequest, type GateOptions } from './gate.js'
export { insertPartner, findPartnerById, findPartnerByClientKey, nextPartnerSerial, listPartners, type PartnerRecord, type PartnerSummary } from './db/partners.js'
export { claimExternalId } from './db/external-ids.js'
export { insertChannelTransaction, findChannelTransaction, markReversed, markDaySettled, channelTransactionsOfDay, type ChannelTransaction, type ChannelTransactionKind } from './db/transactions.js'
export { insertChannelRegistration, channelRegistrationsOfDay, type ChannelRegistration, type ChannelRegistrationOutcome } from './db/registrations.js'
export { insertReconciliation, reconciliationsOfDay, type StoredReconciliation } from './db/reconciliations.js'
export { feesOfDay, type DayFees } from './db/fees.js'
export { purgeAccessTokens, insertAccessToken, findAccessToken } from './db/tokens.js'
export { startTokenPurge, TOKEN_PURGE_INTERVAL_MS } from './token-purge.js'
export { partnerActor, partnerMay, SNAP_ACTIONS, type SnapOperation } from './policy.js'
