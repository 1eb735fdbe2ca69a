import 'vue-router'
import type { Component } from 'vue'
import type { PermRequirement } from '@/utils/permissions'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title. */
    title?: string
    /** Open to everyone (the portal, the sign-in page). */
    public?: boolean
    /** Permission(s) the page needs; the menu hides it and the guard refuses it otherwise. */
    perm?: PermRequirement
    /** Shown in the staff menu, under `group` when given. */
    menu?: { icon: Component; group?: 'admin'; order: number }
    /** A page outside the menu (a detail page) highlights this menu entry, by route name. */
    activeMenu?: string
  }
}
