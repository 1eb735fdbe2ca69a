// RFC 9457 ProblemDetails as the host writes them (src/Guanjia.Web/Common/Problems.cs): a Chinese `title`,
// the English in `titleEn`/`detail`, a stable `code`, and for validation errors the fields in both languages.

export type Lang = 'zh-CN' | 'en-US'

export interface FieldErrorDto {
  field: string
  code: string
  zh: string
  en: string
}

export interface ProblemDetails {
  type?: string
  title?: string
  status?: number
  detail?: string
  code?: string
  titleEn?: string
  errors?: Record<string, string[]>
  errorsEn?: Record<string, string[]>
  fieldErrors?: FieldErrorDto[]
  traceId?: string
  lockedUntil?: string
  /** The answer's own members beside the standard ones (a conflict's `fileId`, `link`, `serverVersion`, `current`). */
  extra?: Record<string, unknown>
}

/** Messages for answers without a usable body (a proxy's 502, a dropped connection). */
const fallback: Record<string, { zh: string; en: string }> = {
  network: { zh: '无法连接服务器，请检查网络后重试', en: 'Cannot reach the server; check the connection and retry' },
  400: { zh: '请求格式不正确', en: 'The request is malformed' },
  401: { zh: '请先登录', en: 'Sign in first' },
  403: { zh: '您没有执行此操作的权限', en: 'Access denied' },
  404: { zh: '找不到该记录', en: 'Not found' },
  405: { zh: '不支持此操作', en: 'This operation is not supported' },
  409: { zh: '记录已被他人修改，请刷新后重试', en: 'The record was changed by someone else; reload and retry' },
  413: { zh: '提交的内容过大', en: 'The request is too large' },
  423: { zh: '账号已锁定', en: 'The account is locked' },
  500: { zh: '服务器内部错误，请稍后重试', en: 'Internal server error; please retry later' },
  other: { zh: '请求失败，请稍后重试', en: 'The request failed; please retry later' },
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined
}

function stringLists(v: unknown): Record<string, string[]> | undefined {
  if (!isRecord(v)) return undefined
  const out: Record<string, string[]> = {}
  for (const [k, list] of Object.entries(v)) {
    if (Array.isArray(list)) out[k] = list.filter((x): x is string => typeof x === 'string')
    else if (typeof list === 'string') out[k] = [list]
  }
  return out
}

/** Reads an answer body defensively: anything that is not a ProblemDetails object gives an empty one. */
export function parseProblem(status: number, body: unknown): ProblemDetails {
  if (!isRecord(body)) return { status }
  const fieldErrors = Array.isArray(body.fieldErrors)
    ? body.fieldErrors.filter(isRecord).map((f) => ({
        field: str(f.field) ?? '',
        code: str(f.code) ?? '',
        zh: str(f.zh) ?? '',
        en: str(f.en) ?? '',
      }))
    : undefined
  return {
    type: str(body.type),
    title: str(body.title),
    status: typeof body.status === 'number' ? body.status : status,
    detail: str(body.detail),
    code: str(body.code),
    titleEn: str(body.titleEn),
    errors: stringLists(body.errors),
    errorsEn: stringLists(body.errorsEn),
    fieldErrors,
    traceId: str(body.traceId),
    lockedUntil: str(body.lockedUntil),
    extra: body,
  }
}

/** The problem's headline in the reader's language. */
export function problemMessage(p: ProblemDetails, lang: Lang): string {
  const fb = fallback[p.code === 'network' ? 'network' : String(p.status ?? '')] ?? fallback.other
  if (lang === 'en-US') return p.titleEn ?? p.detail ?? p.title ?? fb.en
  return p.title ?? fb.zh
}

/**
 * Field → message in the reader's language, several messages of one field joined. `fieldErrors` is the
 * richest shape; `errors`/`errorsEn` are read when it is missing.
 */
export function fieldMessages(p: ProblemDetails, lang: Lang): Record<string, string> {
  const grouped: Record<string, string[]> = {}
  if (p.fieldErrors && p.fieldErrors.length > 0) {
    for (const f of p.fieldErrors) {
      const msg = lang === 'en-US' ? f.en || f.zh : f.zh || f.en
      ;(grouped[f.field] ??= []).push(msg)
    }
  } else {
    const source = lang === 'en-US' ? (p.errorsEn ?? p.errors) : (p.errors ?? p.errorsEn)
    for (const [field, list] of Object.entries(source ?? {})) grouped[field] = [...list]
  }
  const sep = lang === 'en-US' ? '; ' : '；'
  const out: Record<string, string> = {}
  for (const [field, list] of Object.entries(grouped)) out[field] = [...new Set(list)].join(sep)
  return out
}

/**
 * Splits field messages into those a form shows next to its inputs and the rest, which belong in the
 * summary (a field the form does not have, such as `page`, must not vanish silently).
 */
export function splitFieldMessages(
  p: ProblemDetails,
  lang: Lang,
  formFields: readonly string[],
): { onFields: Record<string, string>; elsewhere: string[] } {
  const onFields: Record<string, string> = {}
  const elsewhere: string[] = []
  for (const [field, msg] of Object.entries(fieldMessages(p, lang))) {
    const target = formFields.includes(field) ? field : formFields.find((f) => field.startsWith(f + '[') || field.startsWith(f + '.'))
    if (target) onFields[target] = onFields[target] ? `${onFields[target]}${lang === 'en-US' ? '; ' : '；'}${msg}` : msg
    else elsewhere.push(msg)
  }
  return { onFields, elsewhere }
}

/** An API failure: the status, the stable code and the whole problem, readable in either language. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly problem: ProblemDetails

  constructor(status: number, problem: ProblemDetails) {
    super(problemMessage(problem, 'en-US'))
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
    this.code = problem.code ?? (status === 0 ? 'network' : `http_${status}`)
  }

  messageIn(lang: Lang): string {
    return problemMessage(this.problem, lang)
  }

  fields(lang: Lang): Record<string, string> {
    return fieldMessages(this.problem, lang)
  }

  get isValidation(): boolean {
    return this.code === 'validation'
  }
}

export function networkError(): ApiError {
  return new ApiError(0, { code: 'network', status: 0 })
}

/**
 * The form's own check, shaped like the server's 400 `validation` answer so that the same code shows it:
 * each message under its input (useFormErrors.take), the title above the form.
 */
export function localValidation(fieldErrors: FieldErrorDto[]): ApiError {
  return new ApiError(400, {
    status: 400,
    code: 'validation',
    title: '提交的内容有误',
    titleEn: 'The request has invalid fields',
    fieldErrors,
  })
}
