// The portal's claim and survey forms: money typed in 元 to integer fen, the code's resend countdown, and the form's
// own checks before anything is sent (the API checks again and its field errors land on the same fields).

import type { FieldErrorDto } from '@/api/problem'
import type { ClaimantKind, ClaimRequest, PublicClaimItem } from '@/api/claims'
import type { SatisfactionLevel, SurveyAspect } from '@/api/projects'
import { validateOtherRow } from './stepForms'

/**
 * An amount typed in 元 ("1200", "1,200.5", "0.01") to integer fen by its decimal digits, never through binary
 * floating point. At most two decimals (a fen is the smallest unit); anything else is NaN, as is an empty text.
 */
export function yuanTextToFen(text: string | number | null | undefined): number {
  if (text === null || text === undefined) return Number.NaN
  const s = (typeof text === 'number' ? (Number.isFinite(text) ? String(text) : '') : text).trim().replace(/[,，\s]/g, '')
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(s)
  if (!m) return Number.NaN
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

/** Integer fen as 元 text for an input: 120050 → "1200.5", 100 → "1". */
export function fenToYuanText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return ''
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.round(fen))
  const cents = String(abs % 100).padStart(2, '0').replace(/0+$/, '')
  return cents ? `${sign}${Math.floor(abs / 100)}.${cents}` : `${sign}${Math.floor(abs / 100)}`
}

/** Whole seconds until a code may be sent again (0 when it may), rounded up so the button never opens early. */
export function secondsUntil(resendAfter: string | Date | null | undefined, now: Date = new Date()): number {
  if (!resendAfter) return 0
  const at = resendAfter instanceof Date ? resendAfter.getTime() : new Date(resendAfter).getTime()
  if (Number.isNaN(at)) return 0
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000))
}

export const MOBILE = /^1[3-9]\d{9}$/
/** 统一社会信用代码: 18 characters of digits and capital letters except I, O, S, V, Z. */
export const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/

export function needsCreditCode(kind: ClaimantKind | null | undefined): boolean {
  return kind === 'Enterprise' || kind === 'SocialOrganization'
}

export interface ClaimFormModel {
  claimantKind: ClaimantKind | undefined
  name: string
  creditCode: string
  contactName: string
  phone: string
  code: string
  amountYuan: string
  note: string
}

function problem(field: string, code: string, zh: string, en: string): FieldErrorDto {
  return { field, code, zh, en }
}

/** The form's checks; the item says whether a share (and how much) is asked for. Empty when the form may be sent. */
export function validateClaim(f: ClaimFormModel, item: Pick<PublicClaimItem, 'allowsShares' | 'minimumShareFen' | 'remainingFen'>): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  if (!f.claimantKind) out.push(problem('claimantKind', 'required', '请选择认领方类型', 'Choose who is claiming'))
  if (!f.name.trim()) out.push(problem('name', 'required', '请填写名称或姓名', 'Enter the name'))
  if (needsCreditCode(f.claimantKind)) {
    const code = f.creditCode.trim().toUpperCase()
    if (!code) out.push(problem('creditCode', 'required', '请填写统一社会信用代码', 'Enter the unified social credit code'))
    else if (!CREDIT_CODE.test(code)) out.push(problem('creditCode', 'format', '统一社会信用代码应为18位数字或大写字母', 'The credit code is 18 digits or capital letters'))
  }
  if (!f.contactName.trim()) out.push(problem('contactName', 'required', '请填写联系人', 'Enter the contact person'))
  if (!MOBILE.test(f.phone.trim())) out.push(problem('phone', 'format', '请填写11位手机号码', 'Enter an 11-digit mobile number'))
  if (!/^\d{4,8}$/.test(f.code.trim())) out.push(problem('code', 'required', '请填写短信验证码', 'Enter the verification code'))
  if (item.allowsShares) {
    const fen = yuanTextToFen(f.amountYuan)
    if (f.amountYuan.trim() === '') out.push(problem('amountFen', 'required', '请填写认领金额', 'Enter the amount'))
    else if (!Number.isFinite(fen) || fen <= 0) out.push(problem('amountFen', 'format', '金额应为正数，最多两位小数', 'A positive amount with at most two decimals'))
    else if (fen > item.remainingFen) out.push(problem('amountFen', 'over_remaining', '认领金额超过剩余金额', 'More than the amount remaining'))
    else if (item.minimumShareFen && fen < item.minimumShareFen && fen !== item.remainingFen)
      out.push(problem('amountFen', 'below_minimum', '认领金额低于最低认领额', 'Below the minimum share'))
  }
  return out
}

/** The request the API takes: fen for shares, null for a whole item; the credit code only for organisations. */
export function claimRequest(f: ClaimFormModel, allowsShares: boolean): ClaimRequest {
  return {
    claimantKind: f.claimantKind ?? null,
    name: f.name.trim(),
    creditCode: needsCreditCode(f.claimantKind) ? f.creditCode.trim().toUpperCase() : null,
    contactName: f.contactName.trim(),
    phone: f.phone.trim(),
    code: f.code.trim(),
    amountFen: allowsShares ? yuanTextToFen(f.amountYuan) : null,
    note: f.note.trim() || null,
  }
}

export const surveyLevelsBest: SatisfactionLevel[] = ['VerySatisfied', 'Satisfied', 'FairlySatisfied', 'Dissatisfied', 'VeryDissatisfied']

/**
 * The online questionnaire's checks: each of the seven aspects, the optional 其他 row (an aspect named needs its level,
 * R-MS-14), the phone and its code.
 */
export function validateSurvey(
  answers: Record<SurveyAspect, SatisfactionLevel | null | undefined>,
  phone: string,
  code: string,
  other: { other: SatisfactionLevel | null | undefined; otherAspect: string } = { other: null, otherAspect: '' },
): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  for (const [aspect, level] of Object.entries(answers))
    if (!level) out.push(problem(aspect, 'required', '请选择一项评价', 'Choose one level'))
  out.push(...validateOtherRow(other))
  if (!MOBILE.test(phone.trim())) out.push(problem('phone', 'format', '请填写11位手机号码', 'Enter an 11-digit mobile number'))
  if (!/^\d{4,8}$/.test(code.trim())) out.push(problem('code', 'required', '请填写短信验证码', 'Enter the verification code'))
  return out
}

/** The tag colour of a claim item's state. */
export function claimStateTag(state: string): 'info' | 'success' | 'warning' | 'primary' | 'danger' {
  switch (state) {
    case 'AwaitingPublication':
      return 'warning'
    case 'Open':
      return 'primary'
    case 'Claimed':
    case 'Connected':
    case 'Started':
      return 'success'
    case 'Returned':
      return 'danger'
    default:
      return 'info'
  }
}
