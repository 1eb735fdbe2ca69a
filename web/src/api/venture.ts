import { http } from './http'
import type { Attachment } from './purchasing'

// Incubated community social organisations (R-CA-10) and micro venture-philanthropy rounds (微公益创投, R-PS-02):
// src/Guanjia.Web/Purchasing/VentureEndpoints.cs, docs/api.md, ADR 0035. Money is integer fen; dates yyyy-MM-dd (Beijing).

export type OrganisationKind = 'SocialOrganisation' | 'CommunitySocialOrganisation' | 'ResidentsCommitteeSubcommittee' | 'BuildingTeam'
export const organisationKinds: OrganisationKind[] = ['SocialOrganisation', 'CommunitySocialOrganisation', 'ResidentsCommitteeSubcommittee', 'BuildingTeam']
export type ServedGroup =
  | 'SubsistenceAllowance'
  | 'ExtremelyPoor'
  | 'EmptyNestElderly'
  | 'LeftBehind'
  | 'ChildrenInDifficulty'
  | 'Disabled'
  | 'FamiliesInHardship'
  | 'Residents'
export const servedGroups: ServedGroup[] = [
  'SubsistenceAllowance',
  'ExtremelyPoor',
  'EmptyNestElderly',
  'LeftBehind',
  'ChildrenInDifficulty',
  'Disabled',
  'FamiliesInHardship',
  'Residents',
]
export type VentureCategory = 'ElderlyCare' | 'ChildrenAndYouth' | 'SocialAssistance' | 'CommunityConsultation' | 'BuildingSelfGovernance' | 'Other'
export const ventureCategories: VentureCategory[] = [
  'ElderlyCare',
  'ChildrenAndYouth',
  'SocialAssistance',
  'CommunityConsultation',
  'BuildingSelfGovernance',
  'Other',
]
export type IncubationState = 'Incubating' | 'Graduated' | 'Filed' | 'Withdrawn'
export type RoundState = 'Draft' | 'Open' | 'Reviewing' | 'Decided' | 'Closed'
export type ApplicationState = 'Submitted' | 'Funded' | 'NotFunded' | 'Completed'
export type DeadlineStatus = 'Open' | 'DueSoon' | 'Overdue' | 'Met' | 'MetLate' | 'Cancelled'

export interface CapacityEvent {
  id: string
  on: string
  topic: string
  hours: number
  attendees: number
  note: string | null
  recordedByName: string
}

export interface IncubatedOrganisation {
  id: string
  name: string
  kind: OrganisationKind
  townId: string
  townName: string
  communityId: string | null
  communityName: string | null
  servedGroups: ServedGroup[]
  incubatorId: string | null
  incubatorName: string | null
  leader: string | null
  description: string | null
  startedOn: string
  state: IncubationState
  endedOn: string | null
  endNote: string | null
  capacityHours: number
  events: CapacityEvent[]
  version: number
}

export interface Criterion {
  name: string
  weightPercent: number | null
  description?: string | null
}

export interface CriterionScore {
  criterion: string
  score: number | null
}

export interface VentureScore {
  id: string
  reviewer: string
  scores: CriterionScore[]
  total: number
  comment: string | null
  scoredAt: string
  recordedByName: string
}

export interface VentureProgress {
  id: string
  on: string
  text: string
  attachmentId: string | null
  recordedByName: string
  createdAt: string
}

export interface VentureApplication {
  id: string
  roundId: string
  applicantKind: OrganisationKind
  organisationId: string | null
  applicantName: string
  projectName: string
  category: VentureCategory
  summary: string
  amountFen: number
  beneficiaries: number
  submittedOn: string
  state: ApplicationState
  averageScore: number | null
  scoreCount: number
  grantedFen: number | null
  result: string | null
  completedAt: string | null
  scores: VentureScore[]
  progress: VentureProgress[]
  version: number
}

export interface VentureRound {
  id: string
  townId: string
  townName: string
  year: number
  title: string
  description: string | null
  budgetFen: number
  capFen: number
  applyFrom: string
  applyTo: string
  criteria: Criterion[]
  panel: string[]
  state: RoundState
  openedAt: string | null
  decidedAt: string | null
  decisionNote: string | null
  grantedFen: number
  applications: number
  funded: number
  applicationList: VentureApplication[]
  version: number
}

export interface VentureDeadline {
  id: string
  townId: string
  townName: string
  year: number
  dueAt: string
  warnAt: string
  status: DeadlineStatus
  metAt: string | null
  lateReason: string | null
}

export interface NewRound {
  townId: string
  title: string
  description?: string | null
  budgetFen: number | null
  capFen: number | null
  applyFrom: string
  applyTo: string
  criteria: Criterion[]
  panel: string[]
}

export interface NewApplication {
  applicantKind: OrganisationKind
  organisationId?: string | null
  applicantName?: string | null
  projectName: string
  category: VentureCategory
  summary: string
  amountFen: number | null
  beneficiaries: number | null
}

const base = '/api/purchasing'
const id = (s: string) => encodeURIComponent(s)

export const ventureApi = {
  organisations: (q: { townId?: string; state?: IncubationState } = {}) =>
    http.get<IncubatedOrganisation[]>(`${base}/incubated-organisations`, { ...q }),
  organisation: (oid: string) => http.get<IncubatedOrganisation>(`${base}/incubated-organisations/${id(oid)}`),
  registerOrganisation: (b: {
    name: string
    kind: OrganisationKind
    townId: string
    communityId?: string | null
    servedGroups: ServedGroup[]
    incubatorId?: string | null
    leader?: string | null
    description?: string | null
    startedOn: string
  }) => http.post<IncubatedOrganisation>(`${base}/incubated-organisations`, b),
  stepOrganisation: (oid: string, b: { action: 'Graduate' | 'File' | 'Withdraw'; on: string; note?: string | null; version?: number }) =>
    http.post<IncubatedOrganisation>(`${base}/incubated-organisations/${id(oid)}/steps`, b),
  recordEvent: (oid: string, b: { on: string; topic: string; hours: number | null; attendees: number | null; note?: string | null }) =>
    http.post<IncubatedOrganisation>(`${base}/incubated-organisations/${id(oid)}/events`, b),
  rounds: (q: { townId?: string; year?: number } = {}) => http.get<VentureRound[]>(`${base}/venture-rounds`, { ...q }),
  round: (rid: string) => http.get<VentureRound>(`${base}/venture-rounds/${id(rid)}`),
  createRound: (b: NewRound) => http.post<VentureRound>(`${base}/venture-rounds`, b),
  stepRound: (rid: string, b: { action: 'Open' | 'StartReview' | 'Close'; note?: string | null; version?: number }) =>
    http.post<VentureRound>(`${base}/venture-rounds/${id(rid)}/steps`, b),
  apply: (rid: string, b: NewApplication) => http.post<VentureApplication>(`${base}/venture-rounds/${id(rid)}/applications`, b),
  decide: (rid: string, b: { funded: { applicationId: string; grantedFen: number | null }[]; note?: string | null; version?: number }) =>
    http.post<VentureRound>(`${base}/venture-rounds/${id(rid)}/decision`, b),
  score: (aid: string, b: { reviewer: string; scores: CriterionScore[]; comment?: string | null }) =>
    http.post<VentureApplication>(`${base}/venture-applications/${id(aid)}/scores`, b),
  progress: (aid: string, b: { on: string; text: string; attachmentId?: string | null }) =>
    http.post<VentureApplication>(`${base}/venture-applications/${id(aid)}/progress`, b),
  upload: (aid: string, kind: string, file: File) => {
    const form = new FormData()
    form.append('kind', kind)
    form.append('file', file)
    return http.upload<Attachment>(`${base}/venture-applications/${id(aid)}/attachments`, form)
  },
  complete: (aid: string, b: { result: string; version?: number }) => http.post<VentureApplication>(`${base}/venture-applications/${id(aid)}/completion`, b),
  deadlines: (year?: number) => http.get<VentureDeadline[]>(`${base}/venture-deadlines`, year ? { year } : {}),
}
