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
  /** The action and the kind of record in words (issue 17 point 5). */
  actionLabel: AuditLabel
  entityLabel: AuditLabel
  /** The record's own number (tracking number, project number, contract number…) and its console page, when it has them. */
  ref: string | null
  link: string | null
  /** The change field by field, labelled; ids, versions and hashes left out. */
  changes: AuditChange[]
}

export interface AuditLabel {
  zh: string
  en: string
}

/** kind: text, time (shown in Beijing time), date, money (fen; unit yuan or wan), bool, enum (enumType), org (a name), secret. */
export interface AuditChange {
  field: string
  label: string
  labelEn: string
  kind: 'text' | 'time' | 'date' | 'money' | 'bool' | 'enum' | 'org' | 'secret'
  unit: 'yuan' | 'wan' | null
  enumType: string | null
  before: string | null
  after: string | null
}

export interface AuditKind {
  code: string
  zh: string
  en: string
}

export interface AuditKinds {
  entityTypes: AuditKind[]
  actions: AuditKind[]
  actors: { id: string; name: string }[]
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
  kinds: () => http.get<AuditKinds>('/api/audit/kinds'),
  verify: () => http.get<ChainReport>('/api/audit/verify'),
}
