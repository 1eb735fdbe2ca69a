import { http } from './http'

export type DayKind = 'Holiday' | 'MakeUpWorkday'

/** Where a year's arrangement comes from (R-PL-01, ADR 0021). */
export type CalendarSource = 'Shipped' | 'Edited' | 'Entered'

/** A year's provenance: the State Council notice and its issue date, and whether the city edited it. */
export interface CalendarYearSummary {
  year: number
  officialDataLoaded: boolean
  notice: string | null
  /** yyyy-MM-dd */
  noticeIssuedOn: string | null
  source: CalendarSource | null
  editedLocally: boolean
  editedAt: string | null
  editedBy: string | null
  /** What this release ships for the year, when it ships one. */
  shippedNotice: string | null
  shippedIssuedOn: string | null
  /** The release ships something other than what is stored (the city's edit, or a year not loaded). */
  shippedDiffers: boolean
  updatedAt: string | null
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
  provenance: CalendarYearSummary | null
}

export interface AddResult {
  from: string
  days: number
  unit: 'working' | 'calendar'
  result: string
  workingDaysBetween: number
  /** A year it crosses has no notice loaded: its weekends only were counted. */
  workingDaysProvisional: boolean
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
  restoreOfficial: (year: number, reason: string) => http.post<CalendarYearView>(`/api/calendar/years/${year}/restore-official`, { reason }),
}
