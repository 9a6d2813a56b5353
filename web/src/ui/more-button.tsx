import { useTranslation } from 'react-i18next'

/** "Tampilkan lebih banyak" under a keyset-paged list (a TanStack infinite query). */
export function MoreButton({ query }: { query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> } }) {
  const { t } = useTranslation()
  if (!query.hasNextPage) return null
  return (
    <button type="button" className="button button-quiet" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
      {t('participants.more')}
    </button>
  )
}
