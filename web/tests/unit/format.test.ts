import { describe, expect, it } from 'vitest'
import { chinaToday, formatDate, formatDateTime, formatDeadline, formatFen, formatYuan, yuanToFen } from '@/utils/format'

describe('money', () => {
  it('shows fen as 元 with two decimals and grouping', () => {
    expect(formatFen(123450, { unit: 'yuan' })).toBe('1,234.50 元')
    expect(formatFen(5, { unit: 'yuan' })).toBe('0.05 元')
    expect(formatFen(0)).toBe('0.00 元')
    expect(formatFen(-250, { unit: 'yuan' })).toBe('-2.50 元')
  })

  it('switches to 万元 from 1 万元 up in auto mode', () => {
    expect(formatFen(999_999)).toBe('9,999.99 元')
    expect(formatFen(1_000_000)).toBe('1.00 万元')
    expect(formatFen(12_345_000)).toBe('12.35 万元') // 123,450 元, rounded half up
    expect(formatFen(5_000_000_000)).toBe('5,000.00 万元')
  })

  it('forces 万元 when asked, rounding to 100 元', () => {
    expect(formatFen(4_999, { unit: 'wan' })).toBe('0.00 万元')
    expect(formatFen(5_000, { unit: 'wan' })).toBe('0.01 万元')
    expect(formatFen(300_000_00, { unit: 'wan' })).toBe('30.00 万元')
  })

  it('formats for English readers', () => {
    expect(formatFen(123450, { lang: 'en-US', unit: 'yuan' })).toBe('¥1,234.50')
    expect(formatFen(12_345_000, { lang: 'en-US' })).toBe('¥123.5k')
    expect(formatFen(-250, { lang: 'en-US' })).toBe('-¥2.50')
  })

  it('converts yuan to fen without floating-point drift', () => {
    expect(yuanToFen(0.1 + 0.2)).toBe(30)
    expect(yuanToFen(19.99)).toBe(1999)
    expect(yuanToFen('1,234.5')).toBe(123450)
    expect(Number.isNaN(yuanToFen('abc'))).toBe(true)
    expect(formatYuan(300000)).toBe('30.00 万元')
    expect(formatYuan(1.005, { unit: 'yuan' })).toBe('1.01 元')
  })

  it('shows a dash for a missing amount', () => {
    expect(formatFen(Number.NaN)).toBe('—')
  })
})

describe('dates in Beijing time', () => {
  it('shows UTC instants in Asia/Shanghai', () => {
    expect(formatDateTime('2026-11-23T02:00:00+00:00')).toBe('2026年11月23日 10:00')
    expect(formatDateTime('2026-11-23T02:00:00+00:00', 'en-US')).toBe('2026-11-23 10:00')
    // 16:30 UTC on the 31st is already the 1st in Beijing.
    expect(formatDateTime('2026-12-31T16:30:00Z')).toBe('2027年1月1日 00:30')
    expect(formatDateTime(null)).toBe('—')
  })

  it('shows date-only values as they are, with the weekday on request', () => {
    expect(formatDate('2026-10-01')).toBe('2026年10月1日')
    expect(formatDate('2026-10-01', 'zh-CN', true)).toBe('2026年10月1日（星期四）')
    expect(formatDate('2026-10-01', 'en-US', true)).toBe('Thu 2026-10-01')
  })

  it('shows an instant given as a date on its Beijing date (23:30 UTC is the next day in Beijing)', () => {
    expect(formatDate('2026-11-23T23:30:00Z')).toBe('2026年11月24日')
    expect(formatDate('2026-11-23T10:00:00+08:00')).toBe('2026年11月23日')
  })

  it("gives today's Beijing date, not the machine's", () => {
    expect(chinaToday(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01')
    expect(chinaToday(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30')
  })
})

describe('deadlines', () => {
  const now = new Date('2026-11-23T02:00:00Z') // 10:00 Beijing

  it('counts days and hours left, rounded down', () => {
    const due = new Date(now.getTime() + (2 * 24 + 3) * 3600_000 + 59 * 60_000)
    expect(formatDeadline(due, now)).toEqual({ text: '剩余 2 天 3 小时', level: 'ok', remainingMs: due.getTime() - now.getTime() })
    expect(formatDeadline(due, now, 'en-US').text).toBe('2 d 3 h left')
  })

  it('drops zero hours and uses hours or minutes under a day', () => {
    expect(formatDeadline(new Date(now.getTime() + 2 * 86400_000), now).text).toBe('剩余 2 天')
    const soon = formatDeadline(new Date(now.getTime() + 5 * 3600_000 + 10 * 60_000), now)
    expect(soon.text).toBe('剩余 5 小时')
    expect(soon.level).toBe('soon')
    expect(formatDeadline(new Date(now.getTime() + 45 * 60_000), now).text).toBe('剩余 45 分钟')
  })

  it('says how far past an overdue deadline is', () => {
    const o = formatDeadline(new Date(now.getTime() - 5 * 3600_000 - 20 * 60_000), now)
    expect(o.text).toBe('已超期 5 小时')
    expect(o.level).toBe('overdue')
    expect(formatDeadline(new Date(now.getTime() - 26 * 3600_000), now).text).toBe('已超期 1 天 2 小时')
    expect(formatDeadline(new Date(now.getTime() - 5 * 3600_000), now, 'en-US').text).toBe('5 h overdue')
  })

  it('treats a working-day deadline at 23:59:59 Beijing time correctly', () => {
    // Due 2026-11-25 23:59:59 +08:00, now 2026-11-23 10:00 +08:00: 2 days 13 hours 59 minutes.
    expect(formatDeadline('2026-11-25T15:59:59Z', now).text).toBe('剩余 2 天 13 小时')
    expect(formatDeadline(now, now).level).toBe('overdue')
  })
})
