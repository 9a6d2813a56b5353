import type { LocalDate } from '../../../kernel/dates.js'
import type { Month } from '../../../kernel/month.js'
import type { Sql } from '../../../platform/db/sql.js'
import type { Channel } from '../domain/index.js'

/**
 * The day's reminders and warnings, set-based (issue 11 item 2): one INSERT … SELECT … ON CONFLICT DO NOTHING per
 * rule over the stored contribution states, so planning a day costs a few statements whatever the registry's size.
 * They read other areas' tables in place (contribution_states, participants, enrolments, dues, payment_allocations,
 * contribution_tariffs), as billing does: the statements are the same rules as the pure `planParticipant`, which the
 * tests hold them to. Rows carry ids and params only (the KPJ as the payment number, months, dates, amounts); the
 * phone is only tested for presence. Ids are md5 of (rule, subject, event key), so an event has one id.
 */
export interface ReminderPlanInput {
  date: LocalDate
  now: Date
  /** Channels in the order tried (rules.channels): the first one a person has not opted out of. */
  channels: readonly Channel[]
  /** Categories whose status rule is `bpu_lapse` (self-paid BPU workers are reminded; payers are told otherwise). */
  categories: readonly string[]
  /** The BPU months around the date with their first due date (JKK/JKM: the 15th, moved past holidays). */
  calendar: ReadonlyArray<{ month: Month; dueDate: LocalDate }>
  /** due_reminder: the months whose due date is in [date, date + N]; null when the rule is off. */
  reminderMonths: ReadonlyArray<{ month: Month; dueDate: LocalDate }> | null
  menunggak: boolean
  /** nonaktif_warning: N days before the lapse date; null when the rule is off. */
  nonaktifDaysBefore: number | null
}

const rupiah = (x: string) => `'Rp' || regexp_replace((${x})::text, '(\\d)(?=(\\d{3})+$)', '\\1.', 'g')`
const monthId = (x: string) => `substr(${x}, 6, 2) || '/' || substr(${x}, 1, 4)`
const dateId = (x: string) => `to_char(${x}, 'DD/MM/YYYY')`
const nextMonth = (x: string) => `to_char(to_date(${x}, 'YYYY-MM') + interval '1 month', 'YYYY-MM')`

/** Self-paid BPU workers with a phone in a state matching `where`, each with the first channel they have not refused. */
const subjects = (where: string) => `
  select cs.participant_id as id, p.kpj, cs.status, cs.paid_through, cs.arrears_idr, cs.next_change_on, cs.next_status,
         e.income_base_idr, coalesce(e.sector, 'other') as sector, e.payer, e.programmes, e.end_month, ch.channel
    from contribution_states cs
    join participants p on p.id = cs.participant_id
    join enrolments e on e.participant_id = cs.participant_id and e.status = 'active' and e.segment = 'bpu' and e.payer = 'self'
    cross join lateral (
      select c.channel from unnest($3::text[]) with ordinality as c(channel, ord)
       where not exists (select 1 from notification_opt_outs o where o.participant_id = cs.participant_id and o.channel in (c.channel, 'all'))
       order by c.ord limit 1) ch
   where (${where}) and p.category = any($4::text[]) and coalesce(p.phone, '') <> ''`

/** What a month costs the subject `s`: its open billed dues, else the month's tariff for their income, sector and programmes. */
const amountOf = (month: string) => `coalesce(
    (select sum(d.amount_idr) from dues d where d.participant_id = s.id and d.month = ${month} and d.period_to is null
        and not exists (select 1 from payment_allocations a where a.due_id = d.id)),
    (select sum(t.amount_idr) from contribution_tariffs t where t.month = ${month} and t.segment = 'bpu' and t.income_base_idr = s.income_base_idr
        and t.sector = s.sector and t.payer = s.payer and t.programme = any (s.programmes)))`

/** The arrears at the date: every month after the paid-through one whose due date has passed, at its amount. */
const arrearsOf = `(select coalesce(sum(${amountOf('c.month')}), 0) from cal c where c.month > s.paid_through and c.due_date < $1::date)`

const notWritten = (rule: string, key: string) =>
  `not exists (select 1 from notification_outbox o where o.rule = '${rule}' and o.subject_id = s.id and o.event_key = ${key})`

function statement(rule: string, body: string): string {
  return `with cal as (select * from unnest($5::text[], $6::date[]) as c(month, due_date)),
    planned as (${body}),
    ins as (
      insert into notification_outbox (id, rule, subject_type, subject_id, event_key, channel, lang, params, created_at)
      select md5('${rule}|' || id || '|' || event_key)::uuid, '${rule}', 'participant', id, event_key, channel, 'id', params, $2::timestamptz from planned
      on conflict do nothing
      returning 1)
    select (select count(*) from ins)::int as written`
}

const DUE_REMINDER = statement('due_reminder', `
  select distinct on (s.id) s.id, 'due:' || r.month as event_key, s.channel,
         jsonb_build_object('payNo', s.kpj, 'month', ${monthId('r.month')}, 'amount', ${rupiah('a.amount')}, 'dueDate', ${dateId('r.due_date')}) as params
    from (${subjects(`cs.status in ('aktif', 'menunggak')`)}) s
    join unnest($7::text[], $8::date[]) as r(month, due_date) on r.due_date >= $1::date and coalesce(s.paid_through, '') < r.month and (s.end_month is null or s.end_month >= r.month)
    cross join lateral (select ${amountOf('r.month')} as amount) a
   where a.amount is not null and ${notWritten('due_reminder', `'due:' || r.month`)}
   order by s.id, r.month`)

const MENUNGGAK_WARNING = statement('menunggak_warning', `
  select s.id, 'menunggak:' || ${nextMonth('s.paid_through')} as event_key, s.channel,
         jsonb_build_object('payNo', s.kpj, 'month', ${monthId(nextMonth('s.paid_through'))}, 'amount', ${rupiah(arrearsOf)}) as params
    from (${subjects(`cs.status = 'menunggak' and cs.paid_through is not null`)}) s
   where ${notWritten('menunggak_warning', `'menunggak:' || ${nextMonth('s.paid_through')}`)}`)

const NONAKTIF_WARNING = statement('nonaktif_warning', `
  select s.id, 'nonaktif:' || to_char(s.next_change_on, 'YYYY-MM-DD') as event_key, s.channel,
         jsonb_build_object('payNo', s.kpj, 'date', ${dateId('s.next_change_on')}, 'amount', ${rupiah(arrearsOf)}) as params
    from (${subjects(`cs.status = 'menunggak' and cs.next_status = 'nonaktif' and cs.next_change_on > $1::date and cs.next_change_on <= $1::date + $7::int`)}) s
   where ${notWritten('nonaktif_warning', `'nonaktif:' || to_char(s.next_change_on, 'YYYY-MM-DD')`)}`)

export type ReminderRule = 'due_reminder' | 'menunggak_warning' | 'nonaktif_warning'

/** Runs the three statements (each its own transaction); returns the rows written per rule. */
export async function planReminders(sql: Sql, input: ReminderPlanInput): Promise<Record<ReminderRule, number>> {
  const common = [input.date, input.now, [...input.channels], [...input.categories], input.calendar.map((c) => c.month), input.calendar.map((c) => c.dueDate)]
  const run = async (text: string, extra: unknown[]) => (await sql.query<{ written: number }>(text, [...common, ...extra])).rows[0]?.written ?? 0
  const out: Record<ReminderRule, number> = { due_reminder: 0, menunggak_warning: 0, nonaktif_warning: 0 }
  if (input.reminderMonths && input.reminderMonths.length > 0) {
    out.due_reminder = await run(DUE_REMINDER, [input.reminderMonths.map((m) => m.month), input.reminderMonths.map((m) => m.dueDate)])
  }
  if (input.menunggak) out.menunggak_warning = await run(MENUNGGAK_WARNING, [])
  if (input.nonaktifDaysBefore !== null) out.nonaktif_warning = await run(NONAKTIF_WARNING, [input.nonaktifDaysBefore])
  return out
}
