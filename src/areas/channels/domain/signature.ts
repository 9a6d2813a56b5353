/**
 * The strings SNAP signs (channel-api.md §2, §4.1). Pure: the SHA-256 of the body is computed by the caller
 * (signing/ with node:crypto) over the exact bytes on the wire, never a re-serialised object (§4.2).
 */

/** SHA-256 of the empty body (lowercase hex): what a request without a body signs. */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

/** `HTTPMethod:EndpointUrl:AccessToken:Lowercase(HexEncode(SHA-256(body))):TimeStamp`, EndpointUrl as received (path and query). */
export function transactionStringToSign(method: string, endpointUrl: string, accessToken: string, bodySha256Hex: string, timestamp: string): string {
  return `${method.toUpperCase()}:${endpointUrl}:${accessToken}:${bodySha256Hex.toLowerCase()}:${timestamp}`
}

/** The access-token call signs `clientKey|X-TIMESTAMP` with the partner's RSA private key. */
export function tokenStringToSign(clientKey: string, timestamp: string): string {
  return `${clientKey}|${timestamp}`
}

export const SIGNATURE_ENCODINGS = ['base64', 'hex'] as const
export type SignatureEncoding = (typeof SIGNATURE_ENCODINGS)[number]

export function isSignatureEncoding(value: string): value is SignatureEncoding {
  return (SIGNATURE_ENCODINGS as readonly string[]).includes(value)
}
