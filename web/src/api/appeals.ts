import { http, type Paged } from './http'
import type { DeadlineStatus, DeadlineView } from './deadlines'
import type { AttachmentView, ProjectCategory } from './projects'

// Appeals (诉求): src/Guanjia.App/Appeals/*.cs, /api/appeals.

/** R-IN-01: where an appeal came in. 信访 (Petition) is never accepted (R-PL-09), so it is not offered. */
export type Channel =
  | 'CitizenServiceCentre'
  | 'WeChatAccount'
  | 'Hotline12345'
  | 'HotlinePortal'
  | 'Portal'
  | 'TownServiceCentre'
  | 'StationedCadre'
  | 'GridWorker'
  | 'PartyMassServiceCentre'
  | 'HomeVisit'
  | 'ConsultationMeeting'
  | 'CallOrVisit'
  | 'OnlineMedia'
  | 'SuggestionBox'
  | 'VillageProposal'
  | 'Petition'

export type ChannelLevel = 'City' | 'Town' | 'Village'

/** The channels staff may enter, by level (Channels.LevelOf): city, town, village. */
export const channelsByLevel: Record<ChannelLevel, Channel[]> = {
  City: ['CitizenServiceCentre', 'WeChatAccount', 'Hotline12345', 'HotlinePortal'],
  Town: ['TownServiceCentre', 'StationedCadre', 'GridWorker'],
  Village: ['PartyMassServiceCentre', 'HomeVisit', 'ConsultationMeeting', 'CallOrVisit', 'OnlineMedia', 'SuggestionBox', 'VillageProposal'],
}

export const channels: Channel[] = [...channelsByLevel.City, ...channelsByLevel.Town, ...channelsByLevel.Village]

/** What the list filters by: the staff channels and the public portal, where residents submit themselves (R-PL-06). */
export const listedChannels: Channel[] = [...channelsByLevel.City, 'Portal', ...channelsByLevel.Town, ...channelsByLevel.Village]

export type CollectionKind = 'Daily' | 'Concentrated'

export type AppealState = 'Dispatched' | 'Acknowledged' | 'BecameProject' | 'ReferredToPolicy' | 'NotAccepted' | 'BecameWish'
export const appealStates: AppealState[] = ['Dispatched', 'Acknowledged', 'BecameProject', 'ReferredToPolicy', 'NotAccepted', 'BecameWish']

export type CommitteeOutcome = 'MicroProject' | 'PolicyReferral' | 'NotAccepted' | 'MicroWish'
export const committeeOutcomes: CommitteeOutcome[] = ['MicroProject', 'MicroWish', 'PolicyReferral', 'NotAccepted']

/** Domain/Feedback/Feedback.cs FeedbackKind: the messages an appellant gets (R-MS-16, R-MW-05, R-RT-03, R-IN-06). */
export type FeedbackKind =
  | 'Receipt'
  | 'CommitteePolicyReferral'
  | 'NotAccepted'
  | 'TownDecisionProgramme'
  | 'TownDecisionPolicy'
  | 'TownDecisionRejected'
  | 'Result'
  | 'ClaimResult'
  | 'PolicyResult'
  | 'WishRejected'
  | 'WishDecision'
  | 'WishResult'
  | 'ClaimReturned'
  | 'VillageDecisionProgramme'
  | 'VillageDecisionPolicy'
  | 'WishReceipt'

export const feedbackKinds: FeedbackKind[] = [
  'Receipt', 'CommitteePolicyReferral', 'NotAccepted', 'TownDecisionProgramme', 'TownDecisionPolicy', 'TownDecisionRejected', 'Result', 'ClaimResult',
  'PolicyResult', 'WishRejected', 'WishDecision', 'WishResult', 'ClaimReturned', 'VillageDecisionProgramme', 'VillageDecisionPolicy', 'WishReceipt',
]

export type DeliveryChannel = 'Hotline12345' | 'WeChat' | 'Sms'
/** Only `Sent` means a real sender accepted it (R-PL-06); the others say why not. */
export type MessageState =
  | 'Pending'
  | 'Sending'
  | 'Sent'
  | 'Retrying'
  | 'Failed'
  | 'Refused'
  | 'NoChannel'
  | 'Simulated'
  | 'Undeliverable'

export interface MessageView {
  id: string
  kind: FeedbackKind
  body: string
  channel: DeliveryChannel
  state: MessageState
  attempts: number
  createdAt: string
  sentAt: string | null
  /** Who took it: `webhook:<channel>`, or `development-simulation` (Development only: nothing was delivered). */
  sender: string | null
  lastError: string | null
  /** The state in Chinese, as the server words it. */
  stateZh: string
  /** When the outbox tries again by itself; null when it will not. */
  nextAttemptAt: string | null
  /** A person may send it again once its channel has a real sender. */
  retryable: boolean
}

export interface AppealDetail {
  id: string
  trackingNumber: string
  channel: Channel
  channelZh: string
  externalRef: string | null
  collection: CollectionKind
  collectionYear: number | null
  title: string
  description: string
  category: ProjectCategory | null
  /** Masked by the server for read-only and supervising roles. */
  address: string | null
  appellantName: string | null
  appellantPhone: string | null
  villageId: string
  villageName: string
  townId: string
  townName: string
  state: AppealState
  receivedAt: string
  acknowledgedAt: string | null
  decidedAt: string | null
  outcome: CommitteeOutcome | null
  decisionNote: string | null
  policyDepartment: string | null
  policyContact: string | null
  microProjectId: string | null
  /** Set when the committee made the appeal a micro-wish. */
  microWishId?: string | null
  /** Photos the resident added on the portal (metadata removed on the way in). */
  photos?: AttachmentView[] | null
  rulesVersion: number
  version: number
  deadlines: DeadlineView[]
  messages: MessageView[]
  allowedActions: string[]
}

export interface AppealRow {
  id: string
  trackingNumber: string
  channel: Channel
  title: string
  category: ProjectCategory | null
  state: AppealState
  villageId: string
  villageName: string | null
  receivedAt: string
  microProjectId: string | null
}

export interface AppealFilter {
  state?: AppealState
  channel?: Channel
  category?: ProjectCategory
  townId?: string
  villageId?: string
  collection?: CollectionKind
  /** Beijing dates, inclusive. */
  from?: string
  to?: string
  q?: string
  page?: number
  pageSize?: number
}

export interface CreateAppeal {
  channel: Channel | null
  title: string
  description: string
  category: ProjectCategory | null
  villageId: string | null
  address: string | null
  appellantName: string | null
  appellantPhone: string | null
  collection: CollectionKind
  /** R-MW-06: with it the appeal is a 民生微心愿 and goes straight to the town's verification (state BecameWish). */
  wish?: WishIntake | null
}

/** CreateWish.Details: what is known of a wish when it comes in; the town's verification may correct it. */
export interface WishIntake {
  wishKind: 'SpecialGroupAid' | 'InclusiveService' | null
  targetGroup: string | null
  assistanceType: string | null
  serviceType: string | null
  need: string | null
  beneficiaryName: string | null
  beneficiaryIdNumber: string | null
  household: string | null
  requestedFen: number | null
}

export interface Acknowledge {
  note: string | null
  lateReason: string | null
  version: number
}

export interface CommitteeDecision {
  meetingAt: string | null
  outcome: CommitteeOutcome | null
  note: string | null
  policyDepartment: string | null
  policyContact: string | null
  projectName: string | null
  category: ProjectCategory | null
  lateReason: string | null
  version: number
  /** The wish's fields, with outcome MicroWish (R-MW-01). */
  wishKind?: string | null
  targetGroup?: string | null
  assistanceType?: string | null
  serviceType?: string | null
  beneficiaryName?: string | null
  beneficiaryIdNumber?: string | null
  household?: string | null
  requestedFen?: number | null
}

export interface CommitteeDecisionResult {
  appeal: AppealDetail
  projectId: string | null
  wishId?: string | null
}

export type TimelineKind = 'step' | 'message' | 'document' | 'deadline' | 'payment'

/** One line of the server's history (src/Guanjia.App/Appeals/Timeline.cs): of an appeal, a project or a wish. */
export interface TimelineEntry {
  at: string
  kind: TimelineKind
  title: string
  detail: string | null
  actor: string | null
  ruleId: string | null
  late: boolean | null
  refId: string | null
  /** A deadline's status; with the seconds left while it is open (negative once overdue), as the server counted them. */
  status?: DeadlineStatus | null
  secondsLeft?: number | null
  /** A payment's amount in fen (negative for a reversal). */
  amountFen?: number | null
}

const one = (id: string) => `/api/appeals/${encodeURIComponent(id)}`

export const appealsApi = {
  list: (f: AppealFilter = {}) => http.get<Paged<AppealRow>>('/api/appeals', { ...f }),
  get: (id: string) => http.get<AppealDetail>(one(id)),
  timeline: (id: string) => http.get<TimelineEntry[]>(`${one(id)}/timeline`),
  /** The key makes a double submit one appeal (the API answers the first one again). */
  create: (body: CreateAppeal, idempotencyKey: string) => http.postWith<AppealDetail>('/api/appeals', body, { 'Idempotency-Key': idempotencyKey }),
  acknowledge: (id: string, body: Acknowledge) => http.post<AppealDetail>(`${one(id)}/acknowledge`, body),
  committeeDecision: (id: string, body: CommitteeDecision) => http.post<CommitteeDecisionResult>(`${one(id)}/committee-decision`, body),
}
