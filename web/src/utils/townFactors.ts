// The towns' allocation figures (分配因素, R-FD-03) as the city enters them: last year's as the starting point, an import
// from a CSV table, and the check that asks before a figure ten times larger or smaller than last year's is saved.

export const factorFields = ['villageCount', 'areaHectares', 'outputWan', 'population', 'needCount'] as const
export type FactorField = (typeof factorFields)[number]

export interface FactorRow {
  townId: string
  code: string
  name: string
  /** The figures as typed (text, so an empty cell stays empty). */
  values: Record<FactorField, string>
  /** Last year's figures, when the town had them. */
  last: Record<FactorField, number> | null
}

export interface FactorRecord {
  townId: string
  villageCount: number
  areaHectares: number
  outputWan: number
  population: number
  needCount: number
}

const emptyValues = (): Record<FactorField, string> => ({ villageCount: '', areaHectares: '', outputWan: '', population: '', needCount: '' })

function pick(r: FactorRecord): Record<FactorField, number> {
  return { villageCount: r.villageCount, areaHectares: r.areaHectares, outputWan: r.outputWan, population: r.population, needCount: r.needCount }
}

/**
 * One row per town: this year's figures where saved, else last year's as the starting point (blank where neither exists).
 * `fromLastYear` says whether any row was filled from last year's.
 */
export function startingRows(
  towns: readonly { id: string; code: string; name: string }[],
  thisYear: readonly FactorRecord[],
  lastYear: readonly FactorRecord[],
): { rows: FactorRow[]; fromLastYear: boolean } {
  const now = new Map(thisYear.map((r) => [r.townId, r]))
  const before = new Map(lastYear.map((r) => [r.townId, r]))
  let fromLastYear = false
  const rows = [...towns]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((t) => {
      const last = before.get(t.id)
      const saved = now.get(t.id) ?? (last ? ((fromLastYear = true), last) : undefined)
      const values = saved ? (Object.fromEntries(factorFields.map((f) => [f, String(pick(saved)[f])])) as Record<FactorField, string>) : emptyValues()
      return { townId: t.id, code: t.code, name: t.name, values, last: last ? pick(last) : null }
    })
  return { rows, fromLastYear }
}

/** A typed figure as a whole number ≥ 0, or null when it is not one. */
export function wholeNumber(text: string): number | null {
  const t = text.trim().replace(/,/g, '')
  return /^\d+$/.test(t) ? Number(t) : null
}

/** The cells that are not whole numbers ≥ 0: "townId.field" keys. */
export function invalidCells(rows: readonly FactorRow[]): string[] {
  return rows.flatMap((r) => factorFields.filter((f) => wholeNumber(r.values[f]) === null).map((f) => `${r.townId}.${f}`))
}

/**
 * The figures that differ from last year's by a factor of ten or more (either way, or from zero to something): a slip of
 * the unit (元 for 万元, 平方米 for 公顷) looks like this, so the city confirms them before they are saved.
 */
export function tenfoldChanges(rows: readonly FactorRow[]): { row: FactorRow; field: FactorField; last: number; now: number }[] {
  const out: { row: FactorRow; field: FactorField; last: number; now: number }[] = []
  for (const row of rows) {
    if (!row.last) continue
    for (const field of factorFields) {
      const now = wholeNumber(row.values[field])
      const last = row.last[field]
      if (now === null || now === last) continue
      const big = Math.max(now, last)
      const small = Math.min(now, last)
      if (big >= 10 * small && big > 0) out.push({ row, field, last, now })
    }
  }
  return out
}

/** The request body of PUT /api/funds/town-factors/{year}. */
export function factorsRequest(rows: readonly FactorRow[]): { towns: FactorRecord[] } {
  return {
    towns: rows.map((r) => ({
      townId: r.townId,
      villageCount: wholeNumber(r.values.villageCount) ?? -1,
      areaHectares: wholeNumber(r.values.areaHectares) ?? -1,
      outputWan: wholeNumber(r.values.outputWan) ?? -1,
      population: wholeNumber(r.values.population) ?? -1,
      needCount: wholeNumber(r.values.needCount) ?? -1,
    })),
  }
}

/** The CSV table's header, in the order of `factorFields`, after the town's code and name. */
export const csvHeader = ['镇街编码', '镇街名称', '村（社区）数', '面积（公顷）', '生产总值（万元）', '人口', '需求（件）']

function splitCsvLine(line: string): string[] {
  const out: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',' || ch === '\t') {
      out.push(cell.trim())
      cell = ''
    } else cell += ch
  }
  out.push(cell.trim())
  return out
}

/** The table as CSV (with a BOM so Excel reads the Chinese), for the city to fill in and import again. */
export function toCsv(rows: readonly FactorRow[]): string {
  const lines = [csvHeader.join(',')]
  for (const r of rows) lines.push([r.code, r.name, ...factorFields.map((f) => r.values[f])].map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

/**
 * An imported CSV (or tab-separated, as pasted from Excel) applied to the rows: each line names its town by code or name in
 * the first two columns, then the five figures. Answers the rows with the figures taken and the lines it could not place.
 */
export function applyCsv(rows: readonly FactorRow[], text: string): { rows: FactorRow[]; applied: number; unknown: string[] } {
  const byKey = new Map<string, FactorRow>()
  for (const r of rows) {
    byKey.set(r.code, r)
    byKey.set(r.name, r)
  }
  const next = new Map(rows.map((r) => [r.townId, { ...r, values: { ...r.values } }]))
  const unknown: string[] = []
  let applied = 0
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (!raw.trim()) continue
    const cells = splitCsvLine(raw)
    if (cells[0] === csvHeader[0] || cells[1] === csvHeader[1]) continue
    const town = byKey.get(cells[0]) ?? byKey.get(cells[1])
    if (!town) {
      unknown.push(cells.slice(0, 2).join(' '))
      continue
    }
    const figures = cells.slice(2, 7)
    const row = next.get(town.townId)!
    factorFields.forEach((f, i) => {
      if (figures[i] !== undefined && figures[i] !== '') row.values[f] = figures[i].replace(/,/g, '')
    })
    applied++
  }
  return { rows: rows.map((r) => next.get(r.townId)!), applied, unknown }
}
