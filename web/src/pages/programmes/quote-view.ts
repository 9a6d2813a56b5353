/** The quote as the domain's `quote()` returns it and `semesta quote --json` prints it (issue 3, item 7). */
export interface QuoteLineView {
  programme: string
  payer: string
  baseIdr: number
  /** null for a line priced from marginal brackets */
  rateppm: number | null
  amountIdr: number
  citation: string
  /** a flat amount (BPU JKM): no rate to show */
  flat?: boolean
  /** share paid after a discount, and the discount share (ppm), with the discount's citation */
  factorppm?: number
  discountppm?: number
  discountCitation?: string
  /** a fine line (`denda`): the line it fines and for how long */
  finedProgramme?: string
  finedPayer?: string
  lateMonths?: number
  monthlyRateppm?: number
  /** PMI: the phase a package line covers */
  phase?: string
}

export interface QuoteNoteView {
  code: string
  message: string
}

export interface QuoteView {
  month: string
  segment: string
  lines: QuoteLineView[]
  billedIdr: number
  notBilled: Array<{ programme: string; payer: string; amountIdr: number; citation: string }>
  dueDates: Record<string, string>
  notes: QuoteNoteView[]
  /** PMI: months of protection the package buys */
  protectionMonths?: number
}

/** The discount share of a line (ppm), when it carries one. */
export function discountOf(line: QuoteLineView): number | null {
  return typeof line.discountppm === 'number' && line.discountppm > 0 ? line.discountppm : null
}

/** The first discounted line: the note under the total names its share and citation. */
export function discountedLine(view: QuoteView): QuoteLineView | undefined {
  return view.lines.find((line) => discountOf(line) !== null)
}

const PROGRAMME_LABELS: Record<string, string> = { denda: 'Denda', jkk_jkm: 'JKK + JKM' }

export function programmeLabel(programme: string): string {
  return PROGRAMME_LABELS[programme] ?? programme.toUpperCase()
}

/** A fine line names the programme it fines: `Denda JKK`. */
export function lineLabel(line: QuoteLineView): string {
  if (line.programme === 'denda' && line.finedProgramme) return `${programmeLabel('denda')} ${programmeLabel(line.finedProgramme)}`
  return programmeLabel(line.programme)
}

/** The year a holidays_unknown note is about (its message names it). */
export function noteYear(note: QuoteNoteView): string {
  return /\b(\d{4})\b/.exec(note.message)?.[1] ?? ''
}
