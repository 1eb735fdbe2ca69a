import { http, type Paged } from './http'

// 现行民生政策清单 and 政策转介: src/Guanjia.App/PolicyCatalogue/*.cs, /api/policies, /api/policy-referrals.

export interface PolicyView {
  id: string
  name: string
  department: string
  departmentOrgId: string | null
  contact: string
  covers: string
  keywords: string[]
  isActive: boolean
  updatedAt: string
  version: number
}

/** A policy of the catalogue whose keywords an appeal contains, best first (GET /api/appeals/{id}/policy-matches). */
export interface PolicyMatch {
  policy: PolicyView
  score: number
}

export interface PolicySave {
  name: string | null
  department: string | null
  departmentOrgId: string | null
  contact: string | null
  covers: string | null
  /** Comma-separated, as the API takes them. */
  keywords: string | null
  isActive: boolean
  version?: number
  reason?: string | null
}

export type ReferralState = 'Referred' | 'Accepted' | 'Resolved' | 'NotResolved'
export const referralStates: ReferralState[] = ['Referred', 'Accepted', 'Resolved', 'NotResolved']

export interface PolicyReferral {
  id: string
  appealId: string
  trackingNumber: string
  /** `Appeal`, `MicroProject` or `MicroWish`. */
  subjectType: string
  subjectId: string
  subjectRef: string
  policyId: string | null
  policyName: string | null
  department: string
  contact: string
  state: ReferralState
  referredAt: string
  referredBy: string | null
  acceptedAt: string | null
  handler: string | null
  resultAt: string | null
  result: string | null
  version: number
}

export const policiesApi = {
  list: (f: { q?: string; activeOnly?: boolean; page?: number; pageSize?: number } = {}) => http.get<Paged<PolicyView>>('/api/policies', { ...f }),
  /** R-IN-05: the catalogue's matches for an appeal, to check before funding. */
  matches: (appealId: string) => http.get<PolicyMatch[]>(`/api/appeals/${encodeURIComponent(appealId)}/policy-matches`),
  create: (body: PolicySave) => http.post<PolicyView>('/api/policies', body),
  update: (id: string, body: PolicySave) => http.put<PolicyView>(`/api/policies/${encodeURIComponent(id)}`, body),
  referrals: (f: { state?: ReferralState; department?: string; page?: number; pageSize?: number } = {}) =>
    http.get<Paged<PolicyReferral>>('/api/policy-referrals', { ...f }),
  accept: (id: string, body: { handler: string | null; version: number }) =>
    http.post<PolicyReferral>(`/api/policy-referrals/${encodeURIComponent(id)}/accept`, body),
  result: (id: string, body: { resolved: boolean | null; result: string | null; version: number }) =>
    http.post<PolicyReferral>(`/api/policy-referrals/${encodeURIComponent(id)}/result`, body),
}
