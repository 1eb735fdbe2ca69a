import { computed, ref } from 'vue'
import { ElMessage } from 'element-plus'
import { ApiError, splitFieldMessages, type ProblemDetails } from '@/api/problem'
import { currentLang } from '@/i18n'

/** Shows any failure as a message in the reader's language. */
export function showError(e: unknown): void {
  const lang = currentLang()
  if (e instanceof ApiError) {
    const { elsewhere } = splitFieldMessages(e.problem, lang, [])
    const head = e.messageIn(lang)
    ElMessage.error({ message: elsewhere.length ? `${head}：${elsewhere.join('；')}` : head, grouping: true })
    return
  }
  ElMessage.error({ message: e instanceof Error ? e.message : String(e), grouping: true })
}

/**
 * Field errors of a form, from the last ProblemDetails, shown under the matching el-form-item
 * (`:error="errors.field"`) in the current language, re-rendered when the language switches.
 * Problems without a matching field go to `summary` (rendered as an alert above the form).
 */
export function useFormErrors(fields: readonly string[]) {
  const problem = ref<ProblemDetails | null>(null)
  const split = computed(() => (problem.value ? splitFieldMessages(problem.value, currentLang(), fields) : null))

  const errors = computed(() => {
    const out: Record<string, string | undefined> = {}
    for (const f of fields) out[f] = split.value?.onFields[f]
    return out
  })

  const summary = computed(() => {
    if (!problem.value || !split.value) return ''
    const lang = currentLang()
    const head = new ApiError(problem.value.status ?? 0, problem.value).messageIn(lang)
    return split.value.elsewhere.length ? `${head}：${split.value.elsewhere.join('；')}` : head
  })

  function clear() {
    problem.value = null
  }

  /** Takes a failure: field problems land on the fields, the rest in `summary` (render it above the form). */
  function take(e: unknown): void {
    if (e instanceof ApiError) {
      problem.value = e.problem
      return
    }
    showError(e)
  }

  return {
    errors,
    summary,
    clear,
    take,
  }
}
