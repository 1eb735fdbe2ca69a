import { http, type Paged } from './http'

// Funds and the ledger (docs/api.md "Funds and the ledger", ADR 0013, ADR 0018). Every amount is integer fen.

export type FundSource = 'CityBudget' | 'WelfareLottery' | 'CharityFederation' | 'TownMatching' | 'VillageCollective' | 'SocialDonation'
export const fundSources: FundSource[] = ['CityBudget', 'WelfareLottery', 'CharityFederation', 'TownMatching', 'VillageCollective', 'SocialDonation']
export type EntryKind = 'Receipt' | 'Matching' | 'PilotGrant' | 'Allocation' | 'Adjustment' | 'PilotSettlement' | 'Transfer' | 'Payment' | 'Reversal'
export const entryKinds: EntryKind[] = ['Receipt', 'Matching', 'PilotGrant', 'Allocation', 'Adjustment', 'PilotSettlement', 'Transfer', 'Payment', 'Reversal']
/** PurchasedService is how older entries name a purchased service by a free-text payee; new payments name the station item. */
export type PaymentTarget = 'Project' | 'Wish' | 'StationItem' | 'PurchasedService' | 'ContractInstalment'
export const paymentTargets: PaymentTarget[] = ['Project', 'Wish', 'StationItem']
/** What a payment is for; expert-review and evaluation fees are paid by the same level's finance, not the programme (R-FD-08). */
export type PaymentPurpose = 'Delivery' | 'ExpertReview' | 'ThirdPartyEvaluation'
export const paymentPurposes: PaymentPurpose[] = ['Delivery', 'ExpertReview', 'ThirdPartyEvaluation']
export type FundProgramme = 'MicroProject' | 'MicroWish'
export type AllocationFactor = 'Villages' | 'Area' | 'Output' | 'Population' | 'Strength' | 'Need'

export interface SourceBalance {
  source: FundSource
  sourceZh: string
  balanceFen: number
}

export interface FundAccount {
  id: string
  kind: string
  kindZh: string
  organizationId: string
  townId: string | null
  name: string
  source: FundSource | null
  balanceFen: number
  ringFenced: boolean
  bySource: SourceBalance[]
  version: number
}

export interface LedgerLine {
  accountId: string
  accountName: string
  accountKind: string
  source: FundSource
  sourceZh: string
  debitFen: number
  creditFen: number
}

export interface LedgerEntry {
  id: string
  kind: EntryKind
  year: number
  at: string
  description: string
  reference: string | null
  payee: string | null
  targetKind: PaymentTarget | null
  targetId: string | null
  reversesId: string | null
  reversedById: string | null
  amountFen: number
  byName: string | null
  lines: LedgerLine[]
}

export interface LedgerFilter {
  year?: number | null
  accountId?: string | null
  townId?: string | null
  kind?: EntryKind | null
  source?: FundSource | null
  from?: string | null
  to?: string | null
  page?: number
  pageSize?: number
}

export interface PaymentRequest {
  accountId: string | null
  source: FundSource | null
  amountFen: number | null
  targetKind: PaymentTarget | null
  targetId: string | null
  payee: string | null
  description: string
  reference: string | null
  year: number | null
  purpose?: PaymentPurpose
}

export interface SourceAmount {
  source: FundSource
  amountFen: number
}

/** One run draws its pool from several sources (R-FD-01, R-FD-03); poolFen + source is the one-source form. */
export interface AllocationRequest {
  programme: FundProgramme
  sources?: SourceAmount[]
  poolFen?: number | null
  source?: FundSource | null
  weights: Record<string, number>
}

/** A town's share of one source: formula, pilot money deducted, what the city pays. */
export interface SourceShare {
  source: FundSource
  formulaFen: number
  pilotDeductedFen: number
  cityPaysFen: number
}

export interface SourceTotal {
  source: FundSource
  poolFen: number
  formulaFen: number
  pilotDeductedFen: number
  cityPaysFen: number
}

export interface FormulaRow {
  townId: string
  code: string
  name: string
  inputs: Record<string, number>
  factorSharePpm: Record<string, number>
  weightedSharePpm: number
  exactFloorFen: number
  remainderFen: number
  formulaFen: number
  pilotLeftoverFen: number
  pilotDeductedFen: number
  cityPaysFen: number
  bySource: SourceShare[]
}

export interface AllocationTable {
  year: number
  programme: FundProgramme
  sources: SourceTotal[]
  poolFen: number
  weights: Record<string, number>
  totals: Record<string, number>
  rows: FormulaRow[]
  formulaTotalFen: number
  pilotDeductedTotalFen: number
  cityPaysTotalFen: number
  committed: boolean
  committedAt: string | null
}

export interface MatchingRow {
  townId: string
  townName: string
  economicClass: number | null
  requiredPercent: number | null
  cityAllocationFen: number
  obligationFen: number | null
  raisedFen: number
  shortfallFen: number | null
}

export interface AllocationRun {
  year: number
  programme: FundProgramme
  sources: SourceTotal[]
  poolFen: number
  weights: Record<string, number>
  rows: FormulaRow[]
  committedAt: string
  byName: string | null
}

/** The city's correction of a committed allocation (R-FD-03): the town's new city-paid amount per source and the reason. */
export interface AdjustmentRequest {
  programme: FundProgramme
  townId: string | null
  amounts: SourceAmount[]
  reason: string
}

export interface Adjustment {
  id: string
  year: number
  programme: FundProgramme
  townId: string
  townName: string
  before: SourceAmount[]
  after: SourceAmount[]
  beforeFen: number
  afterFen: number
  reason: string
  entryId: string
  at: string
  byName: string | null
}

/** R-MW-07: a town's 微心愿 money in a year, from the ledger. */
export interface WishUseRow {
  townId: string
  townName: string
  allocatedFen: number
  paidFen: number
  useRatePercent: number | null
  balanceFen: number
}

export const fundsApi = {
  accounts: (q: { townId?: string | null; kind?: string | null } = {}) => http.get<FundAccount[]>('/api/funds/accounts', q),
  ledger: (f: LedgerFilter) => http.get<Paged<LedgerEntry>>('/api/funds/ledger', { ...f }),
  pay: (r: PaymentRequest) => http.post<LedgerEntry>('/api/funds/payments', r),
  reverse: (id: string, reason: string) => http.post<LedgerEntry>(`/api/funds/ledger/${id}/reversal`, { reason }),
  preview: (year: number, r: AllocationRequest) => http.post<AllocationTable>(`/api/funds/allocations/${year}/preview`, r),
  commit: (year: number, r: AllocationRequest) => http.post<AllocationTable>(`/api/funds/allocations/${year}/commit`, r),
  matching: (year: number) => http.get<MatchingRow[]>(`/api/funds/matching/${year}`),
  runs: (year: number) => http.get<AllocationRun[]>(`/api/funds/allocations/${year}`),
  adjust: (year: number, r: AdjustmentRequest) => http.post<Adjustment>(`/api/funds/allocations/${year}/adjustments`, r),
  adjustments: (year: number) => http.get<Adjustment[]>(`/api/funds/allocations/${year}/adjustments`),
  wishUse: (year: number) => http.get<WishUseRow[]>(`/api/funds/wish-use/${year}`),
  townFactors: (year: number) => http.get<TownFactors[]>(`/api/funds/town-factors/${year}`),
  saveTownFactors: (year: number, body: { towns: Omit<TownFactors, 'townName' | 'year' | 'economicClass' | 'isPilot' | 'version'>[] }) =>
    http.put<TownFactors[]>(`/api/funds/town-factors/${year}`, body),
  receipt: (r: ReceiptRequest) => http.post<LedgerEntry>('/api/funds/receipts', r),
}

/** A town's figures for a year's allocation (R-FD-03): output in 万元, area in 公顷. */
export interface TownFactors {
  townId: string
  townName: string
  year: number
  villageCount: number
  areaHectares: number
  outputWan: number
  population: number
  needCount: number
  economicClass: number | null
  isPilot: boolean
  version: number
}

/** Money received into an account from a source (R-FD-01). */
export interface ReceiptRequest {
  accountId: string
  source: FundSource
  amountFen: number
  year: number
  matching: boolean
  description: string | null
  reference: string | null
}
