import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '@/i18n'
import type { TimelineEntry } from '@/api/appeals'
import TimelineList from '@/components/lifecycle/TimelineList.vue'

// The shared history (appeal, project, wish) as the server sends it: a deadline shows its status and, while open,
// the time left; a payment shows its amount in 元; a wish's own state is named in the reader's words.

const entry = (e: Partial<TimelineEntry>): TimelineEntry => ({
  at: '2026-11-02T01:00:00Z', kind: 'step', title: '', detail: null, actor: null, ruleId: null, late: null, refId: null, ...e,
})

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

describe('TimelineList', () => {
  it('shows the wish steps, the payment and the deadlines with their status and time left', () => {
    i18n.global.locale.value = 'zh-CN'
    wrapper = mount(TimelineList, {
      props: {
        entries: [
          entry({ title: '镇（街道）核查微心愿：通过', detail: '→ AwaitingDecision', actor: 'dongcheng.lead', ruleId: 'R-MW-02' }),
          entry({ kind: 'payment', title: '资金支付', detail: '2500.00元 · 慈善会', actor: 'dongcheng.finance', ruleId: 'R-FD-06', amountFen: 250_000 }),
          entry({ kind: 'deadline', title: '莞家速递办理微心愿', detail: '超期完成：缺货', ruleId: 'R-MW-04', late: true, status: 'MetLate' }),
          entry({ kind: 'deadline', title: '反馈微心愿办理结果', detail: '截止 2026-11-09 23:59', ruleId: 'R-MW-05', late: false, status: 'Open', secondsLeft: 3 * 86_400 }),
        ],
      },
      global: { plugins: [i18n, ElementPlus] },
    })
    const text = wrapper.text()
    expect(text).toContain('→ 待评审')
    expect(text).toContain('dongcheng.lead')
    expect(text).toContain('2,500.00')
    const statuses = wrapper.findAll('[data-test=timeline-deadline-status]').map((t) => t.text())
    expect(statuses).toEqual(['超期完成', '进行中'])
    expect(wrapper.findAll('.left').map((l) => l.text())).toEqual([expect.stringMatching(/^剩余 3/)])
  })
})
