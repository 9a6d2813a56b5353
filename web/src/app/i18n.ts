import type i18next from 'i18next'
import en from '../locales/en.json'
import id from '../locales/id.json'
import { setupI18nWith } from '../lib/i18n-setup'

export { LANGUAGES, isLanguage, storedLanguage, type Language } from '../lib/i18n-setup'

export function setupI18n(): Promise<typeof i18next> {
  return setupI18nWith({ id: { translation: id }, en: { translation: en } })
}
