// The dashboard from the statistics API (docs/api.md "Statistics"): its answers shaped into what the existing charts
// draw (utils/charts.ts), plus the area table for the drill-down (city → town → village), deadlines met against
// missed and satisfaction by area. Pure functions, so the unit tests check them without a canvas.

import type { EChartsOption } from 'echarts'
import type { ReportOverview } from '@/api/reports'
import type { AppealGroup, DeadlineGroup, ProjectGroup, SatisfactionGroup, StatisticsView } from '@/api/statistics'
import { fenToWan } from './charts'

type Label = (key: string) => string

export interface DashboardData {
  channel: StatisticsView<AppealGroup, number>
  month: StatisticsView<AppealGroup, number>
  state: StatisticsView<ProjectGroup>
  category: StatisticsView<ProjectGroup>
  areaAppeals: StatisticsView<AppealGroup, number>
  areaProjects: StatisticsView<ProjectGroup>
  areaDeadlines: StatisticsView<DeadlineGroup>
  areaSatisfaction: StatisticsView<SatisfactionGroup>
}

/** What the charts of the overview read, from the statistics answers (`byTown` is the current level's areas). */
export function toOverview(d: DashboardData): ReportOverview {
  const areas = areaRows(d)
  const total = d.areaDeadlines.total
  return {
    appealsByChannel: d.channel.groups.filter((g) => g.channel).map((g) => ({ channel: g.channel as never, count: g.count })),
    appealsByMonth: d.month.groups.filter((g) => g.month).map((g) => ({ month: g.month as string, count: g.count })),
    projectsByState: d.state.groups.filter((g) => g.state).map((g) => ({ state: g.state as never, count: g.count })),
    projectsByCategory: d.category.groups.filter((g) => g.category).map((g) => ({ category: g.category as never, count: g.count, budgetFen: g.budgetFen })),
    deadlines: { open: total.open, dueSoon: 0, overdue: total.missed, metOnTime: total.metOnTime, metLate: total.metLate },
    byTown: areas.map((a) => ({ townId: a.id, townName: a.name, appeals: a.appeals, projects: a.projects, budgetFen: a.budgetFen, overdue: a.missed })),
  }
}

export interface AreaRow {
  id: string
  name: string
  /** `town` rows may be drilled into; `village` rows are the bottom. */
  level: 'town' | 'village'
  appeals: number
  projects: number
  budgetFen: number
  metOnTime: number
  metLate: number
  missed: number
  onTimeRate: number | null
  responses: number
  satisfactionRate: number | null
  score: number | null
}

function areaKey(g: { townId: string | null; townName: string | null; villageId: string | null; villageName: string | null }) {
  return g.villageId
    ? { id: g.villageId, name: g.villageName ?? '', level: 'village' as const }
    : g.townId
      ? { id: g.townId, name: g.townName ?? '', level: 'town' as const }
      : null
}

/** One row per area (town or village) with the figures of every answer, in the order the areas first appear. */
export function areaRows(d: Pick<DashboardData, 'areaAppeals' | 'areaProjects' | 'areaDeadlines' | 'areaSatisfaction'>): AreaRow[] {
  const rows = new Map<string, AreaRow>()
  const row = (g: Parameters<typeof areaKey>[0]) => {
    const k = areaKey(g)
    if (!k) return null
    let r = rows.get(k.id)
    if (!r) {
      r = { ...k, appeals: 0, projects: 0, budgetFen: 0, metOnTime: 0, metLate: 0, missed: 0, onTimeRate: null, responses: 0, satisfactionRate: null, score: null }
      rows.set(k.id, r)
    }
    return r
  }
  for (const g of d.areaAppeals.groups) {
    const r = row(g)
    if (r) r.appeals += g.count
  }
  for (const g of d.areaProjects.groups) {
    const r = row(g)
    if (r) {
      r.projects += g.count
      r.budgetFen += g.budgetFen
    }
  }
  for (const g of d.areaDeadlines.groups) {
    const r = row(g)
    if (r) Object.assign(r, { metOnTime: g.metOnTime, metLate: g.metLate, missed: g.missed, onTimeRate: g.onTimeRate })
  }
  for (const g of d.areaSatisfaction.groups) {
    const r = row(g)
    if (r && g.responses > 0) Object.assign(r, { responses: g.responses, satisfactionRate: g.satisfactionRate, score: g.score })
  }
  return [...rows.values()]
}

/** Deadlines due in the period by area: met on time, met late, missed (stacked), largest first. */
export function deadlineAreaBar(rows: readonly AreaRow[], label: Label): EChartsOption {
  const sorted = [...rows].filter((r) => r.metOnTime + r.metLate + r.missed > 0)
  const series = [
    { key: 'metOnTime' as const, name: label('dashboard.metOnTime'), color: '#2e7d32' },
    { key: 'metLate' as const, name: label('dashboard.metLate'), color: '#ef6c00' },
    { key: 'missed' as const, name: label('stats.missed'), color: '#c62828' },
  ]
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 96, right: 16, top: 8, bottom: 40 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: sorted.map((r) => r.name) },
    series: series.map((s) => ({ name: s.name, type: 'bar' as const, stack: 'deadlines', itemStyle: { color: s.color }, data: sorted.map((r) => r[s.key]) })),
  }
}

/** Satisfaction rate (%) by area, only areas with responses. */
export function satisfactionAreaBar(rows: readonly AreaRow[], title: string): EChartsOption {
  const rated = rows.filter((r) => r.responses > 0 && r.satisfactionRate !== null)
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 96, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', max: 100 },
    yAxis: { type: 'category', inverse: true, data: rated.map((r) => r.name) },
    series: [{ name: title, type: 'bar', data: rated.map((r) => r.satisfactionRate as number) }],
  }
}

/** Budgets by area in 万元, largest first. */
export function areaMoneyBar(rows: readonly AreaRow[], title: string): EChartsOption {
  const sorted = [...rows].sort((a, b) => b.budgetFen - a.budgetFen)
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 96, right: 24, top: 16, bottom: 24 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: sorted.map((r) => r.name) },
    series: [{ name: title, type: 'bar', data: sorted.map((r) => fenToWan(r.budgetFen)) }],
  }
}
