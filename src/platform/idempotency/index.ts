export { idempotencyKeys } from './schema.js'
export { canonicalJson, canonicalUrl, requestHash, type HashedRequest } from './request-hash.js'
export {
  isValidIdempotencyKey,
  withIdempotency,
  findStoredResponse,
  type IdempotencyClaim,
  type IdempotentResult,
  type StoredResponse,
} from './with-idempotency.js'
