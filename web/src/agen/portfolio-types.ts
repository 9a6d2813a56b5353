/** GET /api/v1/agen/portfolio (src/areas/agents/http/schemas.ts `portfolioItem`); `monthlyIdr` optional for answers cached before the server sent it. */
export interface PortfolioItem {
  participantId: string
  kpj: string
  name: string
  phone: string | null
  regencyCode: string
  status: string
  monthsOwed: string[]
  owedIdr: number
  protectedUntil: string | null
  nextDueDate: string | null
  /** what one further month (after the owed ones) costs, from the server's contributions engine; null or absent: the agent types the amount */
  monthlyIdr?: number | null
}

export const PORTFOLIO_GROUPS = ['dueThisWeek', 'arrears', 'lapsing', 'lapsed', 'neverPaid'] as const
export type PortfolioGroup = (typeof PORTFOLIO_GROUPS)[number]

export interface Portfolio {
  asOf: string
  groups: Record<PortfolioGroup, PortfolioItem[]>
}

/** `tel:+6281…` and WhatsApp's `https://wa.me/6281…` (digits only, no plus) from a stored `+62…` number. */
export function contactLinks(phone: string | null): { tel: string; whatsapp: string } | null {
  if (!phone) return null
  const digits = phone.replace(/\D/g, '')
  const international = digits.startsWith('62') ? digits : digits.startsWith('0') ? `62${digits.slice(1)}` : null
  if (!international || international.length < 10) return null
  return { tel: `tel:+${international}`, whatsapp: `https://wa.me/${international}` }
}
