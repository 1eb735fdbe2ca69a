import { http, type Paged, type Query } from './http'

// The civil-affairs casework (民政服务站, issue 13): src/Guanjia.App/CivilAffairs/*.cs under /api/civil-affairs,
// documented in docs/api.md ("Civil-affairs casework") and docs/civil-affairs.md (who sees what).

const base = '/api/civil-affairs'

export type DocumentKind = 'ResidentId' | 'HkMacaoTaiwanPermit' | 'Passport' | 'ForeignPermanentResident' | 'Other'
export const documentKinds: DocumentKind[] = ['ResidentId', 'HkMacaoTaiwanPermit', 'Passport', 'ForeignPermanentResident', 'Other']
export type Sex = 'Male' | 'Female'
export type Relation = 'Head' | 'Spouse' | 'Child' | 'Parent' | 'Grandchild' | 'Grandparent' | 'Sibling' | 'Other'
export const relations: Relation[] = ['Head', 'Spouse', 'Child', 'Parent', 'Grandchild', 'Grandparent', 'Sibling', 'Other']
export type CaseStatus = 'InCare' | 'LeftCare' | 'Died' | 'TransferredOut'
export const caseStatuses: CaseStatus[] = ['InCare', 'LeftCare', 'Died', 'TransferredOut']
export type SelfCareResult = 'Capable' | 'PartlyLost' | 'FullyLost'
export type CareLevel = 'SelfCare' | 'PartialCare' | 'FullCare'
export type VisitMode = 'Home' | 'Phone' | 'Video'
export const visitModes: VisitMode[] = ['Home', 'Phone', 'Video']
export type MentalState = 'Good' | 'Fair' | 'Poor'
export const mentalStates: MentalState[] = ['Good', 'Fair', 'Poor']
export type BasicLiving = 'Secure' | 'Difficult' | 'Urgent'
export const basicLivings: BasicLiving[] = ['Secure', 'Difficult', 'Urgent']
export type Hazard = 'Electrical' | 'Gas' | 'Fire' | 'Structure' | 'Slippery' | 'Hygiene' | 'Other'
export const hazards: Hazard[] = ['Electrical', 'Gas', 'Fire', 'Structure', 'Slippery', 'Hygiene', 'Other']
export type CareGiven = 'Meals' | 'Water' | 'Medicine' | 'Dressing' | 'Washing' | 'Bathing' | 'Toileting' | 'SickCare'
export const careGivens: CareGiven[] = ['Meals', 'Water', 'Medicine', 'Dressing', 'Washing', 'Bathing', 'Toileting', 'SickCare']
export type SuddenChange = 'None' | 'Fall' | 'HospitalStay' | 'Other'
export const suddenChanges: SuddenChange[] = ['None', 'Fall', 'HospitalStay', 'Other']
export type ProblemArea = 'Living' | 'Housing' | 'Medical' | 'Education' | 'Employment' | 'Safety' | 'Other'
export const problemAreas: ProblemArea[] = ['Living', 'Housing', 'Medical', 'Education', 'Employment', 'Safety', 'Other']
export type AssessmentReason = 'Yearly' | 'SuddenChange' | 'Initial'
export const assessmentReasons: AssessmentReason[] = ['Yearly', 'SuddenChange', 'Initial']
export const selfCareItems = ['eating', 'bathing', 'dressing', 'toileting', 'transfer', 'walking'] as const
export type SelfCareItem = (typeof selfCareItems)[number]
export type PlanKind = 'Individual' | 'Group' | 'Community'
export const planKinds: PlanKind[] = ['Individual', 'Group', 'Community']
export type LinkKind = 'Policy' | 'Charity'
export type LinkState = 'Linked' | 'Succeeded' | 'Failed'
export type FiguresBy = 'Village' | 'Station' | 'Worker' | 'Obligation'
export const figuresBys: FiguresBy[] = ['Station', 'Worker', 'Village', 'Obligation']

export interface CategoryDefinition {
  code: string
  zh: string
  en: string
  hasGrade: boolean
  builtIn: boolean
}

export interface SettingsView {
  categories: CategoryDefinition[]
  version: number
}

export interface CategoryView {
  id: string
  code: string
  zh: string
  en: string
  grade: number | null
  validFrom: string
  validTo: string | null
  note: string | null
  valid: boolean
}

export interface CaseFileListItem {
  id: string
  number: string
  name: string
  villageId: string
  villageName: string | null
  documentMasked: string
  sex: Sex | null
  age: number | null
  categories: string[]
  status: CaseStatus
  careLevel: CareLevel | null
  lastVisitAt: string | null
  lastHomeVisitAt: string | null
  noHomeVisitFlag: boolean
  assignedWorkerId: string | null
}

export interface CaseFileView {
  id: string
  number: string
  name: string
  villageId: string
  villageName: string | null
  townId: string
  householdId: string
  householdAddress: string
  underDynamicAdjustment: boolean
  relation: Relation
  documentKind: DocumentKind
  documentMasked: string
  /** Only for casework.sensitive; the view is recorded. */
  documentNumber: string | null
  sex: Sex | null
  birthDate: string | null
  age: number | null
  phone: string | null
  localHukou: boolean
  address: string
  health: string | null
  disabilityGrade: number | null
  categories: CategoryView[]
  status: CaseStatus
  statusChangedOn: string | null
  statusNote: string | null
  selfCare: SelfCareResult | null
  careLevel: CareLevel | null
  lastAssessedOn: string | null
  registeredOn: string
  assignedWorkerId: string | null
  lastVisitAt: string | null
  lastHomeVisitAt: string | null
  noHomeVisitFlag: boolean
  isDispersedExtremelyPoor: boolean
  full: boolean
  version: number
}

export interface TimelineEvent {
  at: string
  kind: string
  zh: string
  detail: string | null
  refId: string | null
}

export interface CategoryInput {
  code: string
  grade?: number | null
  validFrom: string
  validTo?: string | null
  note?: string | null
}

export interface RegisterRequest {
  villageId: string
  householdId?: string | null
  householdAddress?: string | null
  underDynamicAdjustment: boolean
  relation: Relation
  name: string
  documentKind: DocumentKind
  documentNumber: string
  sex?: Sex | null
  birthDate?: string | null
  phone?: string | null
  localHukou: boolean
  address: string
  health?: string | null
  disabilityGrade?: number | null
  categories: CategoryInput[]
  registeredOn?: string | null
}

export type ProblemSource = 'Visit' | 'Screening'
export const problemSources: ProblemSource[] = ['Visit', 'Screening']
export type ScreeningMethod = 'DataComparison' | 'HomeVisits' | 'ActiveDiscovery'
export const screeningMethods: ScreeningMethod[] = ['DataComparison', 'HomeVisits', 'ActiveDiscovery']
export type InvestigationMethod = 'HomeVisit' | 'NeighbourInterview' | 'DataCheck'
export const investigationMethods: InvestigationMethod[] = ['HomeVisit', 'NeighbourInterview', 'DataCheck']
export type Satisfaction = 'VerySatisfied' | 'Satisfied' | 'Neutral' | 'Dissatisfied' | 'VeryDissatisfied'
export const satisfactions: Satisfaction[] = ['VerySatisfied', 'Satisfied', 'Neutral', 'Dissatisfied', 'VeryDissatisfied']

export interface ProblemView {
  id: string
  source: ProblemSource
  sourceId: string
  caseFileId: string | null
  villageId: string
  area: ProblemArea
  text: string
  reportedAt: string
  /** A visit's problem goes to the village and the town; a screening's to the town only. */
  villageMustAnswer: boolean
  villageAnswer: string | null
  villageAnsweredAt: string | null
  townAnswer: string | null
  townAnsweredAt: string | null
  isOpen: boolean
  version: number
}

export interface ProblemFilter extends Query {
  open?: boolean
  villageId?: string
  source?: ProblemSource
  page?: number
  pageSize?: number
}

export interface ImportRowView {
  row: number
  name: string | null
  documentMasked: string | null
  villageName: string | null
  categories: string[]
  errors: { field: string; code: string; zh: string; en: string }[]
}

export interface ImportPreview {
  rows: number
  valid: number
  invalid: number
  items: ImportRowView[]
  columns: string[]
}

export interface ImportResult {
  imported: number
  fileIds: string[]
}

export interface ScreeningView {
  id: string
  villageId: string
  villageName: string | null
  month: number
  screenedOn: string
  methods: ScreeningMethod[]
  householdsChecked: number
  peopleFound: number
  peopleRegistered: number
  notes: string | null
  recordedByName: string
  problems: ProblemView[]
}

export interface ScreeningRequest {
  villageId: string | null
  screenedOn: string | null
  methods: ScreeningMethod[]
  householdsChecked: number | null
  peopleFound: number | null
  notes: string | null
  problems: { area: ProblemArea | null; text: string }[]
}

export interface EvaluationInterview {
  caseFileId?: string | null
  standardRight: boolean | null
  paymentRight: boolean | null
  awareOfPolicy: boolean | null
  satisfaction: Satisfaction | null
  comment?: string | null
}

export interface EvaluationRequest {
  townId: string | null
  year: number | null
  quarter: number | null
  evaluatedOn: string | null
  methods: InvestigationMethod[]
  interviews: EvaluationInterview[]
  findings: string | null
}

export interface EvaluationView {
  id: string
  townId: string
  townName: string | null
  year: number
  quarter: number
  evaluatedOn: string
  methods: InvestigationMethod[]
  interviews: number
  standardsRight: number
  paymentsRight: number
  aware: number
  satisfied: number
  standardsRightRate: number
  paymentsRightRate: number
  awarenessRate: number
  satisfactionRate: number
  findings: string | null
  recordedByName: string
}

export interface VisitRequest {
  caseFileId: string
  mode: VisitMode
  visitedAt: string
  health?: string | null
  mentalState: MentalState
  basicLiving: BasicLiving
  hazards: Hazard[]
  careGiven: CareGiven[]
  referrals?: string | null
  suddenChange: SuddenChange
  suddenChangeNote?: string | null
  notes?: string | null
  problems: { area: ProblemArea; text: string }[]
}

export interface VisitView {
  id: string
  caseFileId: string
  fileNumber: string
  personName: string
  mode: VisitMode
  visitedAt: string
  month: number
  workerName: string
  health: string | null
  mentalState: MentalState
  basicLiving: BasicLiving
  hazards: Hazard[]
  careGiven: CareGiven[]
  referrals: string | null
  suddenChange: SuddenChange
  suddenChangeNote: string | null
  notes: string | null
  problems: ProblemView[]
  clientKey: string | null
  version: number
}

export interface VisitListItem {
  id: string
  caseFileId: string
  fileNumber: string
  personName: string
  villageName: string | null
  mode: VisitMode
  visitedAt: string
  workerName: string
  mentalState: MentalState
  basicLiving: BasicLiving
  suddenChange: SuddenChange
}

export interface BoundedPage<T> extends Paged<T> {
  totalIsAtLeast: boolean
}

export interface DueItem {
  deadlineId: string
  obligation: string
  ruleId: string
  zh: string
  dueAt: string
  status: string
  fileId: string
  number: string
  name: string
  villageName: string | null
  address: string
  phone: string | null
  careLevel: CareLevel | null
  lastVisitAt: string | null
  lastHomeVisitAt: string | null
  noHomeVisitFlag: boolean
  fileVersion: number
}

export interface DueList {
  month: number
  generatedAt: string
  items: DueItem[]
}

export interface AssessmentView {
  id: string
  caseFileId: string
  assessedOn: string
  reason: AssessmentReason
  eating: boolean
  bathing: boolean
  dressing: boolean
  toileting: boolean
  transfer: boolean
  walking: boolean
  notMet: number
  result: SelfCareResult
  resultZh: string
  careLevel: CareLevel
  careLevelZh: string
  assessorName: string
  notes: string | null
  createdAt: string
}

export interface AssessRequest {
  assessedOn: string
  reason: AssessmentReason
  items: Record<SelfCareItem, boolean | null>
  notes?: string | null
}

export interface PlanEntryView {
  id: string
  kind: string
  on: string
  text: string
  byName: string
}

export interface CasePlanView {
  id: string
  kind: PlanKind
  needs: string
  goals: string
  state: 'Open' | 'Closed'
  createdAt: string
  createdByName: string
  closedAt: string | null
  closureNote: string | null
  entries: PlanEntryView[]
  version: number
}

export interface ResourceLinkView {
  id: string
  kind: LinkKind
  source: string
  providerName: string
  need: string
  linkedOn: string
  state: LinkState
  result: string | null
  resultOn: string | null
  amountFen: number | null
  byName: string
  claimantId: string | null
  version: number
}

export type LinkSource = 'CivilAffairs' | 'Education' | 'Employment' | 'Health' | 'Organisation' | 'Firm' | 'Individual'
export const policySources: LinkSource[] = ['CivilAffairs', 'Education', 'Employment', 'Health']
export const charitySources: LinkSource[] = ['Organisation', 'Firm', 'Individual']
export type PlanEntryKind = 'Action' | 'FollowUp' | 'Feedback' | 'Evaluation'
export const planEntryKinds: PlanEntryKind[] = ['Action', 'FollowUp', 'Feedback', 'Evaluation']

export interface DonorView {
  id: string
  kind: string
  /** A person's name masked (KnownDonors). */
  name: string
}

export interface TransferRequestView {
  id: string
  state: 'Pending' | 'Accepted' | 'Refused'
  answer: string | null
  requestedAt: string
  answeredAt: string | null
  fromName: string | null
  reason: string | null
  caseFileId: string | null
  fileNumber: string | null
  version: number
}

export interface MemberInput {
  name: string | null
  relation: Relation | null
  employment: string | null
  monthlyIncomeFen: number | null
  monthlyExpenditureFen: number | null
  hardshipType: string | null
  hardshipDegree: string | null
}

export interface InvestigationRequest {
  investigatedOn: string | null
  methods: InvestigationMethod[]
  economy: string | null
  housing: string | null
  education: string | null
  health: string | null
  members: MemberInput[]
}

export type TownDecision = 'Pending' | 'StatusChangeStarted' | 'NoChange'

export interface InvestigationView {
  id: string
  householdId: string
  month: number
  investigatedOn: string
  memberCount: number
  /** Null for roles without casework.sensitive (income is sensitive). */
  incomePerHeadFen: number | null
  standardFen: number
  flag: string
  flagZh: string
  decision: TownDecision
  decisionNote: string | null
  decidedBy: string | null
  decidedAt: string | null
  investigatorName: string
  version: number
}

export interface FigureRow {
  key: string
  name: string | null
  due: number
  doneOnTime: number
  late: number
  missing: number
  open: number
  onTimeRate: number
}

export interface MonthFigures {
  month: number
  by: FiguresBy
  at: string
  rows: FigureRow[]
  total: FigureRow
}

export interface FileFilter extends Query {
  villageId?: string
  category?: string
  status?: CaseStatus
  q?: string
  dispersed?: boolean
  noHomeVisit?: boolean
  page?: number
  pageSize?: number
}

export const caseworkApi = {
  settings: () => http.get<SettingsView>(`${base}/settings`),
  files: (q: FileFilter) => http.get<Paged<CaseFileListItem>>(`${base}/files`, q),
  file: (id: string) => http.get<CaseFileView>(`${base}/files/${id}`),
  timeline: (id: string) => http.get<TimelineEvent[]>(`${base}/files/${id}/timeline`),
  register: (r: RegisterRequest) => http.post<CaseFileView>(`${base}/files`, r),
  assessments: (id: string) => http.get<AssessmentView[]>(`${base}/files/${id}/assessments`),
  assess: (id: string, r: AssessRequest) => http.post<AssessmentView>(`${base}/files/${id}/assessments`, r),
  plans: (id: string) => http.get<CasePlanView[]>(`${base}/files/${id}/plans`),
  links: (caseFileId: string) => http.get<Paged<ResourceLinkView>>(`${base}/links`, { caseFileId, pageSize: 100 }),
  transfersMine: () => http.get<TransferRequestView[]>(`${base}/transfer-requests/mine`),
  transfersIncoming: () => http.get<TransferRequestView[]>(`${base}/transfer-requests/incoming`),
  /** Asks the town holding a person's file for it; the answer says nothing but the request's state. */
  requestTransfer: (r: { villageId: string; documentKind: DocumentKind; documentNumber: string; reason: string }) =>
    http.post<TransferRequestView>(`${base}/transfer-requests`, r),
  answerTransfer: (id: string, r: { accept: boolean; note: string | null; version: number }) =>
    http.post<TransferRequestView>(`${base}/transfer-requests/${id}/answer`, r),
  visits: (q: Query) => http.get<BoundedPage<VisitListItem>>(`${base}/visits`, q),
  visit: (id: string) => http.get<VisitView>(`${base}/visits/${id}`),
  /** Corrects a sent visit; null leaves a field unchanged; a stale version is 409 with the server's visit in `current`. */
  editVisit: (id: string, r: { version: number; mentalState: MentalState; basicLiving: BasicLiving; health: string | null; hazards: Hazard[]; careGiven: CareGiven[]; referrals: string; notes: string }) =>
    http.put<VisitView>(`${base}/visits/${id}`, r),
  myDue: (all = false) => http.get<DueList>(`${base}/my-due`, { all }),
  /** The key is made when the visit is typed (offline too): a replay answers the visit already saved (docs/civil-affairs.md). */
  recordVisit: (r: VisitRequest, key: string) => http.postWith<VisitView>(`${base}/visits`, r, { 'Idempotency-Key': key }),
  investigations: (householdId: string) => http.get<Paged<InvestigationView>>(`${base}/investigations`, { householdId, pageSize: 50 }),
  /** R-CA-05: the station investigates; the town decides on a flag (never a status change here). */
  investigate: (householdId: string, r: InvestigationRequest) => http.post<InvestigationView>(`${base}/households/${householdId}/investigations`, r),
  decideInvestigation: (id: string, r: { decision: 'StatusChangeStarted' | 'NoChange'; note: string | null; version: number }) =>
    http.post<InvestigationView>(`${base}/investigations/${id}/decision`, r),
  createPlan: (fileId: string, r: { kind: PlanKind | null; needs: string; goals: string }) => http.post<CasePlanView>(`${base}/files/${fileId}/plans`, r),
  addPlanEntry: (planId: string, r: { kind: PlanEntryKind | null; on: string | null; text: string }) => http.post<CasePlanView>(`${base}/plans/${planId}/entries`, r),
  closePlan: (planId: string, r: { note: string | null; version: number }) => http.post<CasePlanView>(`${base}/plans/${planId}/close`, r),
  link: (fileId: string, r: { kind: LinkKind | null; source: LinkSource | null; providerName: string | null; claimantId: string | null; need: string; linkedOn: string | null }) =>
    http.post<ResourceLinkView>(`${base}/files/${fileId}/links`, r),
  linkOutcome: (id: string, r: { state: 'Succeeded' | 'Failed' | null; result: string; resultOn: string | null; amountFen: number | null; version: number }) =>
    http.post<ResourceLinkView>(`${base}/links/${id}/outcome`, r),
  donors: (q?: string) => http.get<DonorView[]>(`${base}/donors`, { q }),
  figures: (month: number | undefined, by: FiguresBy) => http.get<MonthFigures>(`${base}/figures`, { month, by }),
  /** Bulk registration: the preview saves nothing; the import saves every row or none (400 naming rows[n].field). */
  importPreview: (file: File) => http.upload<ImportPreview>(`${base}/imports/preview`, withFile(file)),
  importPeople: (file: File) => http.upload<ImportResult>(`${base}/imports`, withFile(file)),
  problems: (q: ProblemFilter) => http.get<Paged<ProblemView>>(`${base}/problems`, q),
  answerProblem: (id: string, answer: string) => http.post<ProblemView>(`${base}/problems/${id}/answer`, { answer }),
  screenings: (q: Query) => http.get<Paged<ScreeningView>>(`${base}/screenings`, q),
  recordScreening: (r: ScreeningRequest) => http.post<ScreeningView>(`${base}/screenings`, r),
  evaluations: (year?: number) => http.get<EvaluationView[]>(`${base}/evaluations`, { year }),
  recordEvaluation: (r: EvaluationRequest) => http.post<EvaluationView>(`${base}/evaluations`, r),
}

function withFile(file: File): FormData {
  const f = new FormData()
  f.append('file', file, file.name)
  return f
}

/** The documents the API serves (docs/civil-affairs.md "Documents"). */
export const caseworkDocs = {
  file: (id: string, format: 'docx' | 'pdf') => `${base}/files/${id}/document.${format}`,
  ledger: (month: number, format: 'xlsx' | 'pdf') => `${base}/visits/ledger.${format}?month=${month}`,
  assessmentList: (year: number, format: 'xlsx' | 'pdf') => `${base}/assessments/list.${format}?year=${year}`,
  assessmentForm: (id: string, format: 'docx' | 'pdf') => `${base}/assessments/${id}/form.${format}`,
  investigationForm: (id: string, format: 'docx' | 'pdf') => `${base}/investigations/${id}/form.${format}`,
  importTemplate: () => `${base}/imports/template.csv`,
}
