// Forms of the wish, policy and station pages: the models the inputs hold, the request each sends (money typed
// in 元 goes out as integer fen, dates as yyyy-MM-dd, empty text as null) and the API's own required-field checks,
// under the API's field names so local and server messages land under the same inputs.

import type { FieldErrorDto } from '@/api/problem'
import type { Route } from '@/api/projects'
import type { PolicySave, PolicyView } from '@/api/policies'
import type { HostPlatform, InclusiveService, ServiceForm, StationSave, StationView } from '@/api/stations'
import type { CompleteRequest, DecideRequest, DecisionBody, ExpressForm, VerifyOutcome, VerifyRequest, WishDetail, WishState } from '@/api/wishes'
import type { ActionSpec } from './actions'
import { formatFen, localDateText, yuanToFen } from './format'
import { phoneLooksValid, text } from './stepForms'

function fe(field: string, code: string, zh: string, en: string): FieldErrorDto {
  return { field, code, zh, en }
}

function required(out: FieldErrorDto[], field: string, v: string | null | undefined, zh: string, en: string): void {
  if (text(v) === null) out.push(fe(field, 'required', `${zh}不能为空`, `${en} is required`))
}

/**
 * An amount typed in 元 ("1,200.5") as integer fen, or null when the box is empty; NaN when it is not a
 * plain amount with at most two decimals (a third decimal would be a fraction of a fen).
 */
export function yuanTextToFen(v: string | null | undefined): number | null {
  const s = (v ?? '').trim().replace(/,/g, '')
  if (s === '') return null
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return Number.NaN
  return yuanToFen(s)
}

/** Integer fen back to the 元 text of an input: 120050 → "1200.5". */
export function fenToYuanText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return ''
  const whole = Math.floor(fen / 100)
  const cents = fen % 100
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`
}

/** Names typed one a line or separated by 、，, (the API stores them joined with 、). */
export function splitNames(v: string): string[] {
  return [...new Set(v.split(/[\n、，,;；]+/).map((s) => s.trim()).filter((s) => s !== ''))]
}

// ---------------------------------------------------------------- wishes

/** A wish's state as a tag colour, like the project list. */
export function wishStateType(s: WishState): 'primary' | 'warning' | 'success' | 'info' | 'danger' {
  if (s === 'Closed') return 'success'
  if (s === 'Rejected' || s === 'PolicyReferred' || s === 'Routed') return 'info'
  if (s === 'AwaitingVerification' || s === 'AwaitingDecision') return 'warning'
  return 'primary'
}

/** The wish's steps the caller may take now (the API's allowedActions), in the order of the process. */
export const wishActionOrder = ['Verify', 'Decide', 'Complete', 'Close'] as const
export type WishAction = (typeof wishActionOrder)[number]
export function wishActionsFor(allowed: readonly string[]): WishAction[] {
  return wishActionOrder.filter((a) => allowed.includes(a))
}

/** The same as buttons of the shared side panel (components/lifecycle/ItemSidePanel.vue): each opens its own step dialog. */
export function wishActionSpecs(allowed: readonly string[]): ActionSpec<WishAction>[] {
  return wishActionsFor(allowed).map((a) => ({ action: a, form: a, primary: true }))
}

export interface VerifyModel {
  authentic: boolean | undefined
  reasonable: boolean | undefined
  budgetSound: boolean | undefined
  departments: string
  outcome: VerifyOutcome | undefined
  note: string
  policyId: string | null
  policyDepartment: string
  policyContact: string
  lateReason: string
}

export function emptyVerify(): VerifyModel {
  return {
    authentic: undefined, reasonable: undefined, budgetSound: undefined, departments: '', outcome: undefined, note: '', policyId: null, policyDepartment: '',
    policyContact: '', lateReason: '',
  }
}

export function verifyRequest(m: VerifyModel, version: number): VerifyRequest {
  const referral = m.outcome === 'PolicyReferral'
  return {
    authentic: m.authentic ?? null,
    reasonable: m.reasonable ?? null,
    budgetSound: m.budgetSound ?? null,
    departments: text(m.departments),
    outcome: m.outcome ?? null,
    note: text(m.note),
    policyId: referral ? m.policyId : null,
    policyDepartment: referral ? text(m.policyDepartment) : null,
    policyContact: referral ? text(m.policyContact) : null,
    lateReason: text(m.lateReason),
    version,
  }
}

/**
 * R-MW-02: the three checks, the departments, the conclusion; going on needs all three checks passed, a policy referral a
 * wish verified as true.
 */
export function validateVerify(m: VerifyModel): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  if (m.authentic === undefined) out.push(fe('authentic', 'required', '请核查诉求是否真实', 'authentic is required'))
  if (m.reasonable === undefined) out.push(fe('reasonable', 'required', '请核查诉求是否合理', 'reasonable is required'))
  if (m.budgetSound === undefined) out.push(fe('budgetSound', 'required', '请核查资金预算', 'budgetSound is required'))
  required(out, 'departments', m.departments, '会同核查的部门', 'Departments')
  if (!m.outcome) out.push(fe('outcome', 'required', '请选择核查结论', 'outcome is required'))
  else if (m.outcome === 'Verified' && (m.authentic === false || m.reasonable === false || m.budgetSound === false))
    out.push(fe('outcome', 'checks_failed', '真实性、合理性、资金预算均核查通过方可进入办理', 'A wish goes on only when authentic, reasonable and soundly budgeted'))
  // R-MW-02: only a wish verified as true goes to current policy; one that is not true is rejected.
  if (m.outcome === 'PolicyReferral' && m.authentic !== true)
    out.push(fe('outcome', 'policy_needs_true', '经核查属实的微心愿方可优先转现行政策办理；不属实的请选择不予受理',
      'Only a wish verified as true is referred to current policy'))
  if (m.outcome === 'Reject' && text(m.note) === null)
    out.push(fe('note', 'required', '不予受理须说明原因，原因将反馈给诉求人', 'note (the reason sent to the appellant) is required'))
  if (m.outcome === 'PolicyReferral' && !m.policyId) {
    required(out, 'policyDepartment', m.policyDepartment, '跟办部门', 'policyDepartment')
    required(out, 'policyContact', m.policyContact, '联系方式', 'policyContact')
  }
  return out
}

export interface DecideModel {
  decisionBody: DecisionBody | undefined
  participants: string
  route: Route | undefined
  /** 元, as typed. */
  amountYuan: string
  expressForm: ExpressForm | undefined
  assistanceForm: string
  decidedAt: Date | null
}

export function emptyDecide(requestedFen: number | null = null): DecideModel {
  return { decisionBody: undefined, participants: '', route: undefined, amountYuan: fenToYuanText(requestedFen), expressForm: undefined, assistanceForm: '', decidedAt: null }
}

export function decideRequest(m: DecideModel, version: number): DecideRequest {
  const fen = yuanTextToFen(m.amountYuan)
  return {
    decisionBody: m.decisionBody ?? null,
    participants: splitNames(m.participants),
    route: m.route ?? null,
    amountFen: fen === null || Number.isNaN(fen) ? null : fen,
    expressForm: m.route === 'Express' ? (m.expressForm ?? null) : null,
    assistanceForm: text(m.assistanceForm),
    decidedAt: m.decidedAt ? m.decidedAt.toISOString() : null,
    version,
  }
}

/** R-MW-03 (and R-MW-04 for express): who decided, at least two participants, route, amount, form. */
export function validateDecide(m: DecideModel, kind: WishDetail['kind'], now: Date = new Date()): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  if (!m.decisionBody) out.push(fe('decisionBody', 'required', '请选择专家评审或联席会议', 'decisionBody must be ExpertReview or JointMeeting'))
  const people = splitNames(m.participants)
  if (people.length < 2) out.push(fe('participants', 'required', '请填写参与评审（会议）的人员，至少两人', 'List who took part: at least two people'))
  else if (people.some((p) => p.length > 50)) out.push(fe('participants', 'too_long', '人员姓名不能超过50个字符', "A participant's name is at most 50 characters"))
  if (!m.route) out.push(fe('route', 'required', '请选择办理方式', 'route is required'))
  const fen = yuanTextToFen(m.amountYuan)
  if (fen === null) out.push(fe('amountFen', 'required', '请填写资助金额（元）', 'The amount (yuan) is required'))
  else if (Number.isNaN(fen)) out.push(fe('amountFen', 'invalid', '金额须为不小于0的数字，最多两位小数', 'The amount must be a number of yuan with at most two decimals'))
  else if (kind === 'SpecialGroupAid' && fen === 0) out.push(fe('amountFen', 'out_of_range', '特殊群体帮扶的资助金额须大于0', 'Special-group aid needs an amount above 0'))
  if (m.route === 'Express' && !m.expressForm)
    out.push(fe('expressForm', 'required', '莞家速递须选择直接组织实施、直接资助或结对帮扶', 'An express wish needs its form'))
  required(out, 'assistanceForm', m.assistanceForm, '资助方式', 'Form of assistance')
  if (m.decidedAt && m.decidedAt.getTime() > now.getTime()) out.push(fe('decidedAt', 'in_future', '评审时间不能晚于现在', 'decidedAt cannot be in the future'))
  return out
}

export interface CompleteModel {
  paidYuan: string
  outcome: string
  completedAt: Date | null
  lateReason: string
}

export function emptyComplete(amountFen: number | null = null): CompleteModel {
  return { paidYuan: fenToYuanText(amountFen), outcome: '', completedAt: null, lateReason: '' }
}

export function completeRequest(m: CompleteModel, version: number): CompleteRequest {
  const fen = yuanTextToFen(m.paidYuan)
  return {
    paidFen: fen === null || Number.isNaN(fen) ? null : fen,
    outcome: text(m.outcome),
    completedAt: m.completedAt ? m.completedAt.toISOString() : null,
    lateReason: text(m.lateReason),
    version,
  }
}

/** R-MW-04: never more than the decided amount. */
export function validateComplete(m: CompleteModel, decidedFen: number | null, now: Date = new Date()): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  const fen = yuanTextToFen(m.paidYuan)
  if (fen === null) out.push(fe('paidFen', 'required', '请填写实际资助金额（元）', 'The amount paid (yuan) is required'))
  else if (Number.isNaN(fen)) out.push(fe('paidFen', 'invalid', '金额须为不小于0的数字，最多两位小数', 'The amount must be a number of yuan with at most two decimals'))
  else if (decidedFen !== null && fen > decidedFen)
    out.push(fe('paidFen', 'over_decided', `实际资助金额不能超过评审确定的${formatFen(decidedFen, { unit: 'yuan' })}`, `The amount paid cannot exceed the decided ${formatFen(decidedFen, { unit: 'yuan', lang: 'en-US' })}`))
  required(out, 'outcome', m.outcome, '办理情况', 'Outcome')
  if (m.completedAt && m.completedAt.getTime() > now.getTime()) out.push(fe('completedAt', 'in_future', '完成时间不能晚于现在', 'completedAt cannot be in the future'))
  return out
}

// ---------------------------------------------------------------- policy catalogue

export interface PolicyModel {
  name: string
  department: string
  contact: string
  covers: string
  keywords: string
  isActive: boolean
  reason: string
}

export function policyModel(p?: PolicyView | null): PolicyModel {
  return p
    ? { name: p.name, department: p.department, contact: p.contact, covers: p.covers, keywords: p.keywords.join(','), isActive: p.isActive, reason: '' }
    : { name: '', department: '', contact: '', covers: '', keywords: '', isActive: true, reason: '' }
}

/** Keywords typed with Chinese or Latin commas, spaces or 、 go out as one comma-separated list. */
export function normaliseKeywords(v: string): string {
  return [...new Set(v.split(/[\s,，、;；]+/).map((s) => s.trim()).filter((s) => s !== ''))].join(',')
}

export function policyRequest(m: PolicyModel, version?: number): PolicySave {
  return {
    name: text(m.name), department: text(m.department), departmentOrgId: null, contact: text(m.contact), covers: text(m.covers),
    keywords: text(normaliseKeywords(m.keywords)), isActive: m.isActive, ...(version === undefined ? {} : { version, reason: text(m.reason) }),
  }
}

export function validatePolicy(m: PolicyModel): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  required(out, 'name', m.name, '政策名称', 'Name')
  required(out, 'department', m.department, '责任部门', 'Department')
  required(out, 'contact', m.contact, '联系方式', 'Contact')
  required(out, 'covers', m.covers, '保障范围', 'Coverage')
  required(out, 'keywords', normaliseKeywords(m.keywords), '关键词', 'Keywords')
  return out
}

// ---------------------------------------------------------------- stations

export interface StationModel {
  name: string
  hostPlatform: HostPlatform | null
  hostPlatformOther: string
  address: string
  headName: string
  headPhone: string
  openingHours: string
  serviceForms: ServiceForm[]
  description: string
  isActive: boolean
  reason: string
}

export function stationModel(s?: StationView | null): StationModel {
  return s
    ? {
        name: s.name, hostPlatform: s.hostPlatform, hostPlatformOther: s.hostPlatformOther ?? '', address: s.address, headName: s.headName,
        headPhone: s.headPhone, openingHours: s.openingHours ?? '', serviceForms: [...s.serviceForms], description: s.description ?? '',
        isActive: s.isActive, reason: '',
      }
    : {
        name: '', hostPlatform: null, hostPlatformOther: '', address: '', headName: '', headPhone: '', openingHours: '', serviceForms: [],
        description: '', isActive: true, reason: '',
      }
}

export function stationRequest(m: StationModel, existing?: StationView | null): StationSave {
  const body: StationSave = {
    name: text(m.name), hostPlatform: m.hostPlatform, hostPlatformOther: m.hostPlatform === 'Other' ? text(m.hostPlatformOther) : null,
    address: text(m.address), headName: text(m.headName), headPhone: text(m.headPhone), openingHours: text(m.openingHours),
    serviceForms: [...m.serviceForms], description: text(m.description), operatorId: existing?.operatorId ?? null,
  }
  return existing ? { ...body, isActive: m.isActive, version: existing.version, reason: text(m.reason) } : body
}

/** R-ST-01 (host platform), R-ST-02 (place, head, contact), R-ST-06 (at least one form of service). */
export function validateStation(m: StationModel): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  required(out, 'name', m.name, '驿站名称', 'Name')
  if (!m.hostPlatform) out.push(fe('hostPlatform', 'required', '请选择依托的平台载体', 'hostPlatform is required'))
  if (m.hostPlatform === 'Other') required(out, 'hostPlatformOther', m.hostPlatformOther, '其他平台载体名称', 'The other platform')
  required(out, 'address', m.address, '驿站地址', 'Address')
  required(out, 'headName', m.headName, '驿站负责人', 'Head')
  if (text(m.headPhone) === null) out.push(fe('headPhone', 'required', '联系电话不能为空', 'headPhone is required'))
  else if (!phoneLooksValid(m.headPhone)) out.push(fe('headPhone', 'invalid_phone', '联系电话格式不正确', 'The phone number is not valid'))
  if (m.serviceForms.length === 0) out.push(fe('serviceForms', 'required', '请至少选择一种服务形式', 'Choose at least one form of service'))
  return out
}

export interface ReferModel {
  socialWorkPointId: string | null
  service: InclusiveService | null
  residentName: string
  residentPhone: string
  need: string
  stationId: string | null
}

export function emptyRefer(): ReferModel {
  return { socialWorkPointId: null, service: null, residentName: '', residentPhone: '', need: '', stationId: null }
}

export function validateRefer(m: ReferModel): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  if (!m.service) out.push(fe('service', 'required', '请选择服务类别', 'service is required'))
  if (!m.socialWorkPointId) out.push(fe('socialWorkPointId', 'required', '请选择社工服务站点', 'socialWorkPointId is required'))
  required(out, 'residentName', m.residentName, '居民姓名', 'Resident name')
  if (text(m.residentPhone) === null) out.push(fe('residentPhone', 'required', '联系电话不能为空', 'residentPhone is required'))
  else if (!phoneLooksValid(m.residentPhone)) out.push(fe('residentPhone', 'invalid_phone', '联系电话格式不正确', 'The phone number is not valid'))
  required(out, 'need', m.need, '服务需求', 'Need')
  return out
}

export function referRequest(m: ReferModel): Record<string, unknown> {
  return {
    socialWorkPointId: m.socialWorkPointId, service: m.service, residentName: text(m.residentName), residentPhone: text(m.residentPhone),
    need: text(m.need), stationId: m.stationId,
  }
}

export interface ServedModel {
  servedFrom: Date | null
  servedTo: Date | null
  summary: string
  freeOfCharge: boolean
}

export function validateServed(m: ServedModel, today: Date = new Date()): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  if (!m.servedFrom) out.push(fe('servedFrom', 'required', '请填写服务开始日期', 'servedFrom is required'))
  if (!m.servedTo) out.push(fe('servedTo', 'required', '请填写服务结束日期', 'servedTo is required'))
  else if (m.servedFrom && m.servedTo < m.servedFrom) out.push(fe('servedTo', 'before_start', '服务结束日期不能早于开始日期', 'servedTo cannot be before servedFrom'))
  else if (m.servedTo.getTime() > today.getTime()) out.push(fe('servedTo', 'in_future', '服务结束日期不能晚于今天', 'servedTo cannot be in the future'))
  required(out, 'summary', m.summary, '服务情况', 'Summary')
  if (!m.freeOfCharge) out.push(fe('freeOfCharge', 'must_be_free', '普惠型个人服务由社工服务点无偿提供', 'Inclusive services are free of charge to the resident (R-ST-08)'))
  return out
}

export function servedRequest(m: ServedModel, version: number) {
  return { servedFrom: localDateText(m.servedFrom), servedTo: localDateText(m.servedTo), summary: text(m.summary), freeOfCharge: m.freeOfCharge, version }
}
