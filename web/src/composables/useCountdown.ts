import { computed, onBeforeUnmount, ref } from 'vue'
import { secondsUntil } from '@/utils/claimForm'

/**
 * The "resend in n s" countdown of a one-time code: runs to the server's `resendAfter` (or `seconds` from now when
 * the answer has none), ticking once a second, and stops itself when done or when the component goes.
 */
export function useCountdown(now: () => Date = () => new Date()) {
  const until = ref<Date | null>(null)
  const tick = ref(0)
  let timer: ReturnType<typeof setInterval> | null = null

  const left = computed(() => {
    void tick.value
    return secondsUntil(until.value, now())
  })

  function stop() {
    if (timer) clearInterval(timer)
    timer = null
  }

  function start(resendAfter: string | Date | null | undefined, seconds = 60) {
    stop()
    const at = resendAfter ? new Date(resendAfter) : null
    until.value = at && !Number.isNaN(at.getTime()) && at.getTime() > now().getTime() ? at : new Date(now().getTime() + seconds * 1000)
    tick.value++
    timer = setInterval(() => {
      tick.value++
      if (secondsUntil(until.value, now()) <= 0) stop()
    }, 1000)
  }

  onBeforeUnmount(stop)
  return { left, running: computed(() => left.value > 0), start, stop }
}
