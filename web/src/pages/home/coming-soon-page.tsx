import { useTranslation } from 'react-i18next'

export function ComingSoonPage({ titleKey }: { titleKey: string }) {
  const { t } = useTranslation()
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t(titleKey)}</h1>
      </header>
      <section className="card empty-state">
        <h2 className="section-title">{t('home.comingTitle')}</h2>
        <p className="muted">{t('home.comingBody')}</p>
      </section>
    </div>
  )
}
