import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './locales/en.json'
import id from './locales/id.json'

const STORAGE_KEY = 'semesta.lang'

/** The agent app's own strings (Bahasa Indonesia first): the staff app's locales stay out of the phone bundle. */
export async function setupAgenI18n(): Promise<typeof i18next> {
  let lng = 'id'
  try {
    if (globalThis.localStorage?.getItem(STORAGE_KEY) === 'en') lng = 'en'
  } catch {
    // private mode: Bahasa Indonesia
  }
  await i18next.use(initReactI18next).init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng,
    fallbackLng: 'id',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  })
  document.documentElement.lang = lng
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, language)
    } catch {
      // the choice lasts for this page only
    }
  })
  return i18next
}
