import { computed, ref, watch } from 'vue'
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

function at(model: object, path: string): unknown {
  let v: unknown = model
  for (const part of path.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined
  return v
}

/**
 * Field errors of a form, from the last ProblemDetails, shown under the matching el-form-item
 * (`:error="errors.field"`) in the current language, re-rendered when the language switches.
 * Problems without a matching field go to `summary` (rendered as an alert above the form).
 * With `model` (the form's reactive object, keyed like the fields), a message goes away as soon as its
 * input changes; the summary goes with the last of them.
 */
export function useFormErrors(fields: readonly string[], model?: object) {
  const problem = ref<ProblemDetails | null>(null)
  const dismissed = ref<Set<string>>(new Set())
  const split = computed(() => (problem.value ? splitFieldMessages(problem.value, currentLang(), fields) : null))

  const errors = computed(() => {
    const out: Record<string, string | undefined> = {}
    for (const f of fields) out[f] = dismissed.value.has(f) ? undefined : split.value?.onFields[f]
    return out
  })

  const summary = computed(() => {
    if (!problem.value || !split.value) return ''
    const open = Object.keys(split.value.onFields).some((f) => !dismissed.value.has(f))
    if (!open && split.value.elsewhere.length === 0 && Object.keys(split.value.onFields).length > 0) return ''
    const lang = currentLang()
    const head = new ApiError(problem.value.status ?? 0, problem.value).messageIn(lang)
    return split.value.elsewhere.length ? `${head}：${split.value.elsewhere.join('；')}` : head
  })

  if (model)
    for (const f of fields)
      watch(
        () => JSON.stringify(at(model, f)) ?? '',
        () => {
          if (problem.value && split.value?.onFields[f] && !dismissed.value.has(f)) dismissed.value = new Set([...dismissed.value, f])
        },
      )

  function clear() {
    problem.value = null
    dismissed.value = new Set()
  }

  /** Takes a failure: field problems land on the fields, the rest in `summary` (render it above the form). */
  function take(e: unknown): void {
    if (e instanceof ApiError) {
      problem.value = e.problem
      dismissed.value = new Set()
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
