import { parseDateInput } from '../../../../src/areas/participants/domain/birth-dates'
import { currentMonthWita } from '../../lib/format'
import type { RegistrationChecks } from '../../lib/registration-checks'
import { parseRupiahInput } from '../../lib/rupiah-input'
import type { RegisterFormState } from './register-form-state'

export interface Live {
  nik?: { error?: string; warning?: string; hint?: string }
  birthDate?: string
  sex?: string
  phone?: { error?: string; hint?: string }
  income?: string
  quote?: { totalIdr: number; lines: Array<{ programme: string; amountIdr: number }>; discount: boolean } | { error: string }
}

/** Everything the form can say while the user types, from the same pure rules the server applies. */
export function liveChecks(checks: RegistrationChecks | null, form: RegisterFormState, t: (k: string, o?: Record<string, unknown>) => string): Live {
  if (!checks) return {}
  const live: Live = {}
  const nikDigits = form.nik.replace(/[\s.-]/g, '')
  if (nikDigits.length > 0) {
    const reading = checks.nik(form.nik)
    if (reading.error) live.nik = nikDigits.length < 16 ? { hint: t('register.nikTyping', { count: nikDigits.length }) } : { error: reading.error.message }
    else {
      live.nik = reading.warnings[0] ? { warning: reading.warnings[0].message } : { hint: t('register.nikOk', { date: reading.birthDigits, sex: t(`sex.${reading.sex}`) }) }
      for (const issue of checks.identity(nikDigits, { birthDate: parseDateInput(form.birthDate), sex: form.sex || null })) {
        if (issue.field === 'tanggal_lahir') live.birthDate = issue.message
        if (issue.field === 'jenis_kelamin') live.sex = issue.message
      }
    }
  }
  if (form.birthDate.trim().length >= 8 && !parseDateInput(form.birthDate)) live.birthDate = t('register.dateFormat')
  if (form.phone.trim()) {
    const phone = checks.phone(form.phone)
    live.phone = phone.error ? { error: phone.error.message } : { hint: t('register.phoneOk', { phone: phone.ok }) }
  }
  const income = parseRupiahInput(form.income)
  if (income === null || Number.isNaN(income)) live.income = t('calculator.notAmount', { field: t('calculator.income') })
  else {
    const sector = checks.catalogue.byKey.get(form.occupation)?.sector ?? 'other'
    const outcome = checks.quotes.quote({ segment: 'bpu', month: currentMonthWita(new Date()), income, programmes: form.jht ? ['jkk', 'jkm', 'jht'] : ['jkk', 'jkm'], sector, payer: 'self' })
    live.quote = outcome.ok
      ? { totalIdr: outcome.view.billedIdr, lines: outcome.view.lines.map((l) => ({ programme: l.programme, amountIdr: l.amountIdr })), discount: outcome.view.lines.some((l) => (l.discountppm ?? 0) > 0) }
      : { error: outcome.message }
  }
  return live
}
