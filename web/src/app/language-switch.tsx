import { useTranslation } from 'react-i18next'
import { LANGUAGES } from './i18n'

const LABELS = { id: 'ID', en: 'EN' } as const
const NAMES = { id: 'Bahasa Indonesia', en: 'English' } as const

export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          title={NAMES[language]}
          aria-label={NAMES[language]}
          aria-pressed={i18n.language === language}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {LABELS[language]}
        </button>
      ))}
    </div>
  )
}
