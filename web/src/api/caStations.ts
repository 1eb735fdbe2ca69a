import { http } from './http'

// The civil-affairs stations (民政服务站, 001) and 瑶海区's workstations (社会服务工作站, 004) with their profile, roster, training
// ledger, activities and publicity (issue 14 part C, ADR 0042): src/Guanjia.App/CivilAffairs/{StationProfiles,StaffRoster,
// StationActivities,StaffingTable}.cs under /api/civil-affairs, and the public page /api/public/civil-affairs-stations.

const base = '/api/civil-affairs'

export type StationKind = 'CivilAffairsStation' | 'SocialServiceWorkstation'
export type StaffRole = 'Worker' | 'ProjectManager' | 'Supervisor'
export const staffRoles: StaffRole[] = ['Worker', 'ProjectManager', 'Supervisor']
export type EducationLevel = 'BelowCollege' | 'College' | 'Bachelor' | 'Postgraduate'
export const educationLevels: EducationLevel[] = ['BelowCollege', 'College', 'Bachelor', 'Postgraduate']
export type TrainingKind = 'PreJob' | 'Continuing'
export const trainingKinds: TrainingKind[] = ['PreJob', 'Continuing']
export type ActivityKind = 'YearlyPlan' | 'MonthlyFocus' | 'WeeklyActivity' | 'PolicyPublicity' | 'NewsReport' | 'CapacityBuilding'
export const activityKinds: ActivityKind[] = ['YearlyPlan', 'MonthlyFocus', 'WeeklyActivity', 'PolicyPublicity', 'NewsReport', 'CapacityBuilding']
export type DeadlineStatus = 'Open' | 'DueSoon' | 'Overdue' | 'Met' | 'MetLate' | 'Cancelled'

export interface StationSummary {
  id: string
  townId: string
  townName: string
  name: string
  address: string | null
  phone: string | null
  isActive: boolean
  kind: StationKind
  version: number
}

export interface PackageStaffing {
  packageId: string
  packageName: string
  managers: string[]
  supervisors: string[]
}

export interface StationStaffing {
  communities: number
  communitiesPerWorker: number | null
  workersNeeded: number | null
  workersInPost: number
  workersMayServe: number
  short: boolean
  packages: PackageStaffing[] | null
}

export interface StationProfile {
  id: string
  kind: StationKind
  townId: string
  townName: string
  name: string
  contractorId: string | null
  contractorName: string | null
  address: string | null
  contactName: string | null
  phone: string | null
  venue: string | null
  venueUse: string | null
  services: string[]
  complaintChannel: string | null
  serviceProcess: string | null
  communityIds: string[]
  brandProject: string | null
  brandIndicators: string | null
  staffing: StationStaffing
  isActive: boolean
  version: number
}

export interface ProfileUpdate {
  version: number
  name: string
  contractorId: string | null
  address: string | null
  contactName: string | null
  phone: string | null
  venue: string | null
  venueUse: string | null
  services: string[]
  complaintChannel: string | null
  serviceProcess: string | null
  communityIds: string[]
  brandProject: string | null
  brandIndicators: string | null
}

export interface ContinuingStatus {
  year: number
  requiredHours: number
  doneHours: number
  shortHours: number
  warn: boolean
}

export interface StaffMember {
  id: string
  role: StaffRole
  stationId: string | null
  packageId: string | null
  employerId: string
  employerName: string
  userId: string | null
  name: string
  phone: string | null
  birthDate: string
  age: number
  education: EducationLevel
  localHukou: boolean
  exceptions: string[]
  exceptionReason: string | null
  hiredByOpenExam: boolean
  socialInsurance: boolean
  filedWithBureauOn: string | null
  since: string
  until: string | null
  preJobHours: number
  preJobRequired: number
  mayServe: boolean
  continuing: ContinuingStatus
  version: number
}

export interface AddStaff {
  role: StaffRole
  stationId: string | null
  packageId: string | null
  employerId: string | null
  name: string
  phone: string | null
  birthDate: string | null
  education: EducationLevel | null
  localHukou: boolean | null
  exceptionReason: string | null
  hiredByOpenExam: boolean | null
  socialInsurance: boolean | null
  filedWithBureauOn: string | null
  since: string | null
}

export interface TrainingEntry {
  id: string
  on: string
  hours: number
  kind: TrainingKind
  topic: string
  provider: string | null
}

export interface AddTraining {
  on: string | null
  hours: number | null
  kind: TrainingKind
  topic: string
  provider: string | null
}

export interface Activity {
  id: string
  kind: ActivityKind
  title: string
  on: string
  time: string | null
  place: string | null
  description: string | null
  source: string | null
  createdAt: string
}

export interface RecordActivity {
  kind: ActivityKind
  title: string
  on: string | null
  time: string | null
  place: string | null
  description: string | null
  source: string | null
}

export interface PublicityDeadline {
  id: string
  obligation: 'StationPolicyPublicity' | 'StationNewsReports'
  startsAt: string
  dueAt: string
  status: DeadlineStatus
  metAt: string | null
  done: number
  required: number
}

export interface PublicStationSummary {
  id: string
  kind: StationKind
  name: string
  townName: string
  address: string | null
  phone: string | null
}

export interface PublicActivity {
  on: string
  time: string | null
  title: string
  place: string | null
  description: string | null
}

export interface PublicStationPage {
  id: string
  kind: StationKind
  name: string
  townName: string
  address: string | null
  contactName: string | null
  phone: string | null
  staff: string[]
  venue: string | null
  venueUse: string | null
  services: string[]
  complaintChannel: string | null
  serviceProcess: string | null
  brandProject: string | null
  weekFrom: string
  weekTo: string
  thisWeek: PublicActivity[]
}

export const caStationsApi = {
  list: () => http.get<StationSummary[]>(`${base}/stations`),
  profile: (id: string) => http.get<StationProfile>(`${base}/stations/${id}/profile`),
  saveProfile: (id: string, body: ProfileUpdate) => http.put<StationProfile>(`${base}/stations/${id}/profile`, body),
  staff: (query: { stationId?: string; packageId?: string }) => http.get<StaffMember[]>(`${base}/staff`, query),
  addStaff: (body: AddStaff) => http.post<StaffMember>(`${base}/staff`, body),
  training: (staffId: string) => http.get<TrainingEntry[]>(`${base}/staff/${staffId}/training`),
  addTraining: (staffId: string, body: AddTraining) => http.post<StaffMember>(`${base}/staff/${staffId}/training`, body),
  activities: (id: string) => http.get<Activity[]>(`${base}/stations/${id}/activities`),
  recordActivity: (id: string, body: RecordActivity) => http.post<Activity>(`${base}/stations/${id}/activities`, body),
  publicity: (id: string) => http.get<PublicityDeadline[]>(`${base}/stations/${id}/publicity`),
  staffingTable: (stationId?: string) => (stationId ? `${base}/staffing.xlsx?stationId=${stationId}` : `${base}/staffing.xlsx`),
}

export const publicCaStationsApi = {
  list: () => http.get<PublicStationSummary[]>('/api/public/civil-affairs-stations'),
  get: (id: string) => http.get<PublicStationPage>(`/api/public/civil-affairs-stations/${id}`),
}
