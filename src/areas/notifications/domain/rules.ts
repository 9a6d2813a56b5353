import type { LocalDate } from '../../../kernel/dates.js'
import { isLocalDate } from '../../../kernel/dates.js'
import { DomainError } from '../../../kernel/errors.js'

/** The notification rules (reference/notifications.yaml): what is written to the outbox and when. */
export const RULES = ['due_reminder', 'menunggak_warning', 'nonaktif_warning', 'payment_receipt', 'pemda_arrears_note', 'one_time_code'] as const
export type RuleName = (typeof RULES)[number]

export const CHANNELS = ['whatsapp', 'sms'] as const
export type Channel = (typeof CHANNELS)[number]

export const LANGS = ['id', 'en'] as const
export type Lang = (typeof LANGS)[number]

export interface RulePeriod {
  readonly from: LocalDate
  readonly to: LocalDate | null
  readonly daysBefore?: number
  readonly daysAfter?: number
  readonly dayOfMonth?: number
  readonly minutesValid?: number
}

export interface NotificationRules {
  readonly periods: Readonly<Record<RuleName, readonly RulePeriod[]>>
  /** Channels in the order tried: the first one the participant has not opted out of is used. */
  readonly channels: readonly Channel[]
  readonly templates: Readonly<Record<RuleName, Readonly<Record<Lang, string>>>>
}

/** The rule's period in force at a date, or null when the rule is off then. */
export function ruleAt(rules: NotificationRules, name: RuleName, date: LocalDate): RulePeriod | null {
  for (const p of rules.periods[name]) if (p.from <= date && (p.to === null || date <= p.to)) return p
  return null
}

const bad = (message: string, field: string) => new DomainError('invalid_input', message, { field })

function nonNegative(raw: Record<string, unknown>, key: string, field: string): number | undefined {
  const v = raw[key]
  if (v === undefined) return undefined
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 366) throw bad(`${field}.${key} must be a whole number of days 0–366`, field)
  return v
}

function parsePeriod(raw: unknown, field: string): RulePeriod {
  if (typeof raw !== 'object' || raw === null) throw bad(`${field} must be a mapping`, field)
  const r = raw as Record<string, unknown>
  const from = String(r.effective_from ?? '')
  const to = r.effective_to === undefined || r.effective_to === null ? null : String(r.effective_to)
  if (!isLocalDate(from) || (to !== null && (!isLocalDate(to) || to < from))) throw bad(`${field} needs effective_from (and effective_to after it) as YYYY-MM-DD`, field)
  const known = new Set(['effective_from', 'effective_to', 'days_before', 'days_after', 'day_of_month', 'minutes_valid', 'note'])
  for (const k of Object.keys(r)) if (!known.has(k)) throw bad(`${field}: unknown key ${k}`, field)
  const out: { -readonly [K in keyof RulePeriod]: RulePeriod[K] } = { from, to }
  const daysBefore = nonNegative(r, 'days_before', field)
  const daysAfter = nonNegative(r, 'days_after', field)
  const dayOfMonth = nonNegative(r, 'day_of_month', field)
  const minutesValid = nonNegative(r, 'minutes_valid', field)
  if (daysBefore !== undefined) out.daysBefore = daysBefore
  if (daysAfter !== undefined) out.daysAfter = daysAfter
  if (dayOfMonth !== undefined) out.dayOfMonth = dayOfMonth
  if (minutesValid !== undefined) out.minutesValid = minutesValid
  return out
}

/** Parses and checks the YAML document (no overlapping periods, a template in both languages for every rule). */
export function parseNotificationRules(raw: unknown): NotificationRules {
  if (typeof raw !== 'object' || raw === null) throw bad('notifications.yaml must be a mapping', 'notifications')
  const doc = raw as { rules?: Record<string, unknown>; channels?: unknown; templates?: Record<string, unknown> }
  const periods = {} as Record<RuleName, RulePeriod[]>
  const templates = {} as Record<RuleName, Record<Lang, string>>
  for (const name of RULES) {
    const list = doc.rules?.[name]
    if (!Array.isArray(list) || list.length === 0) throw bad(`rules.${name} needs at least one dated period`, `rules.${name}`)
    const ps = list.map((p, i) => parsePeriod(p, `rules.${name}[${i}]`)).sort((a, b) => (a.from < b.from ? -1 : 1))
    for (let i = 1; i < ps.length; i++) {
      const prev = ps[i - 1] as RulePeriod
      if (prev.to === null || prev.to >= (ps[i] as RulePeriod).from) throw new DomainError('overlapping_periods', `rules.${name} has overlapping periods`, { field: `rules.${name}` })
    }
    periods[name] = ps
    const t = doc.templates?.[name] as Record<string, unknown> | undefined
    if (!t || typeof t.id !== 'string' || typeof t.en !== 'string') throw bad(`templates.${name} needs id and en texts`, `templates.${name}`)
    templates[name] = { id: t.id, en: t.en }
  }
  const channels = doc.channels
  if (!Array.isArray(channels) || channels.length === 0 || !channels.every((c) => (CHANNELS as readonly unknown[]).includes(c))) throw bad(`channels must list some of ${CHANNELS.join(', ')}`, 'channels')
  return { periods, channels: channels as Channel[], templates }
}
