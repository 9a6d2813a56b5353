import { useTranslation } from 'react-i18next'

/** A participant status (terdaftar, aktif, menunggak, nonaktif, berhenti) as a coloured label, never colour alone. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation()
  return <span className={`status status-${status}`}>{t(`status.${status}`, { defaultValue: status })}</span>
}
