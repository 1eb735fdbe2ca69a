import { describe, expect, it } from 'vitest'
import type { StatisticsView } from '@/api/statistics'
import { byFactor, currentAmounts, defaultWeights, formulaTotal, poolOf, ppmPercent, reversible, shareOf, sourcesRequest, useRateText, weightsSum } from '@/utils/fundsView'
import { areaRows, deadlineAreaBar, satisfactionAreaBar, toOverview, type DashboardData } from '@/utils/statsCharts'

const place = (townId: string | null, townName: string | null, villageId: string | null = null, villageName: string | null = null) => ({ townId, townName, villageId, villageName })
function view<G, T>(groups: G[], total: T): StatisticsView<G, T> {
  return { groupBy: [], from: null, to: null, townId: null, villageId: null, total, groups }
}
const dl = (p: ReturnType<typeof place>, metOnTime: number, metLate: number, missed: number, open: number) => ({
  ...p, unitId: null, unitName: null, obligation: null, ruleId: null, obligationZh: null, metOnTime, metLate, missed, open, onTimeRate: null,
})
const pg = (p: ReturnType<typeof place>, extra: Partial<{ state: string; category: string; count: number; budgetFen: number }>) => ({
  ...p, category: null, route: null, state: null, month: null, count: 0, budgetFen: 0, approved: 0, approvedFen: 0, actualFen: 0, ...extra,
})
const ag = (p: ReturnType<typeof place>, extra: Partial<{ channel: string; month: string; count: number }>) => ({ ...p, channel: null, category: null, state: null, month: null, count: 0, ...extra })
const none = place(null, null)

const data: DashboardData = {
  channel: view([ag(none, { channel: 'Hotline', count: 3 }), ag(none, { channel: 'MiniProgram', count: 5 })], 8),
  month: view([ag(none, { month: '2026-01', count: 2 }), ag(none, { month: '2026-03', count: 6 })], 8),
  state: view([pg(none, { state: 'Closed', count: 2 })], pg(none, {})),
  category: view([pg(none, { category: 'Convenience', count: 2, budgetFen: 24_000_000 })], pg(none, {})),
  areaAppeals: view([ag(place('t1', '东城街道'), { count: 5 }), ag(place('t2', '南城街道'), { count: 3 })], 8),
  areaProjects: view([pg(place('t1', '东城街道'), { count: 2, budgetFen: 24_000_000 })], pg(none, {})),
  areaDeadlines: view([dl(place('t1', '东城街道'), 4, 1, 1, 2)], dl(none, 4, 1, 1, 2)),
  areaSatisfaction: view(
    [
      { ...place('t1', '东城街道'), projects: 1, responses: 30, levels: [10, 10, 5, 3, 2], satisfactionRate: 83.3, score: 70 },
      { ...place('t2', '南城街道'), projects: 0, responses: 0, levels: [0, 0, 0, 0, 0], satisfactionRate: 0, score: 0 },
    ],
    { ...none, projects: 1, responses: 30, levels: [10, 10, 5, 3, 2], satisfactionRate: 83.3, score: 70 },
  ),
}

describe('the dashboard from the statistics API', () => {
  it('merges the answers into one row per area, drillable at town level', () => {
    const rows = areaRows(data)
    expect(rows.map((r) => [r.name, r.level, r.appeals, r.projects, r.budgetFen, r.missed])).toEqual([
      ['东城街道', 'town', 5, 2, 24_000_000, 1],
      ['南城街道', 'town', 3, 0, 0, 0],
    ])
    expect(rows[0].satisfactionRate).toBe(83.3)
    expect(rows[1].satisfactionRate).toBeNull() // no responses: no rate, not 0 %
  })
  it('shows villages after a drill-down (village rows are the bottom level)', () => {
    const rows = areaRows({ ...data, areaAppeals: view([ag(place('t1', '东城街道', 'v1', '岗贝社区'), { count: 4 })], 4) })
    expect(rows.find((r) => r.id === 'v1')).toMatchObject({ name: '岗贝社区', level: 'village', appeals: 4 })
  })
  it('feeds the existing charts', () => {
    const o = toOverview(data)
    expect(o.appealsByChannel).toEqual([
      { channel: 'Hotline', count: 3 },
      { channel: 'MiniProgram', count: 5 },
    ])
    expect(o.appealsByMonth.map((m) => m.month)).toEqual(['2026-01', '2026-03'])
    expect(o.deadlines).toMatchObject({ metOnTime: 4, metLate: 1, overdue: 1, open: 2 })
    expect(o.byTown[0]).toMatchObject({ townName: '东城街道', budgetFen: 24_000_000 })
  })
  it('draws deadlines met against missed and satisfaction only where rated', () => {
    const d = deadlineAreaBar(areaRows(data), (k) => k) as { series: { name: string; data: number[] }[]; yAxis: { data: string[] } }
    expect(d.yAxis.data).toEqual(['东城街道'])
    expect(d.series.map((s) => [s.name, s.data[0]])).toEqual([
      ['dashboard.metOnTime', 4],
      ['dashboard.metLate', 1],
      ['stats.missed', 1],
    ])
    const s = satisfactionAreaBar(areaRows(data), 'x') as { yAxis: { data: string[] } }
    expect(s.yAxis.data).toEqual(['东城街道'])
  })
})

describe('funds helpers', () => {
  it('weights sum to 100 by default for both programmes', () => {
    expect(weightsSum(defaultWeights('MicroProject'))).toBe(100)
    expect(weightsSum(defaultWeights('MicroWish'))).toBe(100)
  })
  it('shows parts per million as a percentage exactly', () => {
    expect(ppmPercent(123_456)).toBe('12.3456%')
    expect(ppmPercent(1_000_000)).toBe('100.0000%')
    expect(ppmPercent(5)).toBe('0.0005%')
  })
  it('reads factor dictionaries whatever the key case', () => {
    expect(byFactor({ Villages: 3 }, 'Villages')).toBe(3)
    expect(byFactor({ villages: 4 }, 'Villages')).toBe(4)
    expect(byFactor(null, 'Area')).toBeUndefined()
  })
  it('adds up the formula and offers reversal only where the API allows it', () => {
    expect(formulaTotal([{ formulaFen: 1 }, { formulaFen: 2 }])).toBe(3)
    expect(reversible({ kind: 'Payment', reversedById: null })).toBe(true)
    expect(reversible({ kind: 'Payment', reversedById: 'x' })).toBe(false)
    expect(reversible({ kind: 'Reversal', reversedById: null })).toBe(false)
    expect(reversible({ kind: 'Allocation', reversedById: null })).toBe(false)
    // The city's decisions are not reversed: adjustments and the pilot settlement (R-FD-03, R-FD-02).
    expect(reversible({ kind: 'Adjustment', reversedById: null })).toBe(false)
    expect(reversible({ kind: 'PilotSettlement', reversedById: null })).toBe(false)
  })

  it('R-FD-01: a pool of several sources, blank sources left out, a bad amount caught', () => {
    const sources = sourcesRequest({ CityBudget: '8,000', WelfareLottery: '500', CharityFederation: ' ' })
    expect(sources).toEqual([
      { source: 'CityBudget', amountFen: 8_000_000_000 },
      { source: 'WelfareLottery', amountFen: 500_000_000 },
    ])
    expect(poolOf(sources)).toBe(8_500_000_000)
    expect(Number.isNaN(poolOf(sourcesRequest({ CityBudget: '1.2345678' })))).toBe(true)
    const row = { townId: 't', bySource: [{ source: 'CityBudget' as const, formulaFen: 10, pilotDeductedFen: 4, cityPaysFen: 6 }] }
    expect(shareOf(row, 'CityBudget')).toBe(6)
    expect(shareOf(row, 'CityBudget', 'pilotDeductedFen')).toBe(4)
    expect(shareOf(row, 'WelfareLottery')).toBe(0)
  })

  it('R-FD-03: a town’s current amount is the committed row plus every adjustment’s difference', () => {
    const row = { townId: 't', bySource: [{ source: 'CharityFederation' as const, formulaFen: 100, pilotDeductedFen: 0, cityPaysFen: 100 }] }
    const adj = (before: number, after: number, townId = 't') => ({
      townId, before: [{ source: 'CharityFederation' as const, amountFen: before }], after: [{ source: 'CharityFederation' as const, amountFen: after }],
    })
    expect(currentAmounts(row, [])).toEqual([{ source: 'CharityFederation', amountFen: 100 }])
    expect(currentAmounts(row, [adj(100, 150), adj(150, 80), adj(1, 999, 'other')])).toEqual([{ source: 'CharityFederation', amountFen: 80 }])
  })

  it('R-MW-07: the use rate reads with one decimal, a dash when nothing was allocated', () => {
    expect(useRateText(42.25)).toBe('42.3%')
    expect(useRateText(0)).toBe('0.0%')
    expect(useRateText(null)).toBe('—')
  })
})
