import { http } from './http'
import type { Channel } from './appeals'
import type { ProjectCategory, ProjectState } from './projects'

// GET /api/reports/overview?townId= (the dashboard). Shape agreed with the backend; the city may pass a
// town to drill down, a town's users get their own town.

export interface ReportOverview {
  appealsByChannel: { channel: Channel; count: number }[]
  /** month as yyyy-MM. */
  appealsByMonth: { month: string; count: number }[]
  projectsByState: { state: ProjectState; count: number }[]
  projectsByCategory: { category: ProjectCategory; count: number; budgetFen: number }[]
  deadlines: { open: number; dueSoon: number; overdue: number; metOnTime: number; metLate: number }
  byTown: { townId: string; townName: string; appeals: number; projects: number; budgetFen: number; overdue: number }[]
}

export const reportsApi = {
  overview: (townId?: string) => http.get<ReportOverview>('/api/reports/overview', { townId }),
}
