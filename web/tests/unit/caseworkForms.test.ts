import { describe, expect, it } from 'vitest'
import type { EvaluationInterview, ImportPreview } from '@/api/casework'
import { canImport, evaluationTotals, importProblemRows, importRows, incomePerHeadFen, investigationRequest, monthOf, parseImportField, quarterOf, rate, type MemberRow } from '@/utils/caseworkForms'

const err = (field: string, zh: string, en = 'en') => ({ field, code: 'x', zh, en })

const preview: ImportPreview = {
  rows: 3,
  valid: 2,
  invalid: 1,
  columns: [],
  items: [
    { row: 2, name: '甲', documentMasked: '990000********1234', villageName: '演示村', categories: ['特困人员'], errors: [] },
    {
      row: 3, name: '乙', documentMasked: null, villageName: null, categories: [],
      errors: [err('rows[3].documentNumber', '第3行证件号码校验码不正确', 'Row 3: check digit'), err('rows[3].categories.validFrom', '第3行“类别生效日期”日期格式不正确')],
    },
    { row: 4, name: '丙', documentMasked: '990000********5678', villageName: '演示村', categories: ['低保'], errors: [] },
  ],
}

describe('bulk registration preview (R-CA-13, ImportPeople)', () => {
  it('reads the row and the last field of rows[n].field, without indexes', () => {
    expect(parseImportField('rows[12].categories[0].validFrom')).toEqual({ row: 12, field: 'validFrom' })
    expect(parseImportField('rows[3].categories[1]')).toEqual({ row: 3, field: 'categories' })
    expect(parseImportField('file')).toEqual({ row: null, field: 'file' })
  })

  it('names each error by the export column the worker corrects, wrong rows first', () => {
    const rows = importRows(preview, 'zh-CN')
    expect(rows.map((r) => r.row)).toEqual([3, 2, 4])
    expect(rows[0].ok).toBe(false)
    expect(rows[0].errors).toEqual([
      { field: 'documentNumber', column: '证件号码', message: '第3行证件号码校验码不正确' },
      { field: 'validFrom', column: '类别生效日期', message: '第3行“类别生效日期”日期格式不正确' },
    ])
    expect(importRows(preview, 'en-US')[0].errors[0].message).toBe('Row 3: check digit')
  })

  it('imports only a preview with rows and none wrong', () => {
    expect(canImport(null)).toBe(false)
    expect(canImport(preview)).toBe(false)
    expect(canImport({ ...preview, invalid: 0, items: preview.items.filter((r) => r.errors.length === 0) })).toBe(true)
    expect(canImport({ ...preview, rows: 0, valid: 0, invalid: 0, items: [] })).toBe(false)
  })

  it('splits a refused import into its rows and the whole file', () => {
    const { rows, file } = importProblemRows([err('rows[5].villageId', '第5行村不存在'), err('rows[5].sex', '第5行性别'), err('file', '文件无法读取')], 'zh-CN')
    expect([...rows.keys()]).toEqual([5])
    expect(rows.get(5)!.map((e) => e.column)).toEqual(['村（社区）', '性别'])
    expect(file).toEqual(['文件无法读取'])
  })
})

describe('quarterly policy evaluation (R-CA-06, EvaluatePolicy)', () => {
  const i = (s: boolean | null, p: boolean | null, a: boolean | null, sat: EvaluationInterview['satisfaction']): EvaluationInterview => ({
    standardRight: s, paymentRight: p, awareOfPolicy: a, satisfaction: sat,
  })

  it('rounds half away from zero to one decimal like the server, 0 of 0 is 0', () => {
    expect(rate(1, 3)).toBe(33.3)
    expect(rate(2, 3)).toBe(66.7)
    expect(rate(1, 8)).toBe(12.5)
    expect(rate(1, 16)).toBe(6.3)
    expect(rate(0, 0)).toBe(0)
  })

  it('counts satisfied as very satisfied or satisfied, and each rate over every interview entered', () => {
    const t = evaluationTotals([i(true, true, true, 'VerySatisfied'), i(true, false, false, 'Satisfied'), i(false, true, true, 'Neutral')])
    expect(t).toMatchObject({ interviews: 3, standardsRight: 2, paymentsRight: 2, aware: 2, satisfied: 2, incomplete: 0 })
    expect(t.awarenessRate).toBe(66.7)
    expect(t.satisfactionRate).toBe(66.7)
    expect(evaluationTotals([i(true, null, true, 'Dissatisfied')])).toMatchObject({ satisfied: 0, satisfactionRate: 0, incomplete: 1 })
  })

  it('starts on the quarter and month of a Beijing date', () => {
    expect(quarterOf('2026-12-31')).toEqual({ year: 2026, quarter: 4 })
    expect(quarterOf('2027-01-01')).toEqual({ year: 2027, quarter: 1 })
    expect(quarterOf('2026-04-01')).toEqual({ year: 2026, quarter: 2 })
    expect(monthOf('2026-03-31')).toBe(202603)
  })
})

describe('means investigation (R-CA-05, InvestigateMeans)', () => {
  const m = (income: string, expenditure = ''): MemberRow => ({
    name: ' 张三 ', relation: 'Head', employment: '', income, expenditure, hardshipType: '', hardshipDegree: '',
  })

  it('sends money in integer fen from the 元 typed, blanks as null', () => {
    const r = investigationRequest({ investigatedOn: '2026-12-01', methods: ['HomeVisit'], economy: ' 无固定收入 ', housing: '自有住房', education: '', health: '', members: [m('1,234.56', '0.1')] })
    expect(r.members[0]).toEqual({
      name: '张三', relation: 'Head', employment: null, monthlyIncomeFen: 123456, monthlyExpenditureFen: 10, hardshipType: null, hardshipDegree: null,
    })
    expect(r.economy).toBe('无固定收入')
    expect(r.education).toBeNull()
    expect(investigationRequest({ investigatedOn: '', methods: [], economy: '', housing: '', education: '', health: '', members: [m('')] }).members[0].monthlyIncomeFen).toBeNull()
  })

  it('shows the income per head as the server computes it: the sum over the members, whole fen down', () => {
    expect(incomePerHeadFen([m('1000'), m('0'), m('0.01')])).toBe(33333)
    expect(incomePerHeadFen([m('800'), m('')])).toBeNull()
    expect(incomePerHeadFen([m('abc')])).toBeNull()
    expect(incomePerHeadFen([])).toBeNull()
  })
})
