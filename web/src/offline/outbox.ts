import { ref } from 'vue'
import { caseworkApi, type VisitRequest, type VisitView } from '@/api/casework'
import { ApiError } from '@/api/problem'
import { newVisitKey, visitStore, type OutboxEntry } from './visitStore'

// Sends the visits typed on the phone (ADR 0025). Every typed visit goes into the outbox first, online or not, under the
// key made when it was typed; then the outbox is sent in order. The server saves a key once (a replay answers the visit
// it has, docs/civil-affairs.md), so a send whose answer was lost is simply sent again. An entry leaves the outbox only
// with the server's visit in hand; a refusal (400, 409) makes it a conflict that stays until the worker acts on it.

export const outboxEntries = ref<OutboxEntry[]>([])
/** The visits this page load sent, newest first: what the worker sees confirmed. */
export const sentVisits = ref<{ key: string; visit: VisitView }[]>([])
export const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine)
export const sending = ref(false)

let owner: string | null = null
let running: Promise<void> | null = null
let timer: ReturnType<typeof setInterval> | null = null
let listening = false

async function reload(): Promise<void> {
  outboxEntries.value = owner ? await visitStore.outbox(owner) : []
}

/** Starts watching the connection for this worker: sends whatever waits now, when the connection returns, and every minute. */
export async function startOutbox(userId: string): Promise<void> {
  owner = userId
  await reload()
  if (!listening && typeof window !== 'undefined') {
    listening = true
    window.addEventListener('online', () => {
      online.value = true
      void sendOutbox()
    })
    window.addEventListener('offline', () => {
      online.value = false
    })
  }
  timer ??= setInterval(() => {
    if (outboxEntries.value.some((e) => e.state === 'pending')) void sendOutbox()
  }, 60_000)
  void sendOutbox()
}

export function stopOutbox(): void {
  if (timer) clearInterval(timer)
  timer = null
}

/** Keeps a typed visit (offline or not) and tries to send it at once. */
export async function queueVisit(request: VisitRequest, person: { name: string; number: string }, replacing?: OutboxEntry): Promise<OutboxEntry> {
  if (!owner) throw new Error('outbox not started')
  const entry: OutboxEntry = {
    // A changed visit after a refusal is a new request: the refused one saved nothing under its key, but the key stays
    // bound to what was sent (the same key with another body is refused), so the change gets a key of its own.
    key: newVisitKey(),
    owner,
    request,
    personName: person.name,
    number: person.number,
    createdAt: replacing?.createdAt ?? new Date().toISOString(),
    state: 'pending',
    attempts: 0,
    lastAttemptAt: null,
    problem: null,
  }
  await visitStore.put(entry)
  if (replacing) await visitStore.remove(replacing.key)
  await reload()
  void sendOutbox()
  return entry
}

/** The worker gives up a refused visit, after confirming: the only way a typed visit leaves the phone unsent. */
export async function discardVisit(key: string): Promise<void> {
  await visitStore.remove(key)
  await reload()
}

/** One send at a time in this page; each waiting entry once, oldest first; stops at the first network failure. */
export function sendOutbox(): Promise<void> {
  running ??= (async () => {
    sending.value = true
    try {
      if (!owner) return
      for (const entry of await visitStore.outbox(owner)) {
        if (entry.state !== 'pending') continue
        const attempt = { ...entry, attempts: entry.attempts + 1, lastAttemptAt: new Date().toISOString() }
        await visitStore.put(attempt)
        try {
          const visit = await caseworkApi.recordVisit(entry.request, entry.key)
          await visitStore.remove(entry.key)
          sentVisits.value = [{ key: entry.key, visit }, ...sentVisits.value]
          online.value = true
        } catch (e) {
          if (e instanceof ApiError && e.status === 0) {
            // No connection: everything waits for the next chance.
            online.value = false
            break
          }
          if (e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status >= 500)) break
          // The server refused this visit (400 names the field, 409 a conflict): kept and shown, never dropped.
          const problem = e instanceof ApiError ? e.problem : { status: 0, title: String(e), titleEn: String(e) }
          await visitStore.put({ ...attempt, state: 'conflict', problem })
        }
      }
    } finally {
      await reload()
      sending.value = false
      running = null
    }
  })()
  return running
}
