import { ref, type Ref } from 'vue'
import type { Paged } from '@/api/http'
import { showError } from './useApiErrors'

/**
 * A list paged in the database: the current page and size, the rows and the total of the last answer, a
 * loading flag; `load` asks again for this page, `search` goes back to the first (after a filter changed).
 */
export function usePagedList<T>(fetch: (page: number, pageSize: number) => Promise<Paged<T>>, size = 20) {
  const page = ref(1)
  const pageSize = ref(size)
  const total = ref(0)
  const rows = ref([]) as Ref<T[]>
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const res = await fetch(page.value, pageSize.value)
      rows.value = res.items
      total.value = res.total
    } catch (e) {
      showError(e)
    } finally {
      loading.value = false
    }
  }

  function search(): void {
    page.value = 1
    void load()
  }

  return { page, pageSize, total, rows, loading, load, search }
}
