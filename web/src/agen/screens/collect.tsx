import { useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { formatMonthShort, formatRupiah, todayWita } from '../../lib/format'
import type { RegistrationChecks } from '../../lib/registration-checks'
import { parseRupiahInput } from '../../lib/rupiah-input'
import type { ScreenProps } from '../app'
import { planCollection, type CollectBasis } from '../collect-amount'
import { newClientId, outbox } from '../device'
import type { CollectPayload, OutboxEntry } from '../outbox/types'
import type { Portfolio, PortfolioItem } from '../portfolio-types'
import { useCached } from './use-cached'

interface Payer {
  key: string
  name: string
  ref: Pick<CollectPayload, 'participantId' | 'participantClientId'>
  basis: CollectBasis
}

/** A registration waiting in (or sent from) the outbox: its months are priced with its own income and occupation. */
function newWorker(entry: OutboxEntry, checks: RegistrationChecks | null, month: string): Payer | null {
  if (entry.item.kind !== 'register' || entry.state === 'rejected') return null
  const p = entry.item.payload
  const sector = checks?.catalogue.byKey.get(p.occupations?.[0] ?? '')?.sector ?? 'other'
  const programmes = p.programmes.map((x) => x.toLowerCase()).filter((x): x is 'jkk' | 'jkm' | 'jht' => x === 'jkk' || x === 'jkm' || x === 'jht')
  const priceOf = (m: string) => {
    const outcome = checks?.quotes.quote({ segment: 'bpu', month: m, income: p.declaredIncomeIdr ?? 0, programmes, sector, payer: 'self' })
    return outcome?.ok ? outcome.view.billedIdr : null
  }
  return { key: entry.item.clientId, name: p.name, ref: { participantClientId: entry.item.clientId }, basis: { monthsOwed: [], owedIdr: 0, firstOpenMonth: month, priceOf } }
}

function known(item: PortfolioItem, month: string): Payer {
  const next = item.nextDueDate?.slice(0, 7)
  return {
    key: `p:${item.participantId}`, name: `${item.name} (${item.kpj})`, ref: { participantId: item.participantId },
    basis: { monthsOwed: item.monthsOwed, owedIdr: item.owedIdr, firstOpenMonth: next && next > month ? next : month, priceOf: () => item.monthlyIdr ?? null },
  }
}

/** Record cash collected for 1–12 months: priced on the phone, queued with a receipt that waits for the server's number. */
export function CollectScreen({ user, box, rules, go, detail }: ScreenProps) {
  const { t } = useTranslation()
  const checks = rules.status === 'ready' ? rules.value : null
  const today = todayWita(new Date())
  const month = today.slice(0, 7)
  const portfolio = useCached<Portfolio>(user.id, '/api/v1/agen/portfolio')
  const payers = useMemo(() => {
    const list = box.entries.map((e) => newWorker(e, checks, month)).filter((p): p is Payer => p !== null)
    if (portfolio.status === 'ready') {
      const seen = new Set<string>()
      for (const item of Object.values(portfolio.value.groups).flat()) {
        if (seen.has(item.participantId)) continue
        seen.add(item.participantId)
        list.push(known(item, month))
      }
    }
    return list
  }, [box.entries, checks, month, portfolio])
  const [chosen, setChosen] = useState(detail ?? '')
  const [count, setCount] = useState(1)
  const [typed, setTyped] = useState('')
  const payer = payers.find((p) => p.key === (chosen || detail))
  const plan = payer ? planCollection(payer.basis, count) : null
  const amount = plan?.amountIdr ?? parseRupiahInput(typed)

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!payer || !plan || typeof amount !== 'number' || Number.isNaN(amount) || amount <= 0) return
    const clientId = newClientId()
    await outbox.add({
      userId: user.id, state: 'pending', attempts: 0,
      item: { clientId, kind: 'collect', createdAt: new Date().toISOString(), payload: { ...payer.ref, months: count, amountIdr: amount, collectedOn: today } },
      summary: { name: payer.name, months: plan.months, amountIdr: amount },
    })
    void box.syncNow()
    go('antrean', clientId)
  }

  return (
    <section aria-labelledby="collect-title">
      <h1 id="collect-title">{t('collect.title')}</h1>
      <form className="card" onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="field">
          <label htmlFor="collect-who">{t('collect.who')}</label>
          <select id="collect-who" value={payer?.key ?? ''} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{t('collect.choose')}</option>
            {payers.map((p) => <option key={p.key} value={p.key}>{p.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="collect-months">{t('collect.months')}</label>
          <select id="collect-months" value={count} onChange={(e) => setCount(Number(e.target.value))}>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => <option key={n} value={n}>{t('collect.monthCount', { count: n })}</option>)}
          </select>
        </div>
        {plan && <p className="muted" data-testid="collect-months-list">{plan.months.map(formatMonthShort).join(', ')}</p>}
        {plan && plan.amountIdr === null && (
          <div className="field">
            <label htmlFor="collect-amount">{t('collect.amount')}</label>
            <input id="collect-amount" inputMode="numeric" value={typed} onChange={(e) => setTyped(e.target.value)} />
            <span className="field-hint">{t('collect.amountHint')}</span>
          </div>
        )}
        <div className="total">
          <span className="total-label">{t('collect.total')}</span>
          <span className="total-amount" data-testid="collect-total">{typeof amount === 'number' && !Number.isNaN(amount) ? formatRupiah(amount) : '—'}</span>
        </div>
        <button type="submit" className="button button-primary" disabled={!payer || typeof amount !== 'number' || Number.isNaN(amount) || amount <= 0}>{t('collect.submit')}</button>
      </form>
    </section>
  )
}
