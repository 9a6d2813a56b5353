import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { timeZoneOfRegion } from '../../../../src/kernel/dates'
import { api } from '../../lib/api'
import { errorText } from '../../lib/error-text'
import { buildRegionTree, readRegionList, type ProvinceNode, type RegionItem } from './region-tree'

export interface RegionChoice {
  provinceCode: string
  regencyCode: string
}

const OFFSETS: Record<string, string> = { WIB: 'UTC+7', WITA: 'UTC+8', WIT: 'UTC+9' }

/** `WITA (UTC+8)`: from the API's timeZone, else from the code (kernel rule: Papua provinces 9x are WIT). */
function zoneLabel(region: RegionItem | undefined): string | null {
  if (!region) return null
  const zone = region.timeZone ?? (timeZoneOfRegion(region.code) === 'Asia/Jayapura' ? 'WIT' : 'WITA')
  return OFFSETS[zone] ? `${zone} (${OFFSETS[zone]})` : zone
}

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; provinces: ProvinceNode[] }

/** Province → regency picker over GET /api/v1/regions; shows the time zone (WITA/WIT) the due dates are read in. */
export function RegionPicker({ value, onChange }: { value: RegionChoice; onChange: (value: RegionChoice) => void }) {
  const { t } = useTranslation()
  const [load, setLoad] = useState<Load>({ status: 'loading' })

  useEffect(() => {
    const controller = new AbortController()
    api
      .get<unknown>('/api/v1/regions', controller.signal)
      .then((body) => setLoad({ status: 'ready', provinces: buildRegionTree(readRegionList(body)) }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoad({ status: 'error', message: errorText(error, t) })
      })
    return () => controller.abort()
  }, [t])

  if (load.status === 'loading') return <p className="muted" role="status">{t('calculator.regionsLoading')}</p>
  if (load.status === 'error') return <p className="alert alert-error" role="alert">{t('calculator.regionsError', { message: load.message })}</p>

  const province = load.provinces.find((p) => p.code === value.provinceCode)
  const regency = province?.regencies.find((r) => r.code === value.regencyCode)
  const zone = zoneLabel(regency ?? province)
  return (
    <div className="field-row">
      <div className="field">
        <label htmlFor="province">{t('calculator.province')}</label>
        <select id="province" value={value.provinceCode} onChange={(e) => onChange({ provinceCode: e.target.value, regencyCode: '' })}>
          <option value="">{t('calculator.chooseProvince')}</option>
          {load.provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="regency">{t('calculator.regency')}</label>
        <select id="regency" value={value.regencyCode} disabled={!province} onChange={(e) => onChange({ ...value, regencyCode: e.target.value })}>
          <option value="">{t('calculator.chooseRegency')}</option>
          {province?.regencies.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
        {zone && <span className="region-zone">{t('calculator.timeZone', { zone })}</span>}
      </div>
    </div>
  )
}
