import { describe, expect, it } from 'vitest'
import { addDays, fenToWanText, inclusiveDays, localDateText, wanToFen } from '@/utils/format'

describe('万元 ↔ fen', () => {
  it('reads 万元 exactly, by decimal digits', () => {
    expect(wanToFen('12')).toBe(12_000_000)
    expect(wanToFen('12.5')).toBe(12_500_000)
    expect(wanToFen('0.1')).toBe(100_000)
    expect(wanToFen('0.0001')).toBe(100) // 1 元
    expect(wanToFen('0.000001')).toBe(1) // 1 fen
    expect(wanToFen('1,234.56')).toBe(1_234_560_000)
    expect(wanToFen(' 5 ')).toBe(5_000_000)
    expect(wanToFen(4.9999)).toBe(4_999_900)
  })

  it('rounds below a fen half up and refuses what is not a number', () => {
    expect(wanToFen('0.0000005')).toBe(1)
    expect(wanToFen('0.0000004')).toBe(0)
    for (const bad of ['', ' ', '.', 'abc', '1.2.3', '12万', '1e3', null, undefined, Number.NaN])
      expect(Number.isNaN(wanToFen(bad as string))).toBe(true)
  })

  it('writes fen back as a 万元 input text without trailing zeros', () => {
    expect(fenToWanText(12_000_000)).toBe('12')
    expect(fenToWanText(12_345_600)).toBe('12.3456')
    expect(fenToWanText(1)).toBe('0.000001')
    expect(fenToWanText(null)).toBe('')
    for (const fen of [0, 1, 99, 100_000, 5_000_000, 12_345_678, 50_000_000]) expect(wanToFen(fenToWanText(fen))).toBe(fen)
  })
})

describe('dates of the forms', () => {
  it('counts publicity days with both ends', () => {
    expect(inclusiveDays('2026-11-23', '2026-11-27')).toBe(5)
    expect(inclusiveDays('2026-12-30', '2027-01-02')).toBe(4)
    expect(addDays('2026-11-23', 4)).toBe('2026-11-27')
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01')
  })

  it('takes a picked date as the local Y-M-D', () => {
    expect(localDateText(new Date(2026, 10, 23, 0, 30))).toBe('2026-11-23')
    expect(localDateText(null)).toBeNull()
  })
})
