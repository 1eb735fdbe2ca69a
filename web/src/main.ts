import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import { i18n, currentLang } from './i18n'
import { router } from './router'
import { vHasPerm } from './directives/hasPerm'
import { onUnauthenticated } from './api/http'
import { useSession } from './stores/session'
import { watchLibraryInputs } from './utils/a11y'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
app.use(router)
app.use(ElementPlus)
app.directive('has-perm', vHasPerm)
document.documentElement.lang = currentLang()

// The session ended on the server (expired, password changed, deactivated): back to sign-in.
onUnauthenticated(() => {
  const session = useSession(pinia)
  const wasSignedIn = session.signedIn
  session.forget()
  const current = router.currentRoute.value
  if (wasSignedIn && !current.meta.public)
    void router.replace({ name: 'sign-in', query: { redirect: current.fullPath, expired: '1' } })
})

app.mount('#app')
// Dialogs and popups are teleported to <body>, so the whole body is watched.
watchLibraryInputs(document.body, () => ({ pageSize: i18n.global.t('a11y.pageSize'), jumpTo: i18n.global.t('a11y.jumpTo') }))
