import type { Role } from './auth'
import { http, type Paged } from './http'

export interface UserView {
  id: string
  userName: string
  displayName: string
  role: Role
  roleName: string
  organizationId: string
  organizationName: string
  scopePath: string
  /** Masked by the server, e.g. 138****5678. */
  phone: string | null
  isActive: boolean
  isLocked: boolean
  lastSignInAt: string | null
  version: number
}

export interface UserFilter {
  role?: Role
  organizationId?: string
  q?: string
  active?: boolean
  page?: number
  pageSize?: number
}

export interface CreateUser {
  userName: string
  displayName: string
  role: Role | null
  organizationId: string | null
  password: string
  phone: string | null
}

export interface UpdateUser {
  displayName: string
  role: Role | null
  organizationId: string | null
  phone: string | null
  isActive: boolean
  version: number
  reason: string
}

export interface ResetPassword {
  password: string
  reason: string
}

const one = (id: string) => `/api/users/${encodeURIComponent(id)}`

export const usersApi = {
  list: (f: UserFilter = {}) => http.get<Paged<UserView>>('/api/users', { ...f }),
  get: (id: string) => http.get<UserView>(one(id)),
  create: (body: CreateUser) => http.post<UserView>('/api/users', body),
  update: (id: string, body: UpdateUser) => http.put<UserView>(one(id), body),
  resetPassword: (id: string, body: ResetPassword) => http.post<void>(`${one(id)}/password`, body),
  unlock: (id: string, reason: string) => http.post<void>(`${one(id)}/unlock`, { text: reason }),
}
