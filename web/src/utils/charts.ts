// The dashboard's and the survey's data shaped into ECharts options. Pure functions over the API answers,
// so the unit tests check what is drawn without a canvas. Money is shown in 万元 (fen / 1,000,000).

import type { EChartsOption } from 'echarts'
import type { ReportOverview } from '@/api/reports'
import type { SurveySummary } from '@/api/projects'
import { satisfactionLevels, surveyAspects } from '@/api/projects'

type Label = (key: string) => string

/** Fen to 万元 with two decimals, as a number for an axis. */
export function fenToWan(fen: number): number {
  return Math.round(fen / 10_000) / 100
}

/** Every month from the first to the last given (yyyy-MM), the missing ones with 0, in order. */
export function fillMonths(rows: readonly { month: string; count: number }[]): { month: string; count: number }[] {
  if (rows.length === 0) return []
  const counts = new Map(rows.map((r) => [r.month, r.count]))
  const sorted = [...counts.keys()].sort()
  const [fy, fm] = sorted[0].split('-').map(Number)
  const [ly, lm] = sorted[sorted.length - 1].split('-').map(Number)
  const out: { month: string; count: number }[] = []
  for (let y = fy, m = fm; y < ly || (y === ly && m <= lm); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    const key = `${y}-${String(m).padStart(2, '0')}`
    out.push({ month: key, count: counts.get(key) ?? 0 })
  }
  return out
}

export function channelPie(o: Pick<ReportOverview, 'appealsByChannel'>, label: Label, title: string): EChartsOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        name: title,
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        data: o.appealsByChannel.filter((r) => r.count > 0).map((r) => ({ name: label(`enums.channel.${r.channel}`), value: r.count })),
      },
    ],
  }
}

export function monthLine(o: Pick<ReportOverview, 'appealsByMonth'>, title: string): EChartsOption {
  const rows = fillMonths(o.appealsByMonth)
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: rows.map((r) => r.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: title, type: 'line', smooth: true, areaStyle: {}, data: rows.map((r) => r.count) }],
  }
}

export function stateBar(o: Pick<ReportOverview, 'projectsByState'>, label: Label, title: string): EChartsOption {
  const rows = o.projectsByState.filter((r) => r.count > 0)
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 120, right: 24, top: 16, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => label(`enums.projectState.${r.state}`)) },
    series: [{ name: title, type: 'bar', data: rows.map((r) => r.count) }],
  }
}

/** Budgets by town, largest first (万元); the town names of a whole city need room, so the bars are horizontal. */
export function townMoneyBar(o: Pick<ReportOverview, 'byTown'>, title: string): EChartsOption {
  const rows = [...o.byTown].sort((a, b) => b.budgetFen - a.budgetFen)
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 96, right: 24, top: 16, bottom: 24 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.townName) },
    series: [{ name: title, type: 'bar', data: rows.map((r) => fenToWan(r.budgetFen)) }],
  }
}

/** Deadlines met on time against met late and overdue (missed), plus what is still open and due soon. */
export function deadlineBar(o: Pick<ReportOverview, 'deadlines'>, label: Label): EChartsOption {
  const d = o.deadlines
  const bars = [
    { name: label('dashboard.metOnTime'), value: d.metOnTime, color: '#2e7d32' },
    { name: label('dashboard.metLate'), value: d.metLate, color: '#ef6c00' },
    { name: label('dashboard.overdue'), value: d.overdue, color: '#c62828' },
    { name: label('dashboard.dueSoon'), value: d.dueSoon, color: '#f9a825' },
    { name: label('dashboard.open'), value: d.open, color: '#1565c0' },
  ]
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 32 },
    xAxis: { type: 'category', data: bars.map((b) => b.name) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color } })) }],
  }
}

/** The survey summary: one stacked bar per aspect, the five levels from 非常满意 to 非常不满意. */
export function surveyBar(s: SurveySummary, label: Label): EChartsOption {
  const colors = ['#2e7d32', '#66bb6a', '#fbc02d', '#ef6c00', '#c62828']
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 96, right: 16, top: 8, bottom: 48 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: surveyAspects.map((a) => label(`enums.aspect.${a}`)) },
    series: satisfactionLevels.map((level, i) => ({
      name: label(`enums.level.${level}`),
      type: 'bar' as const,
      stack: 'survey',
      itemStyle: { color: colors[i] },
      data: surveyAspects.map((a) => s.distribution[a]?.[i] ?? 0),
    })),
  }
}

/** The headline numbers above the charts. */
export function overviewTotals(o: ReportOverview): { appeals: number; projects: number; budgetFen: number; overdue: number } {
  return {
    appeals: o.appealsByChannel.reduce((s, r) => s + r.count, 0),
    projects: o.projectsByState.reduce((s, r) => s + r.count, 0),
    budgetFen: o.projectsByCategory.reduce((s, r) => s + r.budgetFen, 0),
    overdue: o.deadlines.overdue,
  }
}
