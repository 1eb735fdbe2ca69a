import type { RouteRecordRaw } from 'vue-router'
import { Calendar, House, Key, List, OfficeBuilding, User } from '@element-plus/icons-vue'
import { Perm } from '@/utils/permissions'

/** The staff console: signed in; each page names the permission it needs (the API enforces it too). */
export const staffRoutes: RouteRecordRaw[] = [
  {
    path: '',
    name: 'home',
    component: () => import('@/views/Home/MyWorkView.vue'),
    meta: { title: 'menu.home', menu: { icon: House, order: 1 } },
  },
  {
    path: 'admin/organizations',
    name: 'organizations',
    component: () => import('@/views/Organizations/OrganizationTreeView.vue'),
    meta: { title: 'menu.organizations', menu: { icon: OfficeBuilding, group: 'admin', order: 10 } },
  },
  {
    path: 'admin/users',
    name: 'users',
    component: () => import('@/views/Accounts/UsersView.vue'),
    meta: { title: 'menu.users', perm: Perm.UsersRead, menu: { icon: User, group: 'admin', order: 11 } },
  },
  {
    path: 'admin/tokens',
    name: 'tokens',
    component: () => import('@/views/Accounts/TokensView.vue'),
    meta: { title: 'menu.tokens', perm: Perm.TokensManage, menu: { icon: Key, group: 'admin', order: 12 } },
  },
  {
    path: 'admin/calendar/:year(\\d{4})?',
    name: 'calendar',
    component: () => import('@/views/Calendar/CalendarYearView.vue'),
    meta: { title: 'menu.calendar', menu: { icon: Calendar, group: 'admin', order: 13 } },
  },
  {
    path: 'admin/audit',
    name: 'audit',
    component: () => import('@/views/Auditing/AuditLogView.vue'),
    meta: { title: 'menu.audit', perm: Perm.AuditRead, menu: { icon: List, group: 'admin', order: 14 } },
  },
]
