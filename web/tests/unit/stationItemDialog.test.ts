import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import { i18n } from '@/i18n'
import type { ItemView, StationView } from '@/api/stations'
import StationItemDialog from '@/views/Stations/StationItemDialog.vue'

// The item form against a stubbed API: an edit sends the version it read; someone else's change in between
// answers 409, and the form offers to reload the item, which refills it.

const station = {
  id: 's1', villageId: 'v1', villageName: '岗贝社区', townId: 't1', townName: '东城街道', name: '岗贝社区莞家驿站', hostPlatform: 'PartyMassServiceCenter',
  serviceForms: ['Venue', 'ServiceTeam'], operatorId: null, operatorName: null, isActive: true, version: 1,
} as unknown as StationView

function item(p: Partial<ItemView> = {}): ItemView {
  return {
    id: 'i1', stationId: 's1', stationName: station.name, villageId: 'v1', villageName: '岗贝社区', townId: 't1', townName: '东城街道', year: 2026,
    title: '长者助餐', content: null, microProjectId: 'p1', microProjectNumber: 'MS2026-000001', consultedOn: '2026-11-02', decidedBy: 'Consultation', mode: 'Purchased',
    modeZh: '购买服务项目', serviceForms: ['ServiceTeam'], linkedResources: [], candidateContractors: ['东城长者服务社'], operatorInvited: false, operatorId: null,
    operatorName: null, operatorOverrideReason: null, amountFen: 880050, years: null, teamSize: null, packagedOverrideReason: null, rulesVersion: 1,
    createdAt: '2026-11-02T02:00:00Z', updatedAt: '2026-11-02T02:00:00Z', version: 3, attachments: [], publications: [], procurement: null,
    agreedFeeFen: 880050, paidFen: 0, ...p,
  }
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

describe('editing a station item', () => {
  it('sends the version; a 409 offers to reload, and reloading refills the form', async () => {
    const sent: { method: string; url: string; body: unknown }[] = []
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET'
      sent.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : null })
      if (url.startsWith('/api/auth/antiforgery')) return json(200, { headerName: 'X-XSRF-TOKEN', token: 'x' })
      if (url === '/api/stations/s1') return json(200, station)
      if (url.startsWith('/api/organizations') || url.startsWith('/api/micro-projects')) return json(200, { items: [], page: 1, pageSize: 200, total: 0 })
      if (method === 'PUT') return json(409, { status: 409, title: 'Conflict', code: 'conflict', zh: '记录已被他人修改，请刷新后重试', en: 'Reload' })
      if (url === '/api/stations/items/i1') return json(200, item({ title: '长者助餐（已改）', version: 4 }))
      return json(404, {})
    })
    vi.stubGlobal('fetch', fetch)
    wrapper = mount(StationItemDialog, {
      props: { modelValue: false, item: item() },
      global: { plugins: [createPinia(), i18n, ElementPlus] },
      attachTo: document.body,
    })
    await wrapper.setProps({ modelValue: true })
    await settle()
    const title = () => (document.body.querySelector('#item-title') as HTMLInputElement).value
    expect(title()).toBe('长者助餐')
    expect((document.body.querySelector('#item-amount') as HTMLInputElement).value).toBe('8800.5')

    document.body.querySelector<HTMLButtonElement>('[data-test=step-submit]')!.click()
    await settle()
    const put = sent.find((s) => s.method === 'PUT')
    expect(put?.url).toBe('/api/stations/items/i1')
    expect(put?.body).toMatchObject({ version: 3, amountFen: 880050, candidateContractors: ['东城长者服务社'], mode: 'Purchased' })
    expect(document.body.querySelector('[data-test=item-stale]')).not.toBeNull()

    document.body.querySelector<HTMLButtonElement>('[data-test=item-reload]')!.click()
    await settle()
    expect(title()).toBe('长者助餐（已改）')
    expect(document.body.querySelector('[data-test=item-stale]')).toBeNull()
    expect(wrapper.emitted('saved')).toBeUndefined()
  })
})
