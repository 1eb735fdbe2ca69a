import { describe, expect, it } from 'vitest'
import { defineComponent, h, withDirectives } from 'vue'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { vHasPerm } from '@/directives/hasPerm'
import { useSession } from '@/stores/session'

function render(perms: string[], readOnly = false) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const session = useSession()
  session.me = { id: '1', name: 'u', kind: 'User', role: 'TownLead', roleName: '镇街牵头部门', organizationId: null, scopePath: '/441900/441900003/', permissions: perms, readOnly }
  const Comp = defineComponent({
    render: () =>
      h('div', [
        withDirectives(h('button', { id: 'manage' }, 'manage'), [[vHasPerm, 'users.manage']]),
        withDirectives(h('button', { id: 'verify' }, 'verify'), [[vHasPerm, ['audit.verify']]]),
        h('span', { id: 'always' }, 'always'),
      ]),
  })
  return mount(Comp, { global: { plugins: [pinia] } })
}

describe('v-has-perm', () => {
  it('leaves out what the user may not do', () => {
    const w = render(['users.read', 'users.manage', 'audit.read'])
    expect(w.find('#manage').exists()).toBe(true)
    expect(w.find('#verify').exists()).toBe(false)
    expect(w.find('#always').exists()).toBe(true)
  })

  it('hides changes from a read-only account', () => {
    const w = render(['users.manage'], true)
    expect(w.find('#manage').exists()).toBe(false)
  })
})
