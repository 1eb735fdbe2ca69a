import type { EvaluationInterview, ImportPreview, ImportRowView, InvestigationMethod, InvestigationRequest, Relation } from '@/api/casework'
import type { FieldErrorDto } from '@/api/problem'
import { yuanToFen } from '@/utils/format'

// The logic of the casework console's forms (issue 13, part 2): the bulk registration preview (ImportPeople), the
// screening (R-CA-04) and the quarterly evaluation (R-CA-06). Kept out of the components so that vitest can hold it.

/**
 * The fields ImportPeople names in `rows[n].field`, by the column of the assistance system's export that holds them
 * (the CSV template's headers, ImportPeople.Columns). A field missing here is shown under its own name.
 */
export const importFieldColumns: Record<string, string> = {
  name: '姓名',
  documentKind: '证件类型',
  documentNumber: '证件号码',
  sex: '性别',
  birthDate: '出生日期',
  phone: '联系电话',
  localHukou: '本地户籍',
  villageId: '村（社区）',
  address: '住址',
  householdAddress: '住址',
  relation: '与户主关系',
  householdId: '户主证件号码',
  headDocumentNumber: '户主证件号码',
  categories: '对象类别',
  validFrom: '类别生效日期',
  validTo: '类别失效日期',
  disabilityGrade: '残疾等级',
  registeredOn: '建档日期',
  underDynamicAdjustment: '动态调整',
  health: '健康状况',
}

/** `rows[12].categories[0].validFrom` → row 12, field `validFrom`; `file` (the whole file) → row null. */
export function parseImportField(field: string): { row: number | null; field: string } {
  const m = /^rows\[(\d+)\]\.(.+)$/.exec(field)
  if (!m) return { row: null, field }
  const parts = m[2].split('.').map((p) => p.replace(/\[\d+\]$/, ''))
  return { row: Number(m[1]), field: parts[parts.length - 1] }
}

export interface ImportCellError {
  field: string
  /** The export's column (Chinese header, as the worker sees it in the file). */
  column: string
  message: string
}

export interface ImportRowShown {
  row: number
  name: string | null
  documentMasked: string | null
  villageName: string | null
  categories: string[]
  ok: boolean
  errors: ImportCellError[]
}

function message(e: FieldErrorDto, lang: string): string {
  return lang === 'en-US' ? e.en : e.zh
}

function cell(e: FieldErrorDto, lang: string): ImportCellError {
  const { field } = parseImportField(e.field)
  return { field, column: importFieldColumns[field] ?? field, message: message(e, lang) }
}

/** Every row of the preview with its errors named by column, wrong rows first, each group in file order. */
export function importRows(preview: ImportPreview, lang: string): ImportRowShown[] {
  const shown = preview.items.map((r: ImportRowView) => ({
    row: r.row, name: r.name, documentMasked: r.documentMasked, villageName: r.villageName, categories: r.categories,
    ok: r.errors.length === 0, errors: r.errors.map((e) => cell(e, lang)),
  }))
  return [...shown.filter((r) => !r.ok), ...shown.filter((r) => r.ok)]
}

/**
 * The 400 of a confirmed import (the file changed between the preview and the import): its `rows[n].field` errors by row,
 * and what concerns the whole file.
 */
export function importProblemRows(errors: FieldErrorDto[], lang: string): { rows: Map<number, ImportCellError[]>; file: string[] } {
  const rows = new Map<number, ImportCellError[]>()
  const file: string[] = []
  for (const e of errors) {
    const { row } = parseImportField(e.field)
    if (row === null) file.push(message(e, lang))
    else rows.set(row, [...(rows.get(row) ?? []), cell(e, lang)])
  }
  return { rows, file }
}

/** The import may be confirmed only for a preview with rows and no wrong row (the server refuses the rest anyway). */
export function canImport(preview: ImportPreview | null): boolean {
  return !!preview && preview.rows > 0 && preview.invalid === 0
}

/** A rate in per cent with one decimal, rounded half away from zero like EvaluatePolicy.Rate (0 of 0 is 0). */
export function rate(n: number, of: number): number {
  if (of === 0) return 0
  const x = (n * 100) / of
  return Math.sign(x) * Math.round(Math.abs(x) * 10 + 1e-9) / 10
}

export interface EvaluationTotals {
  interviews: number
  standardsRight: number
  paymentsRight: number
  aware: number
  satisfied: number
  standardsRightRate: number
  paymentsRightRate: number
  awarenessRate: number
  satisfactionRate: number
  /** Interviews with an answer still missing (the server refuses them; the rates count only what is entered). */
  incomplete: number
}

/** The figures R-CA-06 computes from the interviews, shown while they are typed: satisfied is 非常满意 or 满意. */
export function evaluationTotals(interviews: EvaluationInterview[]): EvaluationTotals {
  const n = interviews.length
  const count = (f: (i: EvaluationInterview) => boolean) => interviews.filter(f).length
  const standardsRight = count((i) => i.standardRight === true)
  const paymentsRight = count((i) => i.paymentRight === true)
  const aware = count((i) => i.awareOfPolicy === true)
  const satisfied = count((i) => i.satisfaction === 'VerySatisfied' || i.satisfaction === 'Satisfied')
  return {
    interviews: n, standardsRight, paymentsRight, aware, satisfied,
    standardsRightRate: rate(standardsRight, n), paymentsRightRate: rate(paymentsRight, n), awarenessRate: rate(aware, n),
    satisfactionRate: rate(satisfied, n),
    incomplete: count((i) => i.standardRight === null || i.paymentRight === null || i.awareOfPolicy === null || i.satisfaction === null),
  }
}

/** The quarter a Beijing date (yyyy-MM-dd) falls in; the evaluation form starts on the current one. */
export function quarterOf(date: string): { year: number; quarter: number } {
  const [y, m] = date.split('-').map(Number)
  return { year: y, quarter: Math.floor((m - 1) / 3) + 1 }
}

/** yyyyMM of a Beijing date, the month a screening counts for. */
export function monthOf(date: string): number {
  const [y, m] = date.split('-').map(Number)
  return y * 100 + m
}

/** A household member as typed in the means-investigation form: money in 元 as text. */
export interface MemberRow {
  name: string
  relation: Relation
  employment: string
  income: string
  expenditure: string
  hardshipType: string
  hardshipDegree: string
}

/** 元 text to fen; blank is null (the server asks for it), anything not a number is NaN (refused on the field). */
function fenOf(text: string): number | null {
  return text.trim() === '' ? null : yuanToFen(text)
}

/** InvestigateMeans.Request from the form: trimmed text, blanks as null, 元 as integer fen. */
export function investigationRequest(f: {
  investigatedOn: string; methods: InvestigationMethod[]; economy: string; housing: string; education: string; health: string; members: MemberRow[]
}): InvestigationRequest {
  const text = (v: string) => v.trim() || null
  return {
    investigatedOn: f.investigatedOn || null, methods: f.methods, economy: text(f.economy), housing: text(f.housing), education: text(f.education),
    health: text(f.health),
    members: f.members.map((m) => ({
      name: text(m.name), relation: m.relation, employment: text(m.employment), monthlyIncomeFen: fenOf(m.income),
      monthlyExpenditureFen: fenOf(m.expenditure), hardshipType: text(m.hardshipType), hardshipDegree: text(m.hardshipDegree),
    })),
  }
}

/**
 * The monthly income per head the server will compute (Means.IncomePerHead: the members' incomes summed, divided by the
 * number of members, whole fen rounded down), or null while an income is missing or not a number.
 */
export function incomePerHeadFen(members: MemberRow[]): number | null {
  if (members.length === 0) return null
  const incomes = members.map((m) => fenOf(m.income))
  if (incomes.some((x) => x === null || Number.isNaN(x) || x < 0)) return null
  return Math.floor((incomes as number[]).reduce((a, b) => a + b, 0) / members.length)
}
