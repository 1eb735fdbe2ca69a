import { http, type Paged } from './http'

export interface AuditEntryView {
  seq: number
  at: string
  actorId: string | null
  actorName: string
  actorRole: string | null
  entityType: string
  entityId: string
  action: string
  /** JSON of the changed properties before and after; sensitive values are `***`. */
  before: string | null
  after: string | null
  reason: string | null
  hash: string
}

export interface AuditFilter {
  entityType?: string
  entityId?: string
  actorId?: string
  action?: string
  /** Beijing dates, inclusive. */
  from?: string
  to?: string
  page?: number
  pageSize?: number
}

export interface ChainReport {
  valid: boolean
  entries: number
  firstBrokenSeq: number | null
  message: string
  messageEn: string
}

export const auditApi = {
  list: (f: AuditFilter = {}) => http.get<Paged<AuditEntryView>>('/api/audit', { ...f }),
  verify: () => http.get<ChainReport>('/api/audit/verify'),
}
