import i18next, { type Resource } from 'i18next'
import { initReactI18next } from 'react-i18next'

export const LANGUAGES = ['id', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

const STORAGE_KEY = 'semesta.lang'

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** Bahasa Indonesia first; English when the user chose it before (kept in localStorage). */
export function storedLanguage(storage: Pick<Storage, 'getItem'> | undefined): Language {
  try {
    const value = storage?.getItem(STORAGE_KEY)
    return isLanguage(value) ? value : 'id'
  } catch {
    return 'id'
  }
}

/** One i18next set-up for both apps; each passes its own strings, so neither bundle carries the other's. */
export async function setupI18nWith(resources: Resource): Promise<typeof i18next> {
  const lng = storedLanguage(globalThis.localStorage)
  await i18next.use(initReactI18next).init({ resources, lng, fallbackLng: 'id', interpolation: { escapeValue: false }, showSupportNotice: false })
  document.documentElement.lang = lng
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, language)
    } catch {
      // private mode: the choice lasts for this page only
    }
  })
  return i18next
}
