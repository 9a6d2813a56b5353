import { randomUUID } from 'node:crypto'
import { addDays, type LocalDate } from '../kernel/dates.js'
import { addMonths, monthIndex, monthOfDate } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'
import { newId } from '../platform/ids.js'
import { findUserByUsername } from '../areas/access/index.js'
import { findAgentByUser, type OutboxItem } from '../areas/agents/index.js'
import { loadRegulationSet, quoteBpuMonthly } from '../areas/programmes/index.js'
import { addAgent } from './add-agent.js'
import { syncOutbox } from './agen-sync.js'
import { recordDeposit, witaToday } from './agent-money.js'

export const DEMO_AGENT_USERNAME = 'agen.demo'
export const DEMO_AGENT_PASSWORD = 'semesta-demo'

/** The demo portfolio in Kota Denpasar: days before today registered, months paid then (0 = never paid). */
const PEOPLE: ReadonlyArray<{ name: string; birth: string; sex: 'L' | 'P'; registeredDaysAgo: number; months: number }> = [
  { name: 'I Nyoman Sudiarta', birth: '1979-03-14', sex: 'L', registeredDaysAgo: 160, months: 1 },
  { name: 'Ni Luh Putu Ariani', birth: '1988-07-02', sex: 'P', registeredDaysAgo: 100, months: 1 },
  { name: 'I Gede Mahendra', birth: '1992-11-21', sex: 'L', registeredDaysAgo: 75, months: 1 },
  { name: 'Ni Made Suastini', birth: '1985-01-30', sex: 'P', registeredDaysAgo: 40, months: 1 },
  { name: 'I Komang Wirawan', birth: '1995-06-09', sex: 'L', registeredDaysAgo: 20, months: 2 },
  { name: 'Ni Ketut Sriasih', birth: '1990-09-17', sex: 'P', registeredDaysAgo: 12, months: 0 },
  { name: 'I Wayan Darmawan', birth: '1983-12-05', sex: 'L', registeredDaysAgo: 6, months: 0 },
  { name: 'I Putu Eka Saputra', birth: '1998-04-26', sex: 'L', registeredDaysAgo: 2, months: 3 },
]

/** A Kota Denpasar NIK for the birth date (women: day + 40), in a serial block the synthetic population does not use. */
function demoNik(birth: string, sex: 'L' | 'P', i: number): string {
  const [y, m, d] = birth.split('-') as [string, string, string]
  const day = sex === 'P' ? Number(d) + 40 : Number(d)
  return `517101${String(day).padStart(2, '0')}${m}${y.slice(2)}${String(9900 + i).padStart(4, '0')}`
}

/** What `months` months from the month of `on` cost a BPU on Rp1,000,000 (JKK + JKM), discounts included. */
function costIdr(on: LocalDate, months: number): number {
  let total = 0
  for (let i = 0; i < months; i += 1) {
    const q = quoteBpuMonthly(loadRegulationSet(), monthIndex(addMonths(monthOfDate(on), i)), 1_000_000, false, 'other', 'self')
    total += q.jkkIdr + q.jkmIdr
  }
  return total
}

function itemsOf(today: LocalDate): OutboxItem[] {
  return PEOPLE.flatMap((p, i) => {
    const on = addDays(today, -p.registeredDaysAgo)
    const register: OutboxItem = {
      clientId: randomUUID(), kind: 'register', createdAt: `${on}T09:00:00+08:00`,
      payload: {
        nik: demoNik(p.birth, p.sex, i), name: p.name, birthDate: p.birth, sex: p.sex, phone: `08123450${String(1000 + i)}`, regencyCode: '51.71', occupations: ['pedagang'],
        category: 'bpu', declaredIncomeIdr: 1_000_000, programmes: ['JKK', 'JKM'], registrationDate: on, consent: { given: true, purpose: 'kepesertaan BPJS Ketenagakerjaan (demo)' },
      },
    }
    if (p.months === 0) return [register]
    const collect: OutboxItem = { clientId: randomUUID(), kind: 'collect', createdAt: `${on}T10:00:00+08:00`, payload: { participantClientId: register.clientId, months: p.months, amountIdr: costIdr(on, p.months), collectedOn: on } }
    return [register, collect]
  })
}

/**
 * For `semesta start` and `semesta seed demo` outside production: the demo agent `agen.demo` / `semesta-demo` in Kota
 * Denpasar with a small portfolio (lapsed, in arrears, due, never paid, paid ahead), synced as its phone would, and one
 * deposit of part of the cash, so the /agen app has something to show. Does nothing when the user exists.
 */
export async function ensureDemoAgent(sql: Sql, now: Date): Promise<{ username: string; password: string; created: boolean }> {
  const known = await findUserByUsername(sql, DEMO_AGENT_USERNAME)
  if (known) return { username: DEMO_AGENT_USERNAME, password: DEMO_AGENT_PASSWORD, created: false }
  const ids = { newId: () => newId() }
  const added = await addAgent(sql, {
    name: 'Ketut Arsana (demo)', wadah: 'Koperasi Perisai Denpasar (demo)', username: DEMO_AGENT_USERNAME, password: DEMO_AGENT_PASSWORD, regionCodes: ['51.71'],
    branchCode: 'bali-denpasar', targets: { registrations: 20, collectionsIdr: 1_000_000 }, actor: null, requestId: null, via: 'start',
  }, now, ids)
  const agent = (await findAgentByUser(sql, added.userId))!
  const actor = { userId: added.userId, username: added.username, role: 'agent' as const, branchCode: agent.branchCode, regionCodes: agent.regionCodes, sourceIds: [agent.sourceId] }
  const today = witaToday(now)
  await syncOutbox(sql, { agent, actor, requestId: null }, itemsOf(today), now, ids)
  await recordDeposit(sql, { agent, amountIdr: costIdr(addDays(today, -160), 1), depositedOn: addDays(today, -150), to: 'bank', reference: 'DEMO-SETOR-1', actor: null, requestId: null }, now, ids)
  return { username: DEMO_AGENT_USERNAME, password: DEMO_AGENT_PASSWORD, created: true }
}
