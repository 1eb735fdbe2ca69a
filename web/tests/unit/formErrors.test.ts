import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, reactive } from 'vue'
import { localValidation } from '@/api/problem'
import { useFormErrors } from '@/composables/useApiErrors'

describe('useFormErrors with a model', () => {
  it('drops a field’s message when its input changes, and the summary with the last one', async () => {
    const scope = effectScope()
    const form = reactive({ title: '', budgeted: { programmeFen: '' } })
    const e = scope.run(() => useFormErrors(['title', 'budgeted.programmeFen', 'other'], form))!
    e.take(
      localValidation([
        { field: 'title', code: 'required', zh: '标题不能为空', en: 'Title is required' },
        { field: 'budgeted.programmeFen', code: 'out_of_range', zh: '金额有误', en: 'Bad amount' },
      ]),
    )
    expect(e.errors.value.title).toBe('标题不能为空')
    expect(e.summary.value).toBe('提交的内容有误')

    form.title = '路灯'
    await nextTick()
    expect(e.errors.value.title).toBeUndefined()
    expect(e.errors.value['budgeted.programmeFen']).toBe('金额有误')
    expect(e.summary.value).toBe('提交的内容有误')

    form.budgeted.programmeFen = '12'
    await nextTick()
    expect(e.errors.value['budgeted.programmeFen']).toBeUndefined()
    expect(e.summary.value).toBe('')

    // The next answer shows everything it names again.
    e.take(localValidation([{ field: 'title', code: 'required', zh: '标题不能为空', en: 'Title is required' }]))
    expect(e.errors.value.title).toBe('标题不能为空')
    scope.stop()
  })

  it('keeps a message that belongs to no input in the summary', async () => {
    const scope = effectScope()
    const form = reactive({ title: '' })
    const e = scope.run(() => useFormErrors(['title'], form))!
    e.take(localValidation([{ field: 'departmentOpinions', code: 'required', zh: '尚无部门审核意见', en: 'No opinion yet' }]))
    form.title = 'x'
    await nextTick()
    expect(e.summary.value).toBe('提交的内容有误：尚无部门审核意见')
    scope.stop()
  })
})
