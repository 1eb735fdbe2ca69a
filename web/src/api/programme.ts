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
  completionForm: TimeLimit
  townSurvey: TimeLimit
  resultFeedback: TimeLimit
  collectionEndMonth: number
  collectionEndDay: number
  annualPlanMonth: number
  warningLeadHours: number
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
  openCampaign: (year: number, note: string | null) => http.post<CampaignView>('/api/annual-plans/campaigns', { year, note }),
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
