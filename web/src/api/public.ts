import { appealFormData } from '@/utils/photos'
import { http, type Paged } from './http'
import type { FeedbackKind } from './appeals'
import type { ProjectCategory } from './projects'

// The public portal's API: no account, rate-limited (/api/public/*).

export interface PublicPlace {
  id: string
  name: string
  villages: PublicPlace[]
}

export interface PublicAppeal {
  title: string
  description: string
  category: ProjectCategory | null
  villageId: string | null
  address: string | null
  name: string | null
  phone: string
}

export interface PublicReceipt {
  trackingNumber: string
  receivedAt: string
  villageName: string
  townName: string
}

export interface TrackingStage {
  stage: string
  zh: string
  at: string | null
  done: boolean
}

export interface TrackingMessage {
  kind: FeedbackKind
  body: string
  at: string
}

export interface TrackingView {
  trackingNumber: string
  title: string
  channelZh: string
  receivedAt: string
  stateZh: string
  projectNumber: string | null
  stages: TrackingStage[]
  messages: TrackingMessage[]
}

/** ProjectAudit: a closed project's final accounts and audit, with its fund use and effect (R-MS-19). */
export type NoticeKind = 'ProjectPublicity' | 'ProjectResult' | 'ProjectAudit'

/** The published fields, masked at publication; which ones are there depends on the kind. */
export interface NoticeBody {
  number?: string
  name?: string
  town?: string
  village?: string
  category?: string | null
  content?: string | null
  location?: string | null
  timeLimit?: string | null
  budgetFen?: number | null
  beneficiaries?: string | null
  route?: string | null
  implementingBody?: string | null
  actualProgrammeFen?: number | null
  actualVillageFen?: number | null
  actualSocialFen?: number | null
  completedAt?: string | null
  surveyResponses?: number
  satisfactionRate?: number
  score?: number
  /** Outcome photos published with a result (R-MS-15). */
  photoIds?: string[]
  /** ProjectAudit (R-MS-19): the final accounts, what the ledger paid, the auditor, the result and the effect. */
  finalAccountsFen?: number | null
  paidFen?: number | null
  auditBody?: string | null
  auditResult?: string | null
  effect?: string | null
}

export interface NoticeView {
  id: string
  kind: NoticeKind
  subjectRef: string
  title: string
  body: NoticeBody
  platforms: string[]
  from: string
  to: string | null
  publishedAt: string
  townId: string
  villageId: string
}

export interface NoticeFilter {
  kind?: NoticeKind
  townId?: string
  currentOnly?: boolean
  page?: number
  pageSize?: number
}

export const publicApi = {
  places: () => http.get<PublicPlace[]>('/api/public/places'),
  submit: (body: PublicAppeal) => http.post<PublicReceipt>('/api/public/appeals', body),
  /** The appeal and its photos in one request: saved together or not at all. */
  submitWithPhotos: (body: PublicAppeal, photos: File[]) => http.upload<PublicReceipt>('/api/public/appeals', appealFormData(body, photos)),
  /** A photo published with a result notice (metadata removed by the server). */
  noticePhotoUrl: (noticeId: string, photoId: string) => `/api/public/notices/${noticeId}/photos/${photoId}`,
  track: (number: string, phoneLast4: string) => http.get<TrackingView>('/api/public/tracking', { number, phoneLast4 }),
  notices: (f: NoticeFilter = {}) => http.get<Paged<NoticeView>>('/api/public/notices', { ...f }),
}
