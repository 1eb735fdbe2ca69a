import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { buildUrl, forgetAntiforgeryToken, http, onUnauthenticated } from '@/api/http'
import { ApiError } from '@/api/problem'

type Call = { url: string; method: string; headers: Record<string, string>; body?: string | FormData }

function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

let calls: Call[] = []
let answers: Response[] = []

beforeEach(() => {
  calls = []
  answers = []
  forgetAntiforgeryToken()
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method ?? 'GET', headers: init.headers as Record<string, string>, body: init.body as string | FormData | undefined })
    const next = answers.shift()
    if (!next) throw new TypeError('network down')
    return next
  })
})

afterEach(() => vi.unstubAllGlobals())

describe('http', () => {
  it('builds query strings and leaves out empty values', () => {
    expect(buildUrl('/api/users', { q: '岗贝', page: 2, active: false, role: undefined, organizationId: '' })).toBe(
      '/api/users?q=%E5%B2%97%E8%B4%9D&page=2&active=false',
    )
    expect(buildUrl('/api/users')).toBe('/api/users')
  })

  it('fetches the antiforgery token once and sends it on unsafe calls only', async () => {
    answers.push(json(200, { headerName: 'X-XSRF-TOKEN', token: 'tok-1' }), json(200, { id: 'a' }), json(204, undefined), json(200, []))
    await http.put('/api/organizations/a', { name: 'x' })
    await http.post('/api/users/a/unlock', { text: 'r' })
    await http.get('/api/organizations/tree')
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/auth/antiforgery',
      'PUT /api/organizations/a',
      'POST /api/users/a/unlock',
      'GET /api/organizations/tree',
    ])
    expect(calls[1].headers['X-XSRF-TOKEN']).toBe('tok-1')
    expect(calls[2].headers['X-XSRF-TOKEN']).toBe('tok-1')
    expect(calls[3].headers['X-XSRF-TOKEN']).toBeUndefined()
  })

  it('refreshes a stale antiforgery token and retries once', async () => {
    answers.push(
      json(200, { token: 'old' }),
      json(400, { code: 'antiforgery', title: '页面已过期' }, 'application/problem+json'),
      json(200, { token: 'new' }),
      json(200, { ok: true }),
    )
    await expect(http.post('/api/tokens', {})).resolves.toEqual({ ok: true })
    expect(calls[3].headers['X-XSRF-TOKEN']).toBe('new')
  })

  it('needs no token to sign in', async () => {
    answers.push(json(200, { name: 'city.admin' }))
    await http.post('/api/auth/sign-in', { userName: 'city.admin', password: 'x' })
    expect(calls).toHaveLength(1)
    expect(calls[0].headers['X-XSRF-TOKEN']).toBeUndefined()
  })

  it('turns ProblemDetails into ApiError and reports a lost session', async () => {
    const lost: ApiError[] = []
    onUnauthenticated((e) => lost.push(e))
    answers.push(json(401, { code: 'unauthenticated', title: '请先登录', titleEn: 'Sign in first', status: 401 }, 'application/problem+json'))
    const err = await http.get('/api/users').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).code).toBe('unauthenticated')
    expect((err as ApiError).messageIn('en-US')).toBe('Sign in first')
    expect(lost).toHaveLength(1)
  })

  it('reports a network failure as code network', async () => {
    const err = await http.get('/api/users').catch((e: unknown) => e)
    expect((err as ApiError).code).toBe('network')
    expect((err as ApiError).status).toBe(0)
  })

  it('uploads multipart with the antiforgery header and lets the browser set the content type', async () => {
    answers.push(json(200, { headerName: 'X-XSRF-TOKEN', token: 'tok' }), json(201, { id: 'att' }))
    const form = new FormData()
    form.append('kind', 'Minutes')
    form.append('file', new Blob(['%PDF-1.4'], { type: 'application/pdf' }), 'minutes.pdf')
    await expect(http.upload('/api/micro-projects/p/attachments', form)).resolves.toEqual({ id: 'att' })
    expect(calls[1].headers['X-XSRF-TOKEN']).toBe('tok')
    expect(calls[1].headers['Content-Type']).toBeUndefined()
    expect(calls[1].body).toBe(form)
  })

  it('sends an Idempotency-Key when asked', async () => {
    answers.push(json(200, { headerName: 'X-XSRF-TOKEN', token: 'tok' }), json(201, { id: 'a' }))
    await http.postWith('/api/appeals', { title: 't' }, { 'Idempotency-Key': 'k-1' })
    expect(calls[1].headers['Idempotency-Key']).toBe('k-1')
    expect(calls[1].headers['Content-Type']).toBe('application/json')
    expect(calls[1].body).toBe('{"title":"t"}')
  })
})
