import { http, type Paged } from './http'
import type { TimelineEntry } from './appeals'
import type { DeadlineView } from './deadlines'
import { newKey } from '@/utils/ids'

// 民生微实事 projects: src/Guanjia.App/MicroProjects/*.cs, /api/micro-projects. Money is integer fen.

export type ProjectCategory = 'ConvenienceWorks' | 'WelfareService'
export const projectCategories: ProjectCategory[] = ['ConvenienceWorks', 'WelfareService']

export type ProjectSubType =
  | 'LivingEnvironment'
  | 'PublicFacilities'
  | 'SafetyShelters'
  | 'ElderlyCare'
  | 'ChildrenAndYouth'
  | 'PovertyAid'
  | 'Disability'
  | 'ResidentIntegration'
  | 'SpecialPopulations'
  | 'PublicHealthEmergency'
  | 'FeatureServices'

/** 003 §一: three kinds of works, eight kinds of service (ProjectTaxonomy.CategoryOf). */
export const subTypesByCategory: Record<ProjectCategory, ProjectSubType[]> = {
  ConvenienceWorks: ['LivingEnvironment', 'PublicFacilities', 'SafetyShelters'],
  WelfareService: [
    'ElderlyCare', 'ChildrenAndYouth', 'PovertyAid', 'Disability', 'ResidentIntegration', 'SpecialPopulations', 'PublicHealthEmergency',
    'FeatureServices',
  ],
}

export function categoryOf(t: ProjectSubType): ProjectCategory {
  return subTypesByCategory.ConvenienceWorks.includes(t) ? 'ConvenienceWorks' : 'WelfareService'
}

export type Route = 'Express' | 'Direct' | 'Station'
export const routes: Route[] = ['Express', 'Direct', 'Station']

export type ProposalSource =
  | 'OnlineAndHotline'
  | 'VillageCommittees'
  | 'Residents'
  | 'Deputies'
  | 'StationedCadres'
  | 'UnitsAndOrganizations'
  | 'Other'
export const proposalSources: ProposalSource[] = [
  'OnlineAndHotline', 'VillageCommittees', 'Residents', 'Deputies', 'StationedCadres', 'UnitsAndOrganizations', 'Other',
]

export type ConsultationForm =
  | 'VillagersMeeting'
  | 'ShareholdersMeeting'
  | 'VillagersGroupMeeting'
  | 'TopicalCouncil'
  | 'PartyMassJointMeeting'
  | 'PropertyJointMeeting'
  | 'OwnersAssembly'
  | 'Online'
  | 'Other'
export const consultationForms: ConsultationForm[] = [
  'VillagersMeeting', 'ShareholdersMeeting', 'VillagersGroupMeeting', 'TopicalCouncil', 'PartyMassJointMeeting', 'PropertyJointMeeting',
  'OwnersAssembly', 'Online', 'Other',
]

/** R-MS-05: the sixteen 参与主体 of the registration form, plus 其他. */
export type ParticipantType =
  | 'GrassrootsGovernment'
  | 'PartyWorkingCommittee'
  | 'VillagersCommittee'
  | 'SupervisoryCommittee'
  | 'VillagersGroup'
  | 'ResidentUnits'
  | 'MassOrganizations'
  | 'CommunitySocialOrganizations'
  | 'OwnersCommittee'
  | 'CollectiveEconomicOrganization'
  | 'FarmersCooperative'
  | 'PropertyServiceCompany'
  | 'VillagersRepresentatives'
  | 'ShareholderRepresentatives'
  | 'NonRegisteredResidents'
  | 'Beneficiaries'
  | 'Other'
export const participantTypes: ParticipantType[] = [
  'GrassrootsGovernment', 'PartyWorkingCommittee', 'VillagersCommittee', 'SupervisoryCommittee', 'VillagersGroup', 'ResidentUnits',
  'MassOrganizations', 'CommunitySocialOrganizations', 'OwnersCommittee', 'CollectiveEconomicOrganization', 'FarmersCooperative',
  'PropertyServiceCompany', 'VillagersRepresentatives', 'ShareholderRepresentatives', 'NonRegisteredResidents', 'Beneficiaries', 'Other',
]

export type FundingSource = 'ProgrammeFund' | 'SocialDonation' | 'VillageSelfFunded'
export const fundingSources: FundingSource[] = ['ProgrammeFund', 'SocialDonation', 'VillageSelfFunded']

export type ConsultationKind = 'Consultation' | 'AssemblyVote'

export type ReviewDecision = 'ProgrammeFunding' | 'PolicyReferral' | 'ReturnToVillage' | 'Reject'
export const reviewDecisions: ReviewDecision[] = ['ProgrammeFunding', 'PolicyReferral', 'ReturnToVillage', 'Reject']

/**
 * R-MS-20: where the money comes from, as the town's opinion on the registration form prints it: 从…财政预算中列支 (a policy
 * referral), 从…村（社区）“民生大莞家”专项资金中列支 or 由社会捐赠解决 (programme funding).
 */
export type FundingChannel = 'FinanceBudget' | 'VillageProgrammeFund' | 'SocialDonation'
export const fundingChannels: FundingChannel[] = ['FinanceBudget', 'VillageProgrammeFund', 'SocialDonation']

/** R-RT-01: how an express project is delivered. */
export type ExpressForm = 'DirectImplementation' | 'DirectGrant' | 'Pairing'

export type SatisfactionLevel = 'VerySatisfied' | 'Satisfied' | 'FairlySatisfied' | 'Dissatisfied' | 'VeryDissatisfied'
/** In the order of the questionnaire and of the survey distribution arrays. */
export const satisfactionLevels: SatisfactionLevel[] = ['VerySatisfied', 'Satisfied', 'FairlySatisfied', 'Dissatisfied', 'VeryDissatisfied']

export type SurveyAspect = 'overall' | 'quality' | 'effect' | 'attitude' | 'efficiency' | 'closeness' | 'openness'
export const surveyAspects: SurveyAspect[] = ['overall', 'quality', 'effect', 'attitude', 'efficiency', 'closeness', 'openness']

/** The questionnaire's optional eighth row 其他 (R-MS-14): a level for an aspect the respondent names. */
export interface SurveyOtherRow {
  other: SatisfactionLevel | null
  otherAspect: string | null
}

export type AttachmentKind =
  | 'Minutes'
  | 'StampedRegistrationForm'
  | 'Contract'
  | 'Invoice'
  | 'Photo'
  | 'ProcurementFiling'
  | 'TenderDocuments'
  | 'SupplierQualification'
  | 'TaxRegistration'
  | 'SurveySheet'
  | 'AuditReport'
  | 'Other'
/** What the attachment card offers; the audit report is uploaded from the final-accounts form (R-MS-19). */
export const attachmentKinds: AttachmentKind[] = [
  'Minutes', 'StampedRegistrationForm', 'Contract', 'Invoice', 'Photo', 'ProcurementFiling', 'TenderDocuments', 'SupplierQualification',
  'TaxRegistration', 'SurveySheet', 'Other',
]

/** What the upload accepts (AttachmentRules.Types). */
export const attachmentAccept = '.pdf,.jpg,.jpeg,.png,.webp,.doc,.docx,.xls,.xlsx'

export type ProjectState =
  | 'AwaitingConsultation'
  | 'ConsultationFailed'
  | 'Consulted'
  | 'TownReview'
  | 'AwaitingPublicity'
  | 'Publicity'
  | 'Implementation'
  | 'Completed'
  | 'AwaitingSurvey'
  | 'Closed'
  | 'PolicyReferred'
  | 'Rejected'
  | 'AwaitingClaim'
export const projectStates: ProjectState[] = [
  'AwaitingConsultation', 'ConsultationFailed', 'Consulted', 'TownReview', 'AwaitingClaim', 'AwaitingPublicity', 'Publicity', 'Implementation',
  'Completed', 'AwaitingSurvey', 'Closed', 'PolicyReferred', 'Rejected',
]

/**
 * PublicNotice.PlatformNames. R-MS-11: a confirmed project is publicised on all five linked platforms (003's four and 002's
 * 党务村（居）务公开栏); leaving one out is an override with a reason. A small project's village publicity uses the board.
 */
export type Platform = 'Hotline12345Portal' | 'WeChatAccount' | 'CivilAffairsWebsite' | 'CommunityPlatform' | 'VillageNoticeBoard'
export const platforms: Platform[] = ['Hotline12345Portal', 'WeChatAccount', 'CivilAffairsWebsite', 'CommunityPlatform', 'VillageNoticeBoard']
export const linkedPlatforms: Platform[] = [...platforms]

export interface AttachmentView {
  id: string
  kind: AttachmentKind
  fileName: string
  contentType: string
  size: number
  uploadedAt: string
  uploadedByName: string | null
}

export interface ConsultationView {
  id: string
  kind: ConsultationKind
  heldAt: string
  place: string
  host: string
  recorder: string
  form: ConsultationForm
  formOther: string | null
  participantTypes: ParticipantType[]
  headCount: number
  passed: boolean
  content: string | null
  beneficiaries: string | null
  route: Route | null
  budgetFen: number | null
  fundingSources: FundingSource[]
  implementingBody: string | null
  implementationPeriod: string | null
  failureNote: string | null
  feasibilityStudy: string | null
  minutesAttachmentId: string
}

export interface OpinionView {
  id: string
  departmentName: string
  opinion: string
  agrees: boolean
  signedOff: boolean
  at: string
  byName: string | null
}

export interface ProgressView {
  id: string
  text: string
  percentDone: number | null
  photoIds: string[]
  at: string
  byName: string | null
}

export interface SurveySummary {
  responses: number
  minimum: number
  minimumMet: boolean
  /** Per aspect, counts ordered 非常满意 … 非常不满意. */
  distribution: Record<string, number[]>
  satisfactionRate: number
  score: number
}

/** The completion form (结项表, 003 attachment 2) as filed: one type the workflow, the documents and this page read alike (R-MS-13). */
export interface CompletionForm {
  periodFrom: string | null
  periodTo: string | null
  beneficiaries: string | null
  beneficiaryCount: number | null
  budgeted: MoneySplit | null
  actual: MoneySplit | null
  works: { content: string | null; unit: string | null; plannedQuantity: number | null; actualQuantity: number | null } | null
  service: { time: string | null; place: string | null; participants: number | null } | null
  outcomePhotoIds: string[] | null
  tendered: boolean | null
}

/** A step the caller may take now (WorkflowGate.Allowed): what it is called, the deadlines it meets, its outcomes. */
export interface AllowedStep {
  action: string
  zh: string
  meets: string[]
  outcomes: string[]
}

export interface ProjectDetail {
  id: string
  number: string
  appealId: string
  trackingNumber: string
  villageId: string
  villageName: string
  townId: string
  townName: string
  state: ProjectState
  stateZh: string
  isSmall: boolean | null
  rulesVersion: number
  name: string
  category: ProjectCategory | null
  subType: ProjectSubType | null
  content: string | null
  source: ProposalSource | null
  location: string | null
  contactName: string | null
  contactTitle: string | null
  contactPhone: string | null
  beneficiaries: string | null
  route: Route | null
  expressForm: ExpressForm | null
  pairedUnit: string | null
  budgetFen: number | null
  fundingSources: FundingSource[]
  implementingBody: string | null
  implementationPeriod: string | null
  capOverrideReason: string | null
  committeeDecidedAt: string | null
  consultedAt: string | null
  registeredAt: string | null
  reviewedAt: string | null
  reviewDecision: ReviewDecision | null
  checkConsultationCompliant: boolean | null
  checkBudgetReasonable: boolean | null
  checkRouteFeasible: boolean | null
  checkResolvableByPolicy: boolean | null
  reviewOpinion: string | null
  policyDepartment: string | null
  policyContact: string | null
  /** R-IN-05: the village's policy check at filing (projects under the threshold). */
  policyCheckNote: string | null
  /** R-MS-20: where the money comes from, and who pays (a finance budget or a village's fund by name). */
  funding: FundingChannel | null
  fundingPayer: string | null
  publicityFrom: string | null
  publicityTo: string | null
  publicityPlatforms: string[]
  /** R-MS-11: why a linked platform was left out. */
  platformOverrideReason: string | null
  implementationStartedAt: string | null
  completedAt: string | null
  completionFiledAt: string | null
  completionForm: CompletionForm | null
  actualProgrammeFen: number | null
  actualVillageFen: number | null
  actualSocialFen: number | null
  closedAt: string | null
  /** R-MS-19: the town's final accounts and audit, published with fund use and effect. */
  finalAccountsFen: number | null
  auditBody: string | null
  auditResult: string | null
  effect: string | null
  finalAccountsAt: string | null
  /** Paid from the ledger so far (payments less reversals). */
  ledgerPaidFen: number
  inAnnualPool: boolean
  year: number
  version: number
  consultations: ConsultationView[]
  departmentOpinions: OpinionView[]
  progress: ProgressView[]
  attachments: AttachmentView[]
  deadlines: DeadlineView[]
  survey: SurveySummary
  allowedActions: string[]
  steps: AllowedStep[]
}

export interface ProjectRow {
  id: string
  number: string
  name: string
  category: ProjectCategory | null
  route: Route | null
  state: ProjectState
  budgetFen: number | null
  townId: string
  villageId: string
  villageName: string | null
  createdAt: string
  year: number
}

export interface ProjectFilter {
  state?: ProjectState
  category?: ProjectCategory
  route?: Route
  townId?: string
  villageId?: string
  year?: number
  inAnnualPool?: boolean
  q?: string
  page?: number
  pageSize?: number
}

/** A deadline a row starts, as text (WorkflowStartView). */
export interface WorkflowStart {
  obligation: string
  ruleId: string
  owner: 'Village' | 'Town' | 'City'
  limit: string
  from: string
  when: string | null
}

/**
 * A row of a transition table as data (GET /api/micro-projects/workflow, and the appeals', wishes' and claim items'):
 * who may fire it from which states, for which subjects (`when`, in words), what it meets, starts and sends.
 */
export interface WorkflowRow {
  action: string
  outcome: string | null
  from: string[]
  to: string
  permission: string
  when: string | null
  meets: string[]
  starts: WorkflowStart[]
  sends: string | null
  ends: string | null
  rule: string
  zh: string
}

// ---- step requests (records named Request in the use cases)

export interface ConsultationRequest {
  heldAt: string | null
  place: string
  host: string
  recorder: string
  form: ConsultationForm | null
  formOther: string | null
  participantTypes: ParticipantType[]
  headCount: number | null
  passed: boolean | null
  content: string | null
  beneficiaries: string | null
  route: Route | null
  budgetFen: number | null
  fundingSources: FundingSource[] | null
  implementingBody: string | null
  implementationPeriod: string | null
  failureNote: string | null
  feasibilityStudy: string | null
  minutesAttachmentId: string | null
  lateReason: string | null
  version: number
  /** R-RT-01: an express project's form (direct implementation unless said), the paired unit for a pairing. */
  expressForm: ExpressForm | null
  pairedUnit: string | null
  /** R-RT-02: why an item under the programme's direct-route hint still needs society's help (400 direct_below_hint). */
  directRouteReason: string | null
}

/** R-IN-05: the village's check against the current policy list when it files a project under the threshold. */
export interface PolicyCheck {
  resolvableByPolicy: boolean | null
  policyId: string | null
  policyDepartment: string | null
  policyContact: string | null
  note: string | null
}

export interface RegistrationRequest {
  name: string
  subType: ProjectSubType | null
  content: string | null
  source: ProposalSource | null
  location: string
  contactName: string
  contactTitle: string
  contactPhone: string
  capOverrideReason: string | null
  version: number
  /** Sent for a project under the threshold only (R-IN-05, R-MS-16). */
  policyCheck: PolicyCheck | null
}

export interface OpinionRequest {
  opinion: string
  agrees: boolean | null
  signedOff: boolean
}

export interface ReviewRequest {
  consultationCompliant: boolean | null
  budgetReasonable: boolean | null
  routeFeasible: boolean | null
  resolvableByPolicy: boolean | null
  decision: ReviewDecision | null
  opinion: string
  policyDepartment: string | null
  policyContact: string | null
  lateReason: string | null
  version: number
  policyId: string | null
  /** R-MS-20: required for programme funding and a policy referral. */
  funding: FundingChannel | null
  fundingPayer: string | null
}

export interface PublishRequest {
  from: string | null
  to: string | null
  platforms: Platform[]
  version: number
  /** R-MS-11: why a linked platform is left out (400 platform_left_out without it). */
  platformOverrideReason: string | null
}

/** R-MS-19: the town's final accounts and audit of a closed project; the audit report is uploaded first (kind AuditReport). */
export interface FinalAccountsRequest {
  finalAccountsFen: number | null
  auditBody: string | null
  auditResult: string | null
  effect: string | null
  auditReportId: string | null
  lateReason: string | null
  version: number
}

export interface TimedStepRequest {
  /** startedAt / completedAt: now when left empty. */
  at: string | null
  note: string | null
  lateReason: string | null
  version: number
}

export interface ProgressRequest {
  text: string
  percentDone: number | null
  photoIds: string[]
}

export type SurveyRequest = Record<SurveyAspect, SatisfactionLevel | null> & SurveyOtherRow & { suggestion: string | null; signature: string | null }

export interface MoneySplit {
  programmeFen: number | null
  villageFen: number | null
  socialFen: number | null
}

export interface CompletionRequest {
  periodFrom: string | null
  periodTo: string | null
  beneficiaries: string
  beneficiaryCount: number | null
  budgeted: MoneySplit
  actual: MoneySplit
  works: { content: string; unit: string; plannedQuantity: number | null; actualQuantity: number | null } | null
  service: { time: string; place: string; participants: number | null } | null
  outcomePhotoIds: string[]
  tendered: boolean
  lateReason: string | null
  version: number
}

export interface FinishSurveyRequest {
  lateReason: string | null
  version: number
}

export interface SurveyResult {
  projectId: string
  summary: SurveySummary
}

/** R-MS-18: a third-party evaluator a town commissioned for a project's survey. */
export interface CommissionView {
  id: string
  projectId: string
  evaluatorId: string
  evaluatorName: string | null
  note: string | null
  commissionedAt: string
  commissionedBy: string | null
  withdrawnAt: string | null
  version: number
}

/** A commissioned project as its evaluator sees it: nothing personal, nothing else of the town's. */
export interface CommissionedProject {
  projectId: string
  number: string
  name: string
  town: string | null
  village: string | null
  state: ProjectState
  stateZh: string
  surveyOpen: boolean
  responses: number
  minimum: number
  commissionedAt: string
}

const one = (id: string) => `/api/micro-projects/${encodeURIComponent(id)}`

/** A fresh key per submitted form: a retried request is one record (progress, survey). */
function key(): Record<string, string> {
  return { 'Idempotency-Key': newKey() }
}

export const projectsApi = {
  list: (f: ProjectFilter = {}) => http.get<Paged<ProjectRow>>('/api/micro-projects', { ...f }),
  get: (id: string) => http.get<ProjectDetail>(one(id)),
  workflow: () => http.get<WorkflowRow[]>('/api/micro-projects/workflow'),
  timeline: (id: string) => http.get<TimelineEntry[]>(`${one(id)}/timeline`),
  survey: (id: string) => http.get<SurveyResult>(`${one(id)}/survey`),
  upload(id: string, kind: AttachmentKind, file: File): Promise<AttachmentView> {
    const form = new FormData()
    form.append('kind', kind)
    form.append('file', file, file.name)
    return http.upload<AttachmentView>(`${one(id)}/attachments`, form)
  },
  consult: (id: string, body: ConsultationRequest) => http.post<ProjectDetail>(`${one(id)}/consultations`, body),
  assemblyVote: (id: string, body: ConsultationRequest) => http.post<ProjectDetail>(`${one(id)}/assembly-votes`, body),
  register: (id: string, body: RegistrationRequest) => http.post<ProjectDetail>(`${one(id)}/registration`, body),
  opinion: (id: string, body: OpinionRequest) => http.post<ProjectDetail>(`${one(id)}/department-opinions`, body),
  review: (id: string, body: ReviewRequest) => http.post<ProjectDetail>(`${one(id)}/review`, body),
  publish: (id: string, body: PublishRequest) => http.post<ProjectDetail>(`${one(id)}/publicity`, body),
  /** The notice as the public will read it, every person masked; saves nothing (issue 17 point 7). */
  publicityPreview: (id: string, platforms: string[]) =>
    http.get<{ title: string; body: Record<string, unknown>; platforms: string[] }>(`${one(id)}/publicity/preview`, { platforms: platforms.join(',') }),
  start: (id: string, b: TimedStepRequest) =>
    http.post<ProjectDetail>(`${one(id)}/start`, { startedAt: b.at, note: b.note, lateReason: b.lateReason, version: b.version }),
  progress: (id: string, body: ProgressRequest) => http.postWith<ProjectDetail>(`${one(id)}/progress`, body, key()),
  complete: (id: string, b: TimedStepRequest) =>
    http.post<ProjectDetail>(`${one(id)}/complete`, { completedAt: b.at, note: b.note, lateReason: b.lateReason, version: b.version }),
  surveyResponse: (id: string, body: SurveyRequest) => http.postWith<SurveyResult>(`${one(id)}/survey-responses`, body, key()),
  completion: (id: string, body: CompletionRequest) => http.post<ProjectDetail>(`${one(id)}/completion`, body),
  finishSurvey: (id: string, body: FinishSurveyRequest) => http.post<ProjectDetail>(`${one(id)}/survey/finish`, body),
  finalAccounts: (id: string, body: FinalAccountsRequest) => http.post<ProjectDetail>(`${one(id)}/final-accounts`, body),
  commissions: (id: string) => http.get<CommissionView[]>(`${one(id)}/survey-commissions`),
  commission: (id: string, body: { evaluatorId: string | null; note: string | null }) =>
    http.post<CommissionView>(`${one(id)}/survey-commissions`, body),
  withdrawCommission: (commissionId: string, version: number) =>
    http.post<CommissionView>(`/api/survey-commissions/${encodeURIComponent(commissionId)}/withdraw`, { version }),
}

const evaluation = (id: string) => `/api/evaluations/projects/${encodeURIComponent(id)}`

/** The third-party evaluator's own API (surveys.evaluate): the commissioned projects and nothing else (R-MS-18). */
export const evaluationsApi = {
  projects: () => http.get<CommissionedProject[]>('/api/evaluations/projects'),
  survey: (id: string) => http.get<SurveyResult>(`${evaluation(id)}/survey`),
  response: (id: string, body: SurveyRequest) => http.postWith<SurveyResult>(`${evaluation(id)}/survey-responses`, body, key()),
}

/** Where the browser downloads an attachment (the cookie goes with it). */
export function attachmentUrl(id: string): string {
  return `/api/attachments/${encodeURIComponent(id)}`
}
