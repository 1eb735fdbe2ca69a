import { http, type Paged } from './http'
import type { FundAccount, LedgerEntry } from './funds'
import type { SurveyRequest } from './projects'

// 政府购买社区服务 (issue 14, seed 004): src/Guanjia.Web/Purchasing/PurchasingEndpoints.cs, docs/api.md. Money is integer fen;
// dates yyyy-MM-dd (Beijing).

export type ServiceContent =
  | 'ElderlyCare'
  | 'YouthServices'
  | 'SocialAssistance'
  | 'RetiredWorkerVisits'
  | 'CentreOperation'
  | 'OrganisationIncubation'
  | 'VentureRounds'
  | 'OtherPublicWelfare'
export const serviceContents: ServiceContent[] = [
  'ElderlyCare',
  'YouthServices',
  'SocialAssistance',
  'RetiredWorkerVisits',
  'CentreOperation',
  'OrganisationIncubation',
  'VentureRounds',
  'OtherPublicWelfare',
]
export type TenderMethod = 'PublicTender' | 'InvitedTender' | 'CompetitiveNegotiation' | 'CompetitiveConsultation' | 'Inquiry' | 'SingleSource'
export const tenderMethods: TenderMethod[] = ['PublicTender', 'InvitedTender', 'CompetitiveNegotiation', 'CompetitiveConsultation', 'Inquiry', 'SingleSource']
export type Milestone = 'OnSigning' | 'MidTermAcceptance' | 'FinalAcceptance'
export type ContractState = 'Active' | 'Completed'
export type InstalmentState = 'Pending' | 'Accepted'
export type ReportKind = 'MonthlyBrief' | 'MidTermReport' | 'FinalReport' | 'MajorEvent'
export type ReportState = 'Due' | 'Filed'
export type EvaluationState = 'Commissioned' | 'Scored' | 'Accepted'
export type RectificationState = 'Open' | 'EvidenceSubmitted' | 'Closed'
export type IndicatorCategory = 'Effect' | 'Satisfaction' | 'Process' | 'Finance' | 'Other'
export const indicatorCategories: IndicatorCategory[] = ['Effect', 'Satisfaction', 'Process', 'Finance', 'Other']

export interface NamedRef {
  id: string
  name: string
}

export interface ContractorListItem {
  id: string
  name: string
  kind: string
  kindZh: string
  creditCode: string
  serviceContents: ServiceContent[]
  contracts: number
  version: number
}

export interface PackageTown {
  townId: string
  townName: string
  communities: NamedRef[]
  workersNeeded: number
}

export interface ServicePackage {
  id: string
  name: string
  periodStart: string
  periodEnd: string
  contents: ServiceContent[]
  note: string | null
  communityCount: number
  towns: PackageTown[]
  communitiesPerWorker: number
  workersNeeded: number
  managersNeeded: number
  supervisorsNeeded: number
  tenderId: string | null
  contractId: string | null
  version: number
}

export interface Tender {
  id: string
  packageId: string
  packageName: string
  method: TenderMethod
  methodZh: string
  heldOn: string
  agency: string | null
  bidders: { contractorId: string | null; name: string | null; bidFen: number | null }[]
  winnerId: string
  winnerName: string
  amountFen: number
}

export interface ContractSummary {
  id: string
  number: string
  agreementNumber: string | null
  packageId: string
  packageName: string
  contractorId: string
  contractorName: string
  signedOn: string
  termStart: string
  termEnd: string
  amountFen: number
  budgetYear: number
  state: ContractState
}

export interface Instalment {
  id: string
  contractId: string
  seq: number
  name: string
  amountFen: number
  milestone: Milestone
  milestoneZh: string
  plannedOn: string | null
  state: InstalmentState
  acceptedAt: string | null
  penaltyFen: number
  paidFen: number
  amountDueFen: number
  payable: boolean
  version: number
}

export interface ReportSummary {
  peopleServed: number | null
  serviceSessions: number | null
  activities: number | null
  homeVisits: number | null
  highlights: string | null
  problems: string | null
  nextPlan: string | null
}

export interface Report {
  id: string
  contractId: string
  contractNumber: string
  kind: ReportKind
  kindZh: string
  period: string | null
  dueAt: string | null
  state: ReportState
  filedAt: string | null
  filedByName: string | null
  late: boolean
  overdue: boolean
  lateReason: string | null
  title: string | null
  awaitingAcknowledgement: boolean
  acknowledgements: { party: 'Bureau' | 'Town'; organizationName: string | null; at: string; byName: string }[]
  version: number
}

export interface EvaluationIndicator {
  name: string | null
  category: IndicatorCategory | null
  weightPercent: number | null
  criteria: string | null
  score: number | null
  comment: string | null
}

export interface Finding {
  description: string | null
  dueOn: string | null
  penaltyClause: string | null
}

export interface EvaluationSummary {
  id: string
  contractId: string
  contractNumber: string
  evaluatorId: string
  evaluatorName: string
  state: EvaluationState
  totalScore: number | null
  grade: string | null
  gradeZh: string | null
  scoredAt: string | null
}

export interface Evaluation extends EvaluationSummary {
  contractorName: string
  packageName: string
  termStart: string
  termEnd: string
  indicators: EvaluationIndicator[]
  effectWeightPercent: number
  satisfactionWeightPercent: number
  dueOn: string | null
  commissionedAt: string
  surveyRespondents: number | null
  surveySatisfactionPercent: number | null
  summary: string | null
  findings: Finding[]
  acceptedAt: string | null
  version: number
}

export interface Rectification {
  id: string
  contractId: string
  contractNumber: string
  source: 'Inspection' | 'Evaluation'
  finding: string
  dueOn: string
  state: RectificationState
  stateZh: string
  evidence: string | null
  evidenceAt: string | null
  closedAt: string | null
  closureNote: string | null
  overdue: boolean
  version: number
}

export interface Penalty {
  id: string
  instalmentId: string
  instalmentName: string
  clauseCode: string
  amountFen: number
  reason: string
  recordedAt: string
}

export interface PenaltyClause {
  code: string
  description: string
  maxFen: number | null
}

export interface Attachment {
  id: string
  fileName: string
  kind: string
}

export interface Contract extends ContractSummary {
  tenderId: string
  rulesVersion: number
  penaltyClauses: PenaltyClause[]
  instalments: Instalment[]
  reports: Report[]
  rectifications: Rectification[]
  penalties: Penalty[]
  evaluation: EvaluationSummary | null
  attachments: Attachment[]
  version: number
}

export interface NewPackage {
  name: string
  periodStart: string
  periodEnd: string
  contents: ServiceContent[]
  communityIds: string[]
  note?: string | null
}

export interface NewTender {
  packageId: string
  method: TenderMethod
  heldOn: string
  agency?: string | null
  bidders: { contractorId: string; bidFen: number }[]
  winnerId: string
  amountFen: number
}

export interface NewContract {
  packageId: string
  agreementNumber?: string | null
  signedOn: string
  termStart: string
  termEnd: string
  amountFen: number
  budgetYear?: number | null
  instalments: { name: string; amountFen: number; milestone: Milestone; plannedOn?: string | null }[]
  indicators: { name: string; category: string; target: string }[]
  inspectionPlan: { body: 'CivilAffairs' | 'Finance' | 'Audit'; subject: string; plannedOn?: string | null }[]
  penaltyClauses: { code: string; description: string; maxFen: number }[]
}

export interface FileReportBody {
  kind: ReportKind
  period?: string | null
  summary: ReportSummary
  attachmentId: string
  lateReason?: string | null
  version?: number
}

const base = '/api/purchasing'
const id = (s: string) => encodeURIComponent(s)

export const purchasingApi = {
  contractors: (q: { q?: string; page?: number; pageSize?: number } = {}) => http.get<Paged<ContractorListItem>>(`${base}/contractors`, { ...q }),
  packages: () => http.get<ServicePackage[]>(`${base}/packages`),
  createPackage: (b: NewPackage) => http.post<ServicePackage>(`${base}/packages`, b),
  tenders: () => http.get<Tender[]>(`${base}/tenders`),
  recordTender: (b: NewTender) => http.post<Tender>(`${base}/tenders`, b),
  contracts: (q: { state?: ContractState; page?: number; pageSize?: number } = {}) => http.get<Paged<ContractSummary>>(`${base}/contracts`, { ...q }),
  contract: (cid: string) => http.get<Contract>(`${base}/contracts/${id(cid)}`),
  sign: (b: NewContract) => http.post<Contract>(`${base}/contracts`, b),
  upload: (cid: string, kind: string, file: File) => {
    const form = new FormData()
    form.append('kind', kind)
    form.append('file', file)
    return http.upload<Attachment>(`${base}/contracts/${id(cid)}/attachments`, form)
  },
  acceptInstalment: (cid: string, iid: string, b: { note?: string | null; version?: number }) =>
    http.post<Instalment>(`${base}/contracts/${id(cid)}/instalments/${id(iid)}/accept`, b),
  accounts: () => http.get<FundAccount[]>(`${base}/accounts`),
  receive: (b: { source: string; amountFen: number | null; reference?: string | null; description?: string | null }) =>
    http.post<{ id: string }>(`${base}/accounts/receipts`, b),
  payments: (cid: string) => http.get<LedgerEntry[]>(`${base}/contracts/${id(cid)}/payments`),
  reversePayment: (cid: string, entryId: string, b: { reason: string }) =>
    http.post<LedgerEntry>(`${base}/contracts/${id(cid)}/payments/${id(entryId)}/reversal`, b),
  figures: () => http.get<{ at: string; rows: PurchasingFigureRow[]; stations: StationFigureRow[] }>(`${base}/figures`),
  payInstalment: (
    cid: string,
    iid: string,
    b: { accountId: string; source: string; amountFen: number | null; reference?: string | null; version?: number },
  ) => http.post<{ id: string }>(`${base}/contracts/${id(cid)}/instalments/${id(iid)}/payments`, b),
  fileReport: (cid: string, b: FileReportBody) => http.post<Report>(`${base}/contracts/${id(cid)}/reports`, b),
  acknowledge: (rid: string, b: { note?: string | null; lateReason?: string | null }) => http.post<Report>(`${base}/reports/${id(rid)}/acknowledge`, b),
  evaluations: () => http.get<EvaluationSummary[]>(`${base}/evaluations`),
  evaluation: (eid: string) => http.get<Evaluation>(`${base}/evaluations/${id(eid)}`),
  commission: (cid: string, b: { evaluatorId: string; indicators: Partial<EvaluationIndicator>[]; dueOn?: string | null }) =>
    http.post<Evaluation>(`${base}/contracts/${id(cid)}/evaluations`, b),
  score: (eid: string, b: { indicators: EvaluationIndicator[]; surveyRespondents?: number | null; surveySatisfactionPercent?: number | null; summary: string; findings: Finding[]; version?: number }) =>
    http.post<Evaluation>(`${base}/evaluations/${id(eid)}/scores`, b),
  acceptEvaluation: (eid: string, b: { note?: string | null; version?: number }) => http.post<Evaluation>(`${base}/evaluations/${id(eid)}/accept`, b),
  survey: (eid: string) => http.get<BeneficiarySurvey>(`${base}/evaluations/${id(eid)}/survey`),
  surveyResponse: (eid: string, b: SurveyRequest) => http.post<BeneficiarySurvey>(`${base}/evaluations/${id(eid)}/survey/responses`, b),
  evidence: (rid: string, b: { text: string; attachmentIds: string[]; lateReason?: string | null; version?: number }) =>
    http.post<Rectification>(`${base}/rectifications/${id(rid)}/evidence`, b),
  review: (rid: string, b: { accepted: boolean; note?: string | null; newDueOn?: string | null; version?: number }) =>
    http.post<Rectification>(`${base}/rectifications/${id(rid)}/review`, b),
  penalty: (cid: string, b: { clauseCode: string; amountFen: number; reason: string; rectificationId?: string | null }) =>
    http.post<Penalty>(`${base}/contracts/${id(cid)}/penalties`, b),
}

/** One row of the bureau's supervision table (issue 14 §8). */
export interface PurchasingFigureRow {
  packageId: string
  packageName: string
  contractId: string | null
  contractNumber: string | null
  contractorName: string | null
  state: ContractState | null
  communities: number
  workersNeeded: number
  managersNeeded: number
  supervisorsNeeded: number
  reportsDue: number
  reportsOnTime: number
  reportsLate: number
  reportsMissing: number
  onTimePercent: number | null
  evaluationScore: number | null
  grade: string | null
  gradeZh: string | null
  rectificationsOpen: number
  rectificationsOverdue: number
  penaltyFen: number
  amountFen: number
  paidFen: number
}

/**
 * One station of the bureau's figures (issue 14 §8): workers in post against the ratio (R-PS-04, a workstation only), training
 * compliance (R-CA-03), and its contract's reports, evaluation and open rectifications.
 */
export interface StationFigureRow {
  stationId: string
  stationName: string
  kind: 'CivilAffairsStation' | 'SocialServiceWorkstation'
  townName: string
  communities: number
  communitiesPerWorker: number | null
  workersNeeded: number | null
  workersInPost: number
  workersShort: number
  short: boolean
  preJobTrained: number
  preJobRequiredHours: number
  continuingYear: number
  continuingRequiredHours: number
  continuingShort: number
  contractId: string | null
  contractNumber: string | null
  contractorName: string | null
  reportsDue: number
  reportsOnTime: number
  onTimePercent: number | null
  evaluationScore: number | null
  grade: string | null
  gradeZh: string | null
  rectificationsOpen: number
  rectificationsOverdue: number
}

/** The contract's beneficiaries' satisfaction survey (R-PS-06, ADR 0036): the product's questionnaire, its subject the contract. */
export interface BeneficiarySurvey {
  evaluationId: string
  contractId: string
  open: boolean
  hasSatisfactionIndicator: boolean
  report: {
    responses: number
    minimum: number
    minimumMet: boolean
    aspects: { aspect: string; zh: string; counts: number[]; satisfactionRate: number; score: number }[]
    satisfactionRate: number
    score: number
  }
  /** The satisfaction indicators' score, once the survey has its minimum of responses. */
  satisfactionScore: number | null
  suggestions: string[]
}

/** The purchase's documents, fetched with useDownload so a refusal shows as a message. */
export const purchasingDocs = {
  summary: (contractId: string, format: 'docx' | 'pdf') => `${base}/contracts/${id(contractId)}/summary.${format}`,
  evaluationReport: (evaluationId: string, format: 'docx' | 'pdf') => `${base}/evaluations/${id(evaluationId)}/report.${format}`,
  figures: () => `${base}/figures.xlsx`,
}
