import { describe, expect, it } from 'vitest'
import type { CalendarDayView } from '@/api/calendar'
import { byDate, groupRuns, monthGrid } from '@/utils/calendarGrid'

const day = (date: string, kind: CalendarDayView['kind'], name: string): CalendarDayView => ({
  date, kind, name, isWorkingDay: kind === 'MakeUpWorkday', weekday: '',
})

// 2026: 国庆节 and 中秋节 together, 10-01 to 10-07 off (the test data only; the real year comes from the API).
const listed = [
  day('2026-09-27', 'MakeUpWorkday', '国庆节'),
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => day(`2026-10-0${d}`, 'Holiday', '国庆节')),
  day('2026-10-10', 'MakeUpWorkday', '国庆节'),
]

describe('monthGrid', () => {
  it('lays a month out Monday first with blanks', () => {
    const weeks = monthGrid(2026, 10, byDate(listed))
    // 2026-10-01 is a Thursday: three blanks before it.
    expect(weeks[0].slice(0, 3)).toEqual([null, null, null])
    expect(weeks[0][3]).toMatchObject({ date: '2026-10-01', day: 1, column: 3, kind: 'holiday', name: '国庆节' })
    expect(weeks.flat().filter((c) => c !== null)).toHaveLength(31)
    expect(weeks.every((w) => w.length === 7)).toBe(true)
  })

  it('marks make-up working days and plain weekends', () => {
    const cells = monthGrid(2026, 10, byDate(listed)).flat()
    expect(cells.find((c) => c?.date === '2026-10-10')?.kind).toBe('makeup')
    expect(cells.find((c) => c?.date === '2026-10-11')?.kind).toBe('weekend')
    expect(cells.find((c) => c?.date === '2026-10-12')?.kind).toBe('workday')
  })

  it('handles February in leap and common years', () => {
    expect(monthGrid(2024, 2, new Map()).flat().filter(Boolean)).toHaveLength(29)
    expect(monthGrid(2026, 2, new Map()).flat().filter(Boolean)).toHaveLength(28)
  })
})

describe('groupRuns', () => {
  it('folds consecutive days of one holiday into a run', () => {
    expect(groupRuns(listed)).toEqual([
      { from: '2026-09-27', to: '2026-09-27', kind: 'MakeUpWorkday', name: '国庆节', count: 1 },
      { from: '2026-10-01', to: '2026-10-07', kind: 'Holiday', name: '国庆节', count: 7 },
      { from: '2026-10-10', to: '2026-10-10', kind: 'MakeUpWorkday', name: '国庆节', count: 1 },
    ])
  })

  it('runs across a month end', () => {
    const runs = groupRuns([day('2026-12-31', 'Holiday', '元旦'), day('2027-01-01', 'Holiday', '元旦')])
    expect(runs).toHaveLength(1)
    expect(runs[0]).toMatchObject({ from: '2026-12-31', to: '2027-01-01', count: 2 })
  })
})
