import { forgetAntiforgeryToken, http } from './http'

export type Role =
  | 'CityCivilAffairs'
  | 'TownLead'
  | 'TownReviewer'
  | 'VillageStaff'
  | 'StationHead'
  | 'SupervisoryCommittee'
  | 'Contractor'
  | 'Evaluator'
  | 'Deputy'
  | 'StationWorker'

export type ScopeLevel = 'City' | 'Town' | 'Village' | 'Own'

/** The caller, as `/api/auth/me` and sign-in answer it. `name` is the user name. */
export interface Me {
  id: string | null
  name: string
  kind: 'Anonymous' | 'User' | 'Integration' | 'System'
  role: Role | null
  roleName: string | null
  organizationId: string | null
  scopePath: string
  permissions: string[]
  readOnly: boolean
}

export interface RoleView {
  role: Role
  zh: string
  en: string
  scope: ScopeLevel
  readOnly: boolean
  bindsTo: string[]
  permissions: string[]
}

export const authApi = {
  async signIn(userName: string, password: string): Promise<Me> {
    forgetAntiforgeryToken()
    const me = await http.post<Me>('/api/auth/sign-in', { userName, password })
    // A token fetched before sign-in is refused; the next unsafe call fetches one bound to this user.
    forgetAntiforgeryToken()
    return me
  },
  async signOut(): Promise<void> {
    try {
      await http.post<void>('/api/auth/sign-out')
    } finally {
      forgetAntiforgeryToken()
    }
  },
  me: () => http.get<Me>('/api/auth/me'),
  roles: () => http.get<RoleView[]>('/api/auth/roles'),
}
