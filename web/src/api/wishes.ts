import { http, type Paged } from './http'
import type { TimelineEntry } from './appeals'
import type { DeadlineView } from './deadlines'
import type { Route, WorkflowRow } from './projects'

// 民生微心愿: src/Guanjia.App/MicroWishes/*.cs, /api/micro-wishes. Money is integer fen.

export type WishState =
  | 'AwaitingVerification'
  | 'AwaitingDecision'
  | 'Handling'
  | 'Completed'
  | 'Closed'
  | 'PolicyReferred'
  | 'Rejected'
  | 'Routed'
export const wishStates: WishState[] = [
  'AwaitingVerification', 'AwaitingDecision', 'Handling', 'Completed', 'Closed', 'PolicyReferred', 'Rejected', 'Routed',
]

export type WishKind = 'SpecialGroupAid' | 'InclusiveService'
export const wishKinds: WishKind[] = ['SpecialGroupAid', 'InclusiveService']

export type ExpressForm = 'DirectImplementation' | 'DirectGrant' | 'Pairing'
export const expressForms: ExpressForm[] = ['DirectImplementation', 'DirectGrant', 'Pairing']

export type DecisionBody = 'ExpertReview' | 'JointMeeting'
export const decisionBodies: DecisionBody[] = ['ExpertReview', 'JointMeeting']

export type VerifyOutcome = 'Verified' | 'PolicyReferral' | 'Reject'
export const verifyOutcomes: VerifyOutcome[] = ['Verified', 'PolicyReferral', 'Reject']

export interface WishRow {
  id: string
  number: string
  kind: WishKind
  need: string
  state: WishState
  route: Route | null
  amountFen: number | null
  villageId: string
  createdAt: string
  /** The village's (community's) name, from the server as on the appeal list. */
  villageName: string | null
}

export interface WishDetail {
  id: string
  number: string
  appealId: string
  villageId: string
  townId: string
  state: WishState
  kind: WishKind
  targetGroup: string | null
  assistanceType: string | null
  serviceType: string | null
  need: string
  requestedFen: number | null
  /** Masked by the API unless the caller handles the wish (projects.town). */
  beneficiaryName: string | null
  beneficiaryIdNumber: string | null
  household: string | null
  verifiedAt: string | null
  checkAuthentic: boolean | null
  checkReasonable: boolean | null
  checkBudget: boolean | null
  verificationNote: string | null
  departments: string | null
  decidedAt: string | null
  decisionBody: DecisionBody | null
  participants: string[]
  route: Route | null
  amountFen: number | null
  expressForm: ExpressForm | null
  assistanceForm: string | null
  completedAt: string | null
  paidFen: number | null
  outcome: string | null
  closedAt: string | null
  version: number
  deadlines: DeadlineView[]
  allowedActions: string[]
}

/** A row of the wishes' transition table (GET /api/micro-wishes/workflow). */
export type WishTransition = WorkflowRow

export interface VerifyRequest {
  authentic: boolean | null
  reasonable: boolean | null
  budgetSound: boolean | null
  departments: string | null
  outcome: VerifyOutcome | null
  note: string | null
  policyId: string | null
  policyDepartment: string | null
  policyContact: string | null
  lateReason: string | null
  version: number
}

export interface DecideRequest {
  decisionBody: DecisionBody | null
  participants: string[]
  route: Route | null
  amountFen: number | null
  expressForm: ExpressForm | null
  assistanceForm: string | null
  decidedAt: string | null
  version: number
}

export interface CompleteRequest {
  completedAt: string | null
  paidFen: number | null
  outcome: string | null
  lateReason: string | null
  version: number
}

export interface WishFilter {
  state?: WishState
  kind?: WishKind
  townId?: string
  villageId?: string
  page?: number
  pageSize?: number
}

const one = (id: string) => `/api/micro-wishes/${encodeURIComponent(id)}`

export const wishesApi = {
  list: (f: WishFilter = {}) => http.get<Paged<WishRow>>('/api/micro-wishes', { ...f }),
  get: (id: string) => http.get<WishDetail>(one(id)),
  workflow: () => http.get<WishTransition[]>('/api/micro-wishes/workflow'),
  /** The wish's history from the server: steps, messages, documents, payments and deadlines, oldest first. */
  timeline: (id: string) => http.get<TimelineEntry[]>(`${one(id)}/timeline`),
  verify: (id: string, body: VerifyRequest) => http.post<WishDetail>(`${one(id)}/verify`, body),
  decide: (id: string, body: DecideRequest) => http.post<WishDetail>(`${one(id)}/decide`, body),
  complete: (id: string, body: CompleteRequest) => http.post<WishDetail>(`${one(id)}/complete`, body),
  close: (id: string, body: { lateReason: string | null; version: number }) => http.post<WishDetail>(`${one(id)}/close`, body),
}
