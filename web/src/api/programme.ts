import { http } from './http'
import type { FeedbackKind } from './appeals'
import type { ProjectRow } from './projects'

// Programme configuration and the year's plan: feedback templates, the rule sets by version, the city's
// allocations, the concentrated collection, the pool and the annual plan.

export interface TemplateView {
  kind: FeedbackKind
  body: string
  isDefault: boolean
  updatedAt: string | null
  updatedBy: string | null
  version: number
}

/** FeedbackTemplate.Placeholders: what a template may use; anything else is refused by the API. */
export const templatePlaceholders = ['trackingNumber', 'village', 'town', 'projectName', 'department', 'contact', 'reason', 'route', 'claimant'] as const

export type TimeUnit = 'Hours' | 'CalendarDays' | 'WorkingDays' | 'Months'
export const timeUnits: TimeUnit[] = ['Hours', 'CalendarDays', 'WorkingDays', 'Months']

export interface TimeLimit {
  amount: number
  unit: TimeUnit
}

/** ProgrammeRuleSet: every number of the rules (money in fen). */
export interface ProgrammeRuleSet {
  directImplementationThresholdFen: number
  /** R-RT-02: below it the direct route asks why (a hint with an override, not a wall). */
  directRouteHintFen: number
  convenienceWorksCapFen: number
  welfareServiceCapFen: number
  surveyMinimumResponses: number
  publicityMinimumDays: number
  villagePublicityMinimumDays: number
  acknowledge: TimeLimit
  committeeMeeting: TimeLimit
  consultation: TimeLimit
  townReview: TimeLimit
  smallWorksFinish: TimeLimit
  smallServiceStart: TimeLimit
  expressWorksFinish: TimeLimit
  expressServiceStart: TimeLimit
  directStartAfterClaim: TimeLimit
  /** R-RT-02: the city publishes a 莞家直达 item within this of the town's confirmation. */
  directPublication: TimeLimit
  claimWindowMinimumDays: number
  completionForm: TimeLimit
  townSurvey: TimeLimit
  resultFeedback: TimeLimit
  /** R-MS-19: the town's final accounts and audit after closing. */
  finalAccounts: TimeLimit
  wishVerification: TimeLimit
  wishExpressHandling: TimeLimit
  wishResultFeedback: TimeLimit
  collectionEndMonth: number
  collectionEndDay: number
  annualPlanMonth: number
  warningLeadHours: number
  stationPackagedItemsPerYear: number
}

export interface ProgrammeRulesView {
  version: number
  effectiveFrom: string
  reason: string
  createdBy: string | null
  rules: ProgrammeRuleSet
}

export interface CampaignView {
  id: string
  townId: string
  year: number
  openedAt: string
  endsAt: string
  closedAt: string | null
  version: number
}

export type PlanState = 'Draft' | 'Filed'
export type PlanFunding = 'Allocation' | 'MatchingFund'

export interface PlanItemView {
  projectId: string
  number: string
  name: string
  budgetFen: number
  funding: PlanFunding
  isAdjustment: boolean
  reason: string | null
  addedAt: string
  reportedToCityAt: string | null
  /** The part beyond the city's allocation, paid from the town's matching funds (R-MS-17). */
  matchingFen: number
}

export interface PlanView {
  id: string
  townId: string
  year: number
  state: PlanState
  allocationFen: number
  plannedFen: number
  adjustedFen: number
  filedAt: string | null
  stampNote: string | null
  version: number
  items: PlanItemView[]
  /** R-MS-17 is 原则上: a plan below the allocation says why. */
  belowAllocationReason: string | null
  matchingFen: number
}

export interface AllocationView {
  townId: string
  year: number
  microProjectFen: number
  microWishFen: number
  version: number
}

export interface FilePlan {
  year: number
  projectIds: string[]
  stampNote: string | null
  lateReason: string | null
  belowAllocationReason: string | null
}

/** R-IN-02: a campaign opened after the rule's end date (31 January) is late: its reason and its own end date. */
export interface OpenCampaign {
  year: number
  note: string | null
  lateReason: string | null
  endsOn: string | null
}

export const programmeApi = {
  templates: () => http.get<TemplateView[]>('/api/feedback-templates'),
  saveTemplate: (kind: FeedbackKind, body: string, version: number) =>
    http.put<TemplateView>(`/api/feedback-templates/${encodeURIComponent(kind)}`, { body, version }),
  rules: () => http.get<ProgrammeRulesView[]>('/api/programme-rules'),
  currentRules: () => http.get<ProgrammeRulesView>('/api/programme-rules/current'),
  saveRules: (rules: ProgrammeRuleSet, reason: string) => http.post<ProgrammeRulesView>('/api/programme-rules', { rules, reason }),
}

export const plansApi = {
  openCampaign: (body: OpenCampaign) => http.post<CampaignView>('/api/annual-plans/campaigns', body),
  campaigns: (townId?: string, year?: number) => http.get<CampaignView[]>('/api/annual-plans/campaigns', { townId, year }),
  allocation: (year: number, townId: string) => http.get<AllocationView>(`/api/allocations/${year}/${encodeURIComponent(townId)}`),
  closeCampaign: (id: string, lateReason: string | null) =>
    http.post<CampaignView>(`/api/annual-plans/campaigns/${encodeURIComponent(id)}/close`, { lateReason }),
  pool: (townId: string, year: number) => http.get<ProjectRow[]>('/api/annual-plans/pool', { townId, year }),
  list: (year?: number) => http.get<PlanView[]>('/api/annual-plans', { year }),
  get: (id: string) => http.get<PlanView>(`/api/annual-plans/${encodeURIComponent(id)}`),
  file: (body: FilePlan) => http.post<PlanView>('/api/annual-plans', body),
  adjust: (id: string, projectId: string, reason: string) =>
    http.post<PlanView>(`/api/annual-plans/${encodeURIComponent(id)}/adjustments`, { projectId, reason }),
  setAllocation: (year: number, townId: string, microProjectFen: number, microWishFen: number | null) =>
    http.put<AllocationView>(`/api/allocations/${year}/${encodeURIComponent(townId)}`, { microProjectFen, microWishFen }),
}
