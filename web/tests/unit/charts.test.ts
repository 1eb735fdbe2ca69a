import { describe, expect, it } from 'vitest'
import type { ReportOverview } from '@/api/reports'
import type { SurveySummary } from '@/api/projects'
import { channelPie, deadlineBar, fenToWan, fillMonths, monthLine, overviewTotals, stateBar, surveyBar, townMoneyBar } from '@/utils/charts'
import { changedRules, formToRules, rulesToForm, validateRulesForm } from '@/utils/rulesForm'
import type { ProgrammeRuleSet } from '@/api/programme'

const label = (k: string) => `«${k}»`

// The shape agreed for GET /api/reports/overview (not on this branch yet: mocked here).
const overview: ReportOverview = {
  appealsByChannel: [
    { channel: 'WeChatAccount', count: 12 },
    { channel: 'Hotline12345', count: 30 },
    { channel: 'HomeVisit', count: 0 },
  ],
  appealsByMonth: [
    { month: '2026-12', count: 4 },
    { month: '2026-09', count: 7 },
    { month: '2027-01', count: 2 },
  ],
  projectsByState: [
    { state: 'TownReview', count: 3 },
    { state: 'Publicity', count: 2 },
    { state: 'Closed', count: 0 },
  ],
  projectsByCategory: [
    { category: 'ConvenienceWorks', count: 4, budgetFen: 48_000_000 },
    { category: 'WelfareService', count: 1, budgetFen: 3_000_000 },
  ],
  deadlines: { open: 9, dueSoon: 2, overdue: 3, metOnTime: 20, metLate: 4 },
  byTown: [
    { townId: 't1', townName: '长安镇', appeals: 10, projects: 1, budgetFen: 3_000_000, overdue: 1 },
    { townId: 't2', townName: '东城街道', appeals: 32, projects: 4, budgetFen: 48_000_000, overdue: 2 },
  ],
}

type Series = { type: string; data: unknown[]; name?: string; stack?: string }
const series = (o: { series?: unknown }) => o.series as Series[]

describe('dashboard data shaping', () => {
  it('draws appeals by channel as a pie of the channels that have any, with Chinese labels', () => {
    const s = series(channelPie(overview, label, '渠道'))[0]
    expect(s.type).toBe('pie')
    expect(s.data).toEqual([
      { name: '«enums.channel.WeChatAccount»', value: 12 },
      { name: '«enums.channel.Hotline12345»', value: 30 },
    ])
  })

  it('draws every month between the first and the last, in order, the missing ones as 0', () => {
    expect(fillMonths(overview.appealsByMonth)).toEqual([
      { month: '2026-09', count: 7 },
      { month: '2026-10', count: 0 },
      { month: '2026-11', count: 0 },
      { month: '2026-12', count: 4 },
      { month: '2027-01', count: 2 },
    ])
    const o = monthLine(overview, '诉求')
    expect((o.xAxis as { data: string[] }).data).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01'])
    expect(series(o)[0].data).toEqual([7, 0, 0, 4, 2])
    expect(fillMonths([])).toEqual([])
  })

  it('draws projects by state and money by town in 万元, largest first', () => {
    const st = stateBar(overview, label, '项目')
    expect((st.yAxis as { data: string[] }).data).toEqual(['«enums.projectState.TownReview»', '«enums.projectState.Publicity»'])
    expect(series(st)[0].data).toEqual([3, 2])
    const m = townMoneyBar(overview, '预算')
    expect((m.yAxis as { data: string[] }).data).toEqual(['东城街道', '长安镇'])
    expect(series(m)[0].data).toEqual([48, 3])
    expect(fenToWan(12_345_678)).toBe(12.35)
  })

  it('draws deadlines met on time against met late and overdue', () => {
    const o = deadlineBar(overview, label)
    expect((o.xAxis as { data: string[] }).data).toEqual([
      '«dashboard.metOnTime»', '«dashboard.metLate»', '«dashboard.overdue»', '«dashboard.dueSoon»', '«dashboard.open»',
    ])
    expect((series(o)[0].data as { value: number }[]).map((d) => d.value)).toEqual([20, 4, 3, 2, 9])
  })

  it('adds up the headline numbers', () => {
    expect(overviewTotals(overview)).toEqual({ appeals: 42, projects: 5, budgetFen: 51_000_000, overdue: 3 })
  })
})

describe('survey chart', () => {
  it('stacks the five levels for each of the seven aspects', () => {
    const s: SurveySummary = {
      responses: 3, minimum: 30, minimumMet: false, satisfactionRate: 90, score: 80,
      distribution: { overall: [1, 2, 0, 0, 0], quality: [3, 0, 0, 0, 0], effect: [0, 0, 0, 0, 3] },
    }
    const o = surveyBar(s, label)
    const ss = series(o)
    expect(ss).toHaveLength(5)
    expect(ss.map((x) => x.name)).toEqual(['«enums.level.VerySatisfied»', '«enums.level.Satisfied»', '«enums.level.FairlySatisfied»', '«enums.level.Dissatisfied»', '«enums.level.VeryDissatisfied»'])
    expect(ss[0].data).toEqual([1, 3, 0, 0, 0, 0, 0])
    expect(ss[4].data).toEqual([0, 0, 3, 0, 0, 0, 0])
    expect(ss.every((x) => x.stack === 'survey')).toBe(true)
    expect((o.yAxis as { data: string[] }).data).toHaveLength(7)
  })
})

describe('rules form', () => {
  const limit = { amount: 5, unit: 'WorkingDays' as const }
  const rules: ProgrammeRuleSet = {
    directImplementationThresholdFen: 5_000_000, directRouteHintFen: 5_000_000, convenienceWorksCapFen: 50_000_000, welfareServiceCapFen: 20_000_000,
    surveyMinimumResponses: 30, publicityMinimumDays: 5, villagePublicityMinimumDays: 5, claimWindowMinimumDays: 5, stationPackagedItemsPerYear: 50,
    acknowledge: { amount: 24, unit: 'Hours' }, committeeMeeting: limit, consultation: limit, townReview: limit, smallWorksFinish: limit,
    smallServiceStart: limit, expressWorksFinish: limit, expressServiceStart: limit, directPublication: { amount: 10, unit: 'WorkingDays' },
    directStartAfterClaim: limit, completionForm: limit, townSurvey: limit, resultFeedback: limit, finalAccounts: { amount: 3, unit: 'Months' },
    wishVerification: limit, wishExpressHandling: limit, wishResultFeedback: limit, collectionEndMonth: 1, collectionEndDay: 31, annualPlanMonth: 2,
    warningLeadHours: 24,
  }

  it('edits money in 万元 and gives back the same rule set', () => {
    const f = rulesToForm(rules)
    expect(f.money.convenienceWorksCapFen).toBe('50')
    expect(formToRules(f)).toEqual(rules)
    f.money.welfareServiceCapFen = '25.5'
    f.limits.acknowledge.amount = 12
    const changed = formToRules(f)
    expect(changed.welfareServiceCapFen).toBe(25_500_000)
    expect(changedRules(rules, changed)).toEqual(['welfareServiceCapFen', 'acknowledge'])
    // Editing the form never touched the version it came from.
    expect(rules.acknowledge.amount).toBe(24)
  })

  it('needs positive money, limits from 1 to 1000 and a reason', () => {
    const f = rulesToForm(rules)
    f.money.directImplementationThresholdFen = '0'
    f.limits.townReview.amount = 0
    expect(validateRulesForm(f).map((e) => e.field)).toEqual(['directImplementationThresholdFen', 'townReview.amount', 'reason'])
    // R-RT-02's direct-route hint may be 0 (no hint), never negative.
    const g = rulesToForm(rules)
    g.reason = '调整'
    g.money.directRouteHintFen = '0'
    expect(validateRulesForm(g)).toEqual([])
    g.money.directRouteHintFen = '-1'
    expect(validateRulesForm(g).map((e) => e.field)).toEqual(['directRouteHintFen'])
  })

  it('edits the new rules (R-RT-02 hint, R-MS-19 final accounts) and keeps what the form does not show', () => {
    const f = rulesToForm(rules)
    expect(f.money.directRouteHintFen).toBe('5')
    expect(f.limits.finalAccounts).toEqual({ amount: 3, unit: 'Months' })
    f.money.directRouteHintFen = '8'
    f.limits.finalAccounts.amount = 2
    // A rule a later version of the API adds is carried over from the version edited, not reset to the server's default.
    const base = { ...rules, someFutureRule: 7 } as ProgrammeRuleSet
    const saved = formToRules(f, base) as ProgrammeRuleSet & { someFutureRule?: number }
    expect(saved.directRouteHintFen).toBe(8_000_000)
    expect(saved.finalAccounts).toEqual({ amount: 2, unit: 'Months' })
    expect(saved.someFutureRule).toBe(7)
    expect(changedRules(rules, saved).filter((k) => k in rules)).toEqual(['directRouteHintFen', 'finalAccounts'])
  })
})
