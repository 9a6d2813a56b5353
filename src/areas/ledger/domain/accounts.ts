import { DomainError } from '../../../kernel/errors.js'

/**
 * The chart of accounts of Semesta's money, kept from the point of view of BPJS Ketenagakerjaan's books.
 * An account is identified by (kind, ref) and created on first use. Signs: one amount column, a debit is
 * positive and a credit negative, so the entries of a transfer (and the whole ledger) sum to zero.
 * An account's balance is the plain sum of its entries: an asset or expense shows a positive balance, a
 * liability or income a negative one (`normal` says which; `naturalBalanceIdr` flips it for people).
 */
export type AccountClass = 'asset' | 'liability' | 'income' | 'expense'

interface AccountKindSpec {
  class: AccountClass
  /** What `ref` names. */
  ref: 'participant' | 'payer' | 'channel' | 'agent' | 'bank' | 'income_programme' | 'fund_programme' | 'programme' | 'partner' | 'source' | 'claim'
  description: string
}

export const ACCOUNT_KINDS = {
  participant_credit: { class: 'liability', ref: 'participant', description: 'money held for a participant, received and not yet allocated to dues' },
  receivable: { class: 'asset', ref: 'participant', description: "a participant's billed dues not yet paid; each entry names its due" },
  payer_receivable: { class: 'asset', ref: 'payer', description: 'dues invoiced to a payer (employer, pemda programme, APBN, sponsor), ref "<payerKind>:<id>"' },
  channel_in_transit: { class: 'asset', ref: 'channel', description: 'money a channel partner collected and has not yet settled to BPJS' },
  agent_cash: { class: 'asset', ref: 'agent', description: 'cash an Agen Perisai collected and owes BPJS until deposited' },
  bank: { class: 'asset', ref: 'bank', description: 'deposits in a BPJS bank account or branch, ref its code' },
  suspense: { class: 'liability', ref: 'source', description: 'money received that matches no participant yet' },
  contribution_income: { class: 'income', ref: 'income_programme', description: 'contributions earned for a risk programme (JKK, JKM, JKP)' },
  programme_fund: { class: 'liability', ref: 'fund_programme', description: "the workers' savings of JHT and JP: owed to them, never income" },
  fine_income: { class: 'income', ref: 'programme', description: 'PU late-payment fines (2% a started month), per programme' },
  write_off: { class: 'expense', ref: 'income_programme', description: 'dues of a lapsed spell written off, per risk programme' },
  refund_payable: { class: 'liability', ref: 'participant', description: 'refunds approved and not yet paid out' },
  partner_fee: { class: 'expense', ref: 'partner', description: 'fees charged by a channel partner' },
  benefit_expense: { class: 'expense', ref: 'income_programme', description: 'benefits paid on claims by a risk programme (JKK, JKM, JKP)' },
  benefit_payable: { class: 'liability', ref: 'claim', description: 'a paid claim owed to its claimant until the bank reports the transfer out, ref the claim id' },
} as const satisfies Record<string, AccountKindSpec>

export type AccountKind = keyof typeof ACCOUNT_KINDS
export const ACCOUNT_KIND_NAMES = Object.keys(ACCOUNT_KINDS) as AccountKind[]

/** JKK_JKM: a PMI package, one JKK+JKM amount that Permenaker 4/2023 Pasal 18 does not split. */
export const INCOME_PROGRAMMES = ['JKK', 'JKM', 'JKP', 'JKK_JKM'] as const
export const FUND_PROGRAMMES = ['JHT', 'JP'] as const
export type IncomeProgramme = (typeof INCOME_PROGRAMMES)[number]
export type FundProgramme = (typeof FUND_PROGRAMMES)[number]
export type Programme = IncomeProgramme | FundProgramme
export const PROGRAMMES: readonly Programme[] = [...INCOME_PROGRAMMES, ...FUND_PROGRAMMES]

export const PAYER_KINDS = ['employer', 'pemda', 'apbn', 'sponsor'] as const
export type PayerKind = (typeof PAYER_KINDS)[number]

export interface AccountKey {
  kind: AccountKind
  ref: string
}

const REF = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/

export function isIncomeProgramme(programme: string): programme is IncomeProgramme {
  return (INCOME_PROGRAMMES as readonly string[]).includes(programme)
}

export function isProgramme(programme: string): programme is Programme {
  return (PROGRAMMES as readonly string[]).includes(programme)
}

export function isAccountKind(kind: string): kind is AccountKind {
  return Object.hasOwn(ACCOUNT_KINDS, kind)
}

/** Throws `invalid_input` unless the key names a kind of the chart with a ref of the right shape. */
export function assertAccountKey(account: AccountKey): void {
  if (!isAccountKind(account.kind)) throw new DomainError('invalid_input', `unknown ledger account kind ${String(account.kind)}`, { field: 'account.kind' })
  if (!REF.test(account.ref)) throw new DomainError('invalid_input', `ledger account ref ${JSON.stringify(account.ref)} is not an id`, { field: 'account.ref' })
  const refKind = ACCOUNT_KINDS[account.kind].ref
  const allowed =
    refKind === 'income_programme' ? isIncomeProgramme(account.ref)
    : refKind === 'fund_programme' ? (FUND_PROGRAMMES as readonly string[]).includes(account.ref)
    : refKind === 'programme' ? isProgramme(account.ref)
    : refKind === 'payer' ? PAYER_KINDS.some((kind) => account.ref.startsWith(`${kind}:`) && account.ref.length > kind.length + 1)
    : true
  if (!allowed) throw new DomainError('invalid_input', `${account.kind} does not take the ref ${account.ref}`, { field: 'account.ref' })
}

export const accountName = (account: AccountKey): string => `${account.kind}:${account.ref}`

export function sameAccount(a: AccountKey, b: AccountKey): boolean {
  return a.kind === b.kind && a.ref === b.ref
}

/** The balance as people read it: positive for what an asset holds or a liability owes. */
export function naturalBalanceIdr(kind: AccountKind, balanceIdr: number): number {
  const cls = ACCOUNT_KINDS[kind].class
  return cls === 'asset' || cls === 'expense' ? balanceIdr : -balanceIdr
}

/** Constructors for the accounts the standard movements use. */
export const account = {
  participantCredit: (participantId: string): AccountKey => ({ kind: 'participant_credit', ref: participantId }),
  receivable: (participantId: string): AccountKey => ({ kind: 'receivable', ref: participantId }),
  payerReceivable: (payerKind: PayerKind, payerId: string): AccountKey => ({ kind: 'payer_receivable', ref: `${payerKind}:${payerId}` }),
  channelInTransit: (channelId: string): AccountKey => ({ kind: 'channel_in_transit', ref: channelId }),
  agentCash: (agentId: string): AccountKey => ({ kind: 'agent_cash', ref: agentId }),
  bank: (code: string): AccountKey => ({ kind: 'bank', ref: code }),
  suspense: (sourceId: string): AccountKey => ({ kind: 'suspense', ref: sourceId }),
  /** Where a programme's contributions are earned: income for JKK/JKM/JKP, the workers' fund for JHT/JP. */
  programme: (programme: Programme): AccountKey =>
    isIncomeProgramme(programme) ? { kind: 'contribution_income', ref: programme } : { kind: 'programme_fund', ref: programme },
  fineIncome: (programme: Programme): AccountKey => ({ kind: 'fine_income', ref: programme }),
  writeOff: (programme: IncomeProgramme): AccountKey => ({ kind: 'write_off', ref: programme }),
  refundPayable: (participantId: string): AccountKey => ({ kind: 'refund_payable', ref: participantId }),
  partnerFee: (partnerId: string): AccountKey => ({ kind: 'partner_fee', ref: partnerId }),
  /** Where a claim's benefit is charged: the expense of a risk programme, or the workers' fund for a JHT payout. */
  benefitCharge: (programme: Programme): AccountKey =>
    isIncomeProgramme(programme) ? { kind: 'benefit_expense', ref: programme } : { kind: 'programme_fund', ref: programme },
  benefitPayable: (claimId: string): AccountKey => ({ kind: 'benefit_payable', ref: claimId }),
}
