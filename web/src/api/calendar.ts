import { http } from './http'

export type DayKind = 'Holiday' | 'MakeUpWorkday'

export interface CalendarYearSummary {
  year: number
  notice: string | null
  updatedAt: string
}

export interface CalendarDayView {
  /** yyyy-MM-dd, a Beijing date. */
  date: string
  isWorkingDay: boolean
  kind: DayKind | null
  name: string | null
  weekday: string
}

export interface CalendarYearView {
  year: number
  officialDataLoaded: boolean
  notice: string | null
  /** Only the listed days: holidays and make-up working days. */
  days: CalendarDayView[]
}

export interface AddResult {
  from: string
  days: number
  unit: 'working' | 'calendar'
  result: string
  workingDaysBetween: number
}

export interface SetDay {
  kind: DayKind
  name: string
  reason: string
}

const day = (date: string) => `/api/calendar/days/${encodeURIComponent(date)}`

export const calendarApi = {
  years: () => http.get<CalendarYearSummary[]>('/api/calendar/years'),
  year: (year: number) => http.get<CalendarYearView>(`/api/calendar/years/${year}`),
  day: (date: string) => http.get<CalendarDayView>(day(date)),
  add: (from: string, days: number, unit: 'working' | 'calendar' = 'working') =>
    http.get<AddResult>('/api/calendar/add', { from, days, unit }),
  setDay: (date: string, body: SetDay) => http.put<CalendarDayView>(day(date), body),
  clearDay: (date: string, reason: string) => http.del<CalendarDayView>(day(date), { reason }),
}
