import type { ProgrammeRuleSet, TimeLimit } from '@/api/programme'
import type { FieldErrorDto } from '@/api/problem'
import { fenToWanText, wanToFen } from './format'

// The rules' edit form: money typed in 万元, the rest as numbers; a saved version carries every field.

export const moneyRules = ['directImplementationThresholdFen', 'directRouteHintFen', 'convenienceWorksCapFen', 'welfareServiceCapFen'] as const
/** Amounts that may be 0 (a hint of 0 asks nothing); the others must be positive. */
const zeroAllowed: readonly MoneyRule[] = ['directRouteHintFen']
export const countRules = [
  'surveyMinimumResponses', 'publicityMinimumDays', 'villagePublicityMinimumDays', 'claimWindowMinimumDays', 'stationPackagedItemsPerYear',
  'warningLeadHours',
] as const
export const limitRules = [
  'acknowledge', 'committeeMeeting', 'consultation', 'townReview', 'smallWorksFinish', 'smallServiceStart', 'expressWorksFinish',
  'expressServiceStart', 'directPublication', 'directStartAfterClaim', 'completionForm', 'townSurvey', 'resultFeedback', 'finalAccounts',
  'wishVerification', 'wishExpressHandling', 'wishResultFeedback',
] as const

export type MoneyRule = (typeof moneyRules)[number]
export type CountRule = (typeof countRules)[number]
export type LimitRule = (typeof limitRules)[number]

export interface RulesForm {
  money: Record<MoneyRule, string>
  counts: Record<CountRule, number>
  limits: Record<LimitRule, TimeLimit>
  collectionEndMonth: number
  collectionEndDay: number
  annualPlanMonth: number
  reason: string
}

export function rulesToForm(r: ProgrammeRuleSet): RulesForm {
  return {
    money: Object.fromEntries(moneyRules.map((k) => [k, fenToWanText(r[k])])) as Record<MoneyRule, string>,
    counts: Object.fromEntries(countRules.map((k) => [k, r[k]])) as Record<CountRule, number>,
    limits: Object.fromEntries(limitRules.map((k) => [k, { ...r[k] }])) as Record<LimitRule, TimeLimit>,
    collectionEndMonth: r.collectionEndMonth,
    collectionEndDay: r.collectionEndDay,
    annualPlanMonth: r.annualPlanMonth,
    reason: '',
  }
}

/** The form's own checks, under the API's field names (ProgrammeRuleSet.Validate) so either lands on the input. */
export function validateRulesForm(f: RulesForm): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  for (const k of moneyRules) {
    const v = wanToFen(f.money[k])
    if (zeroAllowed.includes(k) ? !Number.isFinite(v) || v < 0 : !Number.isFinite(v) || v <= 0)
      out.push(
        zeroAllowed.includes(k)
          ? { field: k, code: 'out_of_range', zh: '金额不能为负（万元）', en: 'must not be negative' }
          : { field: k, code: 'out_of_range', zh: '金额须大于0（万元）', en: 'must be a positive amount' },
      )
  }
  for (const k of limitRules)
    if (!Number.isInteger(f.limits[k].amount) || f.limits[k].amount < 1 || f.limits[k].amount > 1000)
      out.push({ field: `${k}.amount`, code: 'out_of_range', zh: '时限须在1到1000之间', en: 'must be between 1 and 1000' })
  if (f.reason.trim() === '') out.push({ field: 'reason', code: 'required', zh: '修改原因不能为空', en: 'Reason is required' })
  return out
}

/**
 * The rule set to save (validate first: an unreadable amount would go out as NaN). `base`, the version edited, carries
 * any rule this form does not show yet, so saving never resets it to the server's default.
 */
export function formToRules(f: RulesForm, base?: ProgrammeRuleSet): ProgrammeRuleSet {
  return {
    ...(base ?? ({} as ProgrammeRuleSet)),
    ...(Object.fromEntries(moneyRules.map((k) => [k, wanToFen(f.money[k])])) as Record<MoneyRule, number>),
    ...f.counts,
    ...(Object.fromEntries(limitRules.map((k) => [k, { amount: f.limits[k].amount, unit: f.limits[k].unit }])) as Record<LimitRule, TimeLimit>),
    collectionEndMonth: f.collectionEndMonth,
    collectionEndDay: f.collectionEndDay,
    annualPlanMonth: f.annualPlanMonth,
  }
}

/** Which rules differ between two versions (for the history). */
export function changedRules(a: ProgrammeRuleSet, b: ProgrammeRuleSet): string[] {
  return (Object.keys(b) as (keyof ProgrammeRuleSet)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
}
