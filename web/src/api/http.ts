import { ApiError, networkError, parseProblem } from './problem'

// The one way the UI touches data. Cookie sign-in plus the antiforgery header on every unsafe /api call
// (docs/api.md "Signing in"): the token is bound to the signed-in user, so it is fetched after sign-in
// and dropped on sign-out; a 400 `antiforgery` answer refreshes it and retries once.

export type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue>

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

let xsrfToken: string | null = null
let xsrfPending: Promise<string> | null = null
let unauthenticatedHandler: ((e: ApiError) => void) | null = null

export function onUnauthenticated(handler: (e: ApiError) => void): void {
  unauthenticatedHandler = handler
}

export function forgetAntiforgeryToken(): void {
  xsrfToken = null
  xsrfPending = null
}

interface AntiforgeryAnswer {
  headerName: string
  token: string
}

async function antiforgeryToken(): Promise<string> {
  if (xsrfToken) return xsrfToken
  xsrfPending ??= send<AntiforgeryAnswer>('GET', '/api/auth/antiforgery', {}, false)
    .then((a) => {
      xsrfToken = a.token
      return a.token
    })
    .finally(() => {
      xsrfPending = null
    })
  return xsrfPending
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    params.append(k, String(v))
  }
  const qs = params.toString()
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path
}

interface Options {
  query?: Query
  body?: unknown
  /** A multipart body (file uploads); the browser sets its Content-Type with the boundary. */
  form?: FormData
  headers?: Record<string, string>
}

async function send<T>(method: Method, path: string, opts: Options, retryOnAntiforgery: boolean): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers }
  const unsafe = method !== 'GET'
  if (opts.body !== undefined && !opts.form) headers['Content-Type'] = 'application/json'
  if (unsafe && path !== '/api/auth/sign-in') headers['X-XSRF-TOKEN'] = await antiforgeryToken()

  let res: Response
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.form ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    })
  } catch {
    throw networkError()
  }

  if (res.ok) {
    if (res.status === 204) return undefined as T
    const text = await res.text()
    return (text ? JSON.parse(text) : undefined) as T
  }

  let body: unknown = undefined
  try {
    const text = await res.text()
    body = text ? JSON.parse(text) : undefined
  } catch {
    body = undefined
  }
  const error = new ApiError(res.status, parseProblem(res.status, body))
  if (error.code === 'antiforgery' && retryOnAntiforgery) {
    forgetAntiforgeryToken()
    return send<T>(method, path, opts, false)
  }
  if (res.status === 401 && error.code === 'unauthenticated') unauthenticatedHandler?.(error)
  throw error
}

export const http = {
  get<T>(path: string, query?: Query): Promise<T> {
    return send<T>('GET', path, { query }, true)
  },
  post<T>(path: string, body?: unknown, query?: Query): Promise<T> {
    return send<T>('POST', path, { body: body ?? {}, query }, true)
  },
  put<T>(path: string, body: unknown, query?: Query): Promise<T> {
    return send<T>('PUT', path, { body, query }, true)
  },
  del<T>(path: string, query?: Query): Promise<T> {
    return send<T>('DELETE', path, { query }, true)
  },
  /** POST with extra headers, e.g. an `Idempotency-Key` so that a retried create is one record. */
  postWith<T>(path: string, body: unknown, headers: Record<string, string>): Promise<T> {
    return send<T>('POST', path, { body, headers }, true)
  },
  /** POST multipart/form-data (attachments), with the antiforgery header like any other change. */
  upload<T>(path: string, form: FormData): Promise<T> {
    return send<T>('POST', path, { form }, true)
  },
}

/** `{ items, page, pageSize, total }`, the shape of every list. */
export interface Paged<T> {
  items: T[]
  page: number
  pageSize: number
  total: number
}
