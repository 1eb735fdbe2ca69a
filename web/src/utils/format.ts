// Formatting for Chinese readers (and the English switch). Money arrives as integer fen (分) from the
// backend; instants arrive in UTC and are shown in Beijing time (Asia/Shanghai) wherever the browser is.

import type { Lang } from '@/api/problem'

export const CHINA_TZ = 'Asia/Shanghai'

const MS_MINUTE = 60_000
const MS_HOUR = 60 * MS_MINUTE
const MS_DAY = 24 * MS_HOUR

function group(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

export type MoneyUnit = 'auto' | 'yuan' | 'wan'

export interface MoneyOptions {
  /** `yuan`: 1,234.50 元; `wan`: 12.35 万元; `auto` (default): 万元 from 1 万元 up. */
  unit?: MoneyUnit
  lang?: Lang
}

/** Integer fen (分) to a string in 元 or 万元, exact (integer arithmetic, half-up rounding for 万元). */
export function formatFen(fen: number, opts: MoneyOptions = {}): string {
  if (!Number.isFinite(fen)) return '—'
  const lang = opts.lang ?? 'zh-CN'
  const unit = opts.unit ?? 'auto'
  const whole = Math.round(fen)
  const sign = whole < 0 ? '-' : ''
  const abs = Math.abs(whole)
  const useWan = unit === 'wan' || (unit === 'auto' && abs >= 1_000_000)
  if (useWan) {
    // Hundredths of 万元 are 100 元, i.e. 10,000 fen.
    const hundredths = Math.round(abs / 10_000)
    if (lang === 'en-US') {
      // 1 万 = 10 thousand: 12.35 万 is 123.5k, exactly, from the same hundredths.
      return `${sign}¥${group(Math.floor(hundredths / 10))}.${hundredths % 10}k`
    }
    return `${sign}${group(Math.floor(hundredths / 100))}.${pad2(hundredths % 100)} 万元`
  }
  const text = `${group(Math.floor(abs / 100))}.${pad2(abs % 100)}`
  return lang === 'en-US' ? `${sign}¥${text}` : `${sign}${text} 元`
}

/** A yuan amount (as entered or as older APIs give it) formatted like {@link formatFen}. */
export function formatYuan(yuan: number, opts: MoneyOptions = {}): string {
  return formatFen(yuanToFen(yuan), opts)
}

/** 元 to integer fen without binary rounding surprises (0.1 + 0.2 style): rounds to the nearest fen. */
export function yuanToFen(yuan: number | string): number {
  const n = typeof yuan === 'string' ? Number(yuan.trim().replace(/,/g, '')) : yuan
  if (!Number.isFinite(n)) return Number.NaN
  return Math.round(Number((n * 100).toFixed(4)))
}

interface ChinaParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number
}

const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: CHINA_TZ,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  weekday: 'short',
  hourCycle: 'h23',
})

const weekdayIndex: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 }

function toDate(v: string | Date | number): Date {
  return v instanceof Date ? v : new Date(v)
}

/** The Beijing wall-clock parts of an instant. */
export function chinaParts(instant: string | Date | number): ChinaParts {
  const parts: Record<string, string> = {}
  for (const p of partsFormatter.formatToParts(toDate(instant))) parts[p.type] = p.value
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    weekday: weekdayIndex[parts.weekday ?? 'Sun'] ?? 0,
  }
}

/** Today's Beijing date as yyyy-MM-dd. */
export function chinaToday(now: Date = new Date()): string {
  const p = chinaParts(now)
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`
}

const zhWeekdays = ['日', '一', '二', '三', '四', '五', '六']
const enWeekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/** A date-only value (yyyy-MM-dd, already a Beijing date): 2026年10月1日, or 2026-10-01. */
export function formatDate(date: string | null | undefined, lang: Lang = 'zh-CN', withWeekday = false): string {
  if (!date) return '—'
  // An instant passed by mistake (2026-11-23T23:30:00Z) is shown on its Beijing date, not its UTC one.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:/.test(date)) date = chinaDateOf(date)
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date)
  if (!m) return date
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const wd = new Date(Date.UTC(y, mo - 1, d)).getUTCDay()
  if (lang === 'en-US') return withWeekday ? `${enWeekdays[wd]} ${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}-${m[3]}`
  return withWeekday ? `${y}年${mo}月${d}日（星期${zhWeekdays[wd]}）` : `${y}年${mo}月${d}日`
}

/** An instant in Beijing time: 2026年11月23日 10:00, or 2026-11-23 10:00. */
export function formatDateTime(instant: string | Date | null | undefined, lang: Lang = 'zh-CN'): string {
  if (instant === null || instant === undefined || instant === '') return '—'
  const d = toDate(instant)
  if (Number.isNaN(d.getTime())) return String(instant)
  const p = chinaParts(d)
  const time = `${pad2(p.hour)}:${pad2(p.minute)}`
  return lang === 'en-US'
    ? `${p.year}-${pad2(p.month)}-${pad2(p.day)} ${time}`
    : `${p.year}年${p.month}月${p.day}日 ${time}`
}

export type DeadlineLevel = 'ok' | 'soon' | 'overdue'

export interface DeadlineText {
  text: string
  level: DeadlineLevel
  /** Milliseconds left; negative when overdue. */
  remainingMs: number
}

function span(ms: number, lang: Lang): string {
  const days = Math.floor(ms / MS_DAY)
  const hours = Math.floor((ms % MS_DAY) / MS_HOUR)
  const minutes = Math.max(1, Math.floor((ms % MS_HOUR) / MS_MINUTE))
  const zh = lang !== 'en-US'
  if (days > 0) {
    if (hours === 0) return zh ? `${days} 天` : `${days} d`
    return zh ? `${days} 天 ${hours} 小时` : `${days} d ${hours} h`
  }
  if (hours > 0) return zh ? `${hours} 小时` : `${hours} h`
  return zh ? `${minutes} 分钟` : `${minutes} min`
}

/**
 * Time left to a deadline, or how far past it: 剩余 2 天 3 小时 / 已超期 5 小时 (2 d 3 h left / 5 h overdue).
 * Whole units, rounded down, so the time left is never overstated. `soon` is less than a day left.
 */
export function formatDeadline(
  due: string | Date,
  now: Date = new Date(),
  lang: Lang = 'zh-CN',
  soonMs: number = MS_DAY,
): DeadlineText {
  const remainingMs = toDate(due).getTime() - now.getTime()
  if (remainingMs > 0) {
    const s = span(remainingMs, lang)
    return { text: lang === 'en-US' ? `${s} left` : `剩余 ${s}`, level: remainingMs < soonMs ? 'soon' : 'ok', remainingMs }
  }
  const s = span(-remainingMs, lang)
  return { text: lang === 'en-US' ? `${s} overdue` : `已超期 ${s}`, level: 'overdue', remainingMs }
}

const FEN_PER_WAN = 1_000_000

/**
 * An amount typed in 万元 ("12", "12.5", "0.0001", "1,234.56") to integer fen, by decimal digits rather than
 * floating point, so 0.1 万元 is exactly 100,000 fen. More than six decimals (below 1 fen) round half up.
 * Anything that is not a plain non-negative or negative decimal gives NaN; an empty text gives NaN too.
 */
export function wanToFen(wan: string | number | null | undefined): number {
  if (wan === null || wan === undefined) return Number.NaN
  const text = (typeof wan === 'number' ? (Number.isFinite(wan) ? String(wan) : '') : wan).trim().replace(/,/g, '')
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text)
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return Number.NaN
  // String(1e-7) is exponent notation and fails the pattern above: only plain decimals are money.
  const sign = m[1] === '-' ? -1 : 1
  const whole = Number(m[2] || '0')
  const frac = (m[3] ?? '').padEnd(7, '0')
  let fen = whole * FEN_PER_WAN + Number(frac.slice(0, 6))
  if (Number(frac[6]) >= 5) fen += 1
  return sign * fen
}

/** Integer fen as a 万元 number text for an input: 12000000 → "12", 12345600 → "12.3456", no trailing zeros. */
export function fenToWanText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return ''
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.round(fen))
  const whole = Math.floor(abs / FEN_PER_WAN)
  const frac = String(abs % FEN_PER_WAN).padStart(6, '0').replace(/0+$/, '')
  return frac ? `${sign}${whole}.${frac}` : `${sign}${whole}`
}

/** A Beijing date (yyyy-MM-dd) of an instant; the date pickers hold local dates the API reads as Beijing ones. */
export function chinaDateOf(instant: string | Date): string {
  return chinaToday(toDate(instant))
}

/** A Date from a date picker (its local Y-M-D) as yyyy-MM-dd, whatever the browser's zone. */
export function localDateText(d: Date | null | undefined): string | null {
  if (!d || Number.isNaN(d.getTime())) return null
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`
}

/** Whole days from one yyyy-MM-dd to another, both counted (2026-11-23 → 2026-11-27 is 5). */
export function inclusiveDays(from: string, to: string): number {
  const a = Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)))
  const b = Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10)))
  return Math.round((b - a) / MS_DAY) + 1
}

/** yyyy-MM-dd plus n calendar days. */
export function addDays(date: string, n: number): string {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + n))
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`
}

/** File sizes for the attachment lists: 532 B, 12.3 KB, 4.5 MB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}
