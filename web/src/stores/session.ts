import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { authApi, type Me } from '@/api/auth'
import { ApiError } from '@/api/problem'
import { organizationsApi, type Organization } from '@/api/organizations'
import { hasPerm, type PermRequirement } from '@/utils/permissions'

/** Who is signed in. Loaded once from /api/auth/me; the cookie itself is HttpOnly and never read here. */
export const useSession = defineStore('session', () => {
  const me = ref<Me | null>(null)
  const organization = ref<Organization | null>(null)
  const loaded = ref(false)

  const signedIn = computed(() => me.value !== null && me.value.kind === 'User')
  const permissions = computed(() => me.value?.permissions ?? [])

  function can(required: PermRequirement | null | undefined): boolean {
    return hasPerm(permissions.value, required, me.value?.readOnly ?? false)
  }

  async function loadOrganization(): Promise<void> {
    organization.value = null
    const id = me.value?.organizationId
    if (!id) return
    try {
      organization.value = await organizationsApi.get(id)
    } catch {
      organization.value = null
    }
  }

  /** Asks the server once per page load; a 401 simply means nobody is signed in. */
  async function ensureLoaded(): Promise<void> {
    if (loaded.value) return
    try {
      me.value = await authApi.me()
      await loadOrganization()
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e
      me.value = null
    } finally {
      loaded.value = true
    }
  }

  async function signIn(userName: string, password: string): Promise<void> {
    me.value = await authApi.signIn(userName, password)
    loaded.value = true
    await loadOrganization()
  }

  async function signOut(): Promise<void> {
    try {
      await authApi.signOut()
    } finally {
      forget()
    }
  }

  /** The server said the session is gone (expired, password changed): drop what we knew. */
  function forget(): void {
    me.value = null
    organization.value = null
    loaded.value = true
  }

  return { me, organization, loaded, signedIn, permissions, can, ensureLoaded, signIn, signOut, forget }
})
