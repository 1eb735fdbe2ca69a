import { http, type Paged } from './http'

/** What an integration token may be granted (the server refuses anything else). */
export const grantableTokenPermissions = ['appeals.create', 'appeals.read'] as const
export type TokenPermission = (typeof grantableTokenPermissions)[number]

export interface ApiTokenView {
  id: string
  name: string
  prefix: string
  organizationId: string
  permissions: string[]
  createdAt: string
  expiresAt: string | null
  revokedAt: string | null
  lastUsedAt: string | null
}

/** The answer to issuing a token: the secret appears here once and never again. */
export interface IssuedToken {
  token: ApiTokenView
  secret: string
}

export interface CreateToken {
  name: string
  organizationId: string | null
  permissions: TokenPermission[]
  expiresAt: string | null
}

export const tokensApi = {
  list: (page = 1, pageSize = 20) => http.get<Paged<ApiTokenView>>('/api/tokens', { page, pageSize }),
  create: (body: CreateToken) => http.post<IssuedToken>('/api/tokens', body),
  revoke: (id: string, reason: string) =>
    http.post<ApiTokenView>(`/api/tokens/${encodeURIComponent(id)}/revoke`, { text: reason }),
}
