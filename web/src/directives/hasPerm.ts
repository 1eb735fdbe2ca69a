import type { Directive, DirectiveBinding } from 'vue'
import { useSession } from '@/stores/session'
import type { PermRequirement } from '@/utils/permissions'

/**
 * v-has-perm="'users.manage'" (or a list: any of them; or { all: [...] }) leaves the element out when the
 * signed-in user lacks the permission, the way RuoYi's v-hasPermi does. It only hides: the API refuses
 * anyway. The element is replaced by a comment so it also drops out of the tab order.
 */
function apply(el: HTMLElement, binding: DirectiveBinding<PermRequirement>) {
  const session = useSession()
  const allowed = session.can(binding.value)
  const state = el as HTMLElement & { __permPlaceholder?: Comment }
  if (!allowed && el.parentNode) {
    state.__permPlaceholder ??= document.createComment('v-has-perm')
    el.parentNode.replaceChild(state.__permPlaceholder, el)
  } else if (allowed && state.__permPlaceholder?.parentNode) {
    state.__permPlaceholder.parentNode.replaceChild(el, state.__permPlaceholder)
  }
}

export const vHasPerm: Directive<HTMLElement, PermRequirement> = {
  mounted: apply,
  updated: apply,
}

declare module 'vue' {
  interface GlobalDirectives {
    vHasPerm: typeof vHasPerm
  }
}
