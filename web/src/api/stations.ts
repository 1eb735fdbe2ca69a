import { http, type Paged } from './http'
import type { AttachmentView } from './projects'

// 莞家驿站 and the social-work point directory: src/Guanjia.App/Stations/*.cs, /api/stations, /api/social-work-points,
// and the public directory /api/public/stations, /api/public/station-publications, /api/public/social-work-points.

export type HostPlatform =
  | 'PartyMassServiceCenter'
  | 'CommunityServiceCenter'
  | 'CulturalServiceCenter'
  | 'FamilyServiceCenter'
  | 'YouthActivityCenter'
  | 'WorkersActivityCenter'
  | 'SocialWorkStation'
  | 'VolunteerServiceStation'
  | 'HomeCareServiceCenter'
  | 'DisabilityRehabilitationStation'
  | 'WomensHome'
  | 'Other'
export const hostPlatforms: HostPlatform[] = [
  'PartyMassServiceCenter', 'CommunityServiceCenter', 'CulturalServiceCenter', 'FamilyServiceCenter', 'YouthActivityCenter',
  'WorkersActivityCenter', 'SocialWorkStation', 'VolunteerServiceStation', 'HomeCareServiceCenter', 'DisabilityRehabilitationStation',
  'WomensHome', 'Other',
]

export type ServiceForm = 'Venue' | 'ServiceTeam' | 'ResourceLinking'
export const serviceForms: ServiceForm[] = ['Venue', 'ServiceTeam', 'ResourceLinking']
export type LinkedResource = 'Funding' | 'DonatedGoods' | 'SharedVenue'
export const linkedResources: LinkedResource[] = ['Funding', 'DonatedGoods', 'SharedVenue']
export type DecisionBody = 'Consultation' | 'RepresentativesMeeting'
export const decisionBodies: DecisionBody[] = ['Consultation', 'RepresentativesMeeting']
export type OperatingMode = 'Free' | 'Purchased' | 'Packaged'
export const operatingModes: OperatingMode[] = ['Free', 'Purchased', 'Packaged']
export type ProcurementState = 'Draft' | 'Filed' | 'Recorded'
export const procurementStates: ProcurementState[] = ['Draft', 'Filed', 'Recorded']
export type ProcurementMethod =
  | 'PublicTender'
  | 'InvitedTender'
  | 'CompetitiveNegotiation'
  | 'CompetitiveConsultation'
  | 'PriceInquiry'
  | 'SingleSource'
  | 'VillageSelection'
  | 'Other'
export const procurementMethods: ProcurementMethod[] = [
  'PublicTender', 'InvitedTender', 'CompetitiveNegotiation', 'CompetitiveConsultation', 'PriceInquiry', 'SingleSource', 'VillageSelection', 'Other',
]
export type PublicationKind = 'Consultation' | 'Implementation' | 'Evaluation'
export const publicationKinds: PublicationKind[] = ['Consultation', 'Implementation', 'Evaluation']
export type PublicationPlatform = 'CommunityPlatform' | 'IntegrityPlatform' | 'VillageNoticeBoard'
export const publicationPlatforms: PublicationPlatform[] = ['CommunityPlatform', 'IntegrityPlatform', 'VillageNoticeBoard']
export type InclusiveService =
  | 'PsychologicalCounselling'
  | 'RightsProtection'
  | 'YouthBehaviourCorrection'
  | 'MaritalRepair'
  | 'FamilyRelations'
  | 'EmploymentAid'
  | 'MedicalPolicyConsultation'
  | 'ResourceLinkingAndReferral'
  | 'HospiceCare'
  | 'Other'
export const inclusiveServices: InclusiveService[] = [
  'PsychologicalCounselling', 'RightsProtection', 'YouthBehaviourCorrection', 'MaritalRepair', 'FamilyRelations', 'EmploymentAid',
  'MedicalPolicyConsultation', 'ResourceLinkingAndReferral', 'HospiceCare', 'Other',
]
export type StationReferralState = 'Referred' | 'Served' | 'Filed'
export const stationReferralStates: StationReferralState[] = ['Referred', 'Served', 'Filed']

export interface StationView {
  id: string
  villageId: string
  villageName: string
  townId: string
  townName: string
  name: string
  hostPlatform: HostPlatform
  hostPlatformZh: string
  hostPlatformOther: string | null
  address: string
  headName: string
  headPhone: string
  openingHours: string | null
  serviceForms: ServiceForm[]
  description: string | null
  operatorId: string | null
  operatorName: string | null
  isActive: boolean
  createdAt: string
  updatedAt: string
  version: number
}

export interface StationSave {
  name: string | null
  hostPlatform: HostPlatform | null
  hostPlatformOther: string | null
  address: string | null
  headName: string | null
  headPhone: string | null
  openingHours: string | null
  serviceForms: ServiceForm[]
  description: string | null
  operatorId: string | null
  isActive?: boolean
  version?: number
  reason?: string | null
}

export interface VillageCoverage {
  villageId: string
  villageName: string
  townId: string
  townName: string
  activeStations: number
}
export interface TownCoverage {
  townId: string
  townName: string
  villages: number
  villagesWithStation: number
  activeStations: number
}
export interface CoverageView {
  townId: string | null
  villages: number
  villagesWithStation: number
  activeStations: number
  towns: TownCoverage[]
  villagesWithoutStation: VillageCoverage[]
  perVillage: VillageCoverage[]
}

export interface PublicationView {
  id: string
  kind: PublicationKind
  kindZh: string
  title: string
  text: string
  platforms: PublicationPlatform[]
  publishedOn: string
  recordedAt: string
  recordedByName: string | null
}

export interface OpinionView {
  text: string
  by: string
  on: string
  at: string
}

export interface FilingView {
  id: string
  itemId: string
  itemTitle: string
  stationId: string
  villageId: string
  villageName: string
  townId: string
  townName: string
  state: ProcurementState
  method: ProcurementMethod
  methodOther: string | null
  supplierId: string | null
  supplierName: string
  amountFen: number
  agreementSignedOn: string
  agreementAttachmentId: string
  supervisoryOpinion: OpinionView | null
  filedAt: string | null
  recordedAt: string | null
  recordedByName: string | null
  recordNote: string | null
  createdAt: string
  version: number
  allowedActions: string[]
  /** R-ST-10: the item's agreed fee, the filing's amount less it, the village's reason and the town's confirmation. */
  itemAmountFen: number | null
  differenceFen: number
  differenceReason: string | null
  differenceConfirmedAt: string | null
  differenceConfirmedByName: string | null
}

export interface ItemRow {
  id: string
  stationId: string
  stationName: string
  villageId: string
  villageName: string
  year: number
  title: string
  mode: OperatingMode
  amountFen: number | null
  procurementState: ProcurementState | null
  publications: number
  createdAt: string
  /** What the funds ledger paid for the item, net of reversals (R-ST-11). */
  paidFen: number
}

export interface ItemView {
  id: string
  stationId: string
  stationName: string
  villageId: string
  villageName: string
  townId: string
  townName: string
  year: number
  title: string
  content: string | null
  microProjectId: string | null
  microProjectNumber: string | null
  consultedOn: string
  decidedBy: DecisionBody
  mode: OperatingMode
  modeZh: string
  serviceForms: ServiceForm[]
  linkedResources: LinkedResource[]
  candidateContractors: string[]
  operatorInvited: boolean
  operatorId: string | null
  operatorName: string | null
  operatorOverrideReason: string | null
  amountFen: number | null
  years: number | null
  teamSize: number | null
  packagedOverrideReason: string | null
  rulesVersion: number
  createdAt: string
  updatedAt: string
  version: number
  attachments: AttachmentView[]
  publications: PublicationView[]
  procurement: FilingView | null
  /** R-ST-11: the fee agreed at the consultation and what the village paid for it through the ledger. */
  agreedFeeFen: number | null
  paidFen: number
}

export interface ItemSave {
  title: string | null
  content: string | null
  year: number | null
  consultedOn: string | null
  decidedBy: DecisionBody | null
  mode: OperatingMode | null
  serviceForms: ServiceForm[]
  linkedResources: LinkedResource[]
  microProjectId: string | null
  candidateContractors: string[]
  operatorInvited: boolean | null
  operatorId: string | null
  operatorOverrideReason: string | null
  amountFen: number | null
  years: number | null
  teamSize: number | null
  packagedOverrideReason: string | null
  version?: number
  reason?: string | null
}

/** DraftProcurementFiling.Request: POST /items/{id}/procurement-filing, PUT /procurement-filings/{id} with version. */
export interface FilingSave {
  method: ProcurementMethod | null
  methodOther: string | null
  supplierId: string | null
  supplierName: string | null
  amountFen: number | null
  agreementSignedOn: string | null
  agreementAttachmentId: string | null
  /** Why the amount differs from the item's agreed fee (R-ST-10); kept only when it does. */
  differenceReason?: string | null
  version?: number
}

export interface StationReferral {
  id: string
  stationId: string | null
  stationName: string | null
  villageId: string
  villageName: string
  townId: string
  townName: string
  socialWorkPointId: string
  socialWorkPointName: string
  appealId: string | null
  residentName: string
  residentPhone: string
  contactsMasked: boolean
  service: InclusiveService
  need: string
  state: StationReferralState
  referredAt: string
  referredByName: string | null
  servedFrom: string | null
  servedTo: string | null
  serviceSummary: string | null
  servedRecordedAt: string | null
  filedAt: string | null
  version: number
  attachments: AttachmentView[]
}

export interface SocialWorkPoint {
  id: string
  code: string
  name: string
  townId: string | null
  townName: string | null
  address: string | null
  phone: string | null
  contactName: string | null
  openingHours: string | null
  services: InclusiveService[]
  note: string | null
  isActive: boolean
  version: number
}

export interface PublicStation {
  id: string
  name: string
  townId: string
  townName: string
  villageId: string
  villageName: string
  hostPlatform: HostPlatform
  hostPlatformZh: string
  address: string
  headName: string
  headPhone: string
  openingHours: string | null
  serviceForms: ServiceForm[]
  description: string | null
  operatorName: string | null
}

export interface PublicPublication {
  id: string
  kind: PublicationKind
  kindZh: string
  title: string
  text: string
  platforms: string[]
  publishedOn: string
  itemId: string
  itemTitle: string
  stationId: string
  stationName: string
  villageId: string
  villageName: string
  townId: string
  townName: string
}

type Q = Record<string, string | number | boolean | undefined | null>
const enc = encodeURIComponent

function uploadTo(path: string, kind: string, file: File): Promise<AttachmentView> {
  const form = new FormData()
  form.append('kind', kind)
  form.append('file', file)
  return http.upload<AttachmentView>(path, form)
}

export const stationsApi = {
  list: (f: Q = {}) => http.get<Paged<StationView>>('/api/stations', f),
  get: (id: string) => http.get<StationView>(`/api/stations/${enc(id)}`),
  create: (body: StationSave) => http.post<StationView>('/api/stations', body),
  update: (id: string, body: StationSave) => http.put<StationView>(`/api/stations/${enc(id)}`, body),
  coverage: (townId?: string | null) => http.get<CoverageView>('/api/stations/coverage', { townId: townId ?? undefined }),
  items: (f: Q = {}) => http.get<Paged<ItemRow>>('/api/stations/items', f),
  item: (id: string) => http.get<ItemView>(`/api/stations/items/${enc(id)}`),
  createItem: (stationId: string, body: ItemSave) => http.post<ItemView>(`/api/stations/${enc(stationId)}/items`, body),
  updateItem: (id: string, body: ItemSave) => http.put<ItemView>(`/api/stations/items/${enc(id)}`, body),
  uploadToItem: (id: string, kind: string, file: File) => uploadTo(`/api/stations/items/${enc(id)}/attachments`, kind, file),
  publish: (id: string, body: { kind: PublicationKind | null; title: string | null; text: string | null; platforms: PublicationPlatform[]; publishedOn: string | null }) =>
    http.post<ItemView>(`/api/stations/items/${enc(id)}/publications`, body),
  draftFiling: (itemId: string, body: FilingSave) => http.post<FilingView>(`/api/stations/items/${enc(itemId)}/procurement-filing`, body),
  updateFiling: (id: string, body: FilingSave) => http.put<FilingView>(`/api/stations/procurement-filings/${enc(id)}`, body),
  filing: (id: string) => http.get<FilingView>(`/api/stations/procurement-filings/${enc(id)}`),
  filings: (f: Q = {}) => http.get<Paged<FilingView>>('/api/stations/procurement-filings', f),
  opinion: (id: string, body: { reviewer: string | null; opinion: string | null; reviewedOn: string | null; version: number }) =>
    http.post<FilingView>(`/api/stations/procurement-filings/${enc(id)}/supervisory-opinion`, body),
  fileFiling: (id: string, version: number) => http.post<FilingView>(`/api/stations/procurement-filings/${enc(id)}/file`, { version }),
  recordFiling: (id: string, body: { note: string | null; version: number; confirmDifference?: boolean }) =>
    http.post<FilingView>(`/api/stations/procurement-filings/${enc(id)}/record`, body),
  referrals: (f: Q = {}) => http.get<Paged<StationReferral>>('/api/stations/referrals', f),
  refer: (body: Record<string, unknown>) => http.post<StationReferral>('/api/stations/referrals', body),
  served: (id: string, body: { servedFrom: string | null; servedTo: string | null; summary: string | null; freeOfCharge: boolean; version: number }) =>
    http.post<StationReferral>(`/api/stations/referrals/${enc(id)}/served`, body),
  uploadToReferral: (id: string, file: File) => uploadTo(`/api/stations/referrals/${enc(id)}/attachments`, 'ServiceRecord', file),
  fileReferral: (id: string, version: number) => http.post<StationReferral>(`/api/stations/referrals/${enc(id)}/file`, { version }),
  points: (f: Q = {}) => http.get<Paged<SocialWorkPoint>>('/api/social-work-points', f),
  savePoint: (id: string, body: Record<string, unknown>) => http.put<SocialWorkPoint>(`/api/social-work-points/${enc(id)}`, body),
}

export const publicStationsApi = {
  stations: (f: Q = {}) => http.get<Paged<PublicStation>>('/api/public/stations', f),
  publications: (f: Q = {}) => http.get<Paged<PublicPublication>>('/api/public/station-publications', f),
  points: (f: Q = {}) => http.get<Paged<SocialWorkPoint>>('/api/public/social-work-points', f),
}
