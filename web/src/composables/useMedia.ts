import { onBeforeUnmount, ref, type Ref } from 'vue'

/** A reactive window.matchMedia, e.g. phone width for the drawer menu. */
export function useMedia(query: string): Ref<boolean> {
  const mql = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query) : null
  const matches = ref(mql?.matches ?? false)
  const onChange = (e: MediaQueryListEvent) => {
    matches.value = e.matches
  }
  mql?.addEventListener('change', onChange)
  onBeforeUnmount(() => mql?.removeEventListener('change', onChange))
  return matches
}

export const PHONE = '(max-width: 767px)'
