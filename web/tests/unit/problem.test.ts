import { describe, expect, it } from 'vitest'
import { ApiError, fieldMessages, parseProblem, problemMessage, splitFieldMessages } from '@/api/problem'

// A real answer of POST /api/organizations with three mistakes (docs/api.md).
const validation = {
  type: 'https://guanjia.dev/problems/validation',
  title: '提交的内容有误',
  status: 400,
  detail: 'The request has invalid fields',
  code: 'validation',
  titleEn: 'The request has invalid fields',
  errors: { code: ['编码只能包含字母、数字和连字符'], name: ['名称不能为空'], parentId: ['顶层下不能建立此类组织'] },
  errorsEn: { code: ["code may contain letters, digits and '-' only"], name: ['Name is required'], parentId: ['A Village cannot be placed under the root'] },
  fieldErrors: [
    { field: 'code', code: 'invalid', zh: '编码只能包含字母、数字和连字符', en: "code may contain letters, digits and '-' only" },
    { field: 'name', code: 'required', zh: '名称不能为空', en: 'Name is required' },
    { field: 'parentId', code: 'invalid_parent', zh: '顶层下不能建立此类组织', en: 'A Village cannot be placed under the root' },
  ],
  traceId: '00-2a84-00',
}

describe('ProblemDetails', () => {
  it('reads the headline in either language', () => {
    const p = parseProblem(400, validation)
    expect(problemMessage(p, 'zh-CN')).toBe('提交的内容有误')
    expect(problemMessage(p, 'en-US')).toBe('The request has invalid fields')
  })

  it('maps field errors onto form fields in the current language', () => {
    const p = parseProblem(400, validation)
    expect(fieldMessages(p, 'zh-CN')).toEqual({ code: '编码只能包含字母、数字和连字符', name: '名称不能为空', parentId: '顶层下不能建立此类组织' })
    expect(fieldMessages(p, 'en-US').name).toBe('Name is required')
  })

  it('joins several messages of one field and falls back to errors/errorsEn', () => {
    const p = parseProblem(400, {
      code: 'validation',
      errors: { password: ['密码至少 8 位', '密码须包含数字'] },
      errorsEn: { password: ['At least 8 characters', 'Needs a digit'] },
    })
    expect(fieldMessages(p, 'zh-CN')).toEqual({ password: '密码至少 8 位；密码须包含数字' })
    expect(fieldMessages(p, 'en-US')).toEqual({ password: 'At least 8 characters; Needs a digit' })
  })

  it('keeps fields the form does not have for the summary, and maps nested paths to their list', () => {
    const p = parseProblem(400, {
      code: 'validation',
      fieldErrors: [
        { field: 'days[2].date', code: 'duplicate', zh: '2026-10-01 重复出现', en: '2026-10-01 is listed twice' },
        { field: 'pageSize', code: 'out_of_range', zh: '每页条数必须在 1 到 200 之间', en: 'pageSize must be between 1 and 200' },
        { field: 'reason', code: 'required', zh: '修改原因不能为空', en: 'Reason is required' },
      ],
    })
    const { onFields, elsewhere } = splitFieldMessages(p, 'zh-CN', ['days', 'reason'])
    expect(onFields).toEqual({ days: '2026-10-01 重复出现', reason: '修改原因不能为空' })
    expect(elsewhere).toEqual(['每页条数必须在 1 到 200 之间'])
  })

  it('survives bodies that are not ProblemDetails', () => {
    for (const body of [undefined, null, 'Bad Gateway', 42, ['x']]) {
      const p = parseProblem(502, body)
      expect(p.status).toBe(502)
      expect(problemMessage(p, 'zh-CN')).toBe('请求失败，请稍后重试')
    }
    expect(problemMessage(parseProblem(404, {}), 'en-US')).toBe('Not found')
    expect(parseProblem(400, { fieldErrors: 'nope', errors: { a: 'one' } }).errors).toEqual({ a: ['one'] })
  })

  it('wraps a failure as ApiError with its stable code', () => {
    const locked = new ApiError(423, parseProblem(423, { code: 'locked', title: '账号已锁定至 10:15', titleEn: 'Locked', lockedUntil: '2026-11-23T02:15:00Z' }))
    expect(locked.code).toBe('locked')
    expect(locked.messageIn('zh-CN')).toBe('账号已锁定至 10:15')
    expect(locked.problem.lockedUntil).toBe('2026-11-23T02:15:00Z')
    expect(locked.isValidation).toBe(false)
    expect(new ApiError(0, { code: 'network' }).messageIn('zh-CN')).toBe('无法连接服务器，请检查网络后重试')
    expect(new ApiError(500, {}).code).toBe('http_500')
  })
})
