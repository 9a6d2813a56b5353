import { expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { loadHolidayCalendar, loadRegulationSet } from '../areas/programmes/index.js'
import { materialiseTariff } from '../areas/contributions/index.js'
import { makeSource } from '../areas/participants/testing/factories.js'
import { formatRupiah } from '../kernel/money.js'
import { newId } from '../platform/ids.js'
import { at } from './contributions.test-support.js'
import { planNotifications } from './plan-notifications.js'

const N = 3_000
const DATE = '2026-02-16' // February's due date is 18/02 (15 Sunday, 16 cuti bersama, 17 holiday): inside N = 3 days

/**
 * Who person i is (1..N), decided by arithmetic so the expected counts are computed here, apart from the SQL:
 * no phone every 10th; every 9th pemda-paid, the next one a PU worker; opt-outs every 11th (all, WhatsApp, SMS);
 * the state by i mod 8 (0, 4: aktif paid through January; 1, 5: aktif paid through March; 2: menunggak since
 * November, lapsing 19/02; 6: menunggak since January, lapsing in May; 3, 7: nonaktif).
 */
function person(i: number) {
  const phone = i % 10 !== 0
  const kind = i % 9 === 0 ? 'pemda' : i % 9 === 1 ? 'pu' : 'self'
  const optOut = i % 11 === 0 ? 'all' : i % 11 === 1 ? 'whatsapp' : i % 11 === 2 ? 'sms' : null
  const channel = optOut === 'all' ? null : optOut === 'whatsapp' ? 'sms' : 'whatsapp'
  const state = i % 8
  return { reached: phone && kind === 'self' && channel !== null, channel, state }
}

describeDb('notifications: a day planned set-based for a few thousand participants', (ctx) => {
  it('writes exactly the reminders and warnings the rules call for, once, whatever the number of runs', async () => {
    const sourceId = await makeSource(ctx.sql)
    const regs = loadRegulationSet()
    await materialiseTariff(ctx.sql, regs, loadHolidayCalendar(), ['2025-11', '2025-12', '2026-01', '2026-02'])
    const base = (await ctx.sql.query<{ base: number }>(`select min(income_base_idr)::int8 as base from contribution_tariffs where month = '2026-02' and segment = 'bpu'`)).rows[0]!.base
    await ctx.sql.query(
      `insert into participants (id, nik, kpj, kpj_origin, name, name_key, birth_date, sex, regency_code, category, status, status_since, registered_on,
                                 source_id, consent_purpose, consent_at, created_at, updated_at, phone)
       select md5('p' || i)::uuid, '5171' || lpad(i::text, 12, '0'), '7' || lpad(i::text, 10, '0'), 'issued', 'Peserta Uji ' || i, 'PESERTA UJI ' || i,
              '1990-01-01', 'L', '51.71', case when i % 9 = 1 then 'pu' else 'bpu' end,
              case when i % 8 in (3, 7) then 'nonaktif' when i % 8 in (2, 6) then 'menunggak' else 'aktif' end, '2025-12-01', '2025-06-01',
              $1, 'uji', $2, $2, $2, case when i % 10 = 0 then null else '+62812' || lpad(i::text, 7, '0') end
         from generate_series(1, $3::int) as i`,
      [sourceId, at('2025-06-01'), N],
    )
    await ctx.sql.query(
      `insert into enrolments (id, participant_id, segment, programmes, payer, source_id, created_at, updated_at, declared_income_idr, income_base_idr, sector, start_month)
       select md5('e' || i)::uuid, md5('p' || i)::uuid, case when i % 9 = 1 then 'pu' else 'bpu' end,
              case when i % 9 = 1 then '{JKK,JKM,JHT}'::text[] else '{JKK,JKM}'::text[] end,
              case when i % 9 = 0 then 'pemda' when i % 9 = 1 then 'employer' else 'self' end, $1, $2, $2, $3, $3, 'other', '2025-06'
         from generate_series(1, $4::int) as i`,
      [sourceId, at('2025-06-01'), base, N],
    )
    await ctx.sql.query(
      `insert into contribution_states (participant_id, regency_code, status, status_since, paid_through, arrears_idr, next_change_on, next_status, evaluated_on, updated_at)
       select md5('p' || i)::uuid, '51.71', s.status, '2025-12-01', s.paid_through, 0, s.next_on::date, s.next_status, '2026-02-01', $1
         from generate_series(1, $2::int) as i
         join (values (0, 'aktif', '2026-01', '2026-02-19', 'menunggak'), (4, 'aktif', '2026-01', '2026-02-19', 'menunggak'),
                      (1, 'aktif', '2026-03', '2026-04-16', 'menunggak'), (5, 'aktif', '2026-03', '2026-04-16', 'menunggak'),
                      (2, 'menunggak', '2025-10', '2026-02-19', 'nonaktif'), (6, 'menunggak', '2025-12', '2026-05-19', 'nonaktif'),
                      (3, 'nonaktif', '2025-06', null, null), (7, 'nonaktif', '2025-06', null, null)) as s(k, status, paid_through, next_on, next_status)
           on s.k = i % 8`,
      [at('2026-02-01'), N],
    )
    await ctx.sql.query(
      `insert into notification_opt_outs (participant_id, channel, created_at)
       select md5('p' || i)::uuid, case i % 11 when 0 then 'all' when 1 then 'whatsapp' else 'sms' end, $1
         from generate_series(1, $2::int) as i where i % 11 in (0, 1, 2)`,
      [at('2026-01-01'), N],
    )

    const expected = new Map<string, number>()
    const count = (key: string) => expected.set(key, (expected.get(key) ?? 0) + 1)
    for (let i = 1; i <= N; i++) {
      const p = person(i)
      if (!p.reached) continue
      if ([0, 4, 2, 6].includes(p.state)) count(`due_reminder|due:2026-02|${p.channel}`)
      if (p.state === 2) count(`menunggak_warning|menunggak:2025-11|${p.channel}`)
      if (p.state === 6) count(`menunggak_warning|menunggak:2026-01|${p.channel}`)
      if (p.state === 2) count(`nonaktif_warning|nonaktif:2026-02-19|${p.channel}`)
    }

    const first = await planNotifications(ctx.sql, { date: DATE }, at(DATE), newId)
    const second = await planNotifications(ctx.sql, { date: DATE }, at(DATE), newId)
    const { rows } = await ctx.sql.query<{ key: string; n: number }>(
      `select rule || '|' || event_key || '|' || channel as key, count(*)::int as n from notification_outbox group by 1 order by 1`)
    expect(Object.fromEntries(rows.map((r) => [r.key, r.n]))).toEqual(Object.fromEntries([...expected].sort()))
    const total = [...expected.values()].reduce((a, b) => a + b, 0)
    expect(total).toBeGreaterThan(1_000)
    expect(first.written).toBe(total)
    expect(first.byRule.due_reminder).toBe([...expected].filter(([k]) => k.startsWith('due_reminder')).reduce((a, [, n]) => a + n, 0))
    expect(second.written).toBe(0)
    expect(first.statusesRefreshed).toBe(0)

    // amounts from the tariff (nothing billed): February's JKK + JKM; arrears November to January
    const monthIdr = async (month: string) => (await ctx.sql.query<{ idr: number }>(
      `select sum(amount_idr)::int8 as idr from contribution_tariffs where month = $1 and segment = 'bpu' and income_base_idr = $2 and sector = 'other' and payer = 'self' and programme in ('JKK', 'JKM')`,
      [month, base])).rows[0]!.idr
    const paramsOf = async (i: number, rule: string) => (await ctx.sql.query<{ params: Record<string, unknown> }>(
      `select params from notification_outbox where subject_id = md5('p' || $1::int)::uuid and rule = $2`, [i, rule])).rows[0]?.params
    const arrears = (await monthIdr('2025-11')) + (await monthIdr('2025-12')) + (await monthIdr('2026-01'))
    expect(await paramsOf(4, 'due_reminder')).toEqual({ payNo: '70000000004', month: '02/2026', amount: formatRupiah(await monthIdr('2026-02')), dueDate: '18/02/2026' })
    expect(await paramsOf(26, 'menunggak_warning')).toEqual({ payNo: '70000000026', month: '11/2025', amount: formatRupiah(arrears) })
    expect(await paramsOf(26, 'nonaktif_warning')).toEqual({ payNo: '70000000026', date: '19/02/2026', amount: formatRupiah(arrears) })
    // ids and params only: no phone, NIK or name in any row
    const leaked = await ctx.sql.query<{ n: number }>(`select count(*)::int n from notification_outbox where params::text ~ '\\+62812|5171000|Peserta'`)
    expect(leaked.rows[0]!.n).toBe(0)
  })
}, { referenceData: true })
