import { ref } from 'vue'
import { ApiError, parseProblem } from '@/api/problem'
import { showError } from './useApiErrors'

/** The file's name from Content-Disposition: the Chinese `filename*` (RFC 5987) first, else the ASCII `filename`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition)
  if (star) {
    try {
      return decodeURIComponent(star[1].trim())
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition)
  return plain ? plain[1].trim() : fallback
}

/**
 * Downloads a generated document or export: fetched (cookies sent) so that a refusal (403, 409 before the step,
 * 501 no PDF, 400 too many rows) is shown as a message in the reader's language instead of a JSON page.
 */
export function useDownload() {
  const busy = ref<string | null>(null)
  async function download(url: string) {
    busy.value = url
    try {
      const res = await fetch(url, { credentials: 'same-origin' })
      if (!res.ok) {
        let body: unknown
        try {
          body = await res.json()
        } catch {
          body = undefined
        }
        throw new ApiError(res.status, parseProblem(res.status, body))
      }
      const blob = await res.blob()
      const a = document.createElement('a')
      a.href = URL.createObjectURL(blob)
      a.download = fileNameOf(res.headers.get('Content-Disposition'), url.split('/').pop()?.split('?')[0] ?? 'download')
      document.body.appendChild(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
    } catch (e) {
      showError(e)
    } finally {
      busy.value = null
    }
  }
  return { busy, download }
}
