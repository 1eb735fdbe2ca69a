import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { VisitRequest, VisitView } from '@/api/casework'
import { ApiError, networkError } from '@/api/problem'
import type { OutboxEntry } from '@/offline/visitStore'

// The phone's outbox (ADR 0025) over an in-memory store and a fake API: a visit leaves the outbox only with the server's
// answer, is sent again under the same key after a network failure, and a refusal stays as a conflict until the worker acts.

const store = new Map<string, OutboxEntry>()
vi.mock('@/offline/visitStore', () => ({
  newVisitKey: () => `visit-${store.size + 1}-${Math.random().toString(16).slice(2)}`,
  visitStore: {
    put: async (e: OutboxEntry) => void store.set(e.key, JSON.parse(JSON.stringify(e))),
    get: async (k: string) => store.get(k) ?? null,
    remove: async (k: string) => void store.delete(k),
    outbox: async (owner: string) => [...store.values()].filter((e) => e.owner === owner).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  },
}))

const recordVisit = vi.fn<(r: VisitRequest, key: string) => Promise<VisitView>>()
vi.mock('@/api/casework', () => ({ caseworkApi: { recordVisit: (r: VisitRequest, key: string) => recordVisit(r, key) } }))

const { discardVisit, outboxEntries, queueVisit, sendOutbox, sentVisits, startOutbox, stopOutbox } = await import('@/offline/outbox')

const request: VisitRequest = {
  caseFileId: 'f1', mode: 'Home', visitedAt: '2026-12-31T08:00:00.000Z', mentalState: 'Good', basicLiving: 'Secure', hazards: [], careGiven: ['Meals'],
  suddenChange: 'None', problems: [],
}

function visit(key: string): VisitView {
  return { id: 'v-' + key, caseFileId: 'f1', clientKey: key, personName: '演一（演示）', mode: 'Home', visitedAt: request.visitedAt } as VisitView
}

describe('the offline outbox', () => {
  beforeEach(async () => {
    store.clear()
    recordVisit.mockReset()
    sentVisits.value = []
    recordVisit.mockRejectedValue(networkError())
    await startOutbox('worker-1')
    stopOutbox()
  })

  it('keeps a visit typed offline and sends it once, under the key made when it was typed, when the connection returns', async () => {
    const entry = await queueVisit(request, { name: '演一（演示）', number: 'MZ1' })
    await sendOutbox()
    expect(outboxEntries.value.map((e) => [e.key, e.state])).toEqual([[entry.key, 'pending']])

    recordVisit.mockImplementation(async (_r, key) => visit(key))
    await sendOutbox()
    expect(outboxEntries.value).toEqual([])
    expect(sentVisits.value.map((s) => s.key)).toEqual([entry.key])
    // Every attempt carried the same key: the server saves it once whatever number of tries reached it.
    expect(new Set(recordVisit.mock.calls.map((c) => c[1]))).toEqual(new Set([entry.key]))
    await sendOutbox()
    expect(recordVisit.mock.calls.filter((c) => c[1] === entry.key).length).toBeGreaterThanOrEqual(2)
    expect(sentVisits.value).toHaveLength(1)
  })

  it('keeps a refused visit as a conflict with the refusal, and sends a change under a new key', async () => {
    recordVisit.mockRejectedValue(
      new ApiError(400, { status: 400, code: 'validation', title: '提交的内容有误', fieldErrors: [{ field: 'caseFileId', code: 'died', zh: '服务对象已死亡，不能登记探视', en: 'The person has died' }] }),
    )
    const entry = await queueVisit(request, { name: '演一（演示）', number: 'MZ1' })
    await sendOutbox()
    await sendOutbox()
    expect(outboxEntries.value).toHaveLength(1)
    const conflict = outboxEntries.value[0]
    expect(conflict.state).toBe('conflict')
    expect(conflict.problem?.fieldErrors?.[0].code).toBe('died')
    // A conflict is not sent again by itself.
    expect(recordVisit).toHaveBeenCalledTimes(1)

    recordVisit.mockImplementation(async (_r, key) => visit(key))
    const changed = await queueVisit({ ...request, mode: 'Phone' }, { name: '演一（演示）', number: 'MZ1' }, conflict)
    await sendOutbox()
    expect(changed.key).not.toBe(entry.key)
    expect(outboxEntries.value).toEqual([])
    expect(recordVisit.mock.calls.at(-1)?.[1]).toBe(changed.key)
  })

  it('removes a typed visit only when the worker discards it', async () => {
    recordVisit.mockRejectedValue(new ApiError(409, { status: 409, code: 'conflict', title: '冲突' }))
    const entry = await queueVisit(request, { name: '演一（演示）', number: 'MZ1' })
    await sendOutbox()
    expect(outboxEntries.value.map((e) => e.state)).toEqual(['conflict'])
    await discardVisit(entry.key)
    expect(outboxEntries.value).toEqual([])
  })
})
