import { parseDateInput } from '../../../../src/areas/participants/domain/birth-dates'
import { parseRupiahInput } from '../../lib/rupiah-input'
import type { RegistrationBody } from './types'

/** The registration form as typed (strings), BPU (the web's registration; PU workers come through their employer). */
export interface RegisterFormState {
  nik: string
  name: string
  /** as typed: dd/mm/yyyy (or yyyy-mm-dd) */
  birthDate: string
  sex: '' | 'L' | 'P'
  phone: string
  regencyCode: string
  occupation: string
  income: string
  jht: boolean
  sourceId: string
  consent: boolean
}

export const EMPTY_REGISTER_FORM: RegisterFormState = {
  nik: '', name: '', birthDate: '', sex: '', phone: '', regencyCode: '', occupation: '', income: '1.000.000', jht: false, sourceId: '', consent: false,
}

export const CONSENT_PURPOSE = 'Kepesertaan BPJS Ketenagakerjaan (pendaftaran oleh petugas melalui Semesta)'

/** The API body, or the first field still missing (named as the API names it). */
export function registrationBodyOf(form: RegisterFormState): { body: RegistrationBody } | { missing: keyof RegisterFormState } {
  for (const field of ['nik', 'name', 'birthDate', 'sex', 'regencyCode', 'sourceId'] as const) {
    if (!form[field].trim()) return { missing: field }
  }
  const income = parseRupiahInput(form.income)
  if (income === null || Number.isNaN(income)) return { missing: 'income' }
  if (!form.consent) return { missing: 'consent' }
  return {
    body: {
      nik: form.nik.replace(/[\s.-]/g, ''),
      name: form.name.trim(),
      birthDate: parseDateInput(form.birthDate) ?? form.birthDate.trim(),
      sex: form.sex,
      ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
      regencyCode: form.regencyCode,
      ...(form.occupation ? { occupations: [form.occupation] } : {}),
      category: 'bpu',
      declaredIncomeIdr: income,
      programmes: form.jht ? ['JKK', 'JKM', 'JHT'] : ['JKK', 'JKM'],
      sourceId: form.sourceId,
      consent: { given: true, purpose: CONSENT_PURPOSE },
    },
  }
}
