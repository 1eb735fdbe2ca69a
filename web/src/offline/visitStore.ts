import type { DueList, VisitRequest } from '@/api/casework'
import type { ProblemDetails } from '@/api/problem'

// What the phone keeps for the offline visits (ADR 0025), in IndexedDB, per signed-in worker:
// - `due`: the last due list read from GET /my-due (this month's obligations and the people on them; no ID number, no
//   health), shown when there is no connection;
// - `outbox`: each visit typed on the phone, under the idempotency key made when it was typed, until the server has it.
//   An entry leaves the outbox only when the server answered with the visit (201, or 200 for a replay); a refusal keeps it
//   as a conflict, shown to the worker, until they change it and send it again or discard it themselves.

const DB_NAME = 'guanjia-casework'
const DB_VERSION = 1

export type OutboxState = 'pending' | 'conflict'

export interface OutboxEntry {
  /** The Idempotency-Key: one per typed visit, so a visit sent twice (a lost answer, two tabs) is saved once. */
  key: string
  owner: string
  request: VisitRequest
  personName: string
  number: string
  createdAt: string
  state: OutboxState
  attempts: number
  lastAttemptAt: string | null
  /** The server's refusal, kept to show it (in both languages) beside the visit. */
  problem: ProblemDetails | null
}

export interface KeptDueList {
  owner: string
  list: DueList
  savedAt: string
}

let opening: Promise<IDBDatabase> | null = null

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION)
    req.onupgradeneeded = () => {
      const db = req.result
      if (!db.objectStoreNames.contains('due')) db.createObjectStore('due', { keyPath: 'owner' })
      if (!db.objectStoreNames.contains('outbox')) {
        const outbox = db.createObjectStore('outbox', { keyPath: 'key' })
        outbox.createIndex('owner', 'owner')
      }
    }
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB'))
    req.onblocked = () => reject(new Error('IndexedDB blocked'))
  }).catch((e) => {
    opening = null
    throw e
  })
  return opening
}

function run<T>(store: 'due' | 'outbox', mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(store, mode)
        const req = work(tx.objectStore(store))
        let result: T
        req.onsuccess = () => {
          result = req.result
        }
        tx.oncomplete = () => resolve(result)
        tx.onerror = () => reject(tx.error ?? req.error ?? new Error('IndexedDB'))
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB aborted'))
      }),
  )
}

/** Plain data only: IndexedDB clones it, and Vue's reactive proxies cannot be cloned. */
function plain<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T
}

export const visitStore = {
  async keepDue(owner: string, list: DueList): Promise<void> {
    await run('due', 'readwrite', (s) => s.put(plain<KeptDueList>({ owner, list, savedAt: new Date().toISOString() })))
  },
  async keptDue(owner: string): Promise<KeptDueList | null> {
    return (await run<KeptDueList | undefined>('due', 'readonly', (s) => s.get(owner))) ?? null
  },
  async forgetDue(owner: string): Promise<void> {
    await run('due', 'readwrite', (s) => s.delete(owner))
  },
  async put(entry: OutboxEntry): Promise<void> {
    await run('outbox', 'readwrite', (s) => s.put(plain(entry)))
  },
  async get(key: string): Promise<OutboxEntry | null> {
    return (await run<OutboxEntry | undefined>('outbox', 'readonly', (s) => s.get(key))) ?? null
  },
  async remove(key: string): Promise<void> {
    await run('outbox', 'readwrite', (s) => s.delete(key))
  },
  /** The worker's typed visits not yet on the server, oldest first. */
  async outbox(owner: string): Promise<OutboxEntry[]> {
    const all = await run<OutboxEntry[]>('outbox', 'readonly', (s) => s.index('owner').getAll(owner))
    return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  },
}

/** A new idempotency key (a UUID; crypto.randomUUID needs a secure context, which localhost and HTTPS are). */
export function newVisitKey(): string {
  if (typeof crypto.randomUUID === 'function') return `visit-${crypto.randomUUID()}`
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return `visit-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}
