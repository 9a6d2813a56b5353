import { DomainError } from '../../../kernel/errors.js'

export interface NewAgentInput {
  name: string
  /** The wadah / kantor Perisai the agent belongs to (a CV, yayasan or koperasi). */
  wadah?: string | null | undefined
  targets?: { registrations?: number | null | undefined; collectionsIdr?: number | null | undefined } | null | undefined
}

export interface ValidAgent {
  name: string
  wadah: string | null
  targetRegistrations: number | null
  targetCollectionsIdr: number | null
}

const target = (value: number | null | undefined, field: string): number | null => {
  if (value === null || value === undefined) return null
  if (!Number.isSafeInteger(value) || value < 0) throw new DomainError('invalid_input', 'Target bulanan harus bilangan bulat ≥ 0.', { field })
  return value
}

/** Checks an agent's profile (the user, regions and branch are checked by the access area). */
export function validateNewAgent(input: NewAgentInput): ValidAgent {
  const name = input.name.trim()
  if (name === '' || name.length > 120) throw new DomainError('invalid_input', 'Nama agen wajib diisi (paling panjang 120 karakter).', { field: 'name' })
  const wadah = input.wadah?.trim() || null
  if (wadah !== null && wadah.length > 200) throw new DomainError('invalid_input', 'Nama wadah paling panjang 200 karakter.', { field: 'wadah' })
  return { name, wadah, targetRegistrations: target(input.targets?.registrations, 'targetRegistrations'), targetCollectionsIdr: target(input.targets?.collectionsIdr, 'targetCollectionsIdr') }
}

/** `AP-000042`: the agent's printed code, from the agent_code_serial sequence. */
export function agentCode(serial: number): string {
  return `AP-${String(serial).padStart(6, '0')}`
}
