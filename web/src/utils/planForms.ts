// The year's collection and plan (R-IN-02, R-MS-17): when a campaign opens late, the plan's split between the city's
// allocation and the town's matching funds, and the town's yearly duties as deadline rows (subject TownYear).

import type { FieldErrorDto } from '@/api/problem'
import type { OpenCampaign } from '@/api/programme'
import { formatFen } from './format'
import { text } from './stepForms'

function fe(field: string, code: string, zh: string, en: string): FieldErrorDto {
  return { field, code, zh, en }
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/**
 * The subject id of a town's year (AnnualObligations.TownYearId): the year in hex in place of the town id's first eight
 * digits, so the console finds the town's two yearly deadline rows by subject.
 */
export function townYearId(townId: string, year: number): string {
  const hex = year.toString(16).padStart(8, '0') + townId.replace(/-/g, '').toLowerCase().slice(8)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** The last day of the year's concentrated collection (31 January by default), as yyyy-MM-dd. */
export function collectionDue(year: number, rules: { collectionEndMonth: number; collectionEndDay: number }): string {
  return `${year}-${pad2(rules.collectionEndMonth)}-${pad2(rules.collectionEndDay)}`
}

/** R-IN-02: a campaign opened after its end date (Beijing) is late: allowed, with its reason and an end date of its own. */
export function campaignLate(year: number, rules: { collectionEndMonth: number; collectionEndDay: number } | null | undefined, today: string): boolean {
  return !!rules && today > collectionDue(year, rules)
}

export interface CampaignModel {
  note: string
  lateReason: string
  /** yyyy-MM-dd, the late campaign's own end. */
  endsOn: string | null
}

export function openCampaignRequest(m: CampaignModel, year: number, late: boolean): OpenCampaign {
  return { year, note: text(m.note), lateReason: late ? text(m.lateReason) : null, endsOn: late ? m.endsOn : null }
}

/** The API's checks of OpenCampaign, under its field names. */
export function validateOpenCampaign(m: CampaignModel, year: number, late: boolean, today: string, due: string): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  if (late && text(m.lateReason) === null)
    out.push(fe('lateReason', 'late_reason_required', `${year}年度集中征集应于${Number(due.slice(5, 7))}月${Number(due.slice(8, 10))}日前完成，现已逾期，请填写逾期原因`,
      `The ${year} collection was due by ${due}; give the reason for the delay`))
  if (late && !m.endsOn) out.push(fe('endsOn', 'required', '逾期开展的集中征集请填写截止日期', 'A late collection needs its own end date'))
  if (m.endsOn && m.endsOn < today) out.push(fe('endsOn', 'in_past', '截止日期不能早于今天', 'endsOn cannot be in the past'))
  if (m.endsOn && Number(m.endsOn.slice(0, 4)) !== year) out.push(fe('endsOn', 'other_year', '截止日期须在计划年度内', 'endsOn must fall in the plan year'))
  return out
}

export interface PlanSplitRow {
  id: string
  budgetFen: number
  /** Paid from the city's allocation. */
  allocationFen: number
  /** Beyond the allocation: the town's matching funds (R-MS-17). */
  matchingFen: number
}

/**
 * How a plan is paid, as the API splits it (AnnualPlans.FileAsync): the allocation pays the items in the order given until
 * it runs out; the rest of each item is the town's matching money.
 */
export function splitPlan(items: readonly { id: string; budgetFen: number | null }[], allocationFen: number | null): {
  rows: PlanSplitRow[]
  totalFen: number
  matchingFen: number
  belowFen: number
} {
  let left = allocationFen ?? Number.POSITIVE_INFINITY
  const rows = items.map((i) => {
    const budget = i.budgetFen ?? 0
    const fromAllocation = Math.min(budget, Math.max(0, left))
    left -= fromAllocation
    return { id: i.id, budgetFen: budget, allocationFen: fromAllocation, matchingFen: budget - fromAllocation }
  })
  const totalFen = rows.reduce((s, r) => s + r.budgetFen, 0)
  return {
    rows,
    totalFen,
    matchingFen: rows.reduce((s, r) => s + r.matchingFen, 0),
    belowFen: allocationFen === null ? 0 : Math.max(0, allocationFen - totalFen),
  }
}

/** R-MS-17 is 原则上: a plan below the allocation is filed with the town's reason, which the city sees. */
export function validateFilePlan(
  m: { projectIds: readonly string[]; belowAllocationReason: string },
  totalFen: number,
  allocationFen: number | null,
): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  if (m.projectIds.length === 0) out.push(fe('projectIds', 'required', '请选择列入计划的项目', 'projectIds is required'))
  if (allocationFen !== null && totalFen < allocationFen && text(m.belowAllocationReason) === null)
    out.push(fe('belowAllocationReason', 'below_allocation',
      `计划总额${formatFen(totalFen, { unit: 'wan' })}少于市分配额度${formatFen(allocationFen, { unit: 'wan' })}，原则上不得少于分配额度，确需报送请说明原因`,
      'The plan total is below the city\'s allocation; give the reason (R-MS-17)'))
  return out
}
