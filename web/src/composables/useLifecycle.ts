import { getCurrentInstance, onBeforeUnmount, ref, type Ref } from 'vue'
import { organizationsApi } from '@/api/organizations'
import { programmeApi, type ProgrammeRulesView } from '@/api/programme'
import { useSession } from '@/stores/session'
import { placesInScope, type Place } from '@/utils/orgTree'
import { showError } from './useApiErrors'

// Reference data the lifecycle pages share, fetched once per page load: the towns and villages in the
// caller's scope, the current rules (caps, thresholds, publicity days). The deadlines a step meets come with the
// record itself (its `steps`), not from the transition table.

let placesCache: { scope: string; promise: Promise<Place[]> } | null = null
let rulesCache: Promise<ProgrammeRulesView> | null = null

function load<T>(target: Ref<T>, cached: () => Promise<T>): void {
  cached()
    .then((v) => {
      target.value = v
    })
    .catch(showError)
}

/** The towns and villages the signed-in user may enter and filter appeals for. */
export function usePlaces(): Ref<Place[]> {
  const places = ref<Place[]>([])
  const session = useSession()
  const scope = session.me?.scopePath ?? '/'
  load(places, () => {
    // Keyed by the scope: another user signing in on this page load gets their own places.
    if (placesCache?.scope !== scope) placesCache = { scope, promise: organizationsApi.tree().then((tree) => placesInScope(tree, scope)) }
    placesCache.promise.catch(() => (placesCache = null))
    return placesCache.promise
  })
  return places
}

export function useCurrentRules(): Ref<ProgrammeRulesView | null> {
  const rules = ref<ProgrammeRulesView | null>(null)
  load(rules, () => {
    rulesCache ??= programmeApi.currentRules()
    rulesCache.catch(() => (rulesCache = null))
    return rulesCache
  })
  return rules
}

/** After the city saves a new rule version, the next page reads it. */
export function forgetRules(): void {
  rulesCache = null
}

/** A clock for "剩余 2 天 3 小时" that ticks every minute while the page is open. */
export function useNow(): Ref<Date> {
  const now = ref(new Date())
  const timer = setInterval(() => (now.value = new Date()), 60_000)
  if (getCurrentInstance()) onBeforeUnmount(() => clearInterval(timer))
  return now
}
