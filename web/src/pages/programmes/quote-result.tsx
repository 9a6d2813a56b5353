import { useTranslation } from 'react-i18next'
import { formatDateId, formatMonth, formatRateppm, formatRupiah } from '../../lib/format'
import { discountedLine, discountOf, lineLabel, noteYear, programmeLabel, type QuoteLineView, type QuoteNoteView, type QuoteView } from './quote-view'

type Translate = (key: string, options?: Record<string, unknown>) => string

function payerLabel(payer: string, t: Translate): string {
  return t(`calculator.payers_short.${payer}`, { defaultValue: payer })
}

/** Notes the app knows are said in the reader's language; any other note shows the engine's own words. */
function noteText(note: QuoteNoteView, t: Translate): string {
  return t(`calculator.notes.${note.code}`, { defaultValue: note.message, year: noteYear(note) })
}

function LineRow({ line }: { line: QuoteLineView }) {
  const { t, i18n } = useTranslation()
  const discount = discountOf(line)
  const rate = line.flat ? t('calculator.flatAmount') : line.rateppm === null ? t('calculator.bracketRate') : formatRateppm(line.rateppm, i18n.language)
  return (
    <tr>
      <td>
        <strong>{lineLabel(line)}</strong>
        {line.lateMonths !== undefined && line.monthlyRateppm !== undefined && (
          <span className="line-detail">
            {t('calculator.fineDetail', {
              months: line.lateMonths,
              rate: formatRateppm(line.monthlyRateppm, i18n.language),
              programme: programmeLabel(line.finedProgramme ?? ''),
              payer: payerLabel(line.finedPayer ?? '', t),
            })}
          </span>
        )}
        {line.phase && <span className="line-detail">{t(`calculator.phases.${line.phase}`, { defaultValue: line.phase })}</span>}
        <span className="line-citation">{line.citation}</span>
        {discount !== null && <span className="line-discount">{t('calculator.discountBadge', { percent: formatRateppm(discount, i18n.language) })}</span>}
      </td>
      <td>{payerLabel(line.payer, t)}</td>
      <td className="num col-base">{line.flat ? '—' : formatRupiah(line.baseIdr)}</td>
      <td className="num col-rate">{rate}</td>
      <td className="num">{formatRupiah(line.amountIdr)}</td>
    </tr>
  )
}

function DiscountNote({ view }: { view: QuoteView }) {
  const { t, i18n } = useTranslation()
  const line = discountedLine(view)
  if (!line) return null
  const paidppm = line.factorppm ?? 1_000_000 - (line.discountppm ?? 0)
  return (
    <p className="alert alert-success" data-testid="discount-note">
      {t('calculator.discountNote', { percent: formatRateppm(paidppm, i18n.language), citation: line.discountCitation ?? '' })}
    </p>
  )
}

/** The quote's lines with their citations, the billed total, what the state bears, due dates, the discount and notes. */
export function QuoteResult({ view }: { view: QuoteView }) {
  const { t, i18n } = useTranslation()
  const segment = t(`calculator.segmentsShort.${view.segment}`, { defaultValue: view.segment })
  return (
    <div data-testid="quote-result">
      <p className="result-subtitle">{t('calculator.resultFor', { segment, month: formatMonth(view.month, i18n.language) })}</p>
      <table className="lines">
        <thead>
          <tr>
            <th scope="col">{t('calculator.programme')}</th>
            <th scope="col">{t('calculator.payerColumn')}</th>
            <th scope="col" className="num col-base">{t('calculator.base')}</th>
            <th scope="col" className="num col-rate">{t('calculator.rate')}</th>
            <th scope="col" className="num">{t('calculator.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {view.lines.map((line, index) => (
            <LineRow key={`${line.programme}-${line.payer}-${index}`} line={line} />
          ))}
        </tbody>
      </table>
      <div className="total">
        <span className="total-label">{t('calculator.total')}</span>
        <output className="total-amount" data-testid="quote-total">
          {formatRupiah(view.billedIdr)}
        </output>
      </div>
      <DiscountNote view={view} />
      {view.protectionMonths !== undefined && <p>{t('calculator.protectionMonths', { count: view.protectionMonths })}</p>}
      {view.notBilled.length > 0 && (
        <>
          <h3 className="section-title">{t('calculator.notBilled')}</h3>
          <ul className="plain-list">
            {view.notBilled.map((line) => (
              <li key={`${line.programme}-${line.payer}`}>
                {programmeLabel(line.programme)} ({payerLabel(line.payer, t)}): {formatRupiah(line.amountIdr)}
                <span className="line-citation">{line.citation}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {Object.keys(view.dueDates).length > 0 && (
        <>
          <h3 className="section-title">{t('calculator.dueDates')}</h3>
          <ul className="plain-list" data-testid="due-dates">
            {Object.entries(view.dueDates).map(([programme, date]) => (
              <li key={programme}>{t('calculator.dueDate', { programme: programmeLabel(programme), date: formatDateId(date) })}</li>
            ))}
          </ul>
        </>
      )}
      {view.notes.length > 0 && (
        <>
          <h3 className="section-title">{t('calculator.notesTitle')}</h3>
          <ul className="plain-list notes">
            {view.notes.map((note) => (
              <li key={note.code + note.message}>{noteText(note, t)}</li>
            ))}
          </ul>
        </>
      )}
      <p className="small muted">{t('calculator.disclaimer')}</p>
    </div>
  )
}
