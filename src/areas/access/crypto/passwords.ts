import { hash, verify, type Algorithm } from '@node-rs/argon2'

/**
 * Argon2id with OWASP's minimum profile (m = 19 MiB, t = 2, p = 1; OWASP Password Storage Cheat Sheet), which is
 * also @node-rs/argon2's default. The PHC string stores the parameters, so old hashes verify after a change.
 */
const ARGON2ID = 2 as Algorithm
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

let dummyHash: Promise<string> | undefined

/** Verifies against a throwaway hash so an unknown username costs as much time as a wrong password. */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= hashPassword('semesta-not-a-password-of-anyone')
  await verifyPassword(await dummyHash, password)
  return false
}
