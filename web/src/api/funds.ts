import { http, type Paged } from './http'

// Funds and the ledger (docs/api.md "Funds and the ledger", ADR 0013). Every amount is integer fen.

export type FundSource = 'CityBudget' | 'WelfareLottery' | 'CharityFederation' | 'TownMatching' | 'VillageCollective' | 'SocialDonation'
export const fundSources: FundSource[] = ['CityBudget', 'WelfareLottery', 'CharityFederation', 'TownMatching', 'VillageCollective', 'SocialDonation']
export type EntryKind = 'Receipt' | 'Matching' | 'PilotGrant' | 'Allocation' | 'Transfer' | 'Payment' | 'Reversal'
export const entryKinds: EntryKind[] = ['Receipt', 'Matching', 'PilotGrant', 'Allocation', 'Transfer', 'Payment', 'Reversal']
export type PaymentTarget = 'Project' | 'Wish' | 'PurchasedService'
export const paymentTargets: PaymentTarget[] = ['Project', 'Wish', 'PurchasedService']
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
}

export interface AllocationRequest {
  programme: FundProgramme
  poolFen: number | null
  source?: FundSource | null
  weights: Record<string, number>
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
}

export interface AllocationTable {
  year: number
  programme: FundProgramme
  source: FundSource
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

export const fundsApi = {
  accounts: (q: { townId?: string | null; kind?: string | null } = {}) => http.get<FundAccount[]>('/api/funds/accounts', q),
  ledger: (f: LedgerFilter) => http.get<Paged<LedgerEntry>>('/api/funds/ledger', { ...f }),
  pay: (r: PaymentRequest) => http.post<LedgerEntry>('/api/funds/payments', r),
  reverse: (id: string, reason: string) => http.post<LedgerEntry>(`/api/funds/ledger/${id}/reversal`, { reason }),
  preview: (year: number, r: AllocationRequest) => http.post<AllocationTable>(`/api/funds/allocations/${year}/preview`, r),
  commit: (year: number, r: AllocationRequest) => http.post<AllocationTable>(`/api/funds/allocations/${year}/commit`, r),
  matching: (year: number) => http.get<MatchingRow[]>(`/api/funds/matching/${year}`),
}
