import { useTranslation } from 'react-i18next'
import { Link } from '../../app/router'

function Message({ titleKey, bodyKey }: { titleKey: string; bodyKey: string }) {
  const { t } = useTranslation()
  return (
    <div className="page">
      <section className="card empty-state">
        <h1>{t(titleKey)}</h1>
        <p className="muted">{t(bodyKey)}</p>
        <Link to="/" className="button button-primary">
          {t('notFound.back')}
        </Link>
      </section>
    </div>
  )
}

export const NotFoundPage = () => <Message titleKey="notFound.title" bodyKey="notFound.body" />
export const ForbiddenPage = () => <Message titleKey="forbidden.title" bodyKey="forbidden.body" />
