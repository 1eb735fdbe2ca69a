import { http, type Paged } from './http'

export type OrganizationKind =
  | 'City'
  | 'Town'
  | 'Street'
  | 'Park'
  | 'Village'
  | 'Community'
  | 'CityDepartment'
  | 'TownDepartment'
  | 'Contractor'
  | 'SocialWorkPoint'
  | 'Evaluator'

export type DepartmentFunction =
  | 'CivilAffairs'
  | 'Finance'
  | 'AgricultureForestryWater'
  | 'Housing'
  | 'NaturalResources'
  | 'ServiceData'
  | 'Organization'
  | 'Publicity'
  | 'Education'
  | 'HumanResources'
  | 'Health'
  | 'Disability'
  | 'Charity'
  | 'Audit'
  | 'Other'

export const departmentFunctions: DepartmentFunction[] = [
  'CivilAffairs', 'Finance', 'AgricultureForestryWater', 'Housing', 'NaturalResources', 'ServiceData', 'Organization',
  'Publicity', 'Education', 'HumanResources', 'Health', 'Disability', 'Charity', 'Audit', 'Other',
]

export const organizationKinds: OrganizationKind[] = [
  'City', 'Town', 'Street', 'Park', 'Village', 'Community', 'CityDepartment', 'TownDepartment', 'Contractor',
  'SocialWorkPoint', 'Evaluator',
]

export interface Organization {
  id: string
  code: string
  name: string
  nameEn: string | null
  kind: OrganizationKind
  parentId: string | null
  path: string
  economicClass: number | null
  isPilot: boolean
  function: DepartmentFunction | null
  isLead: boolean
  address: string | null
  phone: string | null
  isActive: boolean
  version: number
}

/** City → towns/streets/parks → villages/communities (active ones). */
export interface OrganizationNode {
  id: string
  code: string
  name: string
  kind: OrganizationKind
  economicClass: number | null
  isPilot: boolean
  children: OrganizationNode[]
}

export interface OrganizationFilter {
  kind?: OrganizationKind
  parentId?: string
  q?: string
  pilot?: boolean
  page?: number
  pageSize?: number
}

export interface CreateOrganization {
  code: string
  name: string
  nameEn: string | null
  kind: OrganizationKind
  parentId: string | null
  economicClass: number | null
  isPilot: boolean
  function: DepartmentFunction | null
  isLead: boolean
  address: string | null
  phone: string | null
  reason: string | null
}

export interface UpdateOrganization {
  name: string
  nameEn: string | null
  economicClass: number | null
  isPilot: boolean
  function: DepartmentFunction | null
  isLead: boolean
  address: string | null
  phone: string | null
  isActive: boolean
  version: number
  reason: string
}

export const organizationsApi = {
  list: (f: OrganizationFilter = {}) => http.get<Paged<Organization>>('/api/organizations', { ...f }),
  tree: () => http.get<OrganizationNode[]>('/api/organizations/tree'),
  get: (id: string) => http.get<Organization>(`/api/organizations/${encodeURIComponent(id)}`),
  create: (body: CreateOrganization) => http.post<Organization>('/api/organizations', body),
  update: (id: string, body: UpdateOrganization) => http.put<Organization>(`/api/organizations/${encodeURIComponent(id)}`, body),
}
