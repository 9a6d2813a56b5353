import type pg from 'pg'
import { cleanName, copySeedChunk, issueKpj, nameKey, type SeedChunk } from '../../areas/participants/index.js'
import { newId } from '../../platform/ids.js'
import type { DemoRecord } from './demo-records.js'

export const DEMO_CONSENT_PURPOSE = 'kepesertaan BPJS Ketenagakerjaan (data demo sintetis)'

/** Registration, consent and the history event happen at 09:00 local (WITA) on the registration date. */
const atNine = (date: string): string => `${date}T09:00:00+08:00`

/** The three tables' rows of one chunk; the registered event carries (seed, index) so later issues can find the person's generator. */
export function chunkRows(records: readonly DemoRecord[], serials: readonly number[], seed: number, createdAt: string): SeedChunk {
  const chunk: SeedChunk & { participants: SeedChunk['participants'][number][]; enrolments: SeedChunk['enrolments'][number][]; events: SeedChunk['events'][number][] } = {
    participants: [],
    enrolments: [],
    events: [],
  }
  records.forEach((r, k) => {
    const p = r.person
    const id = newId()
    const name = cleanName(p.name)
    chunk.participants.push({
      id, nik: p.nik, kpj: issueKpj(serials[k]!), name, nameKey: nameKey(name), birthDate: p.birthDate, sex: p.sex, phone: p.phoneE164,
      regencyCode: p.regencyCode, occupationCodes: p.occupationCodes, category: r.segment, status: r.status, registeredOn: r.registeredOn, sourceId: r.sourceId,
      consentPurpose: DEMO_CONSENT_PURPOSE, consentAt: atNine(r.registeredOn), createdAt,
    })
    chunk.enrolments.push({
      id: newId(), participantId: id, segment: r.segment, programmes: r.programmes, declaredIncomeIdr: r.declaredIncomeIdr, incomeBaseIdr: r.incomeBaseIdr,
      wageIdr: r.wageIdr, sector: r.sector, payer: r.payer, payerRef: r.payerRef, sourceId: r.sourceId, startMonth: r.startMonth, createdAt,
    })
    chunk.events.push({ id: newId(), participantId: id, occurredAt: atNine(r.registeredOn), data: `{"origin":"demo","seed":${seed},"index":${r.index}}` })
  })
  return chunk
}

/** One chunk in one transaction (all three tables or nothing), on a client of `pool`. */
export async function writeChunk(pool: pg.Pool, searchPath: string | undefined, chunk: SeedChunk): Promise<void> {
  const client = await pool.connect()
  let broken: Error | undefined
  try {
    await client.query('begin')
    if (searchPath) await client.query(`set local search_path to "${searchPath.replace(/"/g, '""')}"`)
    await copySeedChunk(client, chunk)
    await client.query('commit')
  } catch (error) {
    await client.query('rollback').catch((e: Error) => (broken = e))
    throw error
  } finally {
    client.release(broken)
  }
}
