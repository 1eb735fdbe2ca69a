import { http, type Paged } from './http'

// Deadlines and the unit's notifications: src/Guanjia.App/Deadlines/Deadlines.cs, /api/deadlines, /api/notifications.

export type DeadlineStatus = 'Open' | 'DueSoon' | 'Overdue' | 'Met' | 'MetLate' | 'Cancelled'

/** The `status` filter of GET /api/deadlines. */
export type DeadlineQueryStatus = 'Open' | 'DueSoon' | 'Overdue' | 'Met' | 'Missed' | 'All'

export type Obligation =
  | 'Acknowledge'
  | 'CommitteeMeeting'
  | 'Consultation'
  | 'TownReview'
  | 'ServiceStart'
  | 'WorksFinish'
  | 'DirectStart'
  | 'CompletionForm'
  | 'TownSurvey'
  | 'ResultFeedback'
  | 'ConcentratedCollection'
  | 'AnnualPlan'
  | 'WishVerification'
  | 'WishExpressHandling'
  | 'WishResultFeedback'
  | 'DirectPublication'
  | 'FinalAccounts'

export interface DeadlineView {
  id: string
  obligation: Obligation | string
  ruleId: string
  zh: string
  en: string
  /** `Appeal`, `MicroProject`, `MicroWish`, or `TownYear` for a town's yearly duties (R-IN-02, R-MS-17). */
  subjectType: string
  subjectId: string
  /** Tracking number, project or wish number, or the town's year and duty (“东城街道2027年度集中征集”). */
  subjectRef: string | null
  responsibleOrgId: string
  responsibleOrgName: string | null
  startsAt: string
  dueAt: string
  warnAt: string
  metAt: string | null
  lateReason: string | null
  cancelledAt: string | null
  status: DeadlineStatus
  secondsLeft: number
  /** Counted in working days across a year whose official notice was not loaded: Monday–Friday only (R-PL-01). */
  workingDaysProvisional?: boolean
}

export interface DeadlineFilter {
  status?: DeadlineQueryStatus
  responsibleOrgId?: string
  obligation?: string
  subjectType?: string
  subjectId?: string
  page?: number
  pageSize?: number
}

export interface UnitDeadlineSummary {
  organizationId: string
  name: string | null
  open: number
  dueSoon: number
  overdue: number
  metOnTime: number
  metLate: number
}

export interface NotificationView {
  id: string
  kind: string
  text: string
  deadlineId: string | null
  createdAt: string
  readAt: string | null
}

/** One row of 我的工作: what the item is (title), the step to take, and when (GET /api/deadlines/mine, /supervised). */
export interface WorkItem {
  deadlineId: string
  obligation: string
  ruleId: string
  stepZh: string
  stepEn: string
  subjectType: string
  subjectId: string
  subjectRef: string | null
  title: string | null
  responsibleOrgId: string
  responsibleOrgName: string | null
  dueAt: string
  status: DeadlineStatus
  dueToday: boolean
  secondsLeft: number
  workingDaysProvisional: boolean
}

export interface MyWork {
  unitId: string
  unitName: string | null
  overdue: number
  dueToday: number
  open: number
  items: WorkItem[]
}

export interface UnitWork {
  organizationId: string
  name: string | null
  overdue: number
  dueToday: number
  open: number
  items: WorkItem[]
}

export interface SupervisedWork {
  unitId: string
  unitName: string | null
  overdue: number
  dueToday: number
  open: number
  units: UnitWork[]
}

export const deadlinesApi = {
  mine: (take = 200) => http.get<MyWork>('/api/deadlines/mine', { take }),
  supervised: (perUnit = 20) => http.get<SupervisedWork>('/api/deadlines/supervised', { perUnit }),
  list: (f: DeadlineFilter = {}) => http.get<Paged<DeadlineView>>('/api/deadlines', { ...f }),
  summary: () => http.get<UnitDeadlineSummary[]>('/api/deadlines/summary'),
  notifications: (unreadOnly = false) => http.get<NotificationView[]>('/api/notifications', { unreadOnly: unreadOnly || undefined }),
  markRead: (id: string) => http.post<void>(`/api/notifications/${encodeURIComponent(id)}/read`),
}
