import { http } from './http'

// Statistics for the dashboard (docs/api.md "Statistics", ADR 0015): one GROUP BY per answer, in the caller's scope.
// Without `groupBy` the API groups one level down from the unit (towns for the city, villages for a town).

export interface StatisticsQuery {
  groupBy?: string
  year?: number | null
  from?: string | null
  to?: string | null
  townId?: string | null
  villageId?: string | null
}

interface Place {
  townId: string | null
  townName: string | null
  villageId: string | null
  villageName: string | null
}

export interface AppealGroup extends Place {
  channel: string | null
  category: string | null
  state: string | null
  month: string | null
  count: number
}

export interface ProjectGroup extends Place {
  category: string | null
  route: string | null
  state: string | null
  month: string | null
  count: number
  budgetFen: number
  approved: number
  approvedFen: number
  actualFen: number
}

export interface DeadlineGroup extends Place {
  unitId: string | null
  unitName: string | null
  obligation: string | null
  ruleId: string | null
  obligationZh: string | null
  metOnTime: number
  metLate: number
  missed: number
  open: number
  onTimeRate: number | null
}

export interface SatisfactionGroup extends Place {
  projects: number
  responses: number
  levels: number[]
  satisfactionRate: number
  score: number
}

export interface StatisticsView<G, T = G> {
  groupBy: string[]
  from: string | null
  to: string | null
  townId: string | null
  villageId: string | null
  total: T
  groups: G[]
}

export const statisticsApi = {
  appeals: (q: StatisticsQuery) => http.get<StatisticsView<AppealGroup, number>>('/api/statistics/appeals', { ...q }),
  projects: (q: StatisticsQuery) => http.get<StatisticsView<ProjectGroup>>('/api/statistics/micro-projects', { ...q }),
  deadlines: (q: StatisticsQuery) => http.get<StatisticsView<DeadlineGroup>>('/api/statistics/deadlines', { ...q }),
  satisfaction: (q: StatisticsQuery) => http.get<StatisticsView<SatisfactionGroup>>('/api/statistics/satisfaction', { ...q }),
}
