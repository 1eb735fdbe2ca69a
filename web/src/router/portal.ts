import type { RouteRecordRaw } from 'vue-router'

/** The public portal: no account, mobile first. The pages behind its menu come with their APIs. */
export const portalRoutes: RouteRecordRaw[] = [
  { path: '', name: 'portal', component: () => import('@/views/Portal/PortalHomeView.vue'), meta: { public: true, title: 'portal.home' } },
  ...(['submit', 'track', 'publicity', 'stations'] as const).map<RouteRecordRaw>((page) => ({
    path: page,
    name: `portal-${page}`,
    component: () => import('@/views/Portal/PortalComingSoonView.vue'),
    props: { page },
    meta: { public: true, title: `portal.${page}` },
  })),
]
