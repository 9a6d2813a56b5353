import type i18next from 'i18next'
import { setupI18nWith } from '../lib/i18n-setup'
import en from './locales/en.json'
import id from './locales/id.json'

/** The agent app's own strings (Bahasa Indonesia first): the staff app's locales stay out of the phone bundle. */
export function setupAgenI18n(): Promise<typeof i18next> {
  return setupI18nWith({ id: { translation: id }, en: { translation: en } })
}
