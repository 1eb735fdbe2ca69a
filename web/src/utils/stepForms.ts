// The lifecycle's forms: what the inputs hold (models), the request each sends (money typed in 万元 goes out
// as integer fen, times as ISO instants, dates as yyyy-MM-dd, empty text as null), and the same required-field
// checks the API makes, with the API's field names so messages land under the same inputs either way.

import type { FieldErrorDto } from '@/api/problem'
import type { Channel, CollectionKind, CommitteeDecision, CommitteeOutcome, CreateAppeal } from '@/api/appeals'
import type { PublicAppeal } from '@/api/public'
import type { ProgrammeRuleSet } from '@/api/programme'
import {
  categoryOf,
  type AttachmentKind,
  type AttachmentView,
  type CompletionRequest,
  type ConsultationForm,
  type ConsultationRequest,
  type FundingSource,
  type OpinionRequest,
  type ParticipantType,
  type Platform,
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
}

export function emptyAppeal(villageId: string | null = null): AppealModel {
  return {
    channel: null, title: '', description: '', category: null, villageId, address: '', appellantName: '', appellantPhone: '', collection: 'Daily',
  }
}

export function appealRequest(m: AppealModel): CreateAppeal {
  return {
    channel: m.channel,
    title: m.title.trim(),
    description: m.description.trim(),
    category: m.category,
    villageId: m.villageId,
    address: text(m.address),
    appellantName: text(m.appellantName),
    appellantPhone: text(m.appellantPhone),
    collection: m.collection,
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
  const special = w.kind === 'SpecialGroupAid'
  const fen = yuanToFen(w.requestedYuan)
  return {
    projectName: name,
    wishKind: w.kind ?? null,
    targetGroup: special ? w.targetGroup : null,
    assistanceType: special ? w.assistanceType : null,
    serviceType: w.kind === 'InclusiveService' ? w.serviceType : null,
    beneficiaryName: text(w.beneficiaryName),
    beneficiaryIdNumber: text(w.beneficiaryIdNumber),
    household: text(w.household),
    requestedFen: blank(w.requestedYuan) || Number.isNaN(fen) ? null : fen,
  }
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
  if (m.outcome === 'MicroWish') {
    const w = m.wish ?? emptyWishFields()
    if (!w.kind) out.push(fe('wishKind', 'required', '请选择微心愿类型（特殊群体帮扶/普惠型服务）', 'wishKind is required'))
    if (w.kind === 'SpecialGroupAid' && !w.targetGroup) out.push(fe('targetGroup', 'required', '特殊群体帮扶须选择帮扶对象类别', 'A special-group aid wish needs its target group'))
    if (w.kind === 'SpecialGroupAid' && !w.assistanceType) out.push(fe('assistanceType', 'required', '特殊群体帮扶须选择帮扶类型', 'A special-group aid wish needs its assistance type'))
    if (w.kind === 'InclusiveService' && !w.serviceType) out.push(fe('serviceType', 'required', '普惠型服务须选择服务类型', 'An inclusive-service wish needs its service type'))
    if (!blank(w.beneficiaryIdNumber) && !/^\d{17}[\dXx]$/.test(w.beneficiaryIdNumber.trim()))
      out.push(fe('beneficiaryIdNumber', 'invalid', '身份证号码格式不正确', 'The ID number is not valid'))
    if (!blank(w.requestedYuan) && (!/^\d+(\.\d{1,2})?$/.test(w.requestedYuan.trim()) || Number.isNaN(yuanToFen(w.requestedYuan))))
      out.push(fe('requestedFen', 'invalid', '金额须为不小于0的数字，最多两位小数', 'The amount must be a number of yuan with at most two decimals'))
  }
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
}

export function emptyConsultation(now: Date = new Date()): ConsultationModel {
  return {
    heldAt: now, place: '', host: '', recorder: '', form: null, formOther: '', participantTypes: [], headCount: null, passed: undefined, content: '',
    beneficiaries: '', route: null, budgetWan: '', fundingSources: ['ProgrammeFund'], implementingBody: '', implementationPeriod: '', failureNote: '',
    feasibilityStudy: '', minutesAttachmentId: null, lateReason: '',
  }
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
  }
}

export function validateConsultation(m: ConsultationModel, opts: { feasibilityRequired: boolean; now?: Date }): FieldErrorDto[] {
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

export function registrationRequest(m: RegistrationModel, version: number, overCap: boolean): RegistrationRequest {
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
  }
}

export function validateRegistration(m: RegistrationModel, overCap: boolean): FieldErrorDto[] {
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

export interface ReviewModel {
  consultationCompliant: boolean
  budgetReasonable: boolean
  routeFeasible: boolean
  resolvableByPolicy: boolean
  decision: ReviewDecision | undefined
  opinion: string
  policyDepartment: string
  policyContact: string
  lateReason: string
}

export function emptyReview(): ReviewModel {
  return {
    consultationCompliant: true, budgetReasonable: true, routeFeasible: true, resolvableByPolicy: false, decision: undefined, opinion: '',
    policyDepartment: '', policyContact: '', lateReason: '',
  }
}

export function reviewRequest(m: ReviewModel, version: number): ReviewRequest {
  const policy = m.decision === 'PolicyReferral'
  return {
    consultationCompliant: m.consultationCompliant,
    budgetReasonable: m.budgetReasonable,
    routeFeasible: m.routeFeasible,
    resolvableByPolicy: m.resolvableByPolicy,
    decision: m.decision ?? null,
    opinion: m.opinion.trim(),
    policyDepartment: policy ? text(m.policyDepartment) : null,
    policyContact: policy ? text(m.policyContact) : null,
    lateReason: text(m.lateReason),
    version,
  }
}

/** The API's checks of ReviewProject: required fields and the decision agreeing with the four checks. */
export function validateReview(m: ReviewModel, opinions: { signedOff: boolean }[]): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  const fund = m.decision === 'ProgrammeFunding'
  const policy = m.decision === 'PolicyReferral'
  if (!m.decision) out.push(fe('decision', 'required', '请选择审核结论', 'decision is required'))
  required(out, 'opinion', m.opinion, '镇（街道）审核意见', 'Opinion')
  if (fund && (!m.consultationCompliant || !m.budgetReasonable || !m.routeFeasible))
    out.push(fe('decision', 'checks_failed', '协商过程、预算安排、办理方式均审核通过方可由专项资金资助', 'Programme funding needs the consultation, budget and route checks all passed'))
  if (fund && m.resolvableByPolicy)
    out.push(fe('resolvableByPolicy', 'contradiction', '可由现行政策解决的项目应转相关部门办理', 'An item current policy resolves goes to the department, not the programme'))
  if (policy && !m.resolvableByPolicy)
    out.push(fe('resolvableByPolicy', 'contradiction', '转现行政策办理须确认可由现行政策解决', 'A policy referral needs resolvableByPolicy = true'))
  if (policy && blank(m.policyDepartment)) out.push(fe('policyDepartment', 'required', '请填写跟办部门', 'policyDepartment is required'))
  if (policy && blank(m.policyContact)) out.push(fe('policyContact', 'required', '请填写跟办部门联系方式', 'policyContact is required'))
  if ((fund || policy) && opinions.length === 0)
    out.push(fe('departmentOpinions', 'required', '须会同相关职能部门审核：尚无部门审核意见', 'The review needs at least one department’s opinion'))
  if (policy && !opinions.some((o) => o.signedOff))
    out.push(fe('departmentOpinions', 'not_signed', '转现行政策办理须经相关部门在《登记备案表》中盖章', 'A policy referral needs a department’s sign-off on the form'))
  return out
}

// ---------------------------------------------------------------- publicity (R-MS-11)

export interface PublishModel {
  from: string | null
  to: string | null
  platforms: Platform[]
}

export function publishRequest(m: PublishModel, version: number): PublishRequest {
  return { from: m.from, to: m.to, platforms: [...m.platforms], version }
}

export function validatePublish(m: PublishModel, minDays: number, today: string): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
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

export type SurveyModel = Record<SurveyAspect, SatisfactionLevel | undefined> & { suggestion: string; signature: string }

export function emptySurvey(): SurveyModel {
  return {
    overall: undefined, quality: undefined, effect: undefined, attitude: undefined, efficiency: undefined, closeness: undefined, openness: undefined,
    suggestion: '', signature: '',
  }
}

export function surveyRequest(m: SurveyModel): SurveyRequest {
  return {
    overall: m.overall ?? null, quality: m.quality ?? null, effect: m.effect ?? null, attitude: m.attitude ?? null,
    efficiency: m.efficiency ?? null, closeness: m.closeness ?? null, openness: m.openness ?? null, suggestion: text(m.suggestion), signature: text(m.signature),
  }
}

export function validateSurvey(m: SurveyModel): FieldErrorDto[] {
  return surveyAspects
    .filter((a) => m[a] === undefined)
    .map((a) => fe(a, 'required', '每一项评价都须选择（非常满意/满意/基本满意/不满意/非常不满意）', 'Every aspect needs one of the five levels'))
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
