import type { CalendarDayView, DayKind } from '@/api/calendar'

export type CellKind = 'holiday' | 'makeup' | 'weekend' | 'workday'

export interface DayCell {
  /** yyyy-MM-dd */
  date: string
  day: number
  /** 0 = Monday … 6 = Sunday (Chinese calendars start the week on Monday). */
  column: number
  kind: CellKind
  name: string | null
}

export type Week = (DayCell | null)[]

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`
}

function cellKind(listed: DayKind | null | undefined, weekend: boolean): CellKind {
  if (listed === 'Holiday') return 'holiday'
  if (listed === 'MakeUpWorkday') return 'makeup'
  return weekend ? 'weekend' : 'workday'
}

/**
 * One month (1–12) as weeks of seven cells, Monday first, with blanks before the 1st and after the last
 * day. Listed days (holidays, make-up working days) come from the year's API answer.
 */
export function monthGrid(year: number, month: number, listed: ReadonlyMap<string, CalendarDayView>): Week[] {
  const first = new Date(Date.UTC(year, month - 1, 1))
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const offset = (first.getUTCDay() + 6) % 7
  const weeks: Week[] = []
  let week: Week = Array.from({ length: offset }, () => null)
  for (let d = 1; d <= daysInMonth; d++) {
    const column = (offset + d - 1) % 7
    const date = isoDate(year, month, d)
    const entry = listed.get(date)
    week.push({ date, day: d, column, kind: cellKind(entry?.kind, column >= 5), name: entry?.name ?? null })
    if (week.length === 7) {
      weeks.push(week)
      week = []
    }
  }
  if (week.length > 0) {
    while (week.length < 7) week.push(null)
    weeks.push(week)
  }
  return weeks
}

/** The listed days by date, for {@link monthGrid}. */
export function byDate(days: readonly CalendarDayView[]): Map<string, CalendarDayView> {
  return new Map(days.map((d) => [d.date, d]))
}

export interface DayRun {
  from: string
  to: string
  kind: DayKind
  name: string
  count: number
}

function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  const n = new Date(Date.UTC(y, m - 1, d + 1))
  return isoDate(n.getUTCFullYear(), n.getUTCMonth() + 1, n.getUTCDate())
}

/**
 * Listed days folded into runs of consecutive dates with the same kind and name, e.g. 国庆节 10-01 to
 * 10-08 as one run, for the list under each month.
 */
export function groupRuns(days: readonly CalendarDayView[]): DayRun[] {
  const sorted = days.filter((d) => d.kind !== null).sort((a, b) => a.date.localeCompare(b.date))
  const runs: DayRun[] = []
  for (const d of sorted) {
    const last = runs[runs.length - 1]
    const name = d.name ?? ''
    if (last && last.kind === d.kind && last.name === name && nextDate(last.to) === d.date) {
      last.to = d.date
      last.count++
    } else runs.push({ from: d.date, to: d.date, kind: d.kind as DayKind, name, count: 1 })
  }
  return runs
}
