import { createRouter, createWebHistory } from 'vue-router'
import { ElMessage } from 'element-plus'
import './meta'
import { i18n } from '@/i18n'
import { useSession } from '@/stores/session'
import { evaluatorOnly, Perm } from '@/utils/permissions'
import { staffRoutes } from './staff'
import { portalRoutes } from './portal'

export const router = createRouter({
  history: createWebHistory('/'),
  routes: [
    { path: '/sign-in', name: 'sign-in', component: () => import('@/views/Accounts/SignInView.vue'), meta: { public: true, title: 'signIn.title' } },
    { path: '/portal', component: () => import('@/layouts/PortalLayout.vue'), children: portalRoutes },
    { path: '/', component: () => import('@/layouts/StaffLayout.vue'), children: staffRoutes },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/views/Home/NotFoundView.vue'), meta: { public: true, title: 'notFound.title' } },
  ],
  scrollBehavior: () => ({ top: 0 }),
})

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  const session = useSession()
  await session.ensureLoaded()
  if (!session.signedIn) return { name: 'sign-in', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  // A third-party evaluator has one page: its commissioned surveys (R-MS-18); every other page, the home too, leads there.
  if (evaluatorOnly(session.permissions) && to.meta.perm !== Perm.SurveysEvaluate) return { name: 'evaluations' }
  if (to.meta.perm && !session.can(to.meta.perm)) {
    ElMessage.warning(i18n.global.t('forbidden'))
    return { name: 'home' }
  }
  return true
})

export function pageTitle(key: string | undefined): string {
  const t = i18n.global.t
  return key ? `${t(key)} · ${t('app.name')}` : t('app.name')
}

router.afterEach((to) => {
  document.title = pageTitle(to.meta.title)
})
