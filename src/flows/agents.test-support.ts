/** Shared helpers of the agent tests: an agent with its user, an actor for route tests, outbox items. */
import { randomUUID } from 'node:crypto'
import type { Actor } from '../areas/access/index.js'
import type { Sql } from '../platform/db/sql.js'
import { newId } from '../platform/ids.js'
import { testPerson } from '../areas/participants/testing/factories.js'
import { addAgent, type AddedAgent } from './add-agent.js'

let agents = 0

export async function makeAgent(sql: Sql, options: { regions?: string[]; branch?: string | null; now?: Date } = {}): Promise<AddedAgent & { actor: Actor }> {
  agents += 1
  const added = await addAgent(sql, {
    name: `Agen Uji ${agents}`, wadah: 'Koperasi Perisai Uji', username: `agen.uji${process.pid}.${agents}`, password: 'sandi-agen-yang-panjang',
    regionCodes: options.regions ?? ['51.71'], branchCode: options.branch ?? null, actor: null, requestId: null, via: 'cli', targets: { registrations: 10, collectionsIdr: 500_000 },
  }, options.now ?? new Date('2026-01-05T02:00:00Z'), { newId: () => newId() })
  const a = added.agent
  return { ...added, actor: { userId: added.userId, username: added.username, role: 'agent', branchCode: a.branchCode, regionCodes: a.regionCodes, sourceIds: [a.sourceId] } }
}

/** A BPU registration payload of the phone app (income Rp1,000,000: JKK Rp10,000 + JKM Rp6,800 a month). */
export function registerItem(options: { nik?: string; birthDate?: string; name?: string } = {}) {
  const person = testPerson({ ...(options.birthDate ? { birthDate: options.birthDate } : {}) })
  return {
    clientId: randomUUID(), kind: 'register' as const, createdAt: '2026-03-09T09:00:00+08:00',
    payload: {
      nik: options.nik ?? person.nik, name: options.name ?? 'I Made Agus Saputra', birthDate: options.birthDate ?? '1990-05-12', sex: 'L', phone: '081234567890',
      regencyCode: '51.71', occupations: ['pedagang'], category: 'bpu', declaredIncomeIdr: 1_000_000, programmes: ['JKK' as const, 'JKM' as const],
      consent: { given: true as const, purpose: 'kepesertaan BPJS Ketenagakerjaan' },
    },
  }
}

export function collectItem(ref: { participantId?: string; participantClientId?: string }, months = 1, amountIdr = 16_800 * months, collectedOn = '2026-03-09') {
  return { clientId: randomUUID(), kind: 'collect' as const, createdAt: `${collectedOn}T10:00:00+08:00`, payload: { ...ref, months, amountIdr, collectedOn } }
}
