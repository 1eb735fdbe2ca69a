import { http, type Paged } from './http'
import type { SatisfactionLevel, SurveyAspect, SurveyOtherRow } from './projects'
import type { DeadlineView } from './deadlines'

// 莞家直达 (docs/api.md "claim board"; ADR 0012): the staff list and detail, the public board, the one-time codes
// that verify a claimant's or a survey respondent's phone, and the online satisfaction survey.

export type ClaimItemState = 'AwaitingPublication' | 'Open' | 'Claimed' | 'Connected' | 'Started' | 'Returned'
export type ClaimantKind = 'Enterprise' | 'SocialOrganization' | 'Donor'
export const claimantKinds: ClaimantKind[] = ['Enterprise', 'SocialOrganization', 'Donor']
export const claimItemStates: ClaimItemState[] = ['AwaitingPublication', 'Open', 'Claimed', 'Connected', 'Started', 'Returned']
export type VerificationPurpose = 'Claim' | 'Survey'
/** Where the city publishes an item (the publicity platforms, R-PL-07). */
export const claimPlatforms = ['WeChatAccount', 'Hotline12345Portal', 'CharityFederationWebsite', 'CivilAffairsWebsite', 'CommunityPlatform', 'VillageNoticeBoard', 'IntegrityPlatform'] as const

export interface ClaimItemRow {
  id: string
  number: string
  subjectType: string
  subjectId: string
  subjectRef: string
  title: string
  state: ClaimItemState
  amountFen: number
  claimedFen: number
  townId: string
  villageId: string
  confirmedAt: string
  windowTo: string | null
}

export interface ClaimView {
  id: string
  claimantKind: ClaimantKind
  claimantName: string
  creditCode: string | null
  contactName: string
  phone: string
  amountFen: number
  note: string | null
  claimedAt: string
}

export interface ClaimItemDetail {
  id: string
  number: string
  subjectType: string
  subjectId: string
  subjectRef: string
  townId: string
  villageId: string
  state: ClaimItemState
  stateZh: string
  title: string
  summary: string
  amountFen: number
  allowsShares: boolean
  minimumShareFen: number | null
  claimedFen: number
  remainingFen: number
  confirmedAt: string
  publishedAt: string | null
  windowFrom: string | null
  windowTo: string | null
  platforms: string[]
  extraChannels: string | null
  claimedAt: string | null
  connectedAt: string | null
  connectionNote: string | null
  startedAt: string | null
  returnedAt: string | null
  claims: ClaimView[]
  deadlines: DeadlineView[]
  allowedActions: string[]
  version: number
}

export interface PublishRequest {
  from: string
  to: string
  platforms?: string[]
  allowsShares?: boolean
  minimumShareFen?: number | null
  lateReason?: string | null
  version?: number
}

export interface ConnectRequest {
  note: string
  connectedAt?: string | null
  lateReason?: string | null
  version?: number
}

export interface PublicClaim {
  claimant: string
  amountFen: number
  claimedAt: string
}

export interface PublicClaimItem {
  id: string
  number: string
  kind: string
  title: string
  summary: string
  town: string | null
  village: string | null
  amountFen: number
  claimedFen: number
  remainingFen: number
  allowsShares: boolean
  minimumShareFen: number | null
  state: ClaimItemState
  stateZh: string
  claimable: boolean
  windowFrom: string | null
  windowTo: string | null
  platforms: string[]
  extraChannels: string | null
  claims: PublicClaim[]
}

export interface ClaimRequest {
  claimantKind: ClaimantKind | null
  name: string
  creditCode: string | null
  contactName: string
  phone: string
  code: string
  amountFen: number | null
  note: string | null
}

export interface ClaimReceipt {
  claimId: string
  itemNumber: string
  amountFen: number
  remainingFen: number
  itemState: ClaimItemState
}

export interface VerificationSent {
  expiresAt: string
  resendAfter: string
  /** Development only (Verification:EchoCodes): the code itself, for a demo without an SMS gateway. */
  developmentCode?: string | null
}

export interface PublicSurvey {
  number: string
  name: string
  village: string | null
  town: string | null
  open: boolean
  responses: number
  minimum: number
  aspects: string[]
}

/** A closed project's published survey result (counts, rate and score; nothing personal). */
export interface PublicSurveyResults {
  number: string
  name: string
  town: string
  village: string
  report: { responses: number; minimum: number; minimumMet: boolean; satisfactionRate: number; score: number }
}

export type OnlineSurveyRequest = Record<SurveyAspect, SatisfactionLevel | null> & SurveyOtherRow & {
  suggestion: string | null
  phone: string
  code: string
}

export const claimsApi = {
  list: (q: { state?: ClaimItemState | null; townId?: string | null; page?: number; pageSize?: number }) =>
    http.get<Paged<ClaimItemRow>>('/api/claim-items', q),
  get: (id: string) => http.get<ClaimItemDetail>(`/api/claim-items/${id}`),
  publish: (id: string, r: PublishRequest) => http.post<ClaimItemDetail>(`/api/claim-items/${id}/publish`, r),
  connect: (id: string, r: ConnectRequest) => http.post<ClaimItemDetail>(`/api/claim-items/${id}/connect`, r),
}

export const claimBoardApi = {
  board: (q: { townId?: string | null; openOnly?: boolean; page?: number; pageSize?: number } = {}) =>
    http.get<Paged<PublicClaimItem>>('/api/public/claim-board', q),
  item: (id: string) => http.get<PublicClaimItem>(`/api/public/claim-board/${id}`),
  claim: (id: string, r: ClaimRequest) => http.post<ClaimReceipt>(`/api/public/claim-board/${id}/claims`, r),
  sendCode: (phone: string, purpose: VerificationPurpose) =>
    http.post<VerificationSent>('/api/public/contact-verifications', { phone, purpose }),
  survey: (number: string) => http.get<PublicSurvey>(`/api/public/surveys/${encodeURIComponent(number)}`),
  surveyResults: (number: string) => http.get<PublicSurveyResults>(`/api/public/survey-results/${encodeURIComponent(number)}`),
  answerSurvey: (number: string, r: OnlineSurveyRequest) =>
    http.post<{ number: string; responses: number }>(`/api/public/surveys/${encodeURIComponent(number)}/responses`, r),
}
