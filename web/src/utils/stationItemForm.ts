// The station item form (SaveStationItem.Request) and the procurement filing form (DraftProcurementFiling.Request):
// the models the inputs hold, the request each sends (money typed in 元 goes out as integer fen, dates as
// yyyy-MM-dd, empty text as null, what the mode does not use as null) and the API's own checks, under the API's
// field names so local and server messages land under the same inputs. src/Guanjia.App/Stations/*.cs.

import type { FieldErrorDto } from '@/api/problem'
import type {
  DecisionBody, FilingSave, FilingView, ItemSave, ItemView, LinkedResource, OperatingMode, ProcurementMethod, ServiceForm,
} from '@/api/stations'
import { localDateText } from './format'
import { fenToYuanText, splitNames, yuanTextToFen } from './serviceForms'
import { text } from './stepForms'

function fe(field: string, code: string, zh: string, en: string): FieldErrorDto {
  return { field, code, zh, en }
}

function tooLong(out: FieldErrorDto[], field: string, v: string, max: number, zh: string, en: string): void {
  if (v.trim().length > max) out.push(fe(field, 'too_long', `${zh}不能超过${max}个字符`, `${en} is at most ${max} characters`))
}

/** A yyyy-MM-dd later than today's (China) date. */
function afterToday(d: Date | null, today: string): boolean {
  const s = localDateText(d)
  return s !== null && s > today
}

// ---------------------------------------------------------------- station item

export interface ItemModel {
  title: string
  content: string
  year: number | null
  consultedOn: Date | null
  decidedBy: DecisionBody
  mode: OperatingMode | null
  serviceForms: ServiceForm[]
  linkedResources: LinkedResource[]
  microProjectId: string | null
  candidateContractors: string
  operatorInvited: boolean
  operatorId: string | null
  operatorOverrideReason: string
  amountYuan: string
  years: number | null
  teamSize: number | null
  packagedOverrideReason: string
  reason: string
}

/** An empty form for the year, or the item's own values to edit. */
export function itemModel(i: ItemView | null | undefined, year: number): ItemModel {
  if (!i)
    return {
      title: '', content: '', year, consultedOn: null, decidedBy: 'Consultation', mode: null, serviceForms: [], linkedResources: [], microProjectId: null,
      candidateContractors: '', operatorInvited: false, operatorId: null, operatorOverrideReason: '', amountYuan: '', years: null, teamSize: null,
      packagedOverrideReason: '', reason: '',
    }
  const [y, m, d] = i.consultedOn.split('-').map(Number)
  return {
    title: i.title, content: i.content ?? '', year: i.year, consultedOn: new Date(y, m - 1, d), decidedBy: i.decidedBy, mode: i.mode,
    serviceForms: [...i.serviceForms], linkedResources: [...i.linkedResources], microProjectId: i.microProjectId,
    candidateContractors: i.candidateContractors.join('\n'), operatorInvited: i.operatorInvited, operatorId: i.operatorId,
    operatorOverrideReason: i.operatorOverrideReason ?? '', amountYuan: fenToYuanText(i.amountFen), years: i.years, teamSize: i.teamSize,
    packagedOverrideReason: i.packagedOverrideReason ?? '', reason: '',
  }
}

/** Whether the mode pays a contractor (purchased service or packaged operation): then it has an amount and an operator. */
export function itemPays(mode: OperatingMode | null): boolean {
  return mode === 'Purchased' || mode === 'Packaged'
}

/**
 * R-ST-04 as the API reads it: the operator the item goes to (a purchase without one goes to the host platform's
 * operator), whether that is the host's operator, or another one while the host has its own.
 */
export function operatorChoice(m: Pick<ItemModel, 'mode' | 'operatorId'>, hostOperatorId: string | null) {
  const chosen = itemPays(m.mode) ? (m.operatorId ?? (m.mode === 'Purchased' ? hostOperatorId : null)) : null
  return {
    chosen,
    toHost: hostOperatorId !== null && chosen === hostOperatorId,
    elsewhere: hostOperatorId !== null && chosen !== null && chosen !== hostOperatorId,
  }
}

export function itemRequest(m: ItemModel, hostOperatorId: string | null, existing?: { version: number } | null): ItemSave {
  const pays = itemPays(m.mode)
  const packaged = m.mode === 'Packaged'
  const { toHost, elsewhere } = operatorChoice(m, hostOperatorId)
  const fen = yuanTextToFen(m.amountYuan)
  const body: ItemSave = {
    title: text(m.title),
    content: text(m.content),
    year: m.year,
    consultedOn: localDateText(m.consultedOn),
    decidedBy: m.decidedBy,
    mode: m.mode,
    serviceForms: [...m.serviceForms],
    linkedResources: m.serviceForms.includes('ResourceLinking') ? [...m.linkedResources] : [],
    microProjectId: m.microProjectId || null,
    candidateContractors: pays ? splitNames(m.candidateContractors) : [],
    operatorInvited: pays && toHost ? m.operatorInvited : false,
    operatorId: pays ? m.operatorId || null : null,
    operatorOverrideReason: pays && elsewhere ? text(m.operatorOverrideReason) : null,
    amountFen: pays && fen !== null && !Number.isNaN(fen) ? fen : null,
    years: packaged ? m.years : null,
    teamSize: packaged ? m.teamSize : null,
    packagedOverrideReason: packaged ? text(m.packagedOverrideReason) : null,
  }
  return existing ? { ...body, version: existing.version, reason: text(m.reason) } : body
}

export interface ItemContext {
  /** The forms of service the station offers (R-ST-06). */
  offered: readonly ServiceForm[]
  /** The host platform's operator, when it has one (R-ST-04). */
  hostOperatorId: string | null
  /** Today in China, yyyy-MM-dd. */
  today: string
}

/** SaveStationItem's checks: R-ST-03 (mode, candidates, amount, years, team), R-ST-04 (host operator), R-ST-06 (forms). */
export function validateItem(m: ItemModel, ctx: ItemContext): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  if (text(m.title) === null) out.push(fe('title', 'required', '服务项目名称不能为空', 'Title is required'))
  tooLong(out, 'title', m.title, 100, '服务项目名称', 'Title')
  tooLong(out, 'content', m.content, 2000, '服务内容', 'Content')
  if (m.year === null || m.year < 2020 || m.year > 2100) out.push(fe('year', 'out_of_range', '请填写服务年度', 'year is required (2020–2100)'))
  if (!m.consultedOn) out.push(fe('consultedOn', 'required', '请填写确定运作模式的协商日期', 'consultedOn is required'))
  else if (afterToday(m.consultedOn, ctx.today)) out.push(fe('consultedOn', 'in_future', '协商日期不能晚于今天', 'consultedOn cannot be in the future'))
  if (!m.mode) out.push(fe('mode', 'required', '请选择驿站运作模式（无偿服务、购买服务、整体打包）', 'mode is required: Free, Purchased or Packaged (R-ST-03)'))
  if (m.serviceForms.length === 0) out.push(fe('serviceForms', 'required', '请选择服务方式', 'serviceForms is required (R-ST-06)'))
  else if (m.serviceForms.some((f) => !ctx.offered.includes(f)))
    out.push(fe('serviceForms', 'not_offered', '驿站未提供该服务方式', 'The station does not offer that form (R-ST-06)'))
  if (m.serviceForms.includes('ResourceLinking') && m.linkedResources.length === 0)
    out.push(fe('linkedResources', 'required', '链接社会资源的，请选择资源方式（资金资助、物资捐赠、场地共享）', 'Linking social resources needs the kinds of resource (R-ST-06)'))

  const pays = itemPays(m.mode)
  const candidates = splitNames(m.candidateContractors)
  if (pays && candidates.length > 10) out.push(fe('candidateContractors', 'too_many', '承接服务方建议名单最多10个', 'At most 10 candidate contractors'))
  else if (pays && candidates.some((c) => c.length > 100))
    out.push(fe('candidateContractors', 'too_long', '承接服务方名称不能超过100个字符', 'A name is at most 100 characters'))
  tooLong(out, 'operatorOverrideReason', m.operatorOverrideReason, 500, '不由原运营方承接的理由', 'Operator override reason')
  tooLong(out, 'packagedOverrideReason', m.packagedOverrideReason, 500, '整体打包理由', 'Packaged override reason')
  tooLong(out, 'reason', m.reason, 500, '修改原因', 'Reason')

  const fen = yuanTextToFen(m.amountYuan)
  if (fen !== null && Number.isNaN(fen))
    out.push(fe('amountFen', 'invalid', '金额须为不小于0的数字，最多两位小数', 'The amount must be a number of yuan with at most two decimals'))
  else if (m.mode === 'Free' && fen !== null && fen > 0)
    out.push(fe('amountFen', 'free_has_no_cost', '无偿提供服务的项目利用现有资源，不产生额外费用', 'Free service costs nothing extra (R-ST-03)'))
  else if (m.mode === 'Purchased' && !fen) out.push(fe('amountFen', 'required', '请填写购买服务费用（元）', 'The fee (yuan) is required for a purchased service'))
  else if (m.mode === 'Packaged' && !fen) out.push(fe('amountFen', 'required', '请填写整体购买服务金额（元）', 'The amount (yuan) is required for packaged operation'))
  if (m.mode === 'Packaged') {
    if (m.years === null || m.years < 1 || m.years > 10) out.push(fe('years', 'out_of_range', '请填写购买年限（1至10年）', 'years must be 1 to 10'))
    if (m.teamSize === null || m.teamSize < 1 || m.teamSize > 1000) out.push(fe('teamSize', 'out_of_range', '请填写运营团队人数', 'teamSize must be 1 to 1000'))
    if (!m.operatorId) out.push(fe('operatorId', 'required', '请选择承接运营方', 'operatorId is required for packaged operation'))
  }
  if (pays) {
    if (!m.microProjectId)
      out.push(fe('microProjectId', 'required', '购买服务、整体打包的驿站项目须按“民生微实事”流程办理：请关联已填报登记备案表的项目',
        'A paid station item is a micro-project: link its project (R-ST-09)'))
    const { toHost, elsewhere } = operatorChoice(m, ctx.hostOperatorId)
    if (elsewhere && text(m.operatorOverrideReason) === null)
      out.push(fe('operatorId', 'host_has_operator', '驿站依托的平台载体已有运营方，新增服务项目原则上由原运营方承接；交由其他承接方须说明理由',
        'The host platform already has an operator: new items go to it unless a reason is recorded (R-ST-04)'))
    if (toHost && !m.operatorInvited)
      out.push(fe('operatorInvited', 'required', '由原运营方承接的，应邀请原运营方参与协商', "The host platform's operator must be invited to the consultation (R-ST-04)"))
    if (m.mode === 'Purchased' && !toHost && candidates.length === 0)
      out.push(fe('candidateContractors', 'required', '采取购买服务方式的，应在协商时提出承接服务方建议名单', 'A purchased service names its candidate contractors at consultation (R-ST-03)'))
  }
  return out
}

// ---------------------------------------------------------------- procurement filing (采购备案表)

export interface FilingModel {
  method: ProcurementMethod | null
  methodOther: string
  supplierId: string | null
  supplierName: string
  amountYuan: string
  agreementSignedOn: Date | null
  agreementAttachmentId: string | null
  /** R-ST-10: why the amount differs from the item's agreed fee. */
  differenceReason: string
}

/** A new filing takes the item's operator and amount; an edit starts from the draft. */
export function filingModel(f: FilingView | null | undefined, item?: Pick<ItemView, 'operatorId' | 'amountFen'> | null): FilingModel {
  if (!f)
    return {
      method: null, methodOther: '', supplierId: item?.operatorId ?? null, supplierName: '', amountYuan: fenToYuanText(item?.amountFen ?? null),
      agreementSignedOn: null, agreementAttachmentId: null, differenceReason: '',
    }
  const [y, m, d] = f.agreementSignedOn.split('-').map(Number)
  return {
    method: f.method, methodOther: f.methodOther ?? '', supplierId: f.supplierId, supplierName: f.supplierId ? '' : f.supplierName,
    amountYuan: fenToYuanText(f.amountFen), agreementSignedOn: new Date(y, m - 1, d), agreementAttachmentId: f.agreementAttachmentId,
    differenceReason: f.differenceReason ?? '',
  }
}

/** R-ST-10: whether the amount typed differs from the item's agreed fee (then the village explains it and the town confirms it). */
export function filingDiffers(m: Pick<FilingModel, 'amountYuan'>, itemAmountFen: number | null | undefined): boolean {
  const fen = yuanTextToFen(m.amountYuan)
  return fen !== null && !Number.isNaN(fen) && fen > 0 && itemAmountFen !== undefined && fen !== itemAmountFen
}

export function filingRequest(m: FilingModel, existing?: { version: number } | null): FilingSave {
  const fen = yuanTextToFen(m.amountYuan)
  const body: FilingSave = {
    method: m.method,
    methodOther: m.method === 'Other' ? text(m.methodOther) : null,
    supplierId: m.supplierId || null,
    supplierName: m.supplierId ? null : text(m.supplierName),
    amountFen: fen === null || Number.isNaN(fen) ? null : fen,
    agreementSignedOn: localDateText(m.agreementSignedOn),
    agreementAttachmentId: m.agreementAttachmentId,
    ...(text(m.differenceReason ?? '') ? { differenceReason: text(m.differenceReason) } : {}),
  }
  return existing ? { ...body, version: existing.version } : body
}

/** DraftProcurementFiling's checks (R-ST-05), and R-ST-04: an item with an operator is procured from it. */
export function validateFiling(m: FilingModel, ctx: { itemOperatorId: string | null; today: string; itemAmountFen?: number | null }): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  if (!m.method) out.push(fe('method', 'required', '请选择采购方式', 'method is required'))
  else if (m.method === 'Other' && text(m.methodOther) === null) out.push(fe('methodOther', 'required', '请写明采购方式', 'Name the procurement method when it is Other'))
  tooLong(out, 'methodOther', m.methodOther, 100, '采购方式', 'Method')
  if (ctx.itemOperatorId !== null && m.supplierId !== null && m.supplierId !== ctx.itemOperatorId)
    out.push(fe('supplierId', 'not_item_operator', '承接服务方应为协商确定的承接方', 'The supplier must be the operator the consultation chose for the item'))
  if (ctx.itemOperatorId === null && !m.supplierId) {
    if (text(m.supplierName) === null) out.push(fe('supplierName', 'required', '承接服务方不能为空', 'Supplier is required'))
    else tooLong(out, 'supplierName', m.supplierName, 100, '承接服务方', 'Supplier')
  }
  const fen = yuanTextToFen(m.amountYuan)
  if (fen === null || fen === 0) out.push(fe('amountFen', 'required', '请填写采购金额（元）', 'The amount (yuan) must be above 0'))
  else if (Number.isNaN(fen)) out.push(fe('amountFen', 'invalid', '金额须为大于0的数字，最多两位小数', 'The amount must be a number of yuan with at most two decimals'))
  if (!m.agreementSignedOn) out.push(fe('agreementSignedOn', 'required', '请填写购买服务协议签订日期', 'agreementSignedOn is required'))
  else if (afterToday(m.agreementSignedOn, ctx.today)) out.push(fe('agreementSignedOn', 'in_future', '协议签订日期不能晚于今天', 'agreementSignedOn cannot be in the future'))
  if (!m.agreementAttachmentId) out.push(fe('agreementAttachmentId', 'required', '请上传并选择已签订的购买服务协议', 'agreementAttachmentId is required'))
  if (filingDiffers(m, ctx.itemAmountFen) && text(m.differenceReason ?? '') === null)
    out.push(fe('differenceReason', 'amount_differs', '采购金额与协商确定的服务费用不一致，请说明差额原因（报镇（街道）备案时确认）',
      'The amount differs from the item’s agreed fee: explain the difference, which the town confirms (R-ST-10)'))
  tooLong(out, 'differenceReason', m.differenceReason ?? '', 500, '差额说明', 'Difference reason')
  return out
}
