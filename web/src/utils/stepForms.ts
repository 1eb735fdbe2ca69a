// The lifecycle's forms: what the inputs hold (models), the request each sends (money typed in 万元 goes out
// as integer fen, times as ISO instants, dates as yyyy-MM-dd, empty text as null), and the same required-field
// checks the API makes, with the API's field names so messages land under the same inputs either way.

import type { FieldErrorDto } from '@/api/problem'
import type { Channel, CollectionKind, CommitteeDecision, CommitteeOutcome, CreateAppeal, WishIntake } from '@/api/appeals'
import type { PublicAppeal } from '@/api/public'
import type { ProgrammeRuleSet } from '@/api/programme'
import {
  categoryOf,
  type AttachmentKind,
  type AttachmentView,
  type CompletionRequest,
  type ConsultationForm,
  type ConsultationRequest,
  type ExpressForm,
  type FinalAccountsRequest,
  type FundingChannel,
  type FundingSource,
  type OpinionRequest,
  type ParticipantType,
  type Platform,
  linkedPlatforms,
  type ProjectCategory,
  type ProjectSubType,
  type ProposalSource,
  type PublishRequest,
  type RegistrationRequest,
  type ReviewDecision,
  type ReviewRequest,
  type Route,
  type SatisfactionLevel,
  type SurveyAspect,
  type SurveyRequest,
  surveyAspects,
} from '@/api/projects'
import { formatFen, inclusiveDays, wanToFen, yuanToFen } from './format'

function fe(field: string, code: string, zh: string, en: string): FieldErrorDto {
  return { field, code, zh, en }
}

/** Trimmed text, or null when nothing is left. */
export function text(v: string | null | undefined): string | null {
  const s = (v ?? '').trim()
  return s === '' ? null : s
}

function blank(v: string | null | undefined): boolean {
  return text(v) === null
}

function required(out: FieldErrorDto[], field: string, v: string | null | undefined, zh: string, en: string): void {
  if (blank(v)) out.push(fe(field, 'required', `${zh}不能为空`, `${en} is required`))
}

function iso(d: Date | null | undefined): string | null {
  return d && !Number.isNaN(d.getTime()) ? d.toISOString() : null
}

/** Same rule as the API's CheckPhone: 7 to 12 digits, with only '-', ' ' and '+' besides. */
export function phoneLooksValid(phone: string): boolean {
  const digits = phone.replace(/\D/g, '').length
  return digits >= 7 && digits <= 12 && /^[\d\- +]+$/.test(phone.trim())
}

// ---------------------------------------------------------------- appeals

export interface AppealModel {
  channel: Channel | null
  title: string
  description: string
  category: ProjectCategory | null
  villageId: string | null
  address: string
  appellantName: string
  appellantPhone: string
  collection: CollectionKind
  /** 民生微实事 (to the village) or 民生微心愿 (straight to the town's verification, R-MW-06). */
  kind: 'MicroProject' | 'MicroWish'
  wish: WishFields
}

export function emptyAppeal(villageId: string | null = null): AppealModel {
  return {
    channel: null, title: '', description: '', category: null, villageId, address: '', appellantName: '', appellantPhone: '', collection: 'Daily',
    kind: 'MicroProject', wish: emptyWishFields(),
  }
}

export function appealRequest(m: AppealModel): CreateAppeal {
  const wish = m.kind === 'MicroWish'
  return {
    channel: m.channel,
    title: m.title.trim(),
    description: m.description.trim(),
    // A wish is an individual's or a household's: no project category, and never part of the concentrated collection.
    category: wish ? null : m.category,
    villageId: m.villageId,
    address: text(m.address),
    appellantName: text(m.appellantName),
    appellantPhone: text(m.appellantPhone),
    collection: wish ? 'Daily' : m.collection,
    wish: wish ? wishIntake(m.wish, m.title) : null,
  }
}

/** CreateWish.Details from the wish fields: the need defaults to the appeal's title (as the API does). */
export function wishIntake(w: WishFields, need: string | null = null): WishIntake {
  const special = w.kind === 'SpecialGroupAid'
  const fen = yuanToFen(w.requestedYuan)
  return {
    wishKind: w.kind ?? null,
    targetGroup: special ? w.targetGroup : null,
    assistanceType: special ? w.assistanceType : null,
    serviceType: w.kind === 'InclusiveService' ? w.serviceType : null,
    need: text(need),
    beneficiaryName: text(w.beneficiaryName),
    beneficiaryIdNumber: text(w.beneficiaryIdNumber),
    household: text(w.household),
    requestedFen: blank(w.requestedYuan) || Number.isNaN(fen) ? null : fen,
  }
}

export function validateAppeal(m: AppealModel): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  if (!m.channel) out.push(fe('channel', 'required', '请选择诉求来源渠道', 'channel is required'))
  if (m.channel === 'Petition') out.push(fe('channel', 'petition', '信访事项不属于“民生大莞家”受理范围', 'Petition matters are not accepted'))
  required(out, 'title', m.title, '诉求标题', 'Title')
  required(out, 'description', m.description, '诉求内容', 'Description')
  if (!m.villageId) out.push(fe('villageId', 'required', '请选择诉求所在村（社区）', 'villageId is required'))
  if (!blank(m.appellantPhone) && !phoneLooksValid(m.appellantPhone))
    out.push(fe('appellantPhone', 'invalid_phone', '联系电话格式不正确', 'The phone number is not valid'))
  if (m.kind === 'MicroWish') out.push(...validateWishFields(m.wish, 'wish.'))
  return out
}

/** The wish's own fields (R-MW-01), under the API's names: flat on the committee's form, `wish.` on intake (CreateWish.CheckDetails). */
export function validateWishFields(w: WishFields, prefix = ''): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  if (!w.kind) out.push(fe(`${prefix}wishKind`, 'required', '请选择微心愿类型（特殊群体帮扶/普惠型服务）', 'wishKind is required'))
  if (w.kind === 'SpecialGroupAid' && !w.targetGroup)
    out.push(fe(`${prefix}targetGroup`, 'required', '特殊群体帮扶须选择帮扶对象类别', 'A special-group aid wish needs its target group'))
  if (w.kind === 'SpecialGroupAid' && !w.assistanceType)
    out.push(fe(`${prefix}assistanceType`, 'required', '特殊群体帮扶须选择帮扶类型', 'A special-group aid wish needs its assistance type'))
  if (w.kind === 'InclusiveService' && !w.serviceType)
    out.push(fe(`${prefix}serviceType`, 'required', '普惠型服务须选择服务类型', 'An inclusive-service wish needs its service type'))
  if (!blank(w.beneficiaryIdNumber) && !/^\d{17}[\dXx]$/.test(w.beneficiaryIdNumber.trim()))
    out.push(fe(`${prefix}beneficiaryIdNumber`, 'invalid', '身份证号码格式不正确', 'The ID number is not valid'))
  if (!blank(w.requestedYuan) && (!/^\d+(\.\d{1,2})?$/.test(w.requestedYuan.trim()) || Number.isNaN(yuanToFen(w.requestedYuan))))
    out.push(fe(`${prefix}requestedFen`, 'invalid', '金额须为不小于0的数字，最多两位小数', 'The amount must be a number of yuan with at most two decimals'))
  return out
}

export interface PublicAppealModel {
  title: string
  description: string
  category: ProjectCategory | null
  townId: string | null
  villageId: string | null
  address: string
  name: string
  phone: string
}

export function publicAppealRequest(m: PublicAppealModel): PublicAppeal {
  return {
    title: m.title.trim(),
    description: m.description.trim(),
    category: m.category,
    villageId: m.villageId,
    address: text(m.address),
    name: text(m.name),
    phone: m.phone.trim(),
  }
}

export function validatePublicAppeal(m: PublicAppealModel): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  required(out, 'title', m.title, '标题', 'Title')
  required(out, 'description', m.description, '具体情况', 'Description')
  if (!m.villageId) out.push(fe('villageId', 'required', '请选择所在村（社区）', 'villageId is required'))
  if (blank(m.phone)) out.push(fe('phone', 'required', '手机号码不能为空', 'Phone is required'))
  else if (!phoneLooksValid(m.phone)) out.push(fe('phone', 'invalid_phone', '联系电话格式不正确', 'The phone number is not valid'))
  return out
}

/** The last four digits of a phone: what the appellant tracks with. */
export function lastFour(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  return digits.slice(-4)
}

// ---------------------------------------------------------------- the committee meeting (R-MS-03)

export interface CommitteeModel {
  meetingAt: Date | null
  /** Radio groups hold undefined, not null, until chosen. */
  outcome: CommitteeOutcome | undefined
  note: string
  policyDepartment: string
  policyContact: string
  projectName: string
  category: ProjectCategory | null
  lateReason: string
  /** With outcome MicroWish (R-MW-01): its kind and what it is for, the person helped, the amount asked in 元. */
  wish?: WishFields
}

export interface WishFields {
  kind: 'SpecialGroupAid' | 'InclusiveService' | undefined
  targetGroup: string | null
  assistanceType: string | null
  serviceType: string | null
  beneficiaryName: string
  beneficiaryIdNumber: string
  household: string
  requestedYuan: string
}

export function emptyWishFields(): WishFields {
  return { kind: undefined, targetGroup: null, assistanceType: null, serviceType: null, beneficiaryName: '', beneficiaryIdNumber: '', household: '', requestedYuan: '' }
}

function wishRequest(w: WishFields | undefined, name: string | null) {
  if (!w) return {}
  const { need: _need, ...details } = wishIntake(w)
  void _need
  return { projectName: name, ...details }
}

export function committeeRequest(m: CommitteeModel, version: number): CommitteeDecision {
  const referral = m.outcome === 'PolicyReferral'
  const project = m.outcome === 'MicroProject'
  if (m.outcome === 'MicroWish')
    return {
      meetingAt: iso(m.meetingAt), outcome: 'MicroWish', note: text(m.note), policyDepartment: null, policyContact: null, projectName: null, category: null,
      lateReason: text(m.lateReason), version, ...wishRequest(m.wish, text(m.projectName)),
    }
  return {
    meetingAt: iso(m.meetingAt),
    outcome: m.outcome ?? null,
    note: text(m.note),
    // Only the fields of the chosen outcome go out: a department typed and then abandoned is not sent.
    policyDepartment: referral ? text(m.policyDepartment) : null,
    policyContact: referral ? text(m.policyContact) : null,
    projectName: project ? text(m.projectName) : null,
    category: project ? m.category : null,
    lateReason: text(m.lateReason),
    version,
  }
}

export function validateCommittee(m: CommitteeModel, now: Date = new Date()): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  if (!m.meetingAt) out.push(fe('meetingAt', 'required', '请填写会议时间', 'meetingAt is required'))
  else if (m.meetingAt.getTime() > now.getTime()) out.push(fe('meetingAt', 'in_future', '会议时间不能晚于现在', 'meetingAt cannot be in the future'))
  if (!m.outcome) out.push(fe('outcome', 'required', '请选择会议初步确认的办理方式', 'outcome is required'))
  if (m.outcome === 'PolicyReferral') {
    if (blank(m.policyDepartment)) out.push(fe('policyDepartment', 'required', '转现行政策办理须填写跟办部门', 'policyDepartment is required for a policy referral'))
    if (blank(m.policyContact)) out.push(fe('policyContact', 'required', '转现行政策办理须填写联系方式', 'policyContact is required for a policy referral'))
  }
  if (m.outcome === 'NotAccepted' && blank(m.note))
    out.push(fe('note', 'required', '不予受理须说明原因，原因将反馈给诉求人', 'note (the reason sent to the appellant) is required'))
  if (m.outcome === 'MicroWish') out.push(...validateWishFields(m.wish ?? emptyWishFields()))
  return out
}

// ---------------------------------------------------------------- consultation / assembly vote (R-MS-04..06)

export interface ConsultationModel {
  heldAt: Date | null
  place: string
  host: string
  recorder: string
  form: ConsultationForm | null
  formOther: string
  participantTypes: ParticipantType[]
  headCount: number | null
  passed: boolean | undefined
  content: string
  beneficiaries: string
  route: Route | null
  /** As typed, in 万元. */
  budgetWan: string
  fundingSources: FundingSource[]
  implementingBody: string
  implementationPeriod: string
  failureNote: string
  feasibilityStudy: string
  minutesAttachmentId: string | null
  lateReason: string
  /** R-RT-01: an express project is implemented directly unless the village chooses a grant or a pairing (with the unit). */
  expressForm: ExpressForm
  pairedUnit: string
  /** R-RT-02: below the programme's direct-route hint, why the item still needs society's help. */
  directRouteReason: string
}

export function emptyConsultation(now: Date = new Date()): ConsultationModel {
  return {
    heldAt: now, place: '', host: '', recorder: '', form: null, formOther: '', participantTypes: [], headCount: null, passed: undefined, content: '',
    beneficiaries: '', route: null, budgetWan: '', fundingSources: ['ProgrammeFund'], implementingBody: '', implementationPeriod: '', failureNote: '',
    feasibilityStudy: '', minutesAttachmentId: null, lateReason: '', expressForm: 'DirectImplementation', pairedUnit: '', directRouteReason: '',
  }
}

/** R-RT-02: a direct-route budget under the programme's hint (5万元 by default) needs the village's reason; null when it does not apply. */
export function directBelowHint(m: Pick<ConsultationModel, 'passed' | 'route' | 'budgetWan'>, hintFen: number | null | undefined): boolean {
  if (m.passed !== true || m.route !== 'Direct' || hintFen === null || hintFen === undefined) return false
  const fen = wanToFen(m.budgetWan)
  return Number.isFinite(fen) && fen > 0 && fen < hintFen
}

export function consultationRequest(m: ConsultationModel, version: number): ConsultationRequest {
  const passed = m.passed === true
  const fen = wanToFen(m.budgetWan)
  return {
    heldAt: iso(m.heldAt),
    place: m.place.trim(),
    host: m.host.trim(),
    recorder: m.recorder.trim(),
    form: m.form,
    formOther: m.form === 'Other' ? text(m.formOther) : null,
    participantTypes: [...m.participantTypes],
    headCount: m.headCount,
    passed: m.passed ?? null,
    // A passed meeting settles the result fields; a failed one only says why.
    content: passed ? text(m.content) : null,
    beneficiaries: passed ? text(m.beneficiaries) : null,
    route: passed ? m.route : null,
    budgetFen: passed && Number.isFinite(fen) ? fen : null,
    fundingSources: passed ? [...m.fundingSources] : null,
    implementingBody: passed ? text(m.implementingBody) : null,
    implementationPeriod: passed ? text(m.implementationPeriod) : null,
    failureNote: passed ? null : text(m.failureNote),
    feasibilityStudy: text(m.feasibilityStudy),
    minutesAttachmentId: m.minutesAttachmentId,
    lateReason: text(m.lateReason),
    version,
    expressForm: passed && m.route === 'Express' ? m.expressForm : null,
    pairedUnit: passed && m.route === 'Express' && m.expressForm === 'Pairing' ? text(m.pairedUnit) : null,
    directRouteReason: passed && m.route === 'Direct' ? text(m.directRouteReason) : null,
  }
}

export interface ConsultationChecks {
  feasibilityRequired: boolean
  now?: Date
  /** The project's category, when the committee or the appeal named it: a convenience work may not take the station route (R-RT-05). */
  category?: ProjectCategory | null
  /** The rule set's direct-route hint in fen (R-RT-02). */
  directRouteHintFen?: number | null
}

export function validateConsultation(m: ConsultationModel, opts: ConsultationChecks): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  const now = opts.now ?? new Date()
  if (!m.heldAt) out.push(fe('heldAt', 'required', '请填写协商时间', 'heldAt is required'))
  else if (m.heldAt.getTime() > now.getTime()) out.push(fe('heldAt', 'in_future', '协商时间不能晚于现在', 'heldAt cannot be in the future'))
  required(out, 'place', m.place, '协商地点', 'Place')
  required(out, 'host', m.host, '主持人', 'Host')
  required(out, 'recorder', m.recorder, '记录人', 'Recorder')
  if (!m.form) out.push(fe('form', 'required', '请选择协商形式', 'form is required'))
  if (m.form === 'Other' && blank(m.formOther)) out.push(fe('formOther', 'required', '请填写其他协商形式', 'formOther is required when form is Other'))
  if (m.participantTypes.length === 0) out.push(fe('participantTypes', 'required', '请选择参与主体', 'participantTypes is required'))
  if (m.headCount === null || !Number.isInteger(m.headCount) || m.headCount < 1)
    out.push(fe('headCount', 'out_of_range', '参与人数须为正整数', 'headCount must be a positive number'))
  if (m.passed === undefined) out.push(fe('passed', 'required', '请选择协商是否通过', 'passed is required'))
  if (!m.minutesAttachmentId) out.push(fe('minutesAttachmentId', 'required', '请上传协商记录', 'The minutes (minutesAttachmentId) are required'))
  if (opts.feasibilityRequired && blank(m.feasibilityStudy))
    out.push(fe('feasibilityStudy', 'required', '再次协商前须作可行性研究分析', 'A feasibility study is required before consulting again'))
  if (m.passed === true) {
    required(out, 'content', m.content, '项目建设（服务）内容', 'Content')
    required(out, 'beneficiaries', m.beneficiaries, '项目惠及人群', 'Beneficiaries')
    if (!m.route) out.push(fe('route', 'required', '请选择办理方式', 'route is required'))
    const fen = wanToFen(m.budgetWan)
    if (!Number.isFinite(fen) || fen <= 0) out.push(fe('budgetFen', 'out_of_range', '项目经费预算须大于0', 'budgetFen must be a positive amount'))
    if (m.fundingSources.length === 0) out.push(fe('fundingSources', 'required', '请选择项目经费来源', 'fundingSources is required'))
    required(out, 'implementingBody', m.implementingBody, '实施主体', 'Implementing body')
    required(out, 'implementationPeriod', m.implementationPeriod, '实施时限', 'Implementation period')
    if (m.route === 'Station' && opts.category === 'ConvenienceWorks')
      out.push(fe('route', 'station_services_only', '莞家驿站承接公益服务类项目，便民工程项目请选择莞家速递或莞家直达',
        'The station route serves public-welfare service items (R-RT-05)'))
    if (m.route === 'Express' && m.expressForm === 'Pairing' && blank(m.pairedUnit))
      out.push(fe('pairedUnit', 'required', '结对帮扶须填写结对的机关事业单位或村（社区）', 'A pairing needs the paired unit or village'))
    if (directBelowHint(m, opts.directRouteHintFen) && blank(m.directRouteReason))
      out.push(fe('directRouteReason', 'direct_below_hint',
        `莞家直达适用于金额较大、需社会力量参与的项目；本项目预算低于${formatFen(opts.directRouteHintFen!, { unit: 'wan' })}，如确需社会力量认领，请说明理由`,
        'The direct route is for larger items; below the hint give the reason (directRouteReason)'))
  } else if (m.passed === false) {
    required(out, 'failureNote', m.failureNote, '未通过的原因', 'Why it did not pass')
  }
  return out
}

// ---------------------------------------------------------------- registration form (R-MS-01, R-MS-07)

export interface RegistrationModel {
  name: string
  subType: ProjectSubType | null
  content: string
  source: ProposalSource | null
  location: string
  contactName: string
  contactTitle: string
  contactPhone: string
  capOverrideReason: string
  /** R-IN-05: the village's own policy check, for a project under the threshold (the town does not review it). */
  policyCheck: PolicyCheckModel
}

export interface PolicyCheckModel {
  /** Radio groups hold undefined until chosen. */
  resolvableByPolicy: boolean | undefined
  policyId: string | null
  policyDepartment: string
  policyContact: string
  note: string
}

export function emptyPolicyCheck(): PolicyCheckModel {
  return { resolvableByPolicy: undefined, policyId: null, policyDepartment: '', policyContact: '', note: '' }
}

export function emptyRegistration(): RegistrationModel {
  return {
    name: '', subType: null, content: '', source: null, location: '', contactName: '', contactTitle: '', contactPhone: '', capOverrideReason: '',
    policyCheck: emptyPolicyCheck(),
  }
}

/** What the registration form knows of the project: over the category cap, under the threshold, its route. */
export interface RegistrationChecks {
  overCap: boolean
  /** Under the direct-implementation threshold: the village's policy check is part of the filing (R-IN-05, R-MS-16). */
  small: boolean
  route?: Route | null
}

/** The category cap (R-MS-01) the budget exceeds, or null. */
export function capExceeded(
  budgetFen: number | null | undefined,
  subType: ProjectSubType | null,
  rules: Pick<ProgrammeRuleSet, 'convenienceWorksCapFen' | 'welfareServiceCapFen'> | null | undefined,
): { category: ProjectCategory; capFen: number } | null {
  if (!subType || !rules || budgetFen === null || budgetFen === undefined) return null
  const category = categoryOf(subType)
  const capFen = category === 'ConvenienceWorks' ? rules.convenienceWorksCapFen : rules.welfareServiceCapFen
  return budgetFen > capFen ? { category, capFen } : null
}

/** Under the direct-implementation threshold (R-MS-07): the village publicises and implements it itself. */
export function isSmallBudget(budgetFen: number | null | undefined, rules: Pick<ProgrammeRuleSet, 'directImplementationThresholdFen'> | null | undefined): boolean | null {
  if (budgetFen === null || budgetFen === undefined || !rules) return null
  return budgetFen < rules.directImplementationThresholdFen
}

export function registrationRequest(m: RegistrationModel, version: number, c: RegistrationChecks): RegistrationRequest {
  const overCap = c.overCap
  const pc = m.policyCheck
  const referred = pc.resolvableByPolicy === true
  return {
    name: m.name.trim(),
    subType: m.subType,
    content: text(m.content),
    source: m.source,
    location: m.location.trim(),
    contactName: m.contactName.trim(),
    contactTitle: m.contactTitle.trim(),
    contactPhone: m.contactPhone.trim(),
    capOverrideReason: overCap ? text(m.capOverrideReason) : null,
    version,
    // Only a project the town will not review carries the village's check; a department typed and then abandoned is not sent.
    policyCheck: c.small
      ? {
          resolvableByPolicy: pc.resolvableByPolicy ?? null,
          policyId: referred ? pc.policyId : null,
          policyDepartment: referred ? text(pc.policyDepartment) : null,
          policyContact: referred ? text(pc.policyContact) : null,
          note: text(pc.note),
        }
      : null,
  }
}

export function validateRegistration(m: RegistrationModel, c: RegistrationChecks): FieldErrorDto[] {
  const overCap = c.overCap
  const out: FieldErrorDto[] = []
  required(out, 'name', m.name, '项目名称', 'Name')
  if (!m.subType) out.push(fe('subType', 'required', '请选择项目类别和具体内容', 'subType is required'))
  if (!m.source) out.push(fe('source', 'required', '请选择来源渠道', 'source is required'))
  required(out, 'location', m.location, '实施地点', 'Location')
  required(out, 'contactName', m.contactName, '项目联系人', 'Contact')
  required(out, 'contactTitle', m.contactTitle, '职务', 'Title')
  required(out, 'contactPhone', m.contactPhone, '联系电话', 'Phone')
  if (overCap && blank(m.capOverrideReason))
    out.push(fe('capOverrideReason', 'over_cap', '预算超出类别上限，须说明超出理由', 'The budget is over the cap; give an override reason'))
  if (c.route === 'Station' && m.subType && categoryOf(m.subType) === 'ConvenienceWorks')
    out.push(fe('subType', 'station_services_only', '莞家驿站承接公益服务类项目，便民工程项目请重新协商办理方式', 'The station route serves public-welfare service items (R-RT-05)'))
  if (c.small) {
    const pc = m.policyCheck
    if (pc.resolvableByPolicy === undefined)
      out.push(fe('policyCheck.resolvableByPolicy', 'required', '5万元以下项目无须镇（街道）审核，请对照现行民生保障政策清单核对可否由现行政策解决',
        'A small project needs the village\'s policy check (R-IN-05)'))
    // A policy chosen from the catalogue brings its department and contact (the API fills them in).
    if (pc.resolvableByPolicy === true && !pc.policyId) {
      if (blank(pc.policyDepartment)) out.push(fe('policyCheck.policyDepartment', 'required', '请填写跟办部门', 'policyDepartment is required'))
      if (blank(pc.policyContact)) out.push(fe('policyCheck.policyContact', 'required', '请填写跟办部门联系方式', 'policyContact is required'))
    }
  }
  return out
}

// ---------------------------------------------------------------- department opinion and town review (R-MS-08..10)

export interface OpinionModel {
  opinion: string
  agrees: boolean | undefined
  signedOff: boolean
}

export function opinionRequest(m: OpinionModel): OpinionRequest {
  return { opinion: m.opinion.trim(), agrees: m.agrees ?? null, signedOff: m.signedOff }
}

export function validateOpinion(m: OpinionModel): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  required(out, 'opinion', m.opinion, '审核意见', 'Opinion')
  if (m.agrees === undefined) out.push(fe('agrees', 'required', '请选择是否同意', 'agrees is required'))
  return out
}

export type ReviewCheck = 'consultationCompliant' | 'budgetReasonable' | 'routeFeasible' | 'resolvableByPolicy'
export const reviewChecks: ReviewCheck[] = ['consultationCompliant', 'budgetReasonable', 'routeFeasible', 'resolvableByPolicy']

export interface ReviewModel {
  /** The four checks start unset: each is answered 是 or 否 (R-MS-08). */
  consultationCompliant: boolean | undefined
  budgetReasonable: boolean | undefined
  routeFeasible: boolean | undefined
  resolvableByPolicy: boolean | undefined
  decision: ReviewDecision | undefined
  opinion: string
  policyId: string | null
  policyDepartment: string
  policyContact: string
  /** R-MS-20: where the money comes from, and who pays (blank: the town's budget or the village's own fund). */
  funding: FundingChannel | undefined
  fundingPayer: string
  lateReason: string
}

export function emptyReview(): ReviewModel {
  return {
    consultationCompliant: undefined, budgetReasonable: undefined, routeFeasible: undefined, resolvableByPolicy: undefined, decision: undefined,
    opinion: '', policyId: null, policyDepartment: '', policyContact: '', funding: undefined, fundingPayer: '', lateReason: '',
  }
}

/** The channels a decision may name (R-MS-20): a policy referral is paid from a finance budget, programme funding never is. */
export function fundingChannelsFor(decision: ReviewDecision | undefined): FundingChannel[] {
  if (decision === 'PolicyReferral') return ['FinanceBudget']
  if (decision === 'ProgrammeFunding') return ['VillageProgrammeFund', 'SocialDonation']
  return []
}

/**
 * The registration form's words for where the money comes from (003 attachment 1): 所需经费从…财政预算中列支 /
 * 从…村（社区）“民生大莞家”专项资金中列支 / 由社会捐赠解决. The payer defaults as the API does: the town's budget, the village's fund.
 */
export function fundingSentence(
  funding: FundingChannel | null | undefined,
  payer: string | null | undefined,
  places: { town: string; village: string },
  lang: 'zh-CN' | 'en-US' = 'zh-CN',
): string {
  if (!funding) return ''
  const who = text(payer)
  if (lang === 'en-US') {
    if (funding === 'FinanceBudget') return `Paid from the finance budget of ${who ?? places.town}`
    if (funding === 'VillageProgrammeFund') return `Paid from the Guanjia programme fund of ${who ?? places.village}`
    return 'Paid by social donation'
  }
  if (funding === 'FinanceBudget') return `所需经费从${who ?? places.town}财政预算中列支`
  if (funding === 'VillageProgrammeFund') return `所需经费从${who ?? places.village}“民生大莞家”专项资金中列支`
  return '所需经费由社会捐赠解决'
}

export function reviewRequest(m: ReviewModel, version: number): ReviewRequest {
  const policy = m.decision === 'PolicyReferral'
  const paid = policy || m.decision === 'ProgrammeFunding'
  return {
    consultationCompliant: m.consultationCompliant ?? null,
    budgetReasonable: m.budgetReasonable ?? null,
    routeFeasible: m.routeFeasible ?? null,
    resolvableByPolicy: m.resolvableByPolicy ?? null,
    decision: m.decision ?? null,
    opinion: m.opinion.trim(),
    policyId: policy ? m.policyId : null,
    policyDepartment: policy ? text(m.policyDepartment) : null,
    policyContact: policy ? text(m.policyContact) : null,
    lateReason: text(m.lateReason),
    version,
    // Only a decision that pays says who pays; a channel chosen and then abandoned is not sent.
    funding: paid ? (m.funding ?? null) : null,
    fundingPayer: paid && m.funding !== 'SocialDonation' ? text(m.fundingPayer) : null,
  }
}

const checkWords: Record<ReviewCheck, string> = {
  consultationCompliant: '请审核协商过程是否规范',
  budgetReasonable: '请审核预算安排是否合理',
  routeFeasible: '请审核办理方式是否可行',
  resolvableByPolicy: '请审核可否由现行政策或其他专项资金解决',
}

/** The API's checks of ReviewProject: every check answered, the decision agreeing with them, the funding it names. */
export function validateReview(m: ReviewModel, opinions: { signedOff: boolean }[]): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  const fund = m.decision === 'ProgrammeFunding'
  const policy = m.decision === 'PolicyReferral'
  for (const c of reviewChecks) if (m[c] === undefined) out.push(fe(c, 'required', checkWords[c], `${c} is required`))
  if (!m.decision) out.push(fe('decision', 'required', '请选择审核结论', 'decision is required'))
  required(out, 'opinion', m.opinion, '镇（街道）审核意见', 'Opinion')
  if (fund && (m.consultationCompliant === false || m.budgetReasonable === false || m.routeFeasible === false))
    out.push(fe('decision', 'checks_failed', '协商过程、预算安排、办理方式均审核通过方可由专项资金资助', 'Programme funding needs the consultation, budget and route checks all passed'))
  if (fund && m.resolvableByPolicy === true)
    out.push(fe('resolvableByPolicy', 'contradiction', '可由现行政策解决的项目应转相关部门办理', 'An item current policy resolves goes to the department, not the programme'))
  if (policy && m.resolvableByPolicy === false)
    out.push(fe('resolvableByPolicy', 'contradiction', '转现行政策办理须确认可由现行政策解决', 'A policy referral needs resolvableByPolicy = true'))
  if (policy && !m.policyId && blank(m.policyDepartment)) out.push(fe('policyDepartment', 'required', '请填写跟办部门', 'policyDepartment is required'))
  if (policy && !m.policyId && blank(m.policyContact)) out.push(fe('policyContact', 'required', '请填写跟办部门联系方式', 'policyContact is required'))
  if ((fund || policy) && opinions.length === 0)
    out.push(fe('departmentOpinions', 'required', '须会同相关职能部门审核：尚无部门审核意见', 'The review needs at least one department’s opinion'))
  if (policy && !opinions.some((o) => o.signedOff))
    out.push(fe('departmentOpinions', 'not_signed', '转现行政策办理须经相关部门在《登记备案表》中盖章', 'A policy referral needs a department’s sign-off on the form'))
  if ((fund || policy) && !m.funding)
    out.push(fe('funding', 'required', '请选择所需经费的列支渠道（财政预算、村（社区）“民生大莞家”专项资金或社会捐赠）', 'Say where the money comes from (R-MS-20)'))
  else if (fund && m.funding === 'FinanceBudget')
    out.push(fe('funding', 'not_programme', '由“民生大莞家”服务机制解决的项目，经费从村（社区）专项资金列支或由社会捐赠解决',
      'A programme-funded item is paid from the village’s fund or by donation'))
  else if (policy && m.funding && m.funding !== 'FinanceBudget')
    out.push(fe('funding', 'policy_budget', '由现行政策解决的项目，经费从相关财政预算中列支', 'A policy referral is paid from the finance budget under that policy'))
  return out
}

// ---------------------------------------------------------------- publicity (R-MS-11)

export interface PublishModel {
  from: string | null
  to: string | null
  platforms: Platform[]
  /** R-MS-11: why a linked platform is left out (a confirmed project only). */
  platformOverrideReason: string
}

/** The linked platforms a confirmed project's publicity leaves out (R-MS-11); a small project's village publicity leaves none out. */
export function platformsLeftOut(m: Pick<PublishModel, 'platforms'>, small: boolean): Platform[] {
  return small ? [] : linkedPlatforms.filter((p) => !m.platforms.includes(p))
}

export function publishRequest(m: PublishModel, version: number, small = false): PublishRequest {
  const left = platformsLeftOut(m, small)
  return { from: m.from, to: m.to, platforms: [...m.platforms], version, platformOverrideReason: left.length ? text(m.platformOverrideReason) : null }
}

const platformZh: Record<Platform, string> = {
  Hotline12345Portal: '“12345”政府服务热线门户网站',
  WeChatAccount: '“莞家政务”微信公众号“民生大莞家”专栏',
  CivilAffairsWebsite: '东莞市民政局官网',
  CommunityPlatform: '社区公共服务综合信息平台',
  VillageNoticeBoard: '党务村（居）务公开栏',
}

export function validatePublish(m: PublishModel, minDays: number, today: string, small = false): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  const left = platformsLeftOut(m, small)
  if (left.length && blank(m.platformOverrideReason))
    out.push(fe('platforms', 'platform_left_out', `经确认的项目须在全部关联平台公示，未选：${left.map((p) => platformZh[p]).join('、')}；如确需省略，请填写原因`,
      `A confirmed project is publicised on every linked platform; ${left.join(', ')} left out needs platformOverrideReason`))
  if (small && m.platforms.length === 0) out.push(fe('platforms', 'required', '请选择公示平台', 'platforms is required'))
  if (!m.from) out.push(fe('from', 'required', '请填写公示开始日期', 'from is required'))
  else if (m.from < today) out.push(fe('from', 'in_past', '公示开始日期不能早于今天', 'from cannot be before today'))
  if (!m.to) out.push(fe('to', 'required', '请填写公示结束日期', 'to is required'))
  if (m.from && m.to && inclusiveDays(m.from, m.to) < minDays)
    out.push(fe('to', 'too_short', `公示时间不少于${minDays}日`, `Publicity must last at least ${minDays} days`))
  return out
}

// ---------------------------------------------------------------- progress and the survey (R-MS-14, R-MS-18)

export interface ProgressModel {
  text: string
  percentDone: number | null
  photoIds: string[]
}

export function validateProgress(m: ProgressModel): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  required(out, 'text', m.text, '进度说明', 'Text')
  if (m.percentDone !== null && (m.percentDone < 0 || m.percentDone > 100))
    out.push(fe('percentDone', 'out_of_range', '完成比例须在0到100之间', 'percentDone must be 0 to 100'))
  return out
}

export type SurveyModel = Record<SurveyAspect, SatisfactionLevel | undefined> & {
  /** The optional eighth row 其他 (R-MS-14): a level for an aspect the respondent names. */
  other: SatisfactionLevel | undefined
  otherAspect: string
  suggestion: string
  signature: string
}

export function emptySurvey(): SurveyModel {
  return {
    overall: undefined, quality: undefined, effect: undefined, attitude: undefined, efficiency: undefined, closeness: undefined, openness: undefined,
    other: undefined, otherAspect: '', suggestion: '', signature: '',
  }
}

export function surveyRequest(m: SurveyModel): SurveyRequest {
  return {
    overall: m.overall ?? null, quality: m.quality ?? null, effect: m.effect ?? null, attitude: m.attitude ?? null,
    efficiency: m.efficiency ?? null, closeness: m.closeness ?? null, openness: m.openness ?? null, ...otherRowRequest(m),
    suggestion: text(m.suggestion), signature: text(m.signature),
  }
}

/** The 其他 row as sent: its aspect only with a level (the API keeps the aspect only then). */
export function otherRowRequest(m: { other: SatisfactionLevel | undefined | null; otherAspect: string }): { other: SatisfactionLevel | null; otherAspect: string | null } {
  return { other: m.other ?? null, otherAspect: m.other ? text(m.otherAspect) : null }
}

/** The API's OtherRow check: an aspect named needs its level. */
export function validateOtherRow(m: { other: SatisfactionLevel | undefined | null; otherAspect: string }): FieldErrorDto[] {
  return !m.other && !blank(m.otherAspect)
    ? [fe('other', 'required', '填写了“其他”评价事项，请同时选择满意程度', 'otherAspect needs a level in other')]
    : []
}

export function validateSurvey(m: SurveyModel): FieldErrorDto[] {
  return [
    ...surveyAspects
      .filter((a) => m[a] === undefined)
      .map((a) => fe(a, 'required', '每一项评价都须选择（非常满意/满意/基本满意/不满意/非常不满意）', 'Every aspect needs one of the five levels')),
    ...validateOtherRow(m),
  ]
}

// ---------------------------------------------------------------- the completion form (R-MS-13)

export interface MoneyModel {
  programme: string
  village: string
  social: string
}

export interface CompletionModel {
  periodFrom: string | null
  periodTo: string | null
  beneficiaries: string
  beneficiaryCount: number | null
  budgeted: MoneyModel
  actual: MoneyModel
  works: { content: string; unit: string; plannedQuantity: number | null; actualQuantity: number | null }
  service: { time: string; place: string; participants: number | null }
  outcomePhotoIds: string[]
  tendered: boolean
  lateReason: string
}

export function emptyCompletion(): CompletionModel {
  return {
    periodFrom: null, periodTo: null, beneficiaries: '', beneficiaryCount: null, budgeted: { programme: '', village: '0', social: '0' },
    actual: { programme: '', village: '0', social: '0' }, works: { content: '', unit: '', plannedQuantity: null, actualQuantity: null },
    service: { time: '', place: '', participants: null }, outcomePhotoIds: [], tendered: false, lateReason: '',
  }
}

function moneyFen(m: MoneyModel): { programmeFen: number | null; villageFen: number | null; socialFen: number | null } {
  const f = (s: string) => {
    const v = wanToFen(s)
    return Number.isFinite(v) ? v : null
  }
  return { programmeFen: f(m.programme), villageFen: f(m.village), socialFen: f(m.social) }
}

/** The sum of a three-way split in fen, or null while a part is not a number. */
export function splitTotalFen(m: MoneyModel): number | null {
  const x = moneyFen(m)
  return x.programmeFen === null || x.villageFen === null || x.socialFen === null ? null : x.programmeFen + x.villageFen + x.socialFen
}

export function completionRequest(m: CompletionModel, category: ProjectCategory | null, version: number): CompletionRequest {
  const works = category === 'ConvenienceWorks'
  return {
    periodFrom: m.periodFrom,
    periodTo: m.periodTo,
    beneficiaries: m.beneficiaries.trim(),
    beneficiaryCount: m.beneficiaryCount,
    budgeted: moneyFen(m.budgeted),
    actual: moneyFen(m.actual),
    works: works
      ? { content: m.works.content.trim(), unit: m.works.unit.trim(), plannedQuantity: m.works.plannedQuantity, actualQuantity: m.works.actualQuantity }
      : null,
    service: works ? null : { time: m.service.time.trim(), place: m.service.place.trim(), participants: m.service.participants },
    outcomePhotoIds: [...m.outcomePhotoIds],
    tendered: m.tendered,
    lateReason: text(m.lateReason),
    version,
  }
}

export function validateCompletion(m: CompletionModel, category: ProjectCategory | null, budgetFen: number | null): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  if (!m.periodFrom) out.push(fe('periodFrom', 'required', '请填写项目实施开始日期', 'periodFrom is required'))
  if (!m.periodTo) out.push(fe('periodTo', 'required', '请填写项目实施结束日期', 'periodTo is required'))
  if (m.periodFrom && m.periodTo && m.periodFrom > m.periodTo)
    out.push(fe('periodTo', 'invalid_range', '结束日期不能早于开始日期', 'periodTo cannot be before periodFrom'))
  required(out, 'beneficiaries', m.beneficiaries, '受益对象', 'Beneficiaries')
  if (m.beneficiaryCount === null || m.beneficiaryCount < 1)
    out.push(fe('beneficiaryCount', 'out_of_range', '受益人数须为正整数', 'beneficiaryCount must be positive'))
  for (const [field, money] of [['budgeted', m.budgeted], ['actual', m.actual]] as const) {
    const fen = moneyFen(money)
    for (const part of ['programmeFen', 'villageFen', 'socialFen'] as const)
      if (fen[part] === null || (fen[part] ?? 0) < 0)
        out.push(fe(`${field}.${part}`, 'out_of_range', '金额须为不小于0的数（万元）', 'must be a non-negative amount'))
  }
  const total = splitTotalFen(m.budgeted)
  if (total !== null && budgetFen !== null && total !== budgetFen)
    out.push(fe('budgeted', 'sum_mismatch', `预算投入合计须等于项目预算${formatFen(budgetFen, { unit: 'wan' })}`,
      `The budgeted split must add up to the project budget of ${budgetFen} fen`))
  if (category === 'ConvenienceWorks') {
    required(out, 'works.content', m.works.content, '施工内容', 'Works content')
    required(out, 'works.unit', m.works.unit, '计量单位', 'Unit')
    if (m.works.plannedQuantity === null || m.works.plannedQuantity <= 0)
      out.push(fe('works.plannedQuantity', 'out_of_range', '计划工程量须大于0', 'plannedQuantity must be positive'))
    if (m.works.actualQuantity === null || m.works.actualQuantity < 0)
      out.push(fe('works.actualQuantity', 'out_of_range', '实际工程量不能为负', 'actualQuantity must not be negative'))
  } else {
    required(out, 'service.time', m.service.time, '服务时间', 'Service time')
    required(out, 'service.place', m.service.place, '服务地点', 'Service place')
    if (m.service.participants === null || m.service.participants < 1)
      out.push(fe('service.participants', 'out_of_range', '参与人数须为正整数', 'participants must be positive'))
  }
  if (m.outcomePhotoIds.length === 0) out.push(fe('outcomePhotoIds', 'required', '请上传项目成效照片', 'outcome photos are required'))
  return out
}

/** The note under the completion form: the attachments it needs, more when the project was tendered. */
export function requiredAttachmentKinds(tendered: boolean): AttachmentKind[] {
  const base: AttachmentKind[] = ['StampedRegistrationForm', 'Contract', 'Invoice']
  return tendered ? [...base, 'ProcurementFiling', 'TenderDocuments', 'SupplierQualification', 'TaxRegistration'] : base
}

export function attachmentChecklist(attachments: readonly Pick<AttachmentView, 'kind'>[], tendered: boolean): { kind: AttachmentKind; uploaded: boolean }[] {
  const have = new Set(attachments.map((a) => a.kind))
  return requiredAttachmentKinds(tendered).map((kind) => ({ kind, uploaded: have.has(kind) }))
}

// ---------------------------------------------------------------- final accounts and audit (R-MS-19)

export interface FinalAccountsModel {
  /** 决算金额, typed in 万元. */
  finalAccountsWan: string
  auditBody: string
  auditResult: string
  effect: string
  auditReportId: string | null
  lateReason: string
}

export function emptyFinalAccounts(): FinalAccountsModel {
  return { finalAccountsWan: '', auditBody: '', auditResult: '', effect: '', auditReportId: null, lateReason: '' }
}

export function finalAccountsRequest(m: FinalAccountsModel, version: number): FinalAccountsRequest {
  const fen = wanToFen(m.finalAccountsWan)
  return {
    finalAccountsFen: blank(m.finalAccountsWan) || !Number.isFinite(fen) ? null : fen,
    auditBody: text(m.auditBody),
    auditResult: text(m.auditResult),
    effect: text(m.effect),
    auditReportId: m.auditReportId,
    lateReason: text(m.lateReason),
    version,
  }
}

export function validateFinalAccounts(m: FinalAccountsModel): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  const fen = wanToFen(m.finalAccountsWan)
  if (blank(m.finalAccountsWan) || !Number.isFinite(fen) || fen < 0)
    out.push(fe('finalAccountsFen', 'out_of_range', '决算金额须为不小于0的数（万元）', 'finalAccountsFen must be 0 or more'))
  required(out, 'auditBody', m.auditBody, '审计单位', 'Auditor')
  required(out, 'auditResult', m.auditResult, '审计结果', 'Audit result')
  required(out, 'effect', m.effect, '实施效果', 'Effect')
  if (!m.auditReportId) out.push(fe('auditReportId', 'required', '请上传审计报告', 'The audit report (auditReportId) is required'))
  return out
}

// ---------------------------------------------------------------- survey commissions (R-MS-18)

export interface CommissionModel {
  evaluatorId: string | null
  note: string
}

export function validateCommission(m: CommissionModel, open: readonly { evaluatorId: string; withdrawnAt: string | null }[]): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  if (!m.evaluatorId) out.push(fe('evaluatorId', 'required', '请选择第三方评估机构', 'evaluatorId is required'))
  else if (open.some((c) => c.evaluatorId === m.evaluatorId && !c.withdrawnAt))
    out.push(fe('evaluatorId', 'already_commissioned', '已委托该机构', 'That evaluator is already commissioned'))
  return out
}
