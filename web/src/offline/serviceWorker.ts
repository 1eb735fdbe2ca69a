import { ref } from 'vue'

// The installable web app of the phone's visits (ADR 0025): the service worker the build writes to /app/sw.js (see
// web/sw/service-worker.js), registered for the whole console once a worker opens the visit page, and the browser's
// offer to install the app, kept until the worker asks for it.

let registered = false

/** Registers the service worker in a built app (not under `npm run dev`, whose files are not the built ones). */
export function registerServiceWorker(): void {
  if (registered || !import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return
  registered = true
  navigator.serviceWorker.register('/app/sw.js', { scope: '/' }).catch(() => {
    registered = false
  })
}

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>
}

const deferred = ref<InstallPromptEvent | null>(null)
if (typeof window !== 'undefined')
  window.addEventListener('beforeinstallprompt', (e) => {
    e.preventDefault()
    deferred.value = e as InstallPromptEvent
  })

export function useInstallPrompt() {
  const available = ref(false)
  const sync = () => (available.value = deferred.value !== null)
  sync()
  if (typeof window !== 'undefined') window.addEventListener('beforeinstallprompt', sync)
  async function prompt() {
    const e = deferred.value
    if (!e) return
    deferred.value = null
    available.value = false
    await e.prompt()
  }
  return { available, prompt }
}
