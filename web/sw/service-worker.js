/* global self, caches, fetch, Request, Response, URL */
// The console's service worker (ADR 0025): it keeps the app itself on the phone so that the visit list and the visit form
// open without a connection. The build (vite.config.ts, plugin `serviceWorker`) writes this file to /app/sw.js with the
// list of the built files and their hash in place of the two placeholders below; the host serves it with
// `Service-Worker-Allowed: /` so that it may control every page of the console.
//
// What it keeps: the built files (cache first, they are named by their content), the page itself (network first, the kept
// copy when the network fails or is too slow) and the answer of /api/auth/me (network first), so that a reload without a
// connection still knows who is signed in. It keeps no casework data: the due list and the visits typed offline live in
// IndexedDB, written by the page (web/src/offline), and every other /api call goes to the network untouched.

const VERSION = '__VERSION__'
const PRECACHE = __PRECACHE__
const APP = `guanjia-app-${VERSION}`
const SESSION = 'guanjia-session'
const SHELL = '/app/index.html'
const ME = '/api/auth/me'
const NAVIGATION_TIMEOUT_MS = 4000

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(APP)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('guanjia-app-') && k !== APP).map((k) => caches.delete(k))))
      // Who is signed in, kept now: the page asked before this worker controlled it.
      .then(() => me(new Request(ME, { credentials: 'same-origin' })).catch(() => undefined))
      .then(() => self.clients.claim()),
  )
})

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms)
    promise.then(
      (v) => {
        clearTimeout(timer)
        resolve(v)
      },
      (e) => {
        clearTimeout(timer)
        reject(e)
      },
    )
  })
}

async function navigation(request) {
  try {
    const res = await withTimeout(fetch(request), NAVIGATION_TIMEOUT_MS)
    if (res.ok) {
      const cache = await caches.open(APP)
      await cache.put(SHELL, res.clone())
    }
    return res
  } catch {
    const kept = await caches.match(SHELL)
    return kept ?? Response.error()
  }
}

async function builtFile(request) {
  const kept = await caches.match(request)
  if (kept) return kept
  const res = await fetch(request)
  if (res.ok) {
    const cache = await caches.open(APP)
    await cache.put(request, res.clone())
  }
  return res
}

async function me(request) {
  try {
    const res = await fetch(request)
    const cache = await caches.open(SESSION)
    if (res.ok) await cache.put(ME, res.clone())
    else if (res.status === 401) await cache.delete(ME)
    return res
  } catch {
    const kept = await caches.match(ME)
    return kept ?? Response.error()
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  // Signing in or out forgets the kept session; the request itself goes on untouched.
  if (request.method === 'POST' && (url.pathname === '/api/auth/sign-out' || url.pathname === '/api/auth/sign-in')) {
    event.waitUntil(caches.open(SESSION).then((cache) => cache.delete(ME)))
    return
  }
  if (request.method !== 'GET') return
  if (url.pathname === ME) return event.respondWith(me(request))
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/openapi') || url.pathname === '/healthz') return
  if (request.mode === 'navigate') return event.respondWith(navigation(request))
  if (url.pathname.startsWith('/app/')) return event.respondWith(builtFile(request))
})
